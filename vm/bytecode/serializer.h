// serializer.h: the compiled pack file (.vgp). Layout:
//   magic "VIGILPK\0" | format version u32 | flags u32 | body size u64 | CRC-32 of body u32 | 0 u32
//   body: engine version | metadata (JSON text) | sources (path, text)* | executable
// Writing is deterministic: the same executable, metadata and sources give the same bytes.
// Reading checks magic, version, size and checksum, then decodes with bounds checks; the result
// must still pass Verify() (verifier.h) before it runs.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "vm/bytecode/program.h"

namespace vigil::bytecode {

// The layout of the pack file and its executable. Bump it with every change to either (an
// opcode, an operand, a table): a pack of another version is rejected, never misread.
//   1: first layout
//   2: per-program outputs table (Out opcode, 0585c1a); unused constants dropped
//   3: InSets opcode (grouped constant-set lookups); unused sets dropped
inline constexpr uint32_t kPackFormatVersion = 3;

struct PackSource {
  std::string path;
  std::string text;
};

struct PackFile {
  std::string engine_version;
  std::string metadata_json;
  std::vector<PackSource> sources;
  Executable exe;
};

std::string Serialize(const PackFile& pack);
// Decodes `bytes`; false with *error ("unsupported pack version 1 ...", "checksum mismatch",
// "truncated string", ...) on failure.
bool Deserialize(std::string_view bytes, PackFile* out, std::string* error);

}  // namespace vigil::bytecode

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

inline constexpr uint32_t kPackFormatVersion = 1;

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
// Decodes `bytes`; false with *error ("checksum mismatch", "truncated string", ...) on failure.
bool Deserialize(std::string_view bytes, PackFile* out, std::string* error);

}  // namespace vigil::bytecode

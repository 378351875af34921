// dead_letter.h: a quarantined record (reason code, message, source file, byte offset and the
// first bytes of the record). Produced by every ingest reader; written as JSONL by the CLI.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace vigil::ingest {

enum class Reason : uint8_t {
#define VIGIL_REASON(id, code, doc) k##id,
#include "ingest/reasons.def"
#undef VIGIL_REASON
};
inline constexpr int kReasonCount = 0
#define VIGIL_REASON(id, code, doc) +1
#include "ingest/reasons.def"
#undef VIGIL_REASON
    ;

// The stable code of a reason ("malformed_json") and its one-line description.
std::string_view ReasonCode(Reason r);
std::string_view ReasonDoc(Reason r);

// One quarantined record. Views are valid only while the sink handles it.
struct DeadLetter {
  Reason reason = Reason::kMalformedJson;
  std::string_view message;  // human-readable detail, e.g. the simdjson error or the bad key
  std::string_view file;     // input name as given ("-" for stdin)
  uint32_t file_index = 0;   // index into Ingestor::files()
  uint64_t offset = 0;       // byte offset of the record in the (decompressed) input
  std::string_view raw;      // the record's first bytes (at most Options::dead_letter_raw_bytes)
  uint64_t raw_size = 0;     // the record's full size in bytes (raw.size() when not truncated)
};

// The dead letter as one JSON object on one line (no newline): reason, message, file, offset,
// raw (invalid UTF-8 replaced by U+FFFD, control characters escaped), raw_bytes, truncated.
std::string DeadLetterToJson(const DeadLetter& d);

}  // namespace vigil::ingest

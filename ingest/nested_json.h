// nested_json.h: parses JSON found inside a record: string-encoded (spamProcessingDetail,
// analysis, CSV cells), possibly encoded twice, or raw nested objects. One parser, reused;
// every string read from it dies at the next Parse, so callers copy what they keep.
#pragma once

#include <simdjson.h>

#include <string>
#include <string_view>

#include "ingest/raw_record.h"

namespace vigil::ingest {

class NestedJson {
 public:
  NestedJson() : parser_(kMaxBytes + 64) {}
  static constexpr size_t kMaxBytes = 1 << 20;

  // Parses the JSON value of `f` (an object/array, or a string holding JSON text, decoded up
  // to three times). Returns false when it is not JSON or is too large.
  bool Parse(const RawField& f, simdjson::ondemand::document* doc);
  // Parses JSON text.
  bool ParseText(std::string_view text, simdjson::ondemand::document* doc);

 private:
  simdjson::ondemand::parser parser_;
  std::string copy_;
  std::string decoded_;
};

}  // namespace vigil::ingest

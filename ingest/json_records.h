// json_records.h: turns JSON texts (NDJSON lines, whole documents, YAML-embedded samples) into
// RawRecords with simdjson On-Demand. Unwraps the containers Mimecast APIs use: API 1.0
// {"type":"MTA","data":[...]}, {"meta":...,"data":[...],"fail":[...]} envelopes (including
// data[0].clickLogs and friends), API 2.0 pages {"value":[...]}, top-level arrays, and the
// {"events":[{"message":"<json>"}]} test wrapper. No heap allocation per record once warm.
#pragma once

#include <simdjson.h>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "ingest/raw_record.h"
#include "ingest/record_handler.h"

namespace vigil::ingest {

class JsonRecords {
 public:
  JsonRecords(RecordHandler* handler, size_t max_bytes);

  // Parses one JSON text found at input `offset`. `readable` bytes can be read from
  // text.data() (the text is copied when that leaves less than kInputPadding spare).
  // Every record inside reaches the handler as OnRecord or OnBad.
  void Parse(std::string_view text, size_t readable, uint64_t offset, int api_hint);

 private:
  static constexpr int kLevels = 6;

  struct Text {
    std::string_view text;
    size_t readable;
    uint64_t offset;  // input offset of text[0]
    bool exact;       // text is a view of the input, so sub-offsets are exact
    int api_hint;
  };

  void ParseAt(int level, Text t);
  // The top-level value of t is an object: a record or a container.
  void OnObject(int level, const Text& t, simdjson::ondemand::document& doc);
  void OnArray(int level, const Text& t, simdjson::ondemand::document& doc);
  void Unwrap(int level, const Text& t, const RawField& items, int api_hint);
  Text Child(const Text& parent, std::string_view sub, bool padded) const;
  // Retries "{...},{...}" (two objects on one line) as an array.
  bool RetryAsArray(int level, const Text& t);
  void Bad(simdjson::error_code e, const Text& t);

  RecordHandler* handler_;
  std::array<simdjson::ondemand::parser, kLevels> parsers_;
  std::array<RawRecord, kLevels> records_;
  std::array<std::string, kLevels> copies_;  // padded copies of texts that need padding
  std::string retry_copy_;                   // "[" + line + "]" for RetryAsArray
};

// Collects the members of `object` into `out` (string views into the parser's buffer and the
// input: keys and strings without escapes are views of the input). The document must have
// been iterated with kInputPadding readable bytes after it. Returns the first simdjson error.
simdjson::error_code CollectFields(simdjson::ondemand::object object, RawRecord* out);

// Maps a simdjson error to a quarantine reason.
Reason ReasonForJsonError(simdjson::error_code e);

}  // namespace vigil::ingest

// classify.h: decides what a RawRecord is: its source shape (which mapping table applies), its
// normalized event type and API generation. API 2.0 events name their type; API 1.0 lines get
// it from --log-type, the collector's Content-Disposition, the file name prefix, or, failing
// those, from their keys (counted as "type inferred"). Runs before normalization.
#pragma once

#include <optional>
#include <string_view>

#include "ingest/dead_letter.h"
#include "ingest/key_table.h"
#include "ingest/raw_record.h"
#include "schema/schema.h"

namespace vigil::ingest {

struct Route {
  Shape shape = Shape::kApi2Siem;
  schema::EventType type = schema::EventType::kReceipt;
  int api = 0;            // 1 or 2; 0 when the record shape is the same in both generations
  bool inferred = false;  // API 1.0 log type guessed from the keys
};

struct Classification {
  bool ok = false;
  Route route;
  Reason reason = Reason::kUnknownShape;  // when !ok
  std::string_view detail;                // when !ok: a static explanation
};

// An API 1.0 file prefix ("receipt", "jrnl", "spameventthread", "ttp_url", ...), an API 2.0
// type ("internal email protect"), a Sentinel Logtype ("email_ttp_ap"), an Elastic log_type
// ("avlog") or a vigil event name ("url_protect") -> event type.
std::optional<schema::EventType> LogTypeFromName(std::string_view name);
// The API 1.0 log type from a file name's prefix ("dir/receipt_2021.json.gz" -> receipt).
std::optional<schema::EventType> LogTypeFromFileName(std::string_view path);
// The API 1.0 log type from the keys of a line (the fallback when no name says it).
std::optional<schema::EventType> InferApi1Type(const RawRecord& r);

class Classifier {
 public:
  // `log_type`: an explicit override for records that do not carry a type (see Options).
  explicit Classifier(std::optional<schema::EventType> log_type) : log_type_(log_type) {}
  // `file_type`: the log type named by the input's file name, if any.
  Classification Classify(const RawRecord& r, std::optional<schema::EventType> file_type) const;

 private:
  Classification Api1(const RawRecord& r, std::optional<schema::EventType> file_type) const;
  std::optional<schema::EventType> log_type_;
};

}  // namespace vigil::ingest

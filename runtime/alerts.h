// alerts.h: building alerts (schema in docs/alerts.md, schemas/alert.schema.json): the rule's
// identity and routing, the rendered title (and DUET question and first action), evidence
// values, MITRE ids, the source records with their correlation keys, IOC matches and related
// events. Alert ids are deterministic: a hash of the rule, its version, the tenant and the
// contributing records' bytes, so the same input always yields the same ids.
#pragma once

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "compiler/sema/pack.h"
#include "ingest/row_codec.h"
#include "schema/datum.h"
#include "vm/columnar/batch.h"

namespace vigil::runtime {

using Json = nlohmann::ordered_json;

// One source record of an alert.
struct EventRef {
  // Where the event came from and the message it belongs to.
  struct Ids {
    std::string file, message_id, tracking_id, aggregate_id, account;
  };
  uint64_t offset = 0;
  schema::EventType type = schema::EventType::kReceipt;
  int64_t ts = 0;             // event time, ms
  uint64_t content_hash = 0;  // of the raw record

  // The correlation keys: those given to set_ids, else read from `encoded` (and the file name
  // given to set_file) on first use. Copies made before that first use decode their own.
  const std::string& file() const { return ids().file; }
  const std::string& message_id() const { return ids().message_id; }
  const std::string& tracking_id() const { return ids().tracking_id; }
  const std::string& aggregate_id() const { return ids().aggregate_id; }
  const std::string& account() const { return ids().account; }
  void set_ids(Ids ids) { ids_ = std::make_shared<const Ids>(std::move(ids)); }
  // The source file's name, shared by every event of the file (no copy per event).
  void set_file(std::shared_ptr<const std::string> file) { file_ = std::move(file); }

  // The normalized event as ingest::EncodeRow wrote it, shared by copies (one allocation):
  // copying a matched row this way is several times cheaper than rendering JSON, and most
  // events kept in state or in the reorder buffer are never shown. Empty for events restored
  // from a checkpoint (they carry JSON) and for default-constructed ones.
  std::string_view encoded() const { return {encoded_.get(), encoded_size_}; }
  void set_encoded(std::string_view bytes);

  // The normalized event as JSON text: rendered from `encoded` on first use unless set.
  const std::string& record_json() const;
  void set_record_json(std::string json);
  // The normalized event, parsed from record_json() on first use; a discarded value if that
  // is not JSON. Copies share the parsed value.
  const Json& record() const;

 private:
  const Ids& ids() const;
  std::shared_ptr<const std::string> file_;
  std::shared_ptr<char[]> encoded_;
  size_t encoded_size_ = 0;
  mutable std::shared_ptr<const Ids> ids_;
  // The JSON forms, made on first use and shared by the copies made after that (most events
  // are never shown: a null pointer keeps an EventRef small).
  struct Rendered {
    std::string json;
    std::shared_ptr<const Json> parsed;
  };
  mutable std::shared_ptr<Rendered> rendered_;
};

// The names of a run's inputs as shared strings, so that the events of one file share one
// copy of its name. `files` only ever grows (an index keeps its name).
class FileNames {
 public:
  const std::shared_ptr<const std::string>& Get(uint32_t index,
                                                const std::vector<std::string>& files);

 private:
  std::vector<std::shared_ptr<const std::string>> names_;
};

// Reads the EventRef of one batch row (`files` names RowSource::file; `names` shares them).
// `encoder`, when given, is a RowEncoder of `batch` (cheaper for many rows of one batch).
EventRef EventOf(const columnar::Batch& batch, size_t row, const std::vector<std::string>& files,
                 FileNames& names, const ingest::RowEncoder* encoder = nullptr);

// A value as JSON: strings, numbers, booleans, timestamps as ISO-8601, durations as "1h30m",
// IPs as text, arrays as arrays; null for null.
Json DatumJson(const schema::Datum& d);
// A value as template text ("" for null).
std::string DatumText(const schema::Datum& d);

// Renders "{name}" placeholders with `lookup(name)`; "{{" is a literal brace.
template <typename Lookup>
std::string RenderTemplate(const std::string& tmpl, Lookup&& lookup) {
  std::string out;
  for (size_t i = 0; i < tmpl.size(); ++i) {
    if (tmpl[i] == '{' && i + 1 < tmpl.size() && tmpl[i + 1] == '{') {
      out += '{';
      ++i;
      continue;
    }
    if (tmpl[i] == '}' && i + 1 < tmpl.size() && tmpl[i + 1] == '}') {
      out += '}';
      ++i;
      continue;
    }
    const size_t close = tmpl[i] == '{' ? tmpl.find('}', i) : std::string::npos;
    if (close == std::string::npos) {
      out += tmpl[i];
      continue;
    }
    out += lookup(tmpl.substr(i + 1, close - i - 1));
    i = close;
  }
  return out;
}

struct AlertParts {
  const sema::Rule* rule = nullptr;
  std::string tenant;
  std::vector<EventRef> events;  // first = the triggering event
  Json evidence = Json::object();
  std::string title;
  std::string question;
  std::string first_action;
  Json vendor_verdict = Json::object();
  Json ioc_matches = Json::array();
  Json related = Json::array();
  std::string key;  // stateful alerts: group key text (part of the id)
};

// The deterministic alert id (16 lower-case hex digits).
std::string AlertId(const AlertParts& a);
// The alert as one JSON object in the documented key order. Takes the parts by value: their
// evidence, IOC matches and related events move into the JSON (callers move a finished alert).
Json AlertJson(AlertParts a);

}  // namespace vigil::runtime

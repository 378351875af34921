// alerts.cc: alert assembly.
#include "runtime/alerts.h"

#include <fmt/format.h>

#include <cstring>

#include "base/strings.h"
#include "compiler/parse/literals.h"
#include "ingest/normalized_json.h"
#include "ingest/row_codec.h"

namespace vigil::runtime {

using schema::Datum;
using schema::FieldId;
using schema::ScalarType;

namespace {

std::string_view RoutingQueue(sema::RuleClass c) {
  return c == sema::RuleClass::kDuet ? "customer" : "analyst";
}

}  // namespace

const std::shared_ptr<const std::string>& FileNames::Get(uint32_t index,
                                                         const std::vector<std::string>& files) {
  if (index >= names_.size()) names_.resize(index + 1);
  auto& name = names_[index];
  if (name == nullptr)
    name = std::make_shared<const std::string>(index < files.size() ? files[index]
                                                                    : std::to_string(index));
  return name;
}

EventRef EventOf(const columnar::Batch& batch, size_t row, const std::vector<std::string>& files,
                 FileNames& names, const ingest::RowEncoder* encoder) {
  EventRef e;
  const columnar::RowSource& src = batch.sources()[row];
  const std::shared_ptr<const std::string>& file = names.Get(src.file, files);
  e.offset = src.offset;
  e.type = batch.type();
  const columnar::Column* ts = batch.column(FieldId::kTs);
  e.ts = ts == nullptr || ts->IsNull(row) ? 0 : ts->i64[row];
  e.content_hash = src.raw.empty() ? base::Hash64(*file + ":" + std::to_string(e.offset))
                                   : base::Hash64(src.raw);
  e.set_file(file);
  // Encoded into a reused buffer, then copied at its exact size: an event may wait in the
  // reorder buffer for a long time, and most encodings are far smaller than any reserve.
  thread_local std::string scratch;
  if (encoder != nullptr) {
    e.set_encoded(encoder->EncodeInto(row, &scratch));
  } else {
    scratch.clear();
    ingest::EncodeRow(batch, row, &scratch);
    e.set_encoded(scratch);
  }
  return e;
}

const EventRef::Ids& EventRef::ids() const {
  if (ids_ == nullptr) {
    static const Ids kNone;
    if (encoded_ == nullptr && file_ == nullptr) return kNone;
    const std::string_view enc = encoded();
    ids_ = std::make_shared<const Ids>(
        Ids{file_ == nullptr ? std::string() : *file_,
            std::string(ingest::EncodedString(enc, FieldId::kMessageId)),
            std::string(ingest::EncodedString(enc, FieldId::kTrackingId)),
            std::string(ingest::EncodedString(enc, FieldId::kAggregateId)),
            std::string(ingest::EncodedString(enc, FieldId::kAccount))});
  }
  return *ids_;
}

void EventRef::set_encoded(std::string_view bytes) {
  encoded_ = std::make_shared_for_overwrite<char[]>(bytes.size());
  std::memcpy(encoded_.get(), bytes.data(), bytes.size());
  encoded_size_ = bytes.size();
}

const std::string& EventRef::record_json() const {
  if (rendered_ == nullptr) {
    rendered_ = std::make_shared<Rendered>();
    rendered_->json = ingest::EncodedRowToJson(encoded());
  }
  return rendered_->json;
}

void EventRef::set_record_json(std::string json) {
  rendered_ = std::make_shared<Rendered>();  // never the block of another copy
  rendered_->json = std::move(json);
}

const Json& EventRef::record() const {
  const std::string& json = record_json();
  if (rendered_->parsed == nullptr)
    rendered_->parsed = std::make_shared<const Json>(Json::parse(json, nullptr, false));
  return *rendered_->parsed;
}

Json DatumJson(const Datum& d) {
  if (!d.valid) return nullptr;
  if (d.is_array) {
    Json arr = Json::array();
    for (const Datum& e : d.elems) arr.push_back(DatumJson(e));
    return arr;
  }
  switch (d.type) {
    case ScalarType::kBool:
      return d.i != 0;
    case ScalarType::kInt:
      return d.i;
    case ScalarType::kFloat:
      return d.f;
    case ScalarType::kTimestamp:
      return ingest::FormatTimestamp(d.i);
    case ScalarType::kDuration:
      return compiler::FormatDuration(d.i);
    case ScalarType::kIp:
      return base::FormatIp(d.ip);
    case ScalarType::kCidr:
      return base::FormatCidr({d.ip, d.prefix});
    default:
      return base::SanitizeUtf8(d.s);
  }
}

std::string DatumText(const Datum& d) {
  const Json j = DatumJson(d);
  if (j.is_null()) return "";
  if (j.is_string()) return j.get<std::string>();
  return j.dump();
}

std::string AlertId(const AlertParts& a) {
  std::string key =
      a.rule->id + '\x1f' + std::to_string(a.rule->version) + '\x1f' + a.tenant + '\x1f' + a.key;
  for (const EventRef& e : a.events)
    key += '\x1f' + std::to_string(e.content_hash) + ':' + std::to_string(static_cast<int>(e.type));
  return fmt::format("{:016x}", base::Fnv1a64(key));
}

Json AlertJson(AlertParts a) {
  const sema::Rule& r = *a.rule;
  Json j;
  j["id"] = AlertId(a);
  j["rule_id"] = r.id;
  j["rule_version"] = r.version;
  j["class"] = sema::ClassName(r.rule_class);
  j["severity"] = sema::SeverityName(r.severity);
  j["tenant"] = a.tenant;
  Json routing;
  routing["queue"] = RoutingQueue(r.rule_class);
  if (r.rule_class == sema::RuleClass::kDuet) {
    routing["bypass_triage"] = true;
    routing["question"] = a.question;
    routing["first_action"] = a.first_action;
  }
  if (r.rule_class == sema::RuleClass::kVendor) routing["vendor_verdict"] = a.vendor_verdict;
  j["routing"] = std::move(routing);
  j["title"] = a.title;
  j["time"] = a.events.empty() ? "" : ingest::FormatTimestamp(a.events[0].ts);
  j["mitre"] = r.mitre;
  j["evidence"] = std::move(a.evidence);
  Json events = Json::array();
  for (const EventRef& e : a.events) {
    Json ev;
    ev["event_type"] = schema::Event(e.type).name;
    ev["time"] = ingest::FormatTimestamp(e.ts);
    ev["file"] = e.file();
    ev["offset"] = e.offset;
    if (!e.message_id().empty()) ev["message_id"] = e.message_id();
    if (!e.tracking_id().empty()) ev["tracking_id"] = e.tracking_id();
    if (!e.aggregate_id().empty()) ev["aggregate_id"] = e.aggregate_id();
    if (!e.account().empty()) ev["account"] = e.account();
    ev["record"] = e.record();
    events.push_back(std::move(ev));
  }
  j["events"] = std::move(events);
  j["ioc_matches"] = std::move(a.ioc_matches);
  j["related"] = std::move(a.related);
  return j;
}

}  // namespace vigil::runtime

// stats.cc: the stats JSON object.
#include "ingest/stats.h"

#include <nlohmann/json.hpp>

#include "ingest/json_writer.h"

namespace vigil::ingest {
namespace {

void WriteCounts(const std::map<std::string, uint64_t>& m, JsonWriter* w) {
  w->BeginObject();
  for (const auto& [k, v] : m) w->Key(k).Int(static_cast<int64_t>(v));
  w->EndObject();
}

}  // namespace

std::string Stats::ToJson() const {
  JsonWriter w;
  w.BeginObject();
  w.Key("records_read").Int(static_cast<int64_t>(records_read));
  w.Key("events").Int(static_cast<int64_t>(events));
  w.Key("quarantined").Int(static_cast<int64_t>(quarantined));
  w.Key("by_type");
  WriteCounts(by_type, &w);
  w.Key("quarantine_reasons");
  WriteCounts(quarantine_reasons, &w);
  w.Key("type_inferred").Int(static_cast<int64_t>(type_inferred));
  w.Key("by_format");
  WriteCounts(by_format, &w);
  w.Key("files").Int(static_cast<int64_t>(files));
  w.Key("bytes").Int(static_cast<int64_t>(bytes));
  w.Key("containers").Int(static_cast<int64_t>(containers));
  w.Key("batches").Int(static_cast<int64_t>(batches));
  w.Key("unmapped_keys");
  WriteCounts(unmapped_keys, &w);
  w.EndObject();
  return w.Take();
}

void Stats::Add(const Stats& o) {
  records_read += o.records_read;
  events += o.events;
  quarantined += o.quarantined;
  type_inferred += o.type_inferred;
  files += o.files;
  bytes += o.bytes;
  containers += o.containers;
  batches += o.batches;
  for (const auto& [k, v] : o.by_type) by_type[k] += v;
  for (const auto& [k, v] : o.quarantine_reasons) quarantine_reasons[k] += v;
  for (const auto& [k, v] : o.by_format) by_format[k] += v;
  for (const auto& [k, v] : o.unmapped_keys) {
    if (unmapped_keys.size() < kMaxUnmappedKeys || unmapped_keys.count(k)) unmapped_keys[k] += v;
  }
}

bool Stats::FromJson(std::string_view json, Stats* out) {
  const auto j = nlohmann::json::parse(json, nullptr, false);
  if (!j.is_object()) return false;
  Stats s;
  auto num = [&](const char* key) { return j.contains(key) && j[key].is_number_unsigned() ? j[key].get<uint64_t>() : 0; };
  auto counts = [&](const char* key, std::map<std::string, uint64_t>* m) {
    if (!j.contains(key) || !j[key].is_object()) return;
    for (auto it = j[key].begin(); it != j[key].end(); ++it) {
      if (it->is_number_unsigned()) (*m)[it.key()] = it->get<uint64_t>();
    }
  };
  s.records_read = num("records_read");
  s.events = num("events");
  s.quarantined = num("quarantined");
  s.type_inferred = num("type_inferred");
  s.files = num("files");
  s.bytes = num("bytes");
  s.containers = num("containers");
  s.batches = num("batches");
  counts("by_type", &s.by_type);
  counts("quarantine_reasons", &s.quarantine_reasons);
  counts("by_format", &s.by_format);
  counts("unmapped_keys", &s.unmapped_keys);
  *out = std::move(s);
  return true;
}

}  // namespace vigil::ingest

// stats.cc: the stats JSON object.
#include "ingest/stats.h"

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

}  // namespace vigil::ingest

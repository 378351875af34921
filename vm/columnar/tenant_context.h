// tenant_context.h: what evaluation needs to know about the tenant a batch belongs to: its
// time zone and the values of the pack's tenant lists. A batch holds one tenant's events only;
// the runtime splits mixed input. Shared by the VM and the reference interpreter.
#pragma once

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>

#include "schema/datum.h"

namespace vigil::columnar {

// One first_seen() / prevalence() question of a batch: the rendered keys of one event, their
// base::Hash64, and the event's time.
struct HistoryQuery {
  std::string_view keys;
  uint64_t hash = 0;
  int64_t ts_ms = 0;
};

// History lookups for first_seen() and prevalence(), answered by the runtime's per-tenant
// state (issue: stateful detections). Keys are the rendered key values of one event.
class HistoryProvider {
 public:
  virtual ~HistoryProvider() = default;
  // The questions of a batch at one call site, answered in order as FirstSeen (out[i] 1 or 0)
  // or Prevalence (out[i] the count) would answer them one by one: a later question sees the
  // sightings the earlier ones recorded. This default asks them one by one.
  virtual void Answer(uint32_t site, bool first_seen, std::span<const HistoryQuery> queries,
                      int64_t over_ms, int64_t* out) {
    std::string keys;
    for (size_t i = 0; i < queries.size(); ++i) {
      keys.assign(queries[i].keys);
      out[i] = first_seen ? (FirstSeen(site, keys, queries[i].ts_ms, over_ms) ? 1 : 0)
                          : Prevalence(site, keys, queries[i].ts_ms, over_ms);
    }
  }
  // True when no event of this tenant had these keys (for this call site) within `over_ms`
  // before `ts_ms`. Records the keys as seen at ts_ms.
  virtual bool FirstSeen(uint32_t site, const std::string& keys, int64_t ts_ms,
                         int64_t over_ms) = 0;
  // How many earlier events had these keys within `over_ms` before `ts_ms`; records this one.
  virtual int64_t Prevalence(uint32_t site, const std::string& keys, int64_t ts_ms,
                             int64_t over_ms) = 0;
};

struct TenantContext {
  std::string tenant;
  std::string time_zone = "UTC";
  // Tenant list name (without `$`) -> its values for this tenant. A tenant list a tenant does
  // not configure holds the list's default entries (or none).
  std::map<std::string, const schema::ListValue*, std::less<>> lists;
  // History for first_seen()/prevalence(); null: those calls give null.
  HistoryProvider* history = nullptr;
};

}  // namespace vigil::columnar

// tenant_context.h: what evaluation needs to know about the tenant a batch belongs to: its
// time zone and the values of the pack's tenant lists. A batch holds one tenant's events only;
// the runtime splits mixed input. Shared by the VM and the reference interpreter.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "schema/datum.h"

namespace vigil::columnar {

// History lookups for first_seen() and prevalence(), answered by the runtime's per-tenant
// state (issue: stateful detections). Keys are the rendered key values of one event.
class HistoryProvider {
 public:
  virtual ~HistoryProvider() = default;
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

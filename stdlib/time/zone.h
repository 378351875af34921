// zone.h: IANA time zones via ICU (libstdc++ 12 has no tzdb): UTC offsets at an instant and
// local civil time. Zones are cached per thread, so lookups by name are cheap and thread-safe.
#pragma once

#include <unicode/uversion.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "stdlib/time/civil.h"

U_NAMESPACE_BEGIN
class TimeZone;
U_NAMESPACE_END

namespace vigil::stdlib {

class Zone {
 public:
  // The offset from UTC in ms at the instant `utc_ms` (daylight saving included).
  int64_t OffsetAt(int64_t utc_ms) const;
  bool is_utc() const { return tz_ == nullptr; }

 private:
  friend const Zone* FindZone(std::string_view name);
  const icu::TimeZone* tz_ = nullptr;  // owned by the per-thread cache; null for UTC
};

// The zone named by an IANA id ("Europe/London", "UTC"), or nullptr when ICU does not know it.
const Zone* FindZone(std::string_view name);

// Validates a zone name; false with *error ("unknown time zone \"X\"; did you mean \"Y\"?").
bool CheckZoneName(std::string_view name, std::string* error);

// Civil fields of `utc_ms` in `zone`.
CivilTime LocalTime(int64_t utc_ms, const Zone& zone);

// "2024-05-01T12:00:00+02:00" (or "...Z" in UTC), ms shown when non-zero.
std::string FormatLocal(int64_t utc_ms, const Zone& zone);

}  // namespace vigil::stdlib

// zone.cc: ICU time zone lookups with a per-thread cache.
#include "stdlib/time/zone.h"

#include <unicode/strenum.h>
#include <unicode/timezone.h>

#include <cstdio>
#include <memory>
#include <vector>

#include "base/strings.h"
#include "stdlib/string_hash.h"

namespace vigil::stdlib {
namespace {

bool IsUtcName(std::string_view n) {
  return n == "UTC" || n == "Etc/UTC" || n == "GMT" || n == "Etc/GMT" || n == "Z" || n == "utc";
}

struct CachedZone {
  std::unique_ptr<icu::TimeZone> tz;
  Zone zone;
};

}  // namespace

int64_t Zone::OffsetAt(int64_t utc_ms) const {
  if (tz_ == nullptr) return 0;
  int32_t raw = 0, dst = 0;
  UErrorCode status = U_ZERO_ERROR;
  tz_->getOffset(static_cast<UDate>(utc_ms), false, raw, dst, status);
  return U_SUCCESS(status) ? int64_t{raw} + dst : 0;
}

const Zone* FindZone(std::string_view name) {
  static const Zone kUtc;
  if (IsUtcName(name)) return &kUtc;
  if (name.empty() || name.size() > 64) return nullptr;
  thread_local StringMap<std::unique_ptr<CachedZone>> cache;
  auto it = cache.find(name);
  if (it != cache.end()) return it->second ? &it->second->zone : nullptr;
  std::unique_ptr<icu::TimeZone> tz(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(
      icu::StringPiece(name.data(), static_cast<int32_t>(name.size())))));
  std::unique_ptr<CachedZone> entry;
  if (tz != nullptr && *tz != icu::TimeZone::getUnknown()) {
    entry = std::make_unique<CachedZone>();
    entry->tz = std::move(tz);
    entry->zone.tz_ = entry->tz.get();
  }
  const Zone* found = entry ? &entry->zone : nullptr;
  cache.emplace(std::string(name), std::move(entry));
  return found;
}

bool CheckZoneName(std::string_view name, std::string* error) {
  if (FindZone(name) != nullptr) return true;
  *error = "unknown time zone \"" + std::string(name) + "\"";
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::StringEnumeration> ids(icu::TimeZone::createEnumeration(status));
  std::vector<std::string> names;
  if (ids != nullptr) {
    for (const char* id = ids->next(nullptr, status); id != nullptr && U_SUCCESS(status);
         id = ids->next(nullptr, status)) {
      names.emplace_back(id);
    }
  }
  const std::string hint = base::ClosestMatch(name, names);
  if (!hint.empty()) *error += "; did you mean \"" + hint + "\"?";
  return false;
}

CivilTime LocalTime(int64_t utc_ms, const Zone& zone) {
  return CivilFromMs(utc_ms + zone.OffsetAt(utc_ms));
}

std::string FormatLocal(int64_t utc_ms, const Zone& zone) {
  const int64_t offset = zone.OffsetAt(utc_ms);
  std::string s = FormatTimestamp(utc_ms + offset);
  if (zone.is_utc()) return s;
  s.pop_back();  // the 'Z'
  const int64_t minutes = (offset < 0 ? -offset : offset) / kMsPerMinute;
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%c%02d:%02d", offset < 0 ? '-' : '+',
                static_cast<int>(minutes / 60), static_cast<int>(minutes % 60));
  return s + buf;
}

}  // namespace vigil::stdlib

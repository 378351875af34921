// civil.h: proleptic-Gregorian calendar arithmetic on millisecond timestamps (UTC or with a
// fixed offset), RFC 3339 parsing and formatting. Used by the time family and value printing.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace vigil::stdlib {

inline constexpr int64_t kMsPerSecond = 1000;
inline constexpr int64_t kMsPerMinute = 60 * kMsPerSecond;
inline constexpr int64_t kMsPerHour = 60 * kMsPerMinute;
inline constexpr int64_t kMsPerDay = 24 * kMsPerHour;

struct CivilTime {
  int64_t year = 1970;
  int month = 1;        // 1..12
  int day = 1;          // 1..31
  int hour = 0;         // 0..23
  int minute = 0;       // 0..59
  int second = 0;       // 0..59
  int millis = 0;       // 0..999
  int weekday = 4;      // ISO 8601: 1 = Monday .. 7 = Sunday
  int day_of_year = 1;  // 1..366
};

// Floor division that rounds toward negative infinity (timestamps before 1970 stay correct).
constexpr int64_t FloorDiv(int64_t a, int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

// Days since 1970-01-01 of a civil date (month 1..12, day 1..31; not validated).
int64_t DaysFromCivil(int64_t year, int month, int day);
// The civil fields of `ms` milliseconds since the epoch, read at UTC.
CivilTime CivilFromMs(int64_t ms);
// True when year/month/day name a real date.
bool IsValidDate(int64_t year, int month, int day);

// Parses "2024-05-01T10:00:00Z", with optional fraction (.1 to .999999999, truncated to ms),
// a 'T' or ' ' separator, and zone "Z", "+02:00", "+0200" or none (UTC); or a bare date
// "2024-05-01" (midnight UTC). Returns false on anything else.
bool ParseTimestamp(std::string_view s, int64_t* ms);

// "2024-05-01T10:00:00Z", with ".250" when the milliseconds are not zero.
std::string FormatTimestamp(int64_t ms);

}  // namespace vigil::stdlib

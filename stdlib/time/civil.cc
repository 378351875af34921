// civil.cc: calendar arithmetic (days <-> civil dates via the 400-year era decomposition).
#include "stdlib/time/civil.h"

#include <cstdio>

namespace vigil::stdlib {

int64_t DaysFromCivil(int64_t year, int month, int day) {
  // Shift the year to start in March so February's leap day ends it.
  const int64_t y = month <= 2 ? year - 1 : year;
  const int64_t era = FloorDiv(y, 400);
  const int64_t year_of_era = y - era * 400;                            // [0, 399]
  const int64_t shifted_month = month > 2 ? month - 3 : month + 9;      // [0, 11]
  const int64_t day_of_year = (153 * shifted_month + 2) / 5 + day - 1;  // [0, 365]
  const int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;  // 719468: days from 0000-03-01 to 1970-01-01
}

CivilTime CivilFromMs(int64_t ms) {
  CivilTime t;
  const int64_t days = FloorDiv(ms, kMsPerDay);
  int64_t rest = ms % kMsPerDay;  // not ms - days * kMsPerDay: that overflows near INT64_MIN
  if (rest < 0) rest += kMsPerDay;
  t.hour = static_cast<int>(rest / kMsPerHour);
  rest %= kMsPerHour;
  t.minute = static_cast<int>(rest / kMsPerMinute);
  rest %= kMsPerMinute;
  t.second = static_cast<int>(rest / kMsPerSecond);
  t.millis = static_cast<int>(rest % kMsPerSecond);
  // 1970-01-01 was a Thursday (ISO 4).
  t.weekday = static_cast<int>(((days % 7) + 7 + 3) % 7) + 1;

  const int64_t z = days + 719468;
  const int64_t era = FloorDiv(z, 146097);
  const int64_t day_of_era = z - era * 146097;  // [0, 146096]
  const int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) /
      365;  // [0, 399]
  const int64_t day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const int64_t mp = (5 * day_of_year + 2) / 153;  // [0, 11]
  t.day = static_cast<int>(day_of_year - (153 * mp + 2) / 5 + 1);
  t.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  t.year = year_of_era + era * 400 + (t.month <= 2 ? 1 : 0);
  t.day_of_year = static_cast<int>(days - DaysFromCivil(t.year, 1, 1) + 1);
  return t;
}

bool IsValidDate(int64_t year, int month, int day) {
  if (month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

namespace {

// Reads exactly n digits at *pos.
bool Digits(std::string_view s, size_t* pos, int n, int* out) {
  if (*pos + n > s.size()) return false;
  int v = 0;
  for (int i = 0; i < n; ++i) {
    const char c = s[*pos + i];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *pos += n;
  *out = v;
  return true;
}

bool Expect(std::string_view s, size_t* pos, char c) {
  if (*pos >= s.size() || s[*pos] != c) return false;
  ++*pos;
  return true;
}

// Parses "Z", "+HH:MM", "+HHMM" or "+HH" at *pos into an offset in ms.
bool ParseZone(std::string_view s, size_t* pos, int64_t* offset_ms) {
  if (*pos == s.size()) return true;
  if (s[*pos] == 'Z' || s[*pos] == 'z') {
    ++*pos;
    return true;
  }
  const char sign = s[*pos];
  if (sign != '+' && sign != '-') return false;
  ++*pos;
  int hh = 0, mm = 0;
  if (!Digits(s, pos, 2, &hh)) return false;
  if (*pos < s.size()) {
    Expect(s, pos, ':');
    if (!Digits(s, pos, 2, &mm)) return false;
  }
  if (hh > 23 || mm > 59) return false;
  *offset_ms = (sign == '-' ? -1 : 1) * (hh * kMsPerHour + mm * kMsPerMinute);
  return true;
}

}  // namespace

bool ParseTimestamp(std::string_view s, int64_t* ms) {
  size_t pos = 0;
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, millis = 0;
  if (!Digits(s, &pos, 4, &year) || !Expect(s, &pos, '-') || !Digits(s, &pos, 2, &month) ||
      !Expect(s, &pos, '-') || !Digits(s, &pos, 2, &day) || !IsValidDate(year, month, day)) {
    return false;
  }
  int64_t offset = 0;
  if (pos < s.size()) {
    if (s[pos] != 'T' && s[pos] != 't' && s[pos] != ' ') return false;
    ++pos;
    if (!Digits(s, &pos, 2, &hour) || !Expect(s, &pos, ':') || !Digits(s, &pos, 2, &minute) ||
        !Expect(s, &pos, ':') || !Digits(s, &pos, 2, &second)) {
      return false;
    }
    if (hour > 23 || minute > 59 || second > 60) return false;
    if (pos < s.size() && s[pos] == '.') {
      ++pos;
      int n = 0;
      for (; pos < s.size() && s[pos] >= '0' && s[pos] <= '9' && n < 9; ++pos, ++n) {
        if (n < 3) millis = millis * 10 + (s[pos] - '0');
      }
      if (n == 0) return false;
      for (int i = n; i < 3; ++i) millis *= 10;
    }
    if (!ParseZone(s, &pos, &offset) || pos != s.size()) return false;
  }
  if (second == 60) second = 59;  // a leap second reads as the second before it
  *ms = DaysFromCivil(year, month, day) * kMsPerDay + hour * kMsPerHour + minute * kMsPerMinute +
        second * kMsPerSecond + millis - offset;
  return true;
}

std::string FormatTimestamp(int64_t ms) {
  const CivilTime t = CivilFromMs(ms);
  char buf[64];
  int n = std::snprintf(buf, sizeof(buf), "%04lld-%02d-%02dT%02d:%02d:%02d",
                        static_cast<long long>(t.year), t.month, t.day, t.hour, t.minute, t.second);
  if (t.millis != 0) n += std::snprintf(buf + n, sizeof(buf) - n, ".%03d", t.millis);
  buf[n++] = 'Z';
  return std::string(buf, n);
}

}  // namespace vigil::stdlib

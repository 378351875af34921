// literals.cc: literal decoding and canonical printing.
#include "compiler/parse/literals.h"

#include <charconv>
#include <chrono>
#include <cstdio>

namespace vigil::compiler {
namespace {

void AppendUtf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Parses \u{XXXX} at body[i] (pointing at 'u'); advances i past '}'.
bool ParseUnicodeEscape(std::string_view body, size_t& i, std::string& out) {
  if (i + 1 >= body.size() || body[i + 1] != '{') return false;
  const size_t close = body.find('}', i + 2);
  if (close == std::string_view::npos || close - (i + 2) < 1 || close - (i + 2) > 6) return false;
  uint32_t cp = 0;
  auto [p, ec] = std::from_chars(body.data() + i + 2, body.data() + close, cp, 16);
  if (ec != std::errc() || p != body.data() + close) return false;
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
  AppendUtf8(out, cp);
  i = close;
  return true;
}

}  // namespace

std::optional<std::string> UnescapeString(std::string_view token, std::string* error) {
  if (token.size() < 2 || token.front() != '"' || token.back() != '"') {
    *error = "unterminated string literal";
    return std::nullopt;
  }
  const std::string_view body = token.substr(1, token.size() - 2);
  std::string out;
  out.reserve(body.size());
  for (size_t i = 0; i < body.size(); ++i) {
    if (body[i] != '\\') {
      out += body[i];
      continue;
    }
    if (++i >= body.size()) break;
    switch (body[i]) {
      case '"': out += '"'; break;
      case '\\': out += '\\'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case '0': out += '\0'; break;
      case 'u':
        if (!ParseUnicodeEscape(body, i, out)) {
          *error = "invalid unicode escape (write \\u{XXXX} with 1 to 6 hex digits)";
          return std::nullopt;
        }
        break;
      default:
        *error = std::string("unknown escape `\\") + body[i] + "` (use \\\\ for a backslash)";
        return std::nullopt;
    }
  }
  return out;
}

std::string QuoteString(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\0': out += "\\0"; break;
      default:
        if (c < 0x20 || c == 0x7f) {
          char buf[16];
          std::snprintf(buf, sizeof(buf), "\\u{%X}", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

std::optional<int64_t> ParseDurationMs(std::string_view token) {
  int64_t total = 0;
  size_t i = 0;
  while (i < token.size()) {
    int64_t n = 0;
    const size_t start = i;
    while (i < token.size() && token[i] >= '0' && token[i] <= '9') {
      if (n > (INT64_MAX - 9) / 10) return std::nullopt;
      n = n * 10 + (token[i++] - '0');
    }
    if (i == start) return std::nullopt;
    int64_t unit;
    if (token.substr(i, 2) == "ms") {
      unit = 1;
      i += 2;
    } else if (i < token.size()) {
      switch (token[i++]) {
        case 's': unit = 1000; break;
        case 'm': unit = 60'000; break;
        case 'h': unit = 3'600'000; break;
        case 'd': unit = 86'400'000; break;
        case 'w': unit = 604'800'000; break;
        default: return std::nullopt;
      }
    } else {
      return std::nullopt;
    }
    if (n > (INT64_MAX - total) / unit) return std::nullopt;
    total += n * unit;
  }
  return total;
}

std::string FormatDuration(int64_t ms) {
  if (ms == 0) return "0s";
  std::string out;
  if (ms < 0) {
    out = "-";
    ms = -ms;
  }
  struct Unit {
    int64_t ms;
    const char* name;
  };
  static constexpr Unit kUnits[] = {{604'800'000, "w"}, {86'400'000, "d"}, {3'600'000, "h"},
                                    {60'000, "m"},      {1000, "s"},        {1, "ms"}};
  for (const Unit& u : kUnits) {
    if (ms >= u.ms) {
      out += std::to_string(ms / u.ms) + u.name;
      ms %= u.ms;
    }
  }
  return out;
}

std::string FormatDurationLiteral(int64_t ms) {
  if (ms == 0) return "0s";
  static constexpr struct {
    int64_t ms;
    const char* name;
  } kUnits[] = {
      {604'800'000, "w"}, {86'400'000, "d"}, {3'600'000, "h"}, {60'000, "m"}, {1000, "s"}};
  for (const auto& u : kUnits) {
    if (ms % u.ms == 0) return std::to_string(ms / u.ms) + u.name;
  }
  return std::to_string(ms) + "ms";
}

namespace {

bool Digits(std::string_view s, size_t pos, size_t n, int* out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

}  // namespace

std::optional<int64_t> ParseTimestampMs(std::string_view t, std::string* error) {
  int y, mo, d, h, mi, s = 0, ms = 0;
  if (!Digits(t, 0, 4, &y) || !Digits(t, 5, 2, &mo) || !Digits(t, 8, 2, &d) ||
      !Digits(t, 11, 2, &h) || !Digits(t, 14, 2, &mi)) {
    *error = "malformed timestamp";
    return std::nullopt;
  }
  size_t i = 16;
  if (i < t.size() && t[i] == ':') {
    if (!Digits(t, i + 1, 2, &s)) return std::nullopt;
    i += 3;
    if (i < t.size() && t[i] == '.') {
      ++i;
      int scale = 100;
      while (i < t.size() && t[i] >= '0' && t[i] <= '9') {
        ms += (t[i++] - '0') * scale;
        scale /= 10;
      }
    }
  }
  int offset_min = 0;
  if (i < t.size() && (t[i] == '+' || t[i] == '-')) {
    int oh, om;
    const int sign = t[i] == '-' ? -1 : 1;
    const size_t mpos = (i + 3 < t.size() && t[i + 3] == ':') ? i + 4 : i + 3;
    if (!Digits(t, i + 1, 2, &oh) || !Digits(t, mpos, 2, &om) || oh > 23 || om > 59) {
      *error = "invalid UTC offset";
      return std::nullopt;
    }
    offset_min = sign * (oh * 60 + om);
  }
  using namespace std::chrono;
  const year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok() || h > 23 || mi > 59 || s > 60) {
    *error = "impossible date or time";
    return std::nullopt;
  }
  const int64_t days = sys_days(ymd).time_since_epoch().count();
  return ((days * 24 + h) * 60 + mi - offset_min) * 60'000LL + s * 1000LL + ms;
}

std::string FormatTimestamp(int64_t ms) {
  using namespace std::chrono;
  const int64_t day_ms = 86'400'000;
  int64_t days = ms / day_ms, rem = ms % day_ms;
  if (rem < 0) {
    rem += day_ms;
    --days;
  }
  const year_month_day ymd{sys_days{std::chrono::days{days}}};
  char buf[48];
  const int64_t h = rem / 3'600'000, mi = rem / 60'000 % 60, s = rem / 1000 % 60, frac = rem % 1000;
  if (frac != 0) {
    std::snprintf(buf, sizeof(buf), "%04d-%02u-%02uT%02lld:%02lld:%02lld.%03lldZ", int(ymd.year()),
                  unsigned(ymd.month()), unsigned(ymd.day()), static_cast<long long>(h),
                  static_cast<long long>(mi), static_cast<long long>(s), static_cast<long long>(frac));
  } else {
    std::snprintf(buf, sizeof(buf), "%04d-%02u-%02uT%02lld:%02lld:%02lldZ", int(ymd.year()),
                  unsigned(ymd.month()), unsigned(ymd.day()), static_cast<long long>(h),
                  static_cast<long long>(mi), static_cast<long long>(s));
  }
  return buf;
}

}  // namespace vigil::compiler

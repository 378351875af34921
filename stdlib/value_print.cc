// value_print.cc: Datum -> literal text.
#include "stdlib/value_print.h"

#include <emmintrin.h>

#include <charconv>
#include <cmath>
#include <cstdio>

#include "base/ip.h"
#include "base/strings.h"
#include "stdlib/time/civil.h"

namespace vigil::stdlib {

using schema::Datum;
using schema::ScalarType;

namespace {

// True for the bytes QuoteString copies as they are whatever the rest of the string holds.
bool PlainAscii(unsigned char c) { return c >= 0x20 && c < 0x7f && c != '"' && c != '\\'; }

// The index of the first byte of s that is not PlainAscii (s.size() when there is none), 16
// bytes at a time: a byte is plain when, as a signed byte, it is above 0x1f (so below 0x80) and
// is neither 0x7f, '"' nor '\\'.
size_t PlainAsciiPrefix(std::string_view s) {
  size_t i = 0;
  const __m128i low = _mm_set1_epi8(0x1f), del = _mm_set1_epi8(0x7f), quote = _mm_set1_epi8('"'),
                slash = _mm_set1_epi8('\\');
  for (; i + 16 <= s.size(); i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    const __m128i special = _mm_or_si128(
        _mm_or_si128(_mm_cmpgt_epi8(low, v), _mm_cmpeq_epi8(v, low)),
        _mm_or_si128(_mm_cmpeq_epi8(v, del),
                     _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, slash))));
    const auto mask = static_cast<unsigned>(_mm_movemask_epi8(special));
    if (mask != 0) return i + static_cast<size_t>(__builtin_ctz(mask));
  }
  while (i < s.size() && PlainAscii(static_cast<unsigned char>(s[i]))) ++i;
  return i;
}

}  // namespace

void AppendQuoted(std::string_view s, std::string* out) {
  const size_t first = PlainAsciiPrefix(s);  // the first byte that is not plain ASCII
  *out += '"';
  out->append(s.data(), first);
  if (first == s.size()) {
    *out += '"';
    return;
  }
  const bool valid = base::IsValidUtf8(s);
  size_t plain = first;  // start of the bytes not yet copied, which need no escape
  for (size_t i = first; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f && (c < 0x80 || valid)) continue;
    out->append(s.data() + plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '"':
        *out += "\\\"";
        break;
      case '\\':
        *out += "\\\\";
        break;
      case '\n':
        *out += "\\n";
        break;
      case '\t':
        *out += "\\t";
        break;
      default: {
        char buf[8];
        std::snprintf(buf, sizeof(buf), "\\x%02X", c);
        *out += buf;
      }
    }
  }
  out->append(s.data() + plain, s.size() - plain);
  *out += '"';
}

std::string QuoteString(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  AppendQuoted(s, &out);
  return out;
}

std::string FormatDuration(int64_t ms) {
  if (ms == 0) return "0s";
  std::string out;
  uint64_t rest = static_cast<uint64_t>(ms);
  if (ms < 0) {
    out += '-';
    rest = 0 - rest;
  }
  static constexpr struct {
    uint64_t ms;
    const char* unit;
  } kUnits[] = {{86400000, "d"}, {3600000, "h"}, {60000, "m"}, {1000, "s"}, {1, "ms"}};
  for (const auto& u : kUnits) {
    if (rest >= u.ms) {
      out += std::to_string(rest / u.ms);
      out += u.unit;
      rest %= u.ms;
    }
  }
  return out;
}

std::string FormatFloat(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof(buf), v);
  std::string out(buf, end);
  if (out.find_first_of(".e") == std::string::npos) out += ".0";
  return out;
}

namespace {

std::string FormatScalar(const Datum& d) {
  switch (d.type) {
    case ScalarType::kBool:
      return d.i != 0 ? "true" : "false";
    case ScalarType::kInt:
      return std::to_string(d.i);
    case ScalarType::kFloat:
      return FormatFloat(d.f);
    case ScalarType::kString:
    case ScalarType::kEmail:
    case ScalarType::kDomain:
      return QuoteString(d.s);
    case ScalarType::kIp:
      return d.ip.IsV4() ? base::FormatIp(d.ip) : "ip(\"" + base::FormatIp(d.ip) + "\")";
    case ScalarType::kCidr: {
      const std::string text = base::FormatCidr(base::Cidr{d.ip, d.prefix});
      return d.ip.IsV4() && d.prefix >= 96 ? text : "cidr(\"" + text + "\")";
    }
    case ScalarType::kTimestamp:
      return FormatTimestamp(d.i);
    case ScalarType::kDuration:
      return FormatDuration(d.i);
  }
  return "?";
}

}  // namespace

void AppendDatum(const Datum& d, std::string* out) {
  if (d.valid && d.list == nullptr && !d.is_array && schema::IsStringLike(d.type)) {
    AppendQuoted(d.s, out);
  } else {
    *out += FormatDatum(d);
  }
}

std::string FormatDatum(const Datum& d) {
  if (!d.valid) return "null";
  if (d.list != nullptr) return "<list>";
  if (!d.is_array) return FormatScalar(d);
  std::string out = "[";
  for (size_t i = 0; i < d.elems.size(); ++i) {
    if (i > 0) out += ", ";
    out += FormatDatum(d.elems[i]);
  }
  out += ']';
  return out;
}

}  // namespace vigil::stdlib

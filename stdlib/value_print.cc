// value_print.cc: Datum -> literal text.
#include "stdlib/value_print.h"

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

}  // namespace

void AppendQuoted(std::string_view s, std::string* out) {
  size_t first = 0;  // the first byte that is not plain ASCII
  while (first < s.size() && PlainAscii(static_cast<unsigned char>(s[first]))) ++first;
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

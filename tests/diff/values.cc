// values.cc: literal texts and random values for the differential test.
#include "tests/diff/values.h"

#include <cctype>
#include <cstdio>
#include <limits>

#include "stdlib/time/civil.h"
#include "stdlib/value_print.h"

namespace vigil::difftest {

namespace {

constexpr int64_t kBaseTs = 1714557600000;  // 2024-05-01T10:00:00Z

const std::vector<std::string> kWords = {"inv", "invoice", "pay",        "acme", "mail",
                                         "abc", "zed",     "new_domain", "exe",  "pdf",
                                         "bob", "eve",     "x"};
const std::vector<std::string> kTlds = {"com", "org", "co.uk", "example.com", "io"};
const std::vector<std::string> kUnicode = {"café",   "Ünïcödé", "ПРИВЕТ",   "日本語", "𝔘nicode",
                                           "paypаl", "straße",  "İstanbul", "ǅ"};

}  // namespace

std::string Quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\0':
        out += "\\0";
        break;
      default:
        if (u < 0x20 || u == 0x7f) {
          char buf[16];
          std::snprintf(buf, sizeof buf, "\\u{%X}", u);
          out += buf;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::string IntText(int64_t v) {
  if (v == std::numeric_limits<int64_t>::min()) return "(-9223372036854775807 - 1)";
  return v < 0 ? "(-" + std::to_string(-v) + ")" : std::to_string(v);
}

std::string DurationText(int64_t ms) {
  return ms < 0 ? "(" + stdlib::FormatDuration(ms) + ")" : stdlib::FormatDuration(ms);
}

std::string TimestampText(int64_t ms) { return stdlib::FormatTimestamp(ms); }

std::string FloatText(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6e", v < 0 ? -v : v);
  std::string s = buf;
  return v < 0 ? "(-" + s + ")" : s;
}

std::string RandomWord(Rng& rng) { return rng.Pick(kWords); }

std::string RandomString(Rng& rng) {
  switch (rng.Below(10)) {
    case 0:
      return "";
    case 1:
      return rng.Pick(kUnicode);
    case 2:
      return RandomWord(rng) + "." + rng.Pick(kTlds);
    case 3:
      return RandomWord(rng) + "@" + RandomWord(rng) + "." + rng.Pick(kTlds);
    case 4: {
      std::string s = RandomWord(rng);
      for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      return s;
    }
    case 5: {
      static const std::vector<std::string> kOdd = {"a b",   "a*b?c",     "[x]", "100%", "\\",
                                                    "\"q\"", "tab\there", "-",   "..",   "a.b"};
      return rng.Pick(kOdd);
    }
    case 6:
      return RandomWord(rng) + " " + RandomWord(rng);
    default:
      return RandomWord(rng) + (rng.Chance(0.3) ? RandomWord(rng) : "");
  }
}

std::string NearMiss(Rng& rng, std::string_view s) {
  std::string out(s);
  switch (rng.Below(9)) {
    case 0:
      for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      return out;
    case 1:
      if (!out.empty())
        out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
      return out;
    case 2:
      return "x" + out;
    case 3:
      return out + (rng.Chance(0.5) ? "s" : ".");
    case 4:  // drop the last character (a whole UTF-8 sequence)
      while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80)
        out.pop_back();
      if (!out.empty()) out.pop_back();
      return out;
    case 5:
      return "mail." + out;
    case 6:
      return RandomWord(rng) + out + RandomWord(rng);
    default:
      return out;
  }
}

int64_t RandomInt(Rng& rng) {
  static const std::vector<int64_t> kEdges = {0,
                                              1,
                                              -1,
                                              2,
                                              5,
                                              10,
                                              100,
                                              4611686018427387904,
                                              std::numeric_limits<int64_t>::max(),
                                              std::numeric_limits<int64_t>::min(),
                                              3037000500};
  return rng.Chance(0.3) ? rng.Pick(kEdges) : rng.Range(-3, 12);
}

int64_t RandomTimestamp(Rng& rng) {
  static const std::vector<int64_t> kDeltas = {0, 1, 999, 1000, 60000, 3600000, 86400000};
  const int64_t d = rng.Pick(kDeltas) * rng.Range(-30, 30);
  return rng.Chance(0.05) ? 0 : kBaseTs + d;
}

int64_t RandomDuration(Rng& rng) {
  static const std::vector<int64_t> kUnits = {1, 1000, 60000, 3600000, 86400000};
  return rng.Pick(kUnits) * rng.Range(0, 90);
}

std::string RandomIp(Rng& rng) {
  switch (rng.Below(6)) {
    case 0:
      return "10." + std::to_string(rng.Below(3)) + ".2." + std::to_string(rng.Below(4));
    case 1:
      return "192.168.1." + std::to_string(rng.Below(10));
    case 2:
      return rng.Chance(0.5) ? "2001:db8::" + std::to_string(rng.Below(5)) : "::1";
    case 3:
      return rng.Chance(0.5) ? "0.0.0.0" : "255.255.255.255";
    case 4:
      return "::ffff:10.0.2." + std::to_string(rng.Below(4));
    default:
      return "203.0.113." + std::to_string(rng.Below(5));
  }
}

std::string RandomNetwork(Rng& rng) {
  static const std::vector<std::string> kNets = {
      "10.0.0.0/8", "10.1.0.0/16",    "192.168.1.0/24", "192.168.1.7/32",
      "0.0.0.0/0",  "203.0.113.0/30", "2001:db8::/32",  "2001:db8::/126"};
  return rng.Pick(kNets);
}

std::string WildcardFrom(Rng& rng, std::string_view s) {
  std::string lit;
  for (char c : s) {
    if (c == '*' || c == '?' || c == '\\') lit += '\\';
    lit += c;
  }
  switch (rng.Below(6)) {
    case 0:
      return lit + "*";
    case 1:
      return "*" + lit;
    case 2:
      return "*" + lit + "*";
    case 3: {
      // One ASCII character becomes `?`.
      for (size_t i = 0; i < lit.size(); ++i) {
        const auto u = static_cast<unsigned char>(lit[i]);
        if (std::isalnum(u) && (i == 0 || lit[i - 1] != '\\') && rng.Chance(0.5)) {
          lit[i] = '?';
          break;
        }
      }
      return lit;
    }
    case 4:
      return "?" + lit + "*";
    default:
      return lit;
  }
}

std::string RegexFrom(Rng& rng, std::string_view s) {
  std::string lit;
  for (char c : s) {
    if (std::ispunct(static_cast<unsigned char>(c))) lit += '\\';
    lit += c;
  }
  switch (rng.Below(8)) {
    case 0:
      return "^" + lit;
    case 1:
      return lit + "$";
    case 2:
      return "^" + lit + "$";
    case 3:
      return "(" + lit + "|zzz)";
    case 4:
      return lit + "[0-9]*";
    case 5:
      return lit.empty() ? "^$" : lit + ".?";
    case 6:
      return "[a-z]+" + lit;
    default:
      return lit;
  }
}

}  // namespace vigil::difftest

// values.cc: timestamp, boolean, integer and vocabulary coercions.
#include "ingest/values.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>

#include "base/strings.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace vigil::ingest {
namespace {

// base::EqualsIgnoreCase with the length test inline: most table probes differ in length.
bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && base::EqualsIgnoreCase(a, b);
}

struct Word {
  std::string_view code;
  std::string_view word;
};

std::string_view Lookup(const Word* table, size_t n, std::string_view code, bool ignore_case) {
  for (size_t i = 0; i < n; ++i) {
    if (ignore_case ? EqualsIgnoreCase(table[i].code, code) : table[i].code == code) {
      return table[i].word;
    }
  }
  return {};
}

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

// Reads exactly `width` digits at s[*i] (width 0: one or more) into *out.
bool Digits(std::string_view s, size_t* i, size_t width, int* out) {
  int v = 0;
  size_t n = 0;
  while (*i < s.size() && s[*i] >= '0' && s[*i] <= '9' && (width == 0 || n < width)) {
    if (n < 9) v = v * 10 + (s[*i] - '0');  // more digits fail below; v must not overflow
    ++*i;
    ++n;
  }
  *out = v;
  return n > 0 && (width == 0 || n == width) && n <= 9;
}

bool Expect(std::string_view s, size_t* i, char c) {
  if (*i < s.size() && s[*i] == c) {
    ++*i;
    return true;
  }
  return false;
}

// Optional ".fff" fraction: milliseconds.
int Fraction(std::string_view s, size_t* i) {
  if (!Expect(s, i, '.')) return 0;
  int ms = 0, n = 0;
  while (*i < s.size() && s[*i] >= '0' && s[*i] <= '9') {
    if (n < 3) ms = ms * 10 + (s[*i] - '0');
    ++n;
    ++*i;
  }
  while (n < 3) {
    ms *= 10;
    ++n;
  }
  return ms;
}

bool ValidDate(int y, int mo, int d, int h, int mi, int sec) {
  return y >= 1970 && y <= 9999 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h >= 0 && h <= 23 &&
         mi >= 0 && mi <= 59 && sec >= 0 && sec <= 60;
}

// Zone suffix: Z, +hh, +hhmm, +hh:mm, " UTC"/" GMT" or nothing; returns offset seconds.
std::optional<int> Zone(std::string_view s, size_t i) {
  while (i < s.size() && s[i] == ' ') ++i;
  if (i == s.size()) return 0;
  const std::string_view rest = s.substr(i);
  if (rest == "Z" || rest == "z" || rest == "UTC" || rest == "GMT") return 0;
  if (rest[0] != '+' && rest[0] != '-') return std::nullopt;
  const int sign = rest[0] == '-' ? -1 : 1;
  size_t j = i + 1;
  int hh = 0, mm = 0;
  if (!Digits(s, &j, 2, &hh)) return std::nullopt;
  Expect(s, &j, ':');
  if (j < s.size() && !Digits(s, &j, 2, &mm)) return std::nullopt;
  if (j != s.size() || hh > 23 || mm > 59) return std::nullopt;
  return sign * (hh * 3600 + mm * 60);
}

std::optional<int64_t> ParseIso(std::string_view s) {
  size_t i = 0;
  int y, mo, d, h = 0, mi = 0, sec = 0;
  if (!Digits(s, &i, 4, &y) || !Expect(s, &i, '-') || !Digits(s, &i, 2, &mo) ||
      !Expect(s, &i, '-') || !Digits(s, &i, 2, &d)) {
    return std::nullopt;
  }
  if (i < s.size() && (s[i] == 'T' || s[i] == 't' || s[i] == ' ')) {
    ++i;
    if (!Digits(s, &i, 2, &h) || !Expect(s, &i, ':') || !Digits(s, &i, 2, &mi)) {
      return std::nullopt;
    }
    if (Expect(s, &i, ':') && !Digits(s, &i, 2, &sec)) return std::nullopt;
  }
  const int ms = Fraction(s, &i);
  const std::optional<int> zone = Zone(s, i);
  if (!zone || !ValidDate(y, mo, d, h, mi, sec)) return std::nullopt;
  const int64_t secs =
      DaysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400 + h * 3600 +
      mi * 60 + sec - *zone;
  return secs * 1000 + ms;
}

// "7/30/2024, 9:03:43 PM" or "10/28/2025, 9:30:45.297 AM" (Log Analytics exports, UTC).
std::optional<int64_t> ParseSentinel(std::string_view s) {
  size_t i = 0;
  int mo, d, y, h, mi, sec;
  if (!Digits(s, &i, 0, &mo) || !Expect(s, &i, '/') || !Digits(s, &i, 0, &d) ||
      !Expect(s, &i, '/') || !Digits(s, &i, 4, &y) || !Expect(s, &i, ',') || !Expect(s, &i, ' ') ||
      !Digits(s, &i, 0, &h) || !Expect(s, &i, ':') || !Digits(s, &i, 2, &mi) ||
      !Expect(s, &i, ':') || !Digits(s, &i, 2, &sec)) {
    return std::nullopt;
  }
  const int ms = Fraction(s, &i);
  const std::string_view ampm = TrimText(s.substr(i));
  if (h < 1 || h > 12) return std::nullopt;
  if (EqualsIgnoreCase(ampm, "PM")) {
    h = h % 12 + 12;
  } else if (EqualsIgnoreCase(ampm, "AM")) {
    h = h % 12;
  } else {
    return std::nullopt;
  }
  if (!ValidDate(y, mo, d, h, mi, sec)) return std::nullopt;
  const int64_t secs =
      DaysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400 + h * 3600 +
      mi * 60 + sec;
  return secs * 1000 + ms;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// Byte classes for BareAddressAt: 1 for the bytes that end the bare form, 2 for '@'.
constexpr std::array<uint8_t, 256> kAddressBytes = [] {
  std::array<uint8_t, 256> t{};
  for (unsigned char ch : {' ', '<', '>', ',', '\0'}) t[ch] = 1;
  t['@'] = 2;
  return t;
}();

#if defined(__SSE2__)
// BareAddressAt over the 16 bytes at p, where `from` is their index: false on a class-1 byte;
// else *at moves to the last '@' among them, if any.
bool BareBlock(const char* p, size_t from, size_t* at) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const auto eq = [&](char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(c)); };
  const __m128i stop = _mm_or_si128(_mm_or_si128(eq(' '), eq('<')),
                                    _mm_or_si128(_mm_or_si128(eq('>'), eq(',')), eq('\0')));
  if (_mm_movemask_epi8(stop) != 0) return false;
  const auto ats = static_cast<unsigned>(_mm_movemask_epi8(eq('@')));
  if (ats != 0) *at = from + 31 - static_cast<size_t>(__builtin_clz(ats));
  return true;
}
#endif

}  // namespace

size_t BareAddressAt(std::string_view t) {
  size_t at = std::string_view::npos;
  size_t i = 0;
#if defined(__SSE2__)
  if (t.size() >= 16) {  // the last block overlaps the one before
    for (; i + 16 <= t.size(); i += 16) {
      if (!BareBlock(t.data() + i, i, &at)) return kNotBareAddress;
    }
    const size_t last = t.size() - 16;
    if (i < t.size() && !BareBlock(t.data() + last, last, &at)) return kNotBareAddress;
    return at;
  }
#endif
  for (; i < t.size(); ++i) {
    const uint8_t k = kAddressBytes[static_cast<unsigned char>(t[i])];
    if (k == 1) return kNotBareAddress;
    if (k == 2) at = i;
  }
  return at;
}

std::optional<int64_t> EpochToMs(int64_t v) {
  if (v < 0) return std::nullopt;
  if (v < 100'000'000'000) return v * 1000;
  if (v > 253'402'300'799'999) return std::nullopt;  // after 9999-12-31
  return v;
}

std::optional<int64_t> ParseTimestamp(std::string_view text) {
  const std::string_view s = TrimText(text);
  if (AllDigits(s)) {
    if (s.size() > 15) return std::nullopt;
    int64_t v = 0;
    std::from_chars(s.data(), s.data() + s.size(), v);
    return EpochToMs(v);
  }
  if (std::optional<int64_t> iso = ParseIso(s)) return iso;
  return ParseSentinel(s);
}

bool IsNullText(std::string_view text) {
  if (text.size() > 8 && text.front() != ' ' && text.back() != ' ') return false;  // hot path
  const std::string_view s = TrimText(text);
  return s.empty() || EqualsIgnoreCase(s, "null") || EqualsIgnoreCase(s, "n/a") ||
         EqualsIgnoreCase(s, "na") || s == "-";
}

std::optional<bool> ParseLooseBool(std::string_view text) {
  const std::string_view s = TrimText(text);
  for (std::string_view t : {"true", "yes", "1", "t", "y", "hit"}) {
    if (EqualsIgnoreCase(s, t)) return true;
  }
  for (std::string_view f : {"false", "no", "0", "f", "n", "no hit"}) {
    if (EqualsIgnoreCase(s, f)) return false;
  }
  return std::nullopt;
}

std::optional<int64_t> ParseLooseInt(std::string_view text) {
  std::string_view s = TrimText(text);
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  int64_t v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec == std::errc() && end == s.data() + s.size() && !s.empty()) return v;
  if (s.empty() || s.size() > 64) return std::nullopt;
  const std::string copy(s);
  char* stop = nullptr;
  const double d = std::strtod(copy.c_str(), &stop);
  if (stop != copy.c_str() + copy.size() || !std::isfinite(d) || std::fabs(d) > 9.2e18) {
    return std::nullopt;
  }
  return static_cast<int64_t>(d);
}

std::string_view ActionWord(std::string_view code) {
  static constexpr Word kWords[] = {{"Acc", "accept"}, {"Rej", "reject"}, {"Ign", "ignore"},
                                    {"Bnc", "bounce"}, {"Hld", "hold"},   {"Sdbx", "sandbox"},
                                    {"Rty", "retry"}};
  return Lookup(kWords, std::size(kWords), code, true);
}

std::string_view HoldReasonWord(std::string_view code) {
  static constexpr Word kWords[] = {
      {"Spm", "spam"},          {"Att", "attachment"}, {"RcptLimit", "recipient_limit"},
      {"Imp", "impersonation"}, {"Sbx", "sandbox"},    {"Oth", "other"},
      {"Ctnt", "content"},      {"Exp", "exp"},        {"Url", "url"},
      {"Dpp", "dpp"},           {"RBL", "rbl"}};
  return Lookup(kWords, std::size(kWords), code, true);
}

std::string_view DirectionWord(std::string_view text) {
  static constexpr Word kWords[] = {{"inbound", "inbound"},
                                    {"outbound", "outbound"},
                                    {"internal", "internal"},
                                    {"external", "external"}};
  return Lookup(kWords, std::size(kWords), TrimText(text), true);
}

std::string_view AuthWord(std::string_view info) {
  std::string_view s = TrimText(info);
  for (std::string_view prefix : {"SPF_", "DKIM_", "DMARC_", "spf_", "dkim_", "dmarc_"}) {
    if (s.starts_with(prefix)) s.remove_prefix(prefix.size());
  }
  static constexpr Word kWords[] = {
      {"allow", "pass"},          {"pass", "pass"},          {"fail", "fail"},
      {"failed", "fail"},         {"softfail", "softfail"},  {"soft_fail", "softfail"},
      {"neutral", "neutral"},     {"none", "none"},          {"unknown", "unknown"},
      {"temperror", "temperror"}, {"permerror", "permerror"}};
  return Lookup(kWords, std::size(kWords), s, true);
}

int IdentifierIndex(std::string_view name) {
  struct Id {
    std::string_view name;
    int index;
  };
  static constexpr Id kIds[] = {{"internal_user_name", 0},
                                {"internal_name", 0},
                                {"newly_observed_domain", 1},
                                {"new_domain", 1},
                                {"reply_address_mismatch", 2},
                                {"reply_mismatch", 2},
                                {"similar_internal_domain", 3},
                                {"similar_external_domain", 4},
                                {"similar_custom_external_domain", 4},
                                {"similar_mimecast_external_domain", 4},
                                {"targeted_threat_dictionary", 5},
                                {"mimecast_threat_dictionary", 5},
                                {"threat_dictionary", 5},
                                {"custom_threat_dictionary", 6},
                                {"custom_name", 7},
                                {"custom_name_match", 7}};
  const std::string_view s = TrimText(name);
  for (const Id& id : kIds) {
    if (EqualsIgnoreCase(id.name, s)) return id.index;
  }
  return -1;
}

std::string_view FileExtension(std::string_view name) {
  const size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot + 1 >= name.size()) return {};
  const std::string_view ext = name.substr(dot + 1);
  for (char c : ext) {
    if (c == ' ' || c == '/' || c == '\\') return {};
  }
  return ext;
}

}  // namespace vigil::ingest

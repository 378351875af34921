// text.cc: string routines of the string family (ICU for case mapping, the rest by hand).
#include "stdlib/strings/text.h"

#include <unicode/ucasemap.h>

#include <array>
#include <cmath>

namespace vigil::stdlib {
namespace {

const UCaseMap* CaseMap() {
  static const UCaseMap* map = [] {
    UErrorCode status = U_ZERO_ERROR;
    return ucasemap_open("", 0, &status);
  }();
  return map;
}

bool IsAscii(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

using IcuCaseFn = int32_t (*)(const UCaseMap*, char*, int32_t, const char*, int32_t, UErrorCode*);

std::string MapCase(std::string_view s, IcuCaseFn fn, bool lower) {
  if (IsAscii(s) || s.size() > INT32_MAX / 4) {
    std::string out(s);
    for (char& c : out) {
      if (lower && c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      if (!lower && c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    }
    return out;
  }
  std::string out(s.size() + 16, '\0');
  UErrorCode status = U_ZERO_ERROR;
  int32_t n = fn(CaseMap(), out.data(), static_cast<int32_t>(out.size()), s.data(),
                 static_cast<int32_t>(s.size()), &status);
  if (status == U_BUFFER_OVERFLOW_ERROR) {
    out.assign(static_cast<size_t>(n), '\0');
    status = U_ZERO_ERROR;
    n = fn(CaseMap(), out.data(), n, s.data(), static_cast<int32_t>(s.size()), &status);
  }
  if (U_FAILURE(status)) return std::string(s);
  out.resize(static_cast<size_t>(n));
  return out;
}

constexpr std::array<int8_t, 256> BuildBase64Table() {
  std::array<int8_t, 256> t{};
  for (auto& v : t) v = -1;
  const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  for (int i = 0; i < 62; ++i) t[static_cast<unsigned char>(alphabet[i])] = static_cast<int8_t>(i);
  t['+'] = t['-'] = 62;
  t['/'] = t['_'] = 63;
  return t;
}
constexpr std::array<int8_t, 256> kBase64 = BuildBase64Table();

int HexValue(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string Utf8Lower(std::string_view s) { return MapCase(s, ucasemap_utf8ToLower, true); }
std::string Utf8Upper(std::string_view s) { return MapCase(s, ucasemap_utf8ToUpper, false); }

size_t CodePointCount(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string_view SubstrCodePoints(std::string_view s, int64_t start, int64_t len) {
  if (len <= 0) return {};
  const auto total = static_cast<int64_t>(CodePointCount(s));
  if (start < 0) start = start < -total ? 0 : total + start;
  if (start >= total) return {};
  // Byte offset of code point k: the k-th non-continuation byte.
  auto offset_of = [&](int64_t k, size_t from, int64_t from_k) {
    size_t i = from;
    int64_t seen = from_k;
    for (; i < s.size(); ++i) {
      if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
        if (seen == k) return i;
        ++seen;
      }
    }
    return s.size();
  };
  const size_t begin = offset_of(start, 0, 0);
  const size_t end = len >= total - start ? s.size() : offset_of(start + len, begin, start);
  return s.substr(begin, end - begin);
}

double ShannonEntropy(std::string_view s) {
  if (s.empty()) return 0.0;
  std::array<uint64_t, 256> counts{};
  for (unsigned char c : s) ++counts[c];
  const double n = static_cast<double>(s.size());
  double h = 0;
  for (uint64_t c : counts) {
    if (c == 0) continue;
    const double p = static_cast<double>(c) / n;
    h -= p * std::log2(p);
  }
  return h == 0.0 ? 0.0 : h;  // no "-0.0"
}

bool Base64Decode(std::string_view s, std::string* out) {
  out->clear();
  size_t len = s.size();
  size_t pad = 0;
  while (len > 0 && s[len - 1] == '=' && pad < 2) {
    --len;
    ++pad;
  }
  if (pad > 0 && s.size() % 4 != 0) return false;
  if (len % 4 == 1) return false;
  out->reserve(len * 3 / 4);
  uint32_t acc = 0;
  int bits = 0;
  for (size_t i = 0; i < len; ++i) {
    const int8_t v = kBase64[static_cast<unsigned char>(s[i])];
    if (v < 0) return false;
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out->push_back(static_cast<char>((acc >> bits) & 0xFF));
    }
  }
  // Leftover bits must be zero (canonical encoding); a 2- or 3-char tail leaves 4 or 2 bits.
  return (acc & ((1u << bits) - 1)) == 0;
}

bool HexDecode(std::string_view s, std::string* out) {
  out->clear();
  if (s.size() % 2 != 0) return false;
  out->reserve(s.size() / 2);
  for (size_t i = 0; i < s.size(); i += 2) {
    const int hi = HexValue(s[i]), lo = HexValue(s[i + 1]);
    if (hi < 0 || lo < 0) return false;
    out->push_back(static_cast<char>(hi * 16 + lo));
  }
  return true;
}

namespace {
struct ClassName {
  std::string_view name;
  CharClass cls;
};
constexpr ClassName kClassNames[] = {
    {"digit", CharClass::kDigit}, {"alpha", CharClass::kAlpha},
    {"upper", CharClass::kUpper}, {"lower", CharClass::kLower},
    {"alnum", CharClass::kAlnum}, {"space", CharClass::kSpace},
    {"punct", CharClass::kPunct}, {"control", CharClass::kControl},
    {"hex", CharClass::kHex},     {"non_ascii", CharClass::kNonAscii},
};

bool InClass(unsigned char c, CharClass cls) {
  const bool upper = c >= 'A' && c <= 'Z', lower = c >= 'a' && c <= 'z';
  const bool digit = c >= '0' && c <= '9';
  switch (cls) {
    case CharClass::kDigit:
      return digit;
    case CharClass::kAlpha:
      return upper || lower;
    case CharClass::kUpper:
      return upper;
    case CharClass::kLower:
      return lower;
    case CharClass::kAlnum:
      return upper || lower || digit;
    case CharClass::kSpace:
      return c == ' ' || (c >= '\t' && c <= '\r');
    case CharClass::kPunct:
      return c >= 0x21 && c <= 0x7E && !upper && !lower && !digit;
    case CharClass::kControl:
      return c < 0x20 || c == 0x7F;
    case CharClass::kHex:
      return digit || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    case CharClass::kNonAscii:
      return c >= 0x80;
  }
  return false;
}
}  // namespace

bool ParseCharClass(std::string_view name, CharClass* out) {
  for (const ClassName& c : kClassNames) {
    if (c.name == name) {
      *out = c.cls;
      return true;
    }
  }
  return false;
}

std::string_view CharClassNames() {
  return "digit, alpha, upper, lower, alnum, space, punct, control, hex, non_ascii";
}

int64_t CountCharClass(std::string_view s, CharClass cls) {
  int64_t n = 0;
  if (cls == CharClass::kNonAscii) {
    // A code point >= U+0080 starts with a byte >= 0x80 that is not a continuation byte;
    // stray continuation bytes (ill-formed input) count as one character each.
    for (size_t i = 0; i < s.size(); ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c < 0x80) continue;
      if (c >= 0xC0 || i == 0 || (static_cast<unsigned char>(s[i - 1]) < 0x80)) ++n;
    }
    return n;
  }
  for (unsigned char c : s) n += InClass(c, cls);
  return n;
}

}  // namespace vigil::stdlib

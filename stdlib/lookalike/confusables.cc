// confusables.cc: uspoof skeletons, restriction-level checks and per-character homoglyphs.
#include "stdlib/lookalike/confusables.h"

#include <unicode/uspoof.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstring>

#include "base/strings.h"
#include "stdlib/domain/idna.h"
#include "stdlib/memo.h"
#include "stdlib/strings/text.h"

namespace vigil::stdlib {
namespace {

const USpoofChecker* SkeletonChecker() {
  static const USpoofChecker* sc = [] {
    UErrorCode status = U_ZERO_ERROR;
    return uspoof_open(&status);
  }();
  return sc;
}

// Single-script restriction: rejects strings whose resolved script set is empty.
const USpoofChecker* ScriptChecker() {
  static const USpoofChecker* sc = [] {
    UErrorCode status = U_ZERO_ERROR;
    USpoofChecker* c = uspoof_open(&status);
    uspoof_setChecks(c, USPOOF_RESTRICTION_LEVEL, &status);
    uspoof_setRestrictionLevel(c, USPOOF_SINGLE_SCRIPT_RESTRICTIVE);
    return c;
  }();
  return sc;
}

bool Skeleton(std::string_view s, std::string* out) {
  out->assign(s.size() * 3 + 16, '\0');
  UErrorCode status = U_ZERO_ERROR;
  int32_t n = uspoof_getSkeletonUTF8(SkeletonChecker(), 0, s.data(), static_cast<int32_t>(s.size()),
                                     out->data(), static_cast<int32_t>(out->size()), &status);
  if (status == U_BUFFER_OVERFLOW_ERROR) {
    out->assign(static_cast<size_t>(n), '\0');
    status = U_ZERO_ERROR;
    n = uspoof_getSkeletonUTF8(SkeletonChecker(), 0, s.data(), static_cast<int32_t>(s.size()),
                               out->data(), n, &status);
  }
  if (U_FAILURE(status)) return false;
  out->resize(static_cast<size_t>(n));
  return true;
}

bool IsAsciiOnly(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

bool ComputeLookalikeKey(std::string_view s, std::string* key) {
  std::string text = base::SanitizeUtf8(s);
  std::string unicode;
  if (HasPunycodeLabel(text) && IdnToUnicode(text, &unicode)) text = std::move(unicode);
  std::string inner;
  if (!Skeleton(text, &inner)) return false;
  return Skeleton(Utf8Lower(inner), key);
}

// Per ASCII byte, its lookalike key, for the bytes whose every stage (skeleton, lower-casing,
// skeleton) gives ASCII. On ASCII text NFD is the identity and a skeleton maps code point by
// code point, so the key of an all-ASCII string of such bytes (without "xn--" labels) is the
// concatenation of its bytes' keys; a string with any other byte takes ICU's path.
struct AsciiKeys {
  struct Key {
    std::array<char, 7> bytes{};
    uint8_t size = 0;  // 0: the byte takes ICU's path
  };
  std::array<Key, 128> keys{};
};

const AsciiKeys& AsciiKeyTable() {
  static const AsciiKeys* table = [] {
    auto* t = new AsciiKeys();
    for (size_t c = 0; c < 128; ++c) {
      const std::string one(1, static_cast<char>(c));
      std::string inner, key;
      if (!Skeleton(one, &inner) || !IsAsciiOnly(inner)) continue;
      const std::string lowered = Utf8Lower(inner);
      if (!IsAsciiOnly(lowered) || !Skeleton(lowered, &key) || !IsAsciiOnly(key)) continue;
      if (key.empty() || key.size() > t->keys[c].bytes.size()) continue;
      std::copy(key.begin(), key.end(), t->keys[c].bytes.begin());
      t->keys[c].size = static_cast<uint8_t>(key.size());
    }
    return t;
  }();
  return *table;
}

// The key of s from the byte table; false (with *key unspecified) when s is not all ASCII,
// has a byte the table leaves out or an "xn--" label.
bool AsciiLookalikeKey(std::string_view s, std::string* key) {
  const AsciiKeys& t = AsciiKeyTable();
  key->resize(s.size() * 7);
  char* out = key->data();
  for (const unsigned char c : s) {
    if (c >= 0x80 || t.keys[c].size == 0) return false;
    std::memcpy(out, t.keys[c].bytes.data(), t.keys[c].bytes.size());  // fixed size: inlined
    out += t.keys[c].size;
  }
  key->resize(static_cast<size_t>(out - key->data()));
  return !HasPunycodeLabel(s);
}

bool ComputeMixedScript(std::string_view s) {
  const std::string text = base::SanitizeUtf8(s);
  UErrorCode status = U_ZERO_ERROR;
  const int32_t result = uspoof_checkUTF8(ScriptChecker(), text.data(),
                                          static_cast<int32_t>(text.size()), nullptr, &status);
  return U_SUCCESS(status) && (result & USPOOF_RESTRICTION_LEVEL) != 0;
}

}  // namespace

bool LookalikeKey(std::string_view s, std::string* key) {
  if (s.size() > kMaxConfusableInput || SkeletonChecker() == nullptr) return false;
  if (AsciiLookalikeKey(s, key)) return true;
  return LookalikeKeyIcu(s, key);
}

bool LookalikeKeyIcu(std::string_view s, std::string* key) {
  if (s.size() > kMaxConfusableInput || SkeletonChecker() == nullptr) return false;
  thread_local StringMemo<std::string> memo;
  return memo.Get(s, key, [&](std::string* v) { return ComputeLookalikeKey(s, v); });
}

bool IsMixedScript(std::string_view s) {
  if (s.size() > kMaxConfusableInput || ScriptChecker() == nullptr) return false;
  thread_local StringMemo<bool> memo;
  bool mixed = false;
  memo.Get(s, &mixed, [&](bool* v) {
    *v = ComputeMixedScript(s);
    return true;
  });
  return mixed;
}

bool HasHomoglyphs(std::string_view s) {
  const std::string text = base::SanitizeUtf8(s);
  std::string skel;
  for (size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    const size_t len = (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    const std::string_view ch(text.data() + i, std::min(len, text.size() - i));
    i += ch.size();
    if (ch == "\xEF\xBF\xBD") continue;  // U+FFFD (a replaced ill-formed byte)
    if (Skeleton(ch, &skel) && !skel.empty() && IsAsciiOnly(skel)) return true;
  }
  return false;
}

}  // namespace vigil::stdlib

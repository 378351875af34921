// confusables.h: visual-confusion checks over ICU's UTS #39 data (uspoof): the lookalike key
// rules compare, mixed-script detection and homoglyph detection. Thread-safe.
//
// Lookalike key (the documented normalization): for a host with "xn--" labels, first its
// Unicode form (IDNA); then key(s) = skeleton(lower(skeleton(s))) where skeleton is UTS #39's
// confusable skeleton and lower is Unicode lower-casing. The inner skeleton folds digits and
// symbols onto letters (1 -> l, 0 -> O, Cyrillic а -> a), lower-casing folds case (O -> o),
// the outer skeleton re-folds what lower-casing exposed (M -> m -> rn). Ill-formed UTF-8
// bytes become U+FFFD first. So paypa1.com, pаypal.com (Cyrillic а) and PAYPAL.COM share the
// key of paypal.com, and arnazon.com shares the key of amazon.com.
#pragma once

#include <string>
#include <string_view>

namespace vigil::stdlib {

// Inputs longer than this (bytes) have no key: the functions return null for them.
inline constexpr size_t kMaxConfusableInput = 4096;

// The lookalike key of s; false when s is over-long or ICU fails. All-ASCII text (most hosts)
// is keyed from a per-byte table made with ICU, which gives the same key as ICU's path.
bool LookalikeKey(std::string_view s, std::string* key);
// The same through ICU for every input (memoized per thread): the reference the table is
// tested against.
bool LookalikeKeyIcu(std::string_view s, std::string* key);

// True when the letters of s come from more than one script once Common and Inherited
// characters (digits, punctuation, combining marks) are set aside, following UTS #39's
// resolved script sets (so Han + Hiragana + Katakana Japanese text is single-script).
bool IsMixedScript(std::string_view s);

// True when s has a non-ASCII character whose confusable skeleton is ASCII (Cyrillic а,
// Greek ο, fullwidth Ａ, ...): a character that impersonates an ASCII one.
bool HasHomoglyphs(std::string_view s);

}  // namespace vigil::stdlib

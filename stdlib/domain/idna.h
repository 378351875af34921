// idna.h: IDNA (UTS #46, nontransitional) conversion of host names between their Unicode and
// ASCII "xn--" (punycode) forms via ICU uidna. Thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace vigil::stdlib {

// Longest host the converters accept; longer input is rejected (DNS names are <= 253).
inline constexpr size_t kMaxIdnInput = 1024;

// "xn--80ak6aa92e.com" -> "аррӏе.com". False on any IDNA error or an over-long input.
bool IdnToUnicode(std::string_view host, std::string* out);
// "аррӏе.com" -> "xn--80ak6aa92e.com"; also lower-cases and maps per UTS #46.
bool IdnToAscii(std::string_view host, std::string* out);

// True when some label of host starts with "xn--" (ASCII case-insensitive).
bool HasPunycodeLabel(std::string_view host);

}  // namespace vigil::stdlib

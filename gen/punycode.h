// punycode.h: RFC 3492 Punycode encoding of one domain label, for the IDN (xn--) forms of the
// homoglyph domains planted in scenarios.
#pragma once

#include <string>

namespace vigil::gen {

// The Punycode form of `label` (without the "xn--" prefix).
std::string PunycodeEncode(const std::u32string& label);

}  // namespace vigil::gen

// address.cc: tolerant address splitting.
#include "stdlib/email/address.h"

#include "base/strings.h"

namespace vigil::stdlib {

AddressParts SplitAddress(std::string_view text) {
  AddressParts p;
  std::string_view t = base::Trim(text);
  const size_t lt = t.rfind('<');
  if (lt != std::string_view::npos && t.back() == '>') {
    std::string_view display = base::Trim(t.substr(0, lt));
    if (display.size() >= 2 && display.front() == '"' && display.back() == '"') {
      display = display.substr(1, display.size() - 2);
    }
    p.display = display;
    t = base::Trim(t.substr(lt + 1, t.size() - lt - 2));
  }
  const size_t at = t.rfind('@');
  if (t.empty() || at == std::string_view::npos || at == 0 || at + 1 == t.size()) return p;
  for (char c : t) {
    if (c == ' ' || c == '<' || c == '>' || c == ',' || c == '\0') return p;
  }
  p.valid = true;
  p.address = t;
  p.local = t.substr(0, at);
  p.domain = t.substr(at + 1);
  return p;
}

std::string_view PlusTag(std::string_view local) {
  const size_t plus = local.find('+');
  return plus == std::string_view::npos ? std::string_view() : local.substr(plus + 1);
}

}  // namespace vigil::stdlib

// address.h: splitting email addresses as Mimecast logs carry them: bare "a@b.com",
// "<a@b.com>", "Display Name <a@b.com>", quoted display names, and the null sender "<>".
#pragma once

#include <string_view>

namespace vigil::stdlib {

struct AddressParts {
  bool valid = false;        // false for "", "<>" and text without exactly one usable '@'
  std::string_view display;  // display name without quotes, "" when absent
  std::string_view address;  // "local@domain" as written (not lower-cased)
  std::string_view local;    // before the last '@'
  std::string_view domain;   // after the last '@'
};

// Parses one address; views point into `text`. Never fails loudly: returns valid=false.
AddressParts SplitAddress(std::string_view text);

// The plus-addressing tag of a local part ("bob+news" -> "news"), or "".
std::string_view PlusTag(std::string_view local);

}  // namespace vigil::stdlib

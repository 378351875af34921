// freemail.h: the built-in list of major free webmail providers (consumer mailbox domains
// anyone can register at no cost), used by is_freemail() / freemail_provider().
// The list is documented in docs/stdlib.md through FreemailDomains().
#pragma once

#include <string_view>
#include <vector>

namespace vigil::stdlib {

struct FreemailDomain {
  std::string_view domain;    // lower-case
  std::string_view provider;  // "Google Gmail"
};

// Every domain of the built-in list, grouped by provider.
const std::vector<FreemailDomain>& FreemailDomains();

// The provider of a lower-case domain, or "" when it is not on the list. A subdomain of a
// listed domain counts ("mail.gmx.net" -> "GMX"). Domains over 253 bytes are never listed.
std::string_view FreemailProvider(std::string_view domain);

}  // namespace vigil::stdlib

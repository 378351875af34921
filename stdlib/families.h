// families.h: one registration function per stdlib family (one folder each under stdlib/).
// Registry::Get() calls them in this order, which is also the order of docs/stdlib.md.
#pragma once

#include <string_view>
#include <vector>

namespace vigil::stdlib {

class Registry;

void RegisterStrings(Registry& r);     // stdlib/strings
void RegisterRegex(Registry& r);       // stdlib/regex
void RegisterEmail(Registry& r);       // stdlib/email
void RegisterDomains(Registry& r);     // stdlib/domain
void RegisterLookalikes(Registry& r);  // stdlib/lookalike
void RegisterUrls(Registry& r);        // stdlib/url
void RegisterNetwork(Registry& r);     // stdlib/net
void RegisterFiles(Registry& r);       // stdlib/file
void RegisterTime(Registry& r);        // stdlib/time
void RegisterLists(Registry& r);       // stdlib/lists

// A family as docs/stdlib.md presents it: the `family` value its rows carry, a title and an
// introduction paragraph stating the family's shared conventions.
struct FamilyInfo {
  std::string_view id;
  std::string_view title;
  std::string_view intro;
};
// Every family in registration order.
const std::vector<FamilyInfo>& Families();

}  // namespace vigil::stdlib

// declared.h: building a list the way a rule pack declares it (`list x: domain = [...]`,
// `tenant list vips: email`): one function shared by the VM, the reference interpreter and the
// runtime's tenant configuration, so every engine resolves `$name` to the same values.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "stdlib/lists/list_value.h"

namespace vigil::stdlib {

// Builds a list of a declared kind ("string", "email", "domain", "int", "cidr", "regex",
// "glob", "ioc") from entry texts: string and int lists are exact string lists (email lists
// ASCII-caseless); domain, cidr, regex and glob lists as BuildList makes them; ioc lists from
// classified indicators with `source` as their source. Bad entries are described in *errors
// ("entry 3: ...") and left out; an unknown kind gives an empty string list and an error.
std::unique_ptr<schema::ListValue> BuildDeclaredList(std::string_view kind,
                                                     const std::vector<std::string>& entries,
                                                     std::string_view source,
                                                     std::vector<std::string>* errors);

}  // namespace vigil::stdlib

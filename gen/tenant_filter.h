// tenant_filter.h: trims a generated tenants.json to what a rule pack declares: tenant lists
// the pack does not declare and opt-in rules it does not have are dropped, since the runtime
// rejects both.
#pragma once

#include <set>
#include <string>

namespace vigil::gen {

// The tenants.json text with lists outside `lists` and enabled rules outside `opt_ins`
// removed. Text that is not a JSON object is returned unchanged.
std::string FilterTenantsJson(const std::string& text, const std::set<std::string>& lists,
                              const std::set<std::string>& opt_ins);

}  // namespace vigil::gen

// tenant_filter.cc: dropping undeclared lists and unknown opt-ins from tenants.json.
#include "gen/tenant_filter.h"

#include <nlohmann/json.hpp>

namespace vigil::gen {

std::string FilterTenantsJson(const std::string& text, const std::set<std::string>& lists,
                              const std::set<std::string>& opt_ins) {
  using Json = nlohmann::ordered_json;
  Json doc = Json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object() || !doc.contains("tenants")) return text;
  for (auto& [id, tenant] : doc["tenants"].items()) {
    if (tenant.contains("lists")) {
      Json kept = Json::object();
      for (auto& [name, values] : tenant["lists"].items()) {
        if (lists.count(name)) kept[name] = values;
      }
      tenant["lists"] = std::move(kept);
    }
    if (tenant.contains("enable")) {
      Json kept = Json::array();
      for (const Json& r : tenant["enable"]) {
        if (r.is_string() && opt_ins.count(r.get<std::string>())) kept.push_back(r);
      }
      tenant["enable"] = std::move(kept);
    }
  }
  return doc.dump(2) + "\n";
}

}  // namespace vigil::gen

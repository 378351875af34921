// truth.cc: tenants.json and ground_truth.json.
#include "gen/truth.h"

#include <nlohmann/json.hpp>

#include "gen/ids.h"

namespace vigil::gen {
namespace {

using Json = nlohmann::ordered_json;

Json Strings(const std::vector<std::string>& v) {
  Json a = Json::array();
  for (const std::string& s : v) a.push_back(s);
  return a;
}

// The tenant lists of the rule pack (rules/mimecast/common.vgl), filled from the world.
Json TenantLists(const TenantModel& t, const std::vector<std::string>& iocs) {
  std::vector<std::string> vips, vip_names, finance, exporters;
  for (size_t i : t.vips) {
    vips.push_back(t.users[i].email);
    vip_names.push_back(t.users[i].display);
  }
  for (size_t i : t.finance) finance.push_back(t.users[i].email);
  for (const Person& p : t.users) {
    if (p.department == "Legal" && exporters.empty()) exporters.push_back(p.email);
  }
  Json lists = Json::object();
  lists["org_domains"] = Strings(t.domains);
  lists["vips"] = Strings(vips);
  lists["vip_names"] = Strings(vip_names);
  lists["finance_team"] = Strings(finance);
  lists["trusted_partners"] = Strings(t.partners);
  lists["approved_exporters"] = Strings(exporters);
  lists["admin_networks"] = Strings({t.office_ip + "/32"});
  lists["tenant_iocs"] = Strings(iocs);
  return lists;
}

}  // namespace

std::string TenantsJson(const World& world, const Planter& planter, const std::string& dir) {
  std::string base = dir;
  while (base.size() > 1 && base.back() == '/') base.pop_back();
  Json tenants = Json::object();
  for (size_t i = 0; i < world.tenants.size(); ++i) {
    const TenantModel& t = world.tenants[i];
    const auto ioc_it = planter.iocs().find(i);
    Json j = Json::object();
    j["name"] = t.name;
    j["accounts"] = Strings({t.account});
    j["inputs"] = Strings({base + "/logs/" + t.id + "/"});
    j["time_zone"] = t.time_zone;
    j["lists"] = TenantLists(
        t, ioc_it == planter.iocs().end() ? std::vector<std::string>{} : ioc_it->second);
    j["enable"] = Strings(planter.EnabledOptIns(i));
    tenants[t.id] = std::move(j);
  }
  Json doc = Json::object();
  doc["tenants"] = std::move(tenants);
  return doc.dump(2) + "\n";
}

std::string GroundTruthJson(const GenOptions& options, const World& world, const Planter& planter,
                            const std::vector<TruthRecord>& records) {
  std::vector<Json> by_instance(planter.instances().size(), Json::array());
  for (const TruthRecord& r : records) {
    if (r.scenario < 0 || static_cast<size_t>(r.scenario) >= by_instance.size()) continue;
    Json j = Json::object();
    j["file"] = r.file;
    j["offset"] = r.offset;
    j["type"] = r.type;
    if (!r.message_id.empty()) j["message_id"] = r.message_id;
    by_instance[static_cast<size_t>(r.scenario)].push_back(std::move(j));
  }
  Json scenarios = Json::array();
  for (const ScenarioInstance& s : planter.instances()) {
    const ScenarioKind& k = ScenarioKinds()[s.kind];
    Json j = Json::object();
    j["id"] = s.id;
    j["name"] = std::string(k.name);
    j["class"] = std::string(ClassName(k.cls));
    j["tenant"] = world.tenants[s.tenant].id;
    j["account"] = world.tenants[s.tenant].account;
    j["start"] = Iso8601(s.ts);
    j["expect_alert"] = s.expect_alert;
    Json rules = Json::array(), may = Json::array();
    for (std::string_view r : k.rules) rules.push_back(std::string(r));
    for (std::string_view r : k.may_also) may.push_back(std::string(r));
    j["rules"] = std::move(rules);
    j["may_also"] = std::move(may);
    j["description"] = std::string(k.description);
    j["message_ids"] = Strings(s.message_ids);
    j["records"] = std::move(by_instance[static_cast<size_t>(s.id)]);
    scenarios.push_back(std::move(j));
  }
  Json doc = Json::object();
  doc["generator"] = {{"seed", options.seed},
                      {"messages", options.messages},
                      {"tenants", options.tenants},
                      {"format", FormatName(options.format)},
                      {"start", Iso8601(options.start_ms)},
                      {"days", options.days}};
  doc["files"] = "relative to the directory holding this file";
  doc["scenarios"] = std::move(scenarios);
  return doc.dump(2) + "\n";
}

}  // namespace vigil::gen

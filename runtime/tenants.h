// tenants.h: the tenant configuration of a run (--tenants tenants.json; format in
// docs/tenants.md): which Mimecast account codes and input paths belong to which tenant, and
// per tenant its time zone, tenant list values, enabled opt-in rules, disabled rules and
// exception values appended to rules. Validated against the loaded rules with located errors.
// Also resolves the tenant of every event.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "compiler/sema/pack.h"
#include "schema/datum.h"
#include "vm/columnar/tenant_context.h"

namespace vigil::runtime {

struct Tenant {
  std::string id;
  std::string name;
  std::string time_zone = "UTC";
  std::vector<std::string> accounts;
  std::vector<std::string> inputs;  // path prefixes of feeds without account codes
  std::set<std::string> enabled;    // opt-in rules switched on
  std::set<std::string> disabled;   // rules switched off
  // rule id -> exception name -> value tuples appended to the rule's own.
  std::map<std::string, std::map<std::string, std::vector<std::vector<std::string>>>> exceptions;
  std::map<std::string, std::unique_ptr<schema::ListValue>> lists;
  columnar::TenantContext context;  // points into `lists`

  // Whether `rule` runs for this tenant (opt-in rules only when enabled; never when disabled).
  bool Runs(const sema::Rule& rule) const;
};

class TenantConfig {
 public:
  // The configuration without a file: one tenant `default_id` owning every event.
  static std::unique_ptr<TenantConfig> Default(const std::string& default_id);
  // Reads and validates `path` against `pack`. On failure returns null and sets *error to
  // every problem found, one per line ("tenants.json: tenants.acme.lists.vipz: ...").
  static std::unique_ptr<TenantConfig> Load(const std::string& path, const sema::Pack& pack,
                                            std::string* error);
  // The same from JSON text; `base_dir` resolves list files.
  static std::unique_ptr<TenantConfig> Parse(const std::string& text, const std::string& name,
                                             const std::string& base_dir, const sema::Pack& pack,
                                             std::string* error);

  // The tenant of an event: by account code, else by the input path (longest prefix), else
  // `fallback` (the --tenant flag), else the configured default tenant. Never null: an event
  // nothing claims goes to the built-in "unassigned" tenant (no lists, no opt-ins).
  Tenant* Resolve(std::string_view account, std::string_view input_path, std::string_view fallback);
  Tenant* Find(std::string_view id);
  const std::vector<std::unique_ptr<Tenant>>& tenants() const { return tenants_; }

 private:
  Tenant* Add(const std::string& id);
  std::vector<std::unique_ptr<Tenant>> tenants_;
  std::map<std::string, Tenant*, std::less<>> by_id_;
  std::map<std::string, Tenant*, std::less<>> by_account_;
  std::vector<std::pair<std::string, Tenant*>> by_input_;  // longest prefix first
  std::string default_id_;
};

}  // namespace vigil::runtime

// tenants.cc: parsing, validating and resolving tenants.
#include "runtime/tenants.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "base/strings.h"
#include "stdlib/lists/declared.h"
#include "stdlib/lists/loaders.h"
#include "stdlib/time/zone.h"

namespace vigil::runtime {
namespace {

using nlohmann::json;

constexpr const char* kUnassigned = "unassigned";

// Collects located problems while walking the configuration.
class Problems {
 public:
  explicit Problems(std::string file) : file_(std::move(file)) {}
  void Add(const std::string& where, const std::string& what) {
    lines_.push_back(fmt::format("{}: {}: {}", file_, where, what));
  }
  bool empty() const { return lines_.empty(); }
  std::string Text() const { return base::Join(lines_, "\n"); }

 private:
  std::string file_;
  std::vector<std::string> lines_;
};

std::string Suggest(const std::string& name, const std::vector<std::string>& candidates) {
  const std::string best = base::ClosestMatch(name, candidates);
  return best.empty() ? "" : fmt::format(" (did you mean `{}`?)", best);
}

void CheckKeys(const json& obj, const std::vector<std::string>& allowed, const std::string& where,
               Problems& p) {
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    if (std::find(allowed.begin(), allowed.end(), it.key()) == allowed.end()) {
      p.Add(where + "." + it.key(), "unknown key" + Suggest(it.key(), allowed));
    }
  }
}

std::vector<std::string> Strings(const json& v, const std::string& where, Problems& p) {
  std::vector<std::string> out;
  if (!v.is_array()) {
    p.Add(where, "expected an array of strings");
    return out;
  }
  for (const json& s : v) {
    if (s.is_string()) out.push_back(s.get<std::string>());
    else p.Add(where, "expected an array of strings");
  }
  return out;
}

std::vector<std::string> RuleIds(const sema::Pack& pack) {
  std::vector<std::string> ids;
  for (const sema::Rule& r : pack.rules) ids.push_back(r.id);
  return ids;
}

// A rule id named by the configuration; null (and a problem) when unknown.
const sema::Rule* RuleNamed(const sema::Pack& pack, const std::string& id, const std::string& where, Problems& p) {
  const sema::Rule* r = pack.FindRule(id);
  if (r == nullptr) p.Add(where, "unknown rule `" + id + "`" + Suggest(id, RuleIds(pack)));
  return r;
}

void ParseLists(const json& lists, const std::string& where, const std::string& base_dir,
                const sema::Pack& pack, Tenant& t, Problems& p) {
  std::vector<std::string> tenant_lists;
  for (const sema::List& l : pack.lists) {
    if (l.tenant) tenant_lists.push_back(l.name);
  }
  for (auto it = lists.begin(); it != lists.end(); ++it) {
    const std::string at = where + "." + it.key();
    const sema::List* decl = pack.FindList(it.key());
    if (decl == nullptr || !decl->tenant) {
      p.Add(at, "not a tenant list of the rules" + Suggest(it.key(), tenant_lists));
      continue;
    }
    std::vector<std::string> entries;
    if (it->is_object() && it->contains("file")) {
      const std::string file = (std::filesystem::path(base_dir) / (*it)["file"].get<std::string>()).string();
      std::string text, error;
      if (!stdlib::ReadFileToString(file, &text, &error)) {
        p.Add(at, error);
        continue;
      }
      stdlib::LoadOptions opts;
      stdlib::LoadResult r = stdlib::LoadListText(text, file, opts);
      for (const std::string& e : r.errors) p.Add(at, e);
      if (r.list != nullptr) entries = r.list->entries();
    } else {
      entries = Strings(*it, at, p);
    }
    std::vector<std::string> errors;
    t.lists[it.key()] = stdlib::BuildDeclaredList(sema::ListKindName(decl->kind), entries, t.id, &errors);
    for (const std::string& e : errors) p.Add(at, e);
  }
}

void ParseExceptions(const json& ex, const std::string& where, const sema::Pack& pack, Tenant& t, Problems& p) {
  for (auto rule_it = ex.begin(); rule_it != ex.end(); ++rule_it) {
    const std::string at = where + "." + rule_it.key();
    const sema::Rule* rule = RuleNamed(pack, rule_it.key(), at, p);
    if (rule == nullptr || !rule_it->is_object()) continue;
    for (auto x = rule_it->begin(); x != rule_it->end(); ++x) {
      const sema::Exception* decl = nullptr;
      std::vector<std::string> names;
      for (const sema::Exception& e : rule->exceptions) {
        names.push_back(e.name);
        if (e.name == x.key()) decl = &e;
      }
      if (decl == nullptr) {
        p.Add(at + "." + x.key(), "rule has no exception named `" + x.key() + "`" + Suggest(x.key(), names));
        continue;
      }
      if (!x->is_array()) {
        p.Add(at + "." + x.key(), "expected an array of value tuples");
        continue;
      }
      for (const json& tuple : *x) {
        std::vector<std::string> values = tuple.is_array() ? Strings(tuple, at + "." + x.key(), p)
                                                           : std::vector<std::string>{tuple.is_string() ? tuple.get<std::string>() : ""};
        if (values.size() != decl->fields.size()) {
          p.Add(at + "." + x.key(), fmt::format("each entry needs {} value(s)", decl->fields.size()));
          continue;
        }
        t.exceptions[rule->id][x.key()].push_back(std::move(values));
      }
    }
  }
}

}  // namespace

bool Tenant::Runs(const sema::Rule& rule) const {
  if (disabled.count(rule.id)) return false;
  return !rule.opt_in || enabled.count(rule.id) > 0;
}

Tenant* TenantConfig::Add(const std::string& id) {
  auto t = std::make_unique<Tenant>();
  t->id = id;
  t->name = id;
  Tenant* raw = t.get();
  tenants_.push_back(std::move(t));
  by_id_[id] = raw;
  return raw;
}

std::unique_ptr<TenantConfig> TenantConfig::Default(const std::string& default_id) {
  auto c = std::make_unique<TenantConfig>();
  c->default_id_ = default_id;
  c->Add(default_id);
  c->Add(kUnassigned);
  for (auto& t : c->tenants_) {
    t->context.tenant = t->id;
  }
  return c;
}

std::unique_ptr<TenantConfig> TenantConfig::Load(const std::string& path, const sema::Pack& pack,
                                                 std::string* error) {
  std::ifstream in(path);
  if (!in) {
    *error = "cannot read " + path;
    return nullptr;
  }
  std::stringstream buf;
  buf << in.rdbuf();
  return Parse(buf.str(), path, std::filesystem::path(path).parent_path().string(), pack, error);
}

std::unique_ptr<TenantConfig> TenantConfig::Parse(const std::string& text, const std::string& name,
                                                  const std::string& base_dir, const sema::Pack& pack,
                                                  std::string* error) {
  const json doc = json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) {
    *error = name + ": not a JSON object";
    return nullptr;
  }
  Problems p(name);
  CheckKeys(doc, {"default_tenant", "tenants"}, "$", p);
  auto c = std::make_unique<TenantConfig>();
  const json tenants = doc.value("tenants", json::object());
  if (!tenants.is_object()) p.Add("tenants", "expected an object of tenants by id");
  for (auto it = tenants.begin(); tenants.is_object() && it != tenants.end(); ++it) {
    const std::string where = "tenants." + it.key();
    if (!it->is_object()) {
      p.Add(where, "expected an object");
      continue;
    }
    CheckKeys(*it, {"name", "accounts", "inputs", "time_zone", "lists", "enable", "disable", "exceptions"}, where, p);
    Tenant* t = c->Add(it.key());
    t->name = it->value("name", it.key());
    t->time_zone = it->value("time_zone", "UTC");
    std::string tz_error;
    if (!stdlib::CheckZoneName(t->time_zone, &tz_error)) p.Add(where + ".time_zone", tz_error);
    if (it->contains("accounts")) t->accounts = Strings((*it)["accounts"], where + ".accounts", p);
    if (it->contains("inputs")) t->inputs = Strings((*it)["inputs"], where + ".inputs", p);
    for (const std::string& id : it->contains("enable") ? Strings((*it)["enable"], where + ".enable", p) : std::vector<std::string>{}) {
      const sema::Rule* r = RuleNamed(pack, id, where + ".enable", p);
      if (r != nullptr && !r->opt_in) p.Add(where + ".enable", "`" + id + "` is not an opt-in rule (it always runs)");
      t->enabled.insert(id);
    }
    for (const std::string& id : it->contains("disable") ? Strings((*it)["disable"], where + ".disable", p) : std::vector<std::string>{}) {
      RuleNamed(pack, id, where + ".disable", p);
      t->disabled.insert(id);
    }
    if (it->contains("lists")) ParseLists((*it)["lists"], where + ".lists", base_dir, pack, *t, p);
    if (it->contains("exceptions")) ParseExceptions((*it)["exceptions"], where + ".exceptions", pack, *t, p);
    for (const std::string& a : t->accounts) {
      if (!c->by_account_.emplace(a, t).second) p.Add(where + ".accounts", "account `" + a + "` belongs to two tenants");
    }
    for (const std::string& in : t->inputs) c->by_input_.emplace_back(in, t);
  }
  c->default_id_ = doc.value("default_tenant", "");
  if (!c->default_id_.empty() && !c->by_id_.count(c->default_id_)) {
    p.Add("default_tenant", "unknown tenant `" + c->default_id_ + "`");
  }
  if (!c->by_id_.count(kUnassigned)) c->Add(kUnassigned);
  std::sort(c->by_input_.begin(), c->by_input_.end(),
            [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  for (auto& t : c->tenants_) {
    t->context.tenant = t->id;
    t->context.time_zone = t->time_zone;
    for (auto& [list_name, value] : t->lists) t->context.lists[list_name] = value.get();
  }
  if (!p.empty()) {
    *error = p.Text();
    return nullptr;
  }
  return c;
}

Tenant* TenantConfig::Find(std::string_view id) {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : it->second;
}

Tenant* TenantConfig::Resolve(std::string_view account, std::string_view input_path, std::string_view fallback) {
  if (!account.empty()) {
    if (auto it = by_account_.find(account); it != by_account_.end()) return it->second;
  }
  for (const auto& [prefix, t] : by_input_) {
    if (input_path.starts_with(prefix)) return t;
  }
  if (!fallback.empty()) {
    if (Tenant* t = Find(fallback)) return t;
    Tenant* t = Add(std::string(fallback));  // a tenant named on the command line only
    t->context.tenant = t->id;
    return t;
  }
  if (Tenant* t = Find(default_id_)) return t;
  return Find(kUnassigned);
}

}  // namespace vigil::runtime

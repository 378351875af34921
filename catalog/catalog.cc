// catalog.cc: the catalog's JSON and CSV, the ATT&CK name table and writing the site.
#include "catalog/catalog.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "compiler/driver/metadata.h"

namespace vigil::catalog {
namespace {

// ATT&CK (Enterprise) names of the techniques an email-security pack uses, as ATT&CK writes
// them ("Parent: Sub-technique").
const std::map<std::string, std::string>& Techniques() {
  static const std::map<std::string, std::string> kNames = {
      {"T1020", "Automated Exfiltration"},
      {"T1027", "Obfuscated Files or Information"},
      {"T1027.006", "Obfuscated Files or Information: HTML Smuggling"},
      {"T1036", "Masquerading"},
      {"T1036.002", "Masquerading: Right-to-Left Override"},
      {"T1036.007", "Masquerading: Double File Extension"},
      {"T1040", "Network Sniffing"},
      {"T1048", "Exfiltration Over Alternative Protocol"},
      {"T1078", "Valid Accounts"},
      {"T1078.004", "Valid Accounts: Cloud Accounts"},
      {"T1098", "Account Manipulation"},
      {"T1098.001", "Account Manipulation: Additional Cloud Credentials"},
      {"T1105", "Ingress Tool Transfer"},
      {"T1110", "Brute Force"},
      {"T1110.001", "Brute Force: Password Guessing"},
      {"T1110.003", "Brute Force: Password Spraying"},
      {"T1110.004", "Brute Force: Credential Stuffing"},
      {"T1114", "Email Collection"},
      {"T1114.002", "Email Collection: Remote Email Collection"},
      {"T1114.003", "Email Collection: Email Forwarding Rule"},
      {"T1199", "Trusted Relationship"},
      {"T1204", "User Execution"},
      {"T1204.001", "User Execution: Malicious Link"},
      {"T1204.002", "User Execution: Malicious File"},
      {"T1528", "Steal Application Access Token"},
      {"T1534", "Internal Spearphishing"},
      {"T1552", "Unsecured Credentials"},
      {"T1553.005", "Subvert Trust Controls: Mark-of-the-Web Bypass"},
      {"T1557", "Adversary-in-the-Middle"},
      {"T1562", "Impair Defenses"},
      {"T1562.001", "Impair Defenses: Disable or Modify Tools"},
      {"T1564.008", "Hide Artifacts: Email Hiding Rules"},
      {"T1566", "Phishing"},
      {"T1566.001", "Phishing: Spearphishing Attachment"},
      {"T1566.002", "Phishing: Spearphishing Link"},
      {"T1566.003", "Phishing: Spearphishing via Service"},
      {"T1566.004", "Phishing: Spearphishing Voice"},
      {"T1567", "Exfiltration Over Web Service"},
      {"T1583.001", "Acquire Infrastructure: Domains"},
      {"T1585.002", "Establish Accounts: Email Accounts"},
      {"T1586.002", "Compromise Accounts: Email Accounts"},
      {"T1589.002", "Gather Victim Identity Information: Email Addresses"},
      {"T1656", "Impersonation"},
      {"T1667", "Email Bombing"},
  };
  return kNames;
}

std::string DurationText(int64_t ms) {
  struct Unit {
    int64_t ms;
    const char* suffix;
  };
  static constexpr Unit kUnits[] = {{604800000, "w"}, {86400000, "d"}, {3600000, "h"},
                                    {60000, "m"},     {1000, "s"},     {1, "ms"}};
  if (ms <= 0) return "0s";
  std::string out;
  for (const Unit& u : kUnits) {
    if (ms >= u.ms) {
      out += fmt::format("{}{}", ms / u.ms, u.suffix);
      ms %= u.ms;
    }
  }
  return out;
}

// Field names an expression reads (the suppression keys are fields in practice).
void ExprText(const ast::Expr* e, std::string* out) {
  if (e == nullptr) return;
  if (e->field != schema::FieldId::kNone) {
    *out += std::string(schema::Field(e->field).name);
  } else {
    *out += "expression";
  }
}

nlohmann::json Entry(const sema::Rule& r, const sema::Pack& pack) {
  nlohmann::json j = compiler::RuleMetadata(r, pack.sources);
  j["stateful"] = r.stateful();
  int match = 0, no_match = 0;
  for (const sema::Test& t : r.tests) {
    if (t.ast == nullptr) continue;
    for (const ast::TestItem& item : t.ast->items) {
      if (item.kind != ast::TestItem::Kind::kExpect) continue;
      if (item.expect_count == 0) {
        ++no_match;
      } else {
        ++match;
      }
    }
  }
  j["tests_match"] = match;
  j["tests_no_match"] = no_match;
  std::vector<std::string> exceptions;
  for (const sema::Exception& x : r.exceptions) exceptions.push_back(x.name);
  j["exceptions"] = exceptions;
  if (r.suppress_ms > 0) {
    std::string by;
    for (const ast::ExprPtr& k : r.suppress_by) {
      if (!by.empty()) by += ", ";
      ExprText(k.get(), &by);
    }
    j["suppress"] = by.empty() ? "for " + DurationText(r.suppress_ms)
                               : "by " + by + " for " + DurationText(r.suppress_ms);
  } else {
    j["suppress"] = "";
  }
  nlohmann::json techniques = nlohmann::json::array();
  for (const std::string& id : r.mitre)
    techniques.push_back({{"id", id}, {"name", TechniqueName(id)}});
  j["techniques"] = techniques;
  return j;
}

std::string CsvCell(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string CellText(const nlohmann::json& v) {
  if (v.is_null()) return "";
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  if (v.is_array()) {
    std::string out;
    for (const nlohmann::json& e : v) {
      if (!out.empty()) out += "; ";
      out += CellText(e);
    }
    return out;
  }
  return v.dump();
}

bool WriteFile(const std::filesystem::path& path, const std::string& text, std::string* error) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) {
    *error = "cannot write " + path.string();
    return false;
  }
  out << text;
  out.close();
  if (!out) {
    *error = "cannot write " + path.string();
    return false;
  }
  return true;
}

}  // namespace

std::string TechniqueName(const std::string& id) {
  const auto& names = Techniques();
  const auto it = names.find(id);
  return it == names.end() ? "" : it->second;
}

nlohmann::json BuildCatalog(const sema::Pack& pack, const Options& options) {
  nlohmann::json rules = nlohmann::json::array();
  std::map<std::string, int> counts = {{"expel", 0}, {"vendor", 0}, {"duet", 0}, {"opt_in", 0}};
  std::set<std::string> ids;
  // Listed by class (expel, vendor, duet), then severity (critical first), then id.
  std::vector<const sema::Rule*> order;
  for (const sema::Rule& r : pack.rules) order.push_back(&r);
  auto class_rank = [](sema::RuleClass c) {
    return c == sema::RuleClass::kExpel ? 0 : c == sema::RuleClass::kVendor ? 1 : 2;
  };
  std::stable_sort(order.begin(), order.end(), [&](const sema::Rule* a, const sema::Rule* b) {
    if (class_rank(a->rule_class) != class_rank(b->rule_class)) {
      return class_rank(a->rule_class) < class_rank(b->rule_class);
    }
    if (a->severity != b->severity) return a->severity > b->severity;
    return a->id < b->id;
  });
  for (const sema::Rule* rp : order) {
    const sema::Rule& r = *rp;
    nlohmann::json e = Entry(r, pack);
    ++counts[e["class"].get<std::string>()];
    if (r.opt_in) ++counts["opt_in"];
    for (const std::string& id : r.mitre) ids.insert(id);
    rules.push_back(std::move(e));
  }
  nlohmann::json techniques = nlohmann::json::object();
  for (const std::string& id : ids) techniques[id] = TechniqueName(id);
  nlohmann::json j;
  j["title"] = options.title;
  j["engine"] = VIGIL_VERSION;
  j["source"] = options.source;
  j["count"] = rules.size();
  j["counts"] = counts;
  j["techniques"] = techniques;
  j["rules"] = std::move(rules);
  return j;
}

std::string RenderCsv(const nlohmann::json& catalog) {
  static const char* const kColumns[] = {
      "id",          "title",          "class",      "opt_in",          "severity", "status",
      "mitre",       "event_types",    "kind",       "reads",           "evidence", "tests",
      "tests_match", "tests_no_match", "tags",       "exceptions",      "suppress", "description",
      "question",    "first_action",   "references", "false_positives", "file",     "line"};
  std::string out;
  for (const char* c : kColumns) out += (out.empty() ? "" : ",") + std::string(c);
  out += "\r\n";
  for (const nlohmann::json& r : catalog.at("rules")) {
    std::string row;
    bool first = true;
    for (const char* c : kColumns) {
      if (!first) row += ',';
      first = false;
      row += CsvCell(r.contains(c) ? CellText(r.at(c)) : "");
    }
    out += row + "\r\n";
  }
  return out;
}

bool WriteCatalog(const nlohmann::json& catalog, const std::string& dir, std::string* error) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    *error = "cannot create " + dir + ": " + ec.message();
    return false;
  }
  const std::filesystem::path base(dir);
  return WriteFile(base / "rules.json", catalog.dump(2) + "\n", error) &&
         WriteFile(base / "rules.csv", RenderCsv(catalog), error) &&
         WriteFile(base / "index.html", RenderHtml(catalog), error);
}

}  // namespace vigil::catalog

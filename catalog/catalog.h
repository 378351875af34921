// catalog.h: the Detections catalog of a rule pack (`vigil catalog`): every rule with its class,
// opt-in flag, severity, status, ATT&CK techniques, event types, description, the fields it
// reads and its tests, as JSON (rules.json), CSV (rules.csv) and a self-contained HTML page
// (index.html: inline CSS and JS, the list embedded as JSON, no network, works from file://).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "compiler/sema/pack.h"

namespace vigil::catalog {

struct Options {
  std::string title = "Mimecast detections";  // page heading
  std::string source;                         // what the catalog was built from ("rules/")
};

// {"title", "engine", "source", "count", "counts": {class: n, "opt_in": n},
//  "techniques": {id: name}, "rules": [entry...]}, rules by class (expel, vendor, duet), then
// severity (critical first), then id. Each entry is
// compiler::RuleMetadata plus "stateful", "tests_match", "tests_no_match", "exceptions",
// "suppress" and "techniques" ([{id, name}]). Deterministic: no timestamps.
nlohmann::json BuildCatalog(const sema::Pack& pack, const Options& options);

// The same list as CSV (RFC 4180, one header row, list cells joined with "; ").
std::string RenderCsv(const nlohmann::json& catalog);

// The Detections page with `catalog` embedded.
std::string RenderHtml(const nlohmann::json& catalog);

// The ATT&CK name of a technique id ("T1566.002" -> "Phishing: Spearphishing Link"); "" when
// the table does not know it.
std::string TechniqueName(const std::string& id);

// Writes index.html, rules.json and rules.csv into `dir` (created if missing). False and
// *error on an I/O failure.
bool WriteCatalog(const nlohmann::json& catalog, const std::string& dir, std::string* error);

}  // namespace vigil::catalog

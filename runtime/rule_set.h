// rule_set.h: the rules a run evaluates, loaded from rule sources (checked and compiled now) or
// from a compiled pack (.vgp: decoded, verified, its embedded sources re-checked for the
// per-alert expressions). Holds the checked pack (evidence, keys, templates, stateful clauses),
// the verified executable ready for the VM, and each rule's metadata.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "compiler/driver/driver.h"
#include "vm/exec/loaded_pack.h"

namespace vigil::runtime {

struct RuleSet {
  compiler::LoadResult load;            // the checked pack and its diagnostics
  std::unique_ptr<vm::LoadedPack> exe;  // verified, ready for vm::Vm
  std::vector<nlohmann::json> metadata;  // per rule, compiler::RuleMetadata
  std::string origin;                    // what was loaded, for messages

  const sema::Pack& pack() const { return *load.pack; }
  size_t rule_count() const { return load.pack->rules.size(); }
};

// Loads `paths`: one .vgp file, or rule files and directories. On failure returns false with
// a message in *error; rule diagnostics (if any) are in out->load for the caller to print.
bool LoadRuleSet(const std::vector<std::string>& paths, RuleSet* out, std::string* error);

}  // namespace vigil::runtime

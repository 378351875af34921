// metadata.h: the JSON description of a checked rule (id, title, class, severity, MITRE ids,
// event types, what it reads, tests, ...). One definition serves compiled packs, the rule
// catalog and alerts.
#pragma once

#include <nlohmann/json.hpp>

#include "compiler/sema/pack.h"

namespace vigil::compiler {

nlohmann::json RuleMetadata(const sema::Rule& rule, const SourceManager& sources);
// {"engine": version, "rules": [RuleMetadata...]} for a whole pack, in pack order.
nlohmann::json PackMetadata(const sema::Pack& pack);

}  // namespace vigil::compiler

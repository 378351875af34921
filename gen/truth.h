// truth.h: the two JSON files written next to the logs: tenants.json (the tenant
// configuration `vigil run --tenants` reads: accounts, input paths, time zone, tenant lists
// matching the generated people and domains, enabled opt-in rules) and ground_truth.json
// (each planted scenario instance with its class, rules, tenant, message ids and records).
#pragma once

#include <string>
#include <vector>

#include "gen/generator.h"
#include "gen/model.h"
#include "gen/scenarios.h"
#include "gen/writer.h"

namespace vigil::gen {

// tenants.json text. `dir` is the output directory as given: input prefixes are
// "<dir>/logs/<tenant id>/".
std::string TenantsJson(const World& world, const Planter& planter, const std::string& dir);

// ground_truth.json text.
std::string GroundTruthJson(const GenOptions& options, const World& world, const Planter& planter,
                            const std::vector<TruthRecord>& records);

}  // namespace vigil::gen

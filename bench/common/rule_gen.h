// rule_gen.h: a deterministic generator of realistic detection rules for the benchmarks (pack
// evaluation and compile time). Part of bench/common; not a test oracle (tests/diff has that).
//
// Each rule is one of a fixed set of templates a detection engineer writes every day against
// Mimecast logs, with its constants drawn from realistic vocabularies: brand lookalikes,
// subject keyword lists, subject regexes, sender networks, attachment extensions and name
// wildcards, URL hosts and paths, audit types, delivery to partner domains, IOC lookups,
// spam/authentication thresholds, display-name abuse, impersonation identifiers, sandbox
// verdicts. Rules import the Mimecast pack's common.vgl (its lists and macros), so generated
// packs share tenant lists with the real pack and a gen tenants.json configures them.
#pragma once

#include <cstdint>
#include <string>

namespace vigil::bench {

struct RuleGenOptions {
  uint64_t seed = 1;
  // Import line written at the top ("" writes none: the caller supplies common.vgl's
  // declarations another way).
  std::string import_path = "common.vgl";
  // Rule ids are "<id_prefix>.<template>_<n>".
  std::string id_prefix = "bench.gen";
  // Index of the first rule (rule ids and templates continue across files).
  size_t first_index = 0;
};

// `count` rules as one .vgl source. The same options give the same text.
std::string GenerateRules(size_t count, const RuleGenOptions& options);

// How many templates rules are drawn from (rule i uses template i % this, so every template
// appears in any pack of at least that many rules).
size_t RuleTemplateCount();

}  // namespace vigil::bench

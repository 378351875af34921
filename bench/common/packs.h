// packs.h: the rule packs the benchmarks evaluate and compile: the real Mimecast pack
// (rules/mimecast, read from the source tree), subsets of it, and generated packs
// (rule_gen.h) that import its common.vgl. Everything is served to the compiler from memory
// (compiler::LoadSources), so a benchmark never depends on the working directory.
// Part of bench/common.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "compiler/driver/driver.h"
#include "vm/exec/loaded_pack.h"

namespace vigil::bench {

using SourceFiles = std::vector<std::pair<std::string, std::string>>;

struct PackSpec {
  std::string name;   // "real79", "gen1000", ...
  SourceFiles files;  // .vgl files and the list files they read, by virtual path
  size_t rules = 0;   // rules the pack defines
};

// The repository root (the VIGIL_SOURCE_DIR compile definition).
std::string SourceDir();

// The real pack: every rule (max_rules == 0) or the first `max_rules` rules in file order;
// `stateless_only` leaves out aggregate, sequence, first_seen and prevalence rules.
PackSpec RealPack(size_t max_rules, bool stateless_only);

// The real pack with one rule only (its id), plus every list and macro.
PackSpec RealPackRule(const std::string& rule_id);
// The ids of the real pack's rules, in file order.
std::vector<std::string> RealRuleIds();

// common.vgl (and its list files) plus `rules` generated rules in gen_NNN.vgl files of 1,000.
PackSpec GeneratedPack(size_t rules, uint64_t seed);

// Checks the pack; aborts with the diagnostics when it has errors (a benchmark bug).
compiler::LoadResult LoadOrDie(const PackSpec& pack);

// A pack checked, compiled to a pack file, verified and loaded for the VM (as `vigil run` does).
struct CompiledPack {
  compiler::LoadResult load;
  std::unique_ptr<vm::LoadedPack> exe;
};
CompiledPack CompileOrDie(const PackSpec& pack);

// The rule blocks of a .vgl text (from a line starting `rule ` to the next line `}`).
std::vector<std::string> RuleBlocks(const std::string& text);
// Whether a rule block keeps state (aggregate, sequence, first_seen, prevalence).
bool IsStateful(const std::string& block);

}  // namespace vigil::bench

// compile_bench.cc: how long the front end and the back end take as packs grow.
//
// Hypothesis: checking (parse, imports, sema) and compiling (IR, optimization, codegen, pack
// file) are linear in the number of rules, so 10,000 generated rules check and compile in
// under 10 s on one core (under 1 ms per rule), and loading the pack for the VM (verifier,
// pattern-set compilation, constant sets) stays within the same order as compiling: a run's
// start-up is never the bottleneck of a day of logs.
//
// Packs: bench/common/rule_gen.cc (16 realistic templates over common.vgl: lookalikes, keyword
// lists, regexes, networks, attachment extensions and wildcards, URL hosts and paths, audit
// types, IOC lists, thresholds, quantifiers) with 100, 1,000 and 10,000 rules; the real pack
// rules/mimecast (79 rules with tests, evidence, suppression, stateful clauses) as baseline.
//
// Scenarios (rules/s = rules per CPU second):
//   BM_Compile_Check/<pack>            compiler::LoadSources (parse + sema), every diagnostic
//   BM_Compile_CheckAndCompile/<pack>  the same plus compiler::BuildPackFile (IR, passes,
//                                      codegen, metadata, embedded sources)
//   BM_Compile_LoadForVm/<pack>        bytecode::Verify + vm::LoadedPack::Load of that file
// Good: CheckAndCompile/gen10000 < 10 s; per-rule cost of gen10000 within 2x of gen100.
#include <benchmark/benchmark.h>

#include <string>

#include "bench/common/bench_main.h"
#include "bench/common/packs.h"
#include "compiler/driver/pack_builder.h"
#include "vm/bytecode/verifier.h"
#include "vm/exec/loaded_pack.h"

namespace vigil::bench {
namespace {

PackSpec SpecFor(const std::string& name) {
  if (name == "real79") return RealPack(0, false);
  return GeneratedPack(std::stoul(name.substr(3)), /*seed=*/11);
}

void Report(benchmark::State& state, size_t rules) {
  state.counters["rules/s"] =
      benchmark::Counter(static_cast<double>(rules), benchmark::Counter::kIsIterationInvariantRate);
  state.counters["rules"] = static_cast<double>(rules);
}

void Check(benchmark::State& state, const PackSpec& spec, bool compile) {
  size_t errors = 0;
  for (auto _ : state) {
    compiler::LoadResult r = compiler::LoadSources(spec.files, compiler::LoadOptions{});
    errors += r.errors;
    if (compile) {
      const bytecode::PackFile file = compiler::BuildPackFile(*r.pack);
      benchmark::DoNotOptimize(file.exe.programs.size());
    }
  }
  if (errors > 0) state.SkipWithError("the pack has errors");
  Report(state, spec.rules);
}

void LoadForVm(benchmark::State& state, const PackSpec& spec) {
  const compiler::LoadResult r = LoadOrDie(spec);
  const bytecode::PackFile file = compiler::BuildPackFile(*r.pack);
  for (auto _ : state) {
    bytecode::Executable exe = file.exe;
    std::string error = bytecode::Verify(exe);
    auto loaded = vm::LoadedPack::Load(std::move(exe), &error);
    if (loaded == nullptr) state.SkipWithError(error.c_str());
  }
  Report(state, spec.rules);
}

void RegisterAll() {
  for (const char* name : {"real79", "gen100", "gen1000", "gen10000"}) {
    const std::string n = name;
    const bool big = n == "gen10000";
    auto* c =
        benchmark::RegisterBenchmark(("BM_Compile_Check/" + n).c_str(),
                                     [n](benchmark::State& st) { Check(st, SpecFor(n), false); });
    auto* cc =
        benchmark::RegisterBenchmark(("BM_Compile_CheckAndCompile/" + n).c_str(),
                                     [n](benchmark::State& st) { Check(st, SpecFor(n), true); });
    auto* l =
        benchmark::RegisterBenchmark(("BM_Compile_LoadForVm/" + n).c_str(),
                                     [n](benchmark::State& st) { LoadForVm(st, SpecFor(n)); });
    for (auto* b : {c, cc, l}) {
      b->Unit(benchmark::kMillisecond);
      if (big) b->Iterations(1);
    }
  }
}

}  // namespace
}  // namespace vigil::bench

int main(int argc, char** argv) {
  return vigil::bench::BenchMain(argc, argv, vigil::bench::RegisterAll);
}

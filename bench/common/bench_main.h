// bench_main.h: the main() of benchmarks that register their cases at run time (packs and
// corpora chosen by name). Part of bench/common.
#pragma once

#include <benchmark/benchmark.h>

namespace vigil::bench {

// Calls `register_all`, then runs Google Benchmark with the command line; returns the exit code.
inline int BenchMain(int argc, char** argv, void (*register_all)()) {
  register_all();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}

}  // namespace vigil::bench

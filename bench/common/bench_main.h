// bench_main.h: the main() of benchmarks that register their cases at run time (packs and
// corpora chosen by name). Part of bench/common.
#pragma once

#include <benchmark/benchmark.h>
#include <sys/resource.h>

namespace vigil::bench {

// The process's peak resident set so far, in MiB (ru_maxrss): Google Benchmark runs the cases
// of a binary one after another in one process, so after a case it bounds what that case and
// the ones before it (shared corpora and packs included) held at once.
inline double PeakRssMib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;
}

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

#!/usr/bin/env bash
# bench.sh: the performance harness behind `make bench`. Builds the vigil binary and the
# benchmark targets (nothing else), runs the Google Benchmark binaries and the end-to-end
# throughput harness, writes bench/results/latest.json and regenerates the results section of
# docs/performance.md from it. Takes about 6-7 minutes on a 2-core machine.
#
# Environment:
#   BENCH_BUILD_DIR   build tree to use (default build/release, built with the release preset)
#   BENCH_MESSAGES    messages of the end-to-end corpus (default 258000, about 1 M events)
#   BENCH_MIN_TIME    Google Benchmark --benchmark_min_time in seconds (default 0.3)
#   BENCH_SKIP        space-separated suites to skip: eval compile ingest stdlib e2e
set -euo pipefail
cd "$(dirname "$0")/.."

build=${BENCH_BUILD_DIR:-build/release}
messages=${BENCH_MESSAGES:-258000}
min_time=${BENCH_MIN_TIME:-0.3}
skip=" ${BENCH_SKIP:-} "
targets=(vigil eval_bench compile_bench ingest_bench stdlib_bench)

if [[ "$build" == build/release ]]; then
  [[ -f build/release/build.ninja ]] || cmake --preset release >/dev/null
  cmake --build --preset release --target "${targets[@]}"
else
  cmake --build "$build" --target "${targets[@]}"
fi

raw=$(mktemp -d "${TMPDIR:-/tmp}/vigil-bench.XXXXXX")
trap 'rm -rf "$raw"' EXIT
load_start=$(cut -d' ' -f1 /proc/loadavg)
start=$(date +%s)

# gbench NAME SUITE BINARY [ARGS...]: one Google Benchmark binary of bench/SUITE, JSON to
# $raw/NAME.json (later flags override the default minimum time).
gbench() {
  local name=$1 suite=$2 bin=$3
  shift 3
  [[ "$skip" == *" $suite "* ]] && return 0
  echo "bench: $name" >&2
  "$build/bench/$suite/$bin" --benchmark_min_time="$min_time" \
    --benchmark_out="$raw/$name.json" --benchmark_out_format=json "$@" >&2
}

# Pack evaluation, best of 3 (report.py keeps the fastest repetition).
gbench eval eval eval_bench --benchmark_filter='-BM_Eval_VmRule' --benchmark_repetitions=3
# Attribution: each rule of the real pack alone (where the pack's evaluation time goes).
gbench eval_rules eval eval_bench --benchmark_filter='BM_Eval_VmRule' --benchmark_min_time=0.1

gbench compile compile compile_bench
gbench ingest ingest ingest_bench
# The stdlib baselines the performance doc quotes (the per-kernel sweep is bench/stdlib's own).
gbench stdlib stdlib stdlib_bench --benchmark_filter='PatternSetScan|Separate200|ListLookup|LinearScan'

if [[ "$skip" != *" e2e "* ]]; then
  echo "bench: e2e ($messages messages)" >&2
  python3 bench/e2e/throughput.py --vigil "$build/vigil" --source "$PWD" \
    --work "$raw/e2e" --messages "$messages" --out "$raw/e2e.json"
fi

python3 bench/report.py --raw "$raw" --out bench/results/latest.json --doc docs/performance.md \
  --wall-seconds $(($(date +%s) - start)) --load-start "$load_start"
echo "bench: wrote bench/results/latest.json and the results of docs/performance.md" \
  "($(($(date +%s) - start)) s)" >&2

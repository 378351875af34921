#!/usr/bin/env bash
# run_fuzzers.sh BUILD_DIR SECONDS: runs every libFuzzer binary in BUILD_DIR/tests/fuzz for
# SECONDS each (called by `make fuzz` as ./tools/run_fuzzers.sh build/fuzz $(FUZZ_SECONDS)).
# Seeds come from tests/fuzz/corpus/<name without _fuzz>/ when that exists; new inputs go to a
# scratch corpus so the checked-in seeds stay as they are. Crash, sanitizer and timeout inputs
# are kept in BUILD_DIR/fuzz-artifacts/. Exit 1 if any fuzzer found something, 2 on misuse.
set -uo pipefail

if [[ $# -ne 2 || ! $2 =~ ^[0-9]+$ ]]; then
  echo "usage: $0 BUILD_DIR SECONDS" >&2
  exit 2
fi
build=$1
seconds=$2
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
fuzz_dir=$build/tests/fuzz
artifacts=$build/fuzz-artifacts
mkdir -p "$artifacts"

shopt -s nullglob
fuzzers=()
for bin in "$fuzz_dir"/*_fuzz; do
  [[ -f $bin && -x $bin ]] && fuzzers+=("$bin")
done
if [[ ${#fuzzers[@]} -eq 0 ]]; then
  echo "run_fuzzers: no *_fuzz binaries in $fuzz_dir (build the fuzz preset first)" >&2
  exit 2
fi

failed=()
for bin in "${fuzzers[@]}"; do
  name=$(basename "$bin")
  seeds=$root/tests/fuzz/corpus/${name%_fuzz}
  scratch=$(mktemp -d)
  corpora=("$scratch")
  [[ -d $seeds ]] && corpora+=("$seeds")
  echo "== $name: ${seconds}s, seeds: $([[ -d $seeds ]] && echo "$seeds" || echo none)"
  # -timeout: one input running longer than this is a hang, reported as a finding.
  if ! "$bin" -max_total_time="$seconds" -max_len=65536 -timeout=30 -print_final_stats=1 \
      -artifact_prefix="$artifacts/$name-" "${corpora[@]}"; then
    failed+=("$name")
  fi
  rm -rf "$scratch"
done

if [[ ${#failed[@]} -gt 0 ]]; then
  echo "run_fuzzers: findings in ${failed[*]}; inputs in $artifacts" >&2
  exit 1
fi
echo "run_fuzzers: ${#fuzzers[@]} fuzzer(s), ${seconds}s each, no findings"

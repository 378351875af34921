#!/usr/bin/env bash
# demo.sh: the main job on bundled data (called by `make demo` after the release build):
# check and compile the bundled rule pack, then run it over the bundled sample logs and show
# what fired.
set -euo pipefail
cd "$(dirname "$0")/.."
VIGIL=build/release/vigil
OUT=build/demo
mkdir -p "$OUT"

echo "== vigil check rules/"
"$VIGIL" check rules/

echo
echo "== vigil compile rules/ -o $OUT/pack.vgp"
"$VIGIL" compile rules/ -o "$OUT/pack.vgp"

if "$VIGIL" run --help >/dev/null 2>&1 && [ -d examples/logs ]; then
  echo
  echo "== vigil run --rules $OUT/pack.vgp --tenants examples/tenants.json examples/logs -o $OUT/alerts.jsonl"
  "$VIGIL" run --rules "$OUT/pack.vgp" --tenants examples/tenants.json examples/logs \
    -o "$OUT/alerts.jsonl" --stats-json "$OUT/stats.json" --summary
  echo
  echo "alerts: $OUT/alerts.jsonl"
else
  echo
  echo "== program summary"
  "$VIGIL" disasm "$OUT/pack.vgp" | grep -E '^(program|  rules:|;)'
fi

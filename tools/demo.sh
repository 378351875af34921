#!/usr/bin/env bash
# demo.sh: the main job on bundled data (called by `make demo` after the release build): check
# and compile the bundled rule pack, run it over the demo logs (examples/logs/acme/, one day of
# the demo tenant with planted attacks, see examples/logs/README.md) and, when `vigil gen` is
# built, over generated traffic with planted attacks; show what fired and where the alerts are.
set -euo pipefail
cd "$(dirname "$0")/.."
VIGIL=build/release/vigil
OUT=build/demo
rm -rf "$OUT"
mkdir -p "$OUT"

step() { printf '\n== %s\n' "$*"; }

# Prints up to three alerts of a JSON-lines file, one per class, most severe first.
show_samples() {
  local alerts=$1
  step "3 sample alerts from $alerts"
  if ! command -v python3 >/dev/null; then
    head -n 3 "$alerts"
    return
  fi
  python3 - "$alerts" <<'EOF'
import json, sys
rank = {"critical": 0, "high": 1, "medium": 2, "low": 3, "info": 4}
alerts = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
picked = []
for cls in ("expel", "vendor", "duet"):
    of_class = [a for a in alerts if a["class"] == cls]
    if of_class:
        picked.append(min(of_class, key=lambda a: rank.get(a["severity"], 9)))
for a in picked[:3]:
    print("\n[%s/%s] %s" % (a["class"], a["severity"], a["title"]))
    r = a.get("routing", {})
    print("  rule          %s" % a["rule_id"])
    print("  tenant        %s (event time %s)" % (a["tenant"], a["time"]))
    print("  routing       %s queue%s" % (r.get("queue", "?"), ", bypasses triage" if r.get("bypass_triage") else ""))
    for key in ("question", "first_action"):
        if r.get(key):
            print("  %-13s %s" % (key.replace("_", " "), r[key]))
    print("  evidence")
    for k, v in a.get("evidence", {}).items():
        text = v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)
        print("    %-18s %s" % (k, " ".join(text.split())))
EOF
}

step "vigil check rules/"
"$VIGIL" check rules/

step "vigil compile rules/ -o $OUT/pack.vgp"
"$VIGIL" compile rules/ -o "$OUT/pack.vgp"

# The demo logs are files of one day read one after another, so event time goes back by up to a
# day between files: a day of allowed lateness lets the stateful rules see every event.
step "vigil run --rules $OUT/pack.vgp --tenants examples/tenants.json --allowed-lateness 1d examples/logs/acme"
"$VIGIL" run --rules "$OUT/pack.vgp" --tenants examples/tenants.json --allowed-lateness 1d \
  -o "$OUT/alerts.jsonl" --stats-json "$OUT/stats.json" examples/logs/acme
show_samples "$OUT/alerts.jsonl"

# Generated traffic: only when this build has `vigil gen` (its own tenants.json and ground truth).
if "$VIGIL" gen --help 2>/dev/null | grep -q '^Usage: vigil gen'; then
  TRAFFIC=$OUT/traffic
  step "vigil gen --messages 3000 --tenants 2 --days 1 --seed 7 --rules rules/ -o $TRAFFIC"
  "$VIGIL" gen --messages 3000 --tenants 2 --days 1 --seed 7 --rules rules/ -o "$TRAFFIC"
  step "vigil run --rules $OUT/pack.vgp --tenants $TRAFFIC/tenants.json --allowed-lateness 1d $TRAFFIC/logs"
  "$VIGIL" run --rules "$OUT/pack.vgp" --tenants "$TRAFFIC/tenants.json" --allowed-lateness 1d \
    -o "$OUT/traffic_alerts.jsonl" --stats-json "$OUT/traffic_stats.json" "$TRAFFIC/logs"
  show_samples "$OUT/traffic_alerts.jsonl"
fi

step "where the results are"
echo "alerts:     $OUT/alerts.jsonl (the demo logs; examples/logs/README.md explains each one)"
echo "statistics: $OUT/stats.json"
if [ -f "$OUT/traffic_alerts.jsonl" ]; then
  echo "generated:  $OUT/traffic_alerts.jsonl, $OUT/traffic_stats.json"
  echo "            (planted scenarios in $OUT/traffic/ground_truth.json)"
fi

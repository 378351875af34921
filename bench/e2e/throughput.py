#!/usr/bin/env python3
"""throughput.py: end-to-end throughput of the vigil binary (logs -> alerts) against
ingest-only over the same files in the same run, and the cost of stateful rules.

Part of bench/ (tools/bench.sh runs it; docs/performance.md explains the numbers).

Hypothesis: evaluating the pack and producing alerts costs less than ingest, so `vigil run`
keeps at least 70% of `vigil ingest`'s events/s per core over the same generated logs; 20
stateful rules (aggregates, sequences with absence, first_seen/prevalence) keyed on the
high-volume event types cost well under 2x the stateless pack, with peak RSS bounded by the
state caps rather than by the input size.

Scenarios, each a child process timed with wait4() (user + system CPU, wall, peak RSS):
  gen          vigil gen --messages N --tenants K --seed S            (the corpus)
  ingest       vigil ingest --emit stats LOGS                        (parse + normalize only),
               with --threads 1 when `vigil ingest --help` lists --threads
  ingest_threads2  vigil ingest --threads 2 --emit stats LOGS, when `vigil ingest --help` lists
               --threads (files read on 2 threads; the stats must equal ingest's)
  ingest_formats  ingest on 1 and 2 threads of the same generator's logs in api1-json and
               api1-kv (N/4 messages each; api2 is the main corpus), stats checked equal
  e2e          vigil run --rules rules/ --tenants ... LOGS -o /dev/null (the real pack), with
               --threads 1 when the binary has --threads (as every run below but the next)
  e2e_threads2 the same with --threads 2, when `vigil run --help` lists it
  stateless    vigil run with the real pack's stateless rules only
  stateful     the same plus bench/e2e/stateful.vgl (20 stateful rules)
  e2e_lateness1h, stateful_lateness1h   e2e and stateful with --allowed-lateness 1h (the span
               of one generated file) instead of --lateness (default 1d, the whole corpus)
ingest, ingest_threads2 and e2e run `--repeat` times (after one untimed warm-up read of the
files), the others once; the run with the least CPU time is reported, since the machine is
shared.
Writes one JSON document (--out).
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time


def run(cmd, cwd, capture=False):
    """Runs cmd; returns (wait4 measurements, stdout text when `capture`)."""
    start = time.monotonic()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out if capture else subprocess.DEVNULL,
                                stderr=err)
        _, status, ru = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.monotonic() - start
        out.seek(0)
        err.seek(0)
        text = out.read().decode() if capture else None
        if proc.returncode not in (0, 1):
            sys.exit(f"throughput: {' '.join(cmd)} exited {proc.returncode}:\n"
                     f"{err.read().decode()}")
    return {
        "cpu_s": ru.ru_utime + ru.ru_stime,
        "user_s": ru.ru_utime,
        "sys_s": ru.ru_stime,
        "wall_s": wall,
        "peak_rss_mib": ru.ru_maxrss / 1024.0,
        "exit": proc.returncode,
    }, text


def best(cmd, cwd, repeat, capture=False):
    runs = [run(cmd, cwd, capture) for _ in range(repeat)]
    m, out = min(runs, key=lambda r: r[0]["cpu_s"])
    m["runs_cpu_s"] = [round(r[0]["cpu_s"], 3) for r in runs]
    return m, out


def rates(m, events):
    m["events"] = events
    m["events_per_cpu_s"] = events / m["cpu_s"] if m["cpu_s"] > 0 else None
    m["events_per_wall_s"] = events / m["wall_s"] if m["wall_s"] > 0 else None
    return m


def stateless_copy(src, dst):
    """Copies the pack directory `src` to `dst` without stateful rule blocks."""
    shutil.copytree(src, dst)
    kept = dropped = 0
    for root, _, files in os.walk(dst):
        for name in files:
            if not name.endswith(".vgl"):
                continue
            path = os.path.join(root, name)
            out, block, inside = [], [], False
            for line in open(path, encoding="utf-8").read().split("\n"):
                if not inside and line.startswith("rule "):
                    inside = True
                if not inside:
                    out.append(line)
                    continue
                block.append(line)
                if line == "}":
                    text = "\n".join(block)
                    if re.search(r"\n  (aggregate|sequence) |first_seen\(|prevalence\(", text):
                        dropped += 1
                    else:
                        out.append(text)
                        kept += 1
                    block, inside = [], False
            open(path, "w", encoding="utf-8").write("\n".join(out))
    return kept, dropped


def rule_ids(pack_dir):
    ids = set()
    for root, _, files in os.walk(pack_dir):
        for name in files:
            if name.endswith(".vgl"):
                text = open(os.path.join(root, name), encoding="utf-8").read()
                ids.update(re.findall(r"^rule ([a-z0-9_.]+) \{", text, re.M))
    return ids


def prune_tenants(src, ids, dst):
    """Writes src without opt-ins, disables and exceptions naming rules outside `ids`."""
    doc = json.load(open(src))
    for t in doc.get("tenants", {}).values():
        for key in ("enable", "disable"):
            if key in t:
                t[key] = [r for r in t[key] if r in ids]
        if "exceptions" in t:
            t["exceptions"] = {r: e for r, e in t["exceptions"].items() if r in ids}
    json.dump(doc, open(dst, "w"), indent=1)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--vigil", required=True)
    ap.add_argument("--source", required=True, help="repository root")
    ap.add_argument("--work", required=True, help="scratch directory (removed first)")
    ap.add_argument("--messages", type=int, default=258000)  # about 1 M events
    ap.add_argument("--tenants", type=int, default=4)
    ap.add_argument("--seed", type=int, default=9)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--lateness", default="1d", help="vigil run --allowed-lateness")
    ap.add_argument("--out", required=True)
    a = ap.parse_args()

    vigil = os.path.abspath(a.vigil)
    rules = os.path.join(a.source, "rules")
    shutil.rmtree(a.work, ignore_errors=True)
    os.makedirs(a.work)
    result = {"messages": a.messages, "tenants": a.tenants, "seed": a.seed, "repeat": a.repeat,
              "lateness": a.lateness}

    # The corpus (relative paths: tenants.json maps inputs by the path given to gen).
    g, _ = run([vigil, "gen", "--messages", str(a.messages), "--tenants", str(a.tenants),
                "--seed", str(a.seed), "-o", "corpus"], a.work)
    logs, tenants = "corpus/logs", "corpus/tenants.json"
    result["gen"] = g

    # Warm the page cache once, then ingest-only: the events of the corpus.
    ingest_help = subprocess.run([vigil, "ingest", "--help"], capture_output=True, text=True).stdout
    ingest_threads = "--threads" in ingest_help
    ingest_one = ["--threads", "1"] if ingest_threads else []
    run([vigil, "ingest", "--emit", "stats", logs], a.work)
    m, out = best([vigil, "ingest", *ingest_one, "--emit", "stats", logs], a.work, a.repeat,
                  capture=True)
    stats = json.loads(out)
    events = stats["events"]
    if stats["quarantined"] != 0:
        sys.exit(f"throughput: {stats['quarantined']} generated records were quarantined")
    result["corpus"] = {"events": events, "bytes": stats["bytes"], "files": stats["files"],
                        "by_type": stats["by_type"]}
    result["gen"] = rates(g, events)
    result["ingest"] = rates(m, events)
    if ingest_threads:
        m2, out2 = best([vigil, "ingest", "--threads", "2", "--emit", "stats", logs], a.work,
                        a.repeat, capture=True)
        if out2 != out:
            sys.exit("throughput: vigil ingest --threads 2 printed other stats than --threads 1")
        result["ingest_threads2"] = rates(m2, events)
    else:
        result["ingest_threads2"] = {"unavailable": "`vigil ingest --help` lists no --threads "
                                                    "option in this build"}

    # Ingest per format: the same generator in each API 1.0 format (a quarter of the messages),
    # one thread and two, stats checked equal.
    result["ingest_formats"] = {"api2": {"one": result["ingest"],
                                         "two": result.get("ingest_threads2")}}
    for fmt in ("api1-json", "api1-kv") if ingest_threads else ():
        d = "corpus_" + fmt
        run([vigil, "gen", "--messages", str(max(a.messages // 4, 1)), "--tenants",
             str(a.tenants), "--seed", str(a.seed), "--format", fmt, "-o", d], a.work)
        run([vigil, "ingest", "--emit", "stats", d + "/logs"], a.work)  # warm the page cache
        f1, o1 = best([vigil, "ingest", "--threads", "1", "--emit", "stats", d + "/logs"], a.work,
                      a.repeat, capture=True)
        f2, o2 = best([vigil, "ingest", "--threads", "2", "--emit", "stats", d + "/logs"], a.work,
                      a.repeat, capture=True)
        s1 = json.loads(o1)
        if o1 != o2 or s1["quarantined"] != 0:
            sys.exit(f"throughput: {fmt}: quarantined records, or other stats on 2 threads")
        result["ingest_formats"][fmt] = {"one": rates(f1, s1["events"]),
                                         "two": rates(f2, s1["events"])}
        shutil.rmtree(os.path.join(a.work, d), ignore_errors=True)

    def vigil_run(name, rule_args, extra=(), tenant_file=tenants, repeat=1, lateness=a.lateness):
        stats_file = os.path.join(a.work, name + ".stats.json")
        cmd = [vigil, "run", *rule_args, "--tenants", tenant_file, "--allowed-lateness", lateness,
               logs, "-o", "/dev/null", "--stats-json", stats_file, "-q", *extra]
        m, _ = best(cmd, a.work, repeat)
        m["lateness"] = lateness
        s = json.load(open(stats_file))
        m = rates(m, s["events_evaluated"])
        for k in ("rules", "matches", "alerts", "suppressed", "state_keys", "state_evictions",
                  "late_events", "reorder_overflow"):
            m[k] = s.get(k)
        return m

    help_text = subprocess.run([vigil, "run", "--help"], capture_output=True, text=True).stdout
    threads = "--threads" in help_text
    one = ["--threads", "1"] if threads else []  # per-core numbers: one evaluating thread
    result["e2e"] = vigil_run("e2e", ["--rules", rules], one, repeat=a.repeat)
    if threads:
        result["e2e_threads2"] = vigil_run("e2e_threads2", ["--rules", rules], ["--threads", "2"])
    else:
        result["e2e_threads2"] = {"unavailable": "`vigil run --help` lists no --threads option "
                                                 "in this build"}

    # Stateful cost: the real pack's stateless rules, with and without 20 stateful rules.
    base = os.path.join(a.work, "packs", "stateless", "mimecast")
    kept, dropped = stateless_copy(os.path.join(rules, "mimecast"), base)
    full = os.path.join(a.work, "packs", "stateful", "mimecast")
    shutil.copytree(base, full)
    shutil.copy(os.path.join(a.source, "bench", "e2e", "stateful.vgl"),
                os.path.join(full, "bench_stateful.vgl"))
    pruned = "corpus/tenants_stateless.json"
    prune_tenants(os.path.join(a.work, tenants), rule_ids(base), os.path.join(a.work, pruned))
    result["stateless"] = vigil_run("stateless", ["--rules", base], one, tenant_file=pruned)
    result["stateful"] = vigil_run("stateful", ["--rules", full], one, tenant_file=pruned)
    # The same two packs with an allowed lateness of one generated file's span: stateful
    # matches wait in the event-time reorder buffer for at most an hour instead of a day.
    result["e2e_lateness1h"] = vigil_run("e2e_1h", ["--rules", rules], one, lateness="1h")
    result["stateful_lateness1h"] = vigil_run("stateful_1h", ["--rules", full], one,
                                              tenant_file=pruned, lateness="1h")
    result["stateless"]["pack"] = f"rules/mimecast without its {dropped} stateful rules ({kept} rules)"
    result["stateful"]["pack"] = f"the same plus bench/e2e/stateful.vgl (20 stateful rules)"

    def ratio(x, y, key="events_per_cpu_s"):
        return x[key] / y[key] if x.get(key) and y.get(key) else None

    result["ratios"] = {
        "e2e_vs_ingest_cpu": ratio(result["e2e"], result["ingest"]),
        "e2e_vs_ingest_wall": ratio(result["e2e"], result["ingest"], "events_per_wall_s"),
        "stateless_vs_ingest_cpu": ratio(result["stateless"], result["ingest"]),
        "stateful_vs_stateless_cpu": ratio(result["stateful"], result["stateless"]),
        "lateness1h_vs_1d_cpu": ratio(result["e2e_lateness1h"], result["e2e"]),
        "lateness1d_vs_1h_rss":
            result["e2e"]["peak_rss_mib"] / result["e2e_lateness1h"]["peak_rss_mib"],
        "stateful_minus_stateless_rss_mib":
            result["stateful"]["peak_rss_mib"] - result["stateless"]["peak_rss_mib"],
    }
    if "events_per_wall_s" in result["e2e_threads2"]:
        result["ratios"]["threads2_vs_threads1_wall"] = ratio(
            result["e2e_threads2"], result["e2e"], "events_per_wall_s")
    if "events_per_wall_s" in result["ingest_threads2"]:
        result["ratios"]["ingest_threads2_vs_1_wall"] = ratio(
            result["ingest_threads2"], result["ingest"], "events_per_wall_s")
    with open(a.out, "w") as f:
        json.dump(result, f, indent=2)
    shutil.rmtree(os.path.join(a.work, "corpus"), ignore_errors=True)


if __name__ == "__main__":
    main()

// run.cc: orchestration of a run: outputs, ingest, statistics, summary.
#include "runtime/run.h"

#include <fmt/format.h>
#include <glob.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "base/strings.h"
#include "compiler/base/render.h"
#include "ingest/ingestor.h"
#include "runtime/checkpoint.h"
#include "runtime/pipeline.h"
#include "runtime/runner.h"

namespace vigil::runtime {
namespace {

using Clock = std::chrono::steady_clock;

// Alerts to a file or stdout, one whole line per write.
class FileAlerts : public AlertSink {
 public:
  explicit FileAlerts(std::FILE* f) : f_(f) {}
  void Write(const std::string& line) override {
    std::string l = line + "\n";
    std::fwrite(l.data(), 1, l.size(), f_);
  }

 private:
  std::FILE* f_;
};

// Counts events and prints a progress line at most every 500 ms.
class Progress : public ingest::Sink {
 public:
  Progress(Runner& inner, bool enabled)
      : inner_(inner), enabled_(enabled), start_(Clock::now()), last_(start_) {}
  void OnBatch(columnar::Batch& b) override {
    inner_.OnBatch(b);
    Tick();
  }
  void OnDeadLetter(const ingest::DeadLetter& d) override { inner_.OnDeadLetter(d); }
  void OnFlushed() override { inner_.OnFlushed(); }
  void Tick() {
    if (!enabled_) return;
    const auto now = Clock::now();
    if (now - last_ < std::chrono::milliseconds(500)) return;
    last_ = now;
    const double secs = std::chrono::duration<double>(now - start_).count();
    const RunCounters& c = inner_.counters();
    std::fprintf(stderr, "\r%s",
                 fmt::format("{} events ({:.0f}/s), {} alerts, {} quarantined   ", c.events,
                             c.events / std::max(secs, 1e-9), c.alerts, c.dead_letters)
                     .c_str());
  }
  void End() {
    if (enabled_) std::fprintf(stderr, "\r%80s\r", "");
  }

 private:
  Runner& inner_;
  bool enabled_;
  Clock::time_point start_, last_;
};

// --threads: 0 picks the machine's cores. Evaluation runs beside parsing from 2 on (there is
// one evaluation thread: alerts keep input order).
int EffectiveThreads(int requested) {
  if (requested > 0) return requested;
  return std::thread::hardware_concurrency() >= 2 ? 2 : 1;
}

// Opens an output file: truncated, or (resuming) cut back to `keep` bytes and appended to.
std::FILE* OpenOutput(const std::string& path, bool resume, uint64_t keep, bool* owned) {
  *owned = path != "-";
  if (!*owned) return stdout;
  if (resume) {
    std::error_code ec;
    if (std::filesystem::exists(path, ec)) std::filesystem::resize_file(path, keep, ec);
    return std::fopen(path.c_str(), "ab");
  }
  return std::fopen(path.c_str(), "wb");
}

uint64_t SizeOf(std::FILE* f) {
  if (f == nullptr || f == stdout) return 0;
  return static_cast<uint64_t>(std::ftell(f));
}

// What a checkpoint is only valid for: the rules, the tenant configuration, the inputs and
// the options that change results.
uint64_t Fingerprint(const RuleSet& rules, const RunOptions& o) {
  std::string key = o.engine + '\x1f' + std::to_string(o.allowed_lateness_ms) + '\x1f' +
                    std::to_string(o.max_state_keys) + '\x1f' + std::to_string(o.max_reorder);
  for (const auto& in : o.inputs) key += '\x1f' + in;
  for (uint32_t i = 0; i < rules.pack().sources.size(); ++i)
    key += '\x1f' + rules.pack().sources.file(i).text();
  std::ifstream t(o.tenants);
  std::stringstream buf;
  buf << t.rdbuf();
  key += '\x1f' + buf.str();
  return base::Fnv1a64(key);
}

void Sync(std::FILE* f) {
  if (f == nullptr) return;
  std::fflush(f);
  ::fsync(fileno(f));
}

nlohmann::ordered_json StatsJson(const ingest::Stats& in, const RunCounters& c,
                                 const StatefulStats& st, const RunOptions& o, size_t rules,
                                 double seconds, uint64_t events_now) {
  auto j = nlohmann::ordered_json::parse(in.ToJson());
  j["events_evaluated"] = c.events;
  j["rules"] = rules;
  j["engine"] = o.engine;
  j["matches"] = c.matches;
  j["alerts"] = c.alerts;
  j["suppressed"] = c.suppressed;
  j["excepted"] = c.excepted;
  j["duplicates"] = c.duplicates;
  j["opt_in_skipped"] = c.opt_in_skipped;
  j["alerts_by_rule"] = c.alerts_by_rule;
  j["alerts_by_tenant"] = c.alerts_by_tenant;
  j["alerts_by_class_severity"] = c.alerts_by_class_severity;
  j["late_events"] = st.late_events;
  j["late_by_rule"] = st.late_by_rule;
  j["state_evictions"] = st.evictions;
  j["state_keys"] = st.state_keys;
  j["reorder_overflow"] = st.reorder_overflow;
  j["elapsed_seconds"] = seconds;
  // The rate of this process (a resumed run's counts include what earlier runs evaluated).
  j["events_per_second"] = seconds > 0 ? static_cast<double>(events_now) / seconds : 0.0;
  return j;
}

void PrintSummary(const ingest::Stats& in, const RunCounters& c, const RunOptions& o,
                  double seconds, uint64_t events_now) {
  std::string s = fmt::format(
      "{} records read: {} events evaluated, {} quarantined ({:.1f}s, {:.0f} events/s)\n",
      in.records_read, in.events, in.quarantined, seconds,
      seconds > 0 ? static_cast<double>(events_now) / seconds : 0.0);
  s += fmt::format("{} alerts ({} suppressed, {} excepted, {} duplicate)\n", c.alerts, c.suppressed,
                   c.excepted, c.duplicates);
  for (const auto& [cls, by_sev] : c.alerts_by_class_severity) {
    std::vector<std::string> parts;
    for (const char* sev : {"critical", "high", "medium", "low", "info"}) {
      auto it = by_sev.find(sev);
      if (it != by_sev.end()) parts.push_back(fmt::format("{} {}", it->second, sev));
    }
    s += fmt::format("  {:7} {}\n", cls, fmt::join(parts, ", "));
  }
  for (const auto& [rule, n] : c.alerts_by_rule) s += fmt::format("    {:4}  {}\n", n, rule);
  if (o.output != "-") s += fmt::format("alerts written to {}\n", o.output);
  std::fputs(s.c_str(), stderr);
}

// Expands inputs that do not exist as named but are glob patterns ("logs/*/receipt_*.log",
// quoted so the shell left them alone) into their matches in name order. A name that neither
// exists nor matches is reported. Returns false if any was reported.
bool ExpandInputs(std::vector<std::string>* inputs) {
  std::vector<std::string> out;
  bool ok = true;
  for (const std::string& in : *inputs) {
    std::error_code ec;
    if (in == "-" || std::filesystem::exists(in, ec)) {
      out.push_back(in);
      continue;
    }
    glob_t g{};
    const bool pattern = in.find_first_of("*?[") != std::string::npos;
    if (pattern && ::glob(in.c_str(), 0, nullptr, &g) == 0 && g.gl_pathc > 0) {
      for (size_t i = 0; i < g.gl_pathc; ++i) out.emplace_back(g.gl_pathv[i]);  // sorted by glob
    } else {
      std::fprintf(stderr, "vigil: no such input: %s\n", in.c_str());
      ok = false;
    }
    globfree(&g);
  }
  *inputs = std::move(out);
  return ok;
}

}  // namespace

int Run(const RunOptions& options, const std::atomic<bool>* stop) {
  // A misspelt input is a usage error, found before anything is written (an input that exists
  // but cannot be read is a quarantined io_error record, as every other bad record).
  RunOptions o = options;
  if (!ExpandInputs(&o.inputs)) return 2;
  RuleSet rules;
  std::string error;
  if (!LoadRuleSet(o.rules, &rules, &error)) {
    for (const auto& d : rules.load.diagnostics) {
      if (d.severity == compiler::Severity::kError)
        std::fputs(compiler::RenderText(d, rules.load.pack->sources).c_str(), stderr);
    }
    std::fprintf(stderr, "vigil: %s\n", error.c_str());
    return 2;
  }
  std::unique_ptr<TenantConfig> tenants =
      o.tenants.empty() ? TenantConfig::Default(o.tenant.empty() ? "default" : o.tenant)
                        : TenantConfig::Load(o.tenants, rules.pack(), &error);
  if (tenants == nullptr) {
    std::fprintf(stderr, "vigil: invalid tenant configuration:\n%s\n", error.c_str());
    return 2;
  }
  // Resume from a checkpoint?
  Checkpoint cp;
  ingest::Stats base_stats;
  const uint64_t fingerprint = Fingerprint(rules, o);
  bool resuming = false;
  if (!o.state_dir.empty()) {
    switch (ReadCheckpoint(o.state_dir, &cp, &error)) {
      case CheckpointStatus::kCorrupt:
        std::fprintf(stderr, "vigil: %s; remove it to start over\n", error.c_str());
        return 2;
      case CheckpointStatus::kLoaded:
        if (cp.fingerprint != fingerprint) {
          std::fprintf(stderr,
                       "vigil: %s holds the state of a different run (rules, tenants, inputs or "
                       "options changed); "
                       "remove it to start over\n",
                       o.state_dir.c_str());
          return 2;
        }
        resuming = true;
        ingest::Stats::FromJson(cp.ingest_stats, &base_stats);
        break;
      case CheckpointStatus::kNone:
        break;
    }
  }
  bool own_out = false, own_dead = false;
  std::FILE* out = OpenOutput(o.output, resuming, cp.alerts_bytes, &own_out);
  std::FILE* dead = o.dead_letter.empty()
                        ? nullptr
                        : OpenOutput(o.dead_letter, resuming, cp.dead_letter_bytes, &own_dead);
  if (out == nullptr || (!o.dead_letter.empty() && dead == nullptr)) {
    std::fprintf(stderr, "vigil: cannot open an output file\n");
    return 2;
  }
  FileAlerts alerts(out);
  RunnerOptions ro;
  ro.use_interp = o.engine == "interp";
  ro.tenant_fallback = o.tenant;
  ro.stateful.allowed_lateness_ms = o.allowed_lateness_ms;
  ro.stateful.hold_watermark = true;  // the ingestor reports when partial batches were flushed
  ro.stateful.limits.max_groups = o.max_state_keys;
  ro.stateful.max_history_keys = o.max_state_keys;
  ro.stateful.max_pending = std::max<size_t>(1, o.max_reorder);
  Runner runner(rules, *tenants, alerts, ro);
  if (resuming && !runner.Load(cp.runner_state)) {
    std::fprintf(stderr,
                 "vigil: %s: the saved state does not match these rules; remove it to start over\n",
                 o.state_dir.c_str());
    return 2;
  }
  runner.SetDeadLetterFile(dead);
  Progress progress(runner, o.progress);
  Pipeline pipeline(progress, EffectiveThreads(o.threads));
  ingest::Options io = o.ingest;
  io.stop = stop;
  // Event time drives stateful rules: keep every event type's batches close to input order.
  if (io.flush_every == 0) io.flush_every = io.batch_size;
  if (!o.state_dir.empty()) {
    io.checkpoint_every = std::max<uint64_t>(1, o.checkpoint_every);
    io.resume = cp.positions;
  }
  ingest::Ingestor ingestor(io, &pipeline);
  pipeline.SetSource(&ingestor.files(), [&ingestor] { return ingestor.stats(); });
  runner.SetFiles(pipeline.files());
  bool checkpoint_failed = false;
  // On the evaluation side: `read` are the ingest statistics as of the checkpoint.
  auto checkpoint = [&](bool complete, const ingest::Stats& read) {
    runner.Flush();
    Sync(out);
    Sync(dead);
    ingest::Stats so_far = base_stats;
    so_far.Add(read);
    cp.fingerprint = fingerprint;
    cp.complete = complete;
    cp.ingest_stats = so_far.ToJson();
    cp.alerts_bytes = SizeOf(out);
    cp.dead_letter_bytes = SizeOf(dead);
    runner.Save(&cp.runner_state);
    std::string werr;
    if (!WriteCheckpoint(o.state_dir, cp, &werr) && !checkpoint_failed) {
      std::fprintf(stderr, "vigil: %s\n", werr.c_str());
      checkpoint_failed = true;
    }
  };
  if (!o.state_dir.empty()) {
    pipeline.SetCheckpoint([&](const std::string& file, uint64_t done, const ingest::Stats& read) {
      cp.positions[file] = done;
      checkpoint(false, read);
    });
  }
  const auto start = Clock::now();
  const uint64_t events_before = runner.counters().events;
  bool inputs_ok = true;
  if (!(resuming && cp.complete)) {
    for (const std::string& in : o.inputs) {
      if (stop != nullptr && stop->load()) break;
      inputs_ok = ingestor.IngestPath(in) && inputs_ok;
    }
  }
  const bool interrupted = stop != nullptr && stop->load();
  // A resumed run whose checkpoint says the input was done reads nothing and writes nothing.
  const bool already_done = resuming && cp.complete;
  ingestor.Flush();
  pipeline.Drain();  // from here on, one thread again
  if (interrupted) {
    runner.Flush();
  } else {
    runner.Finish();
  }
  if (!o.state_dir.empty() && !already_done) {
    if (interrupted) {
      const auto [name, done] = ingestor.Position();
      if (!name.empty()) cp.positions[name] = done;
    }
    checkpoint(!interrupted, ingestor.stats());
  }
  progress.End();
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  const uint64_t events_now = runner.counters().events - events_before;
  std::fflush(out);
  if (own_out) std::fclose(out);
  if (own_dead) std::fclose(dead);
  ingest::Stats stats = base_stats;
  if (!already_done) stats.Add(ingestor.stats());
  bool stats_failed = false;
  if (!o.stats_json.empty()) {
    const std::string text = StatsJson(stats, runner.counters(), runner.stateful_stats(), o,
                                       rules.rule_count(), seconds, events_now)
                                 .dump(2) +
                             "\n";
    std::FILE* f = std::fopen(o.stats_json.c_str(), "wb");
    stats_failed = f == nullptr || std::fwrite(text.data(), 1, text.size(), f) != text.size();
    if (f != nullptr) stats_failed = std::fclose(f) != 0 || stats_failed;
    if (stats_failed) std::fprintf(stderr, "vigil: cannot write %s\n", o.stats_json.c_str());
  }
  if (o.summary) PrintSummary(stats, runner.counters(), o, seconds, events_now);
  if (interrupted) return 3;
  if (!inputs_ok && stats.records_read == 0) return 2;
  if (checkpoint_failed || stats_failed) return 2;
  return o.strict && stats.quarantined > 0 ? 1 : 0;
}

}  // namespace vigil::runtime

// run.cc: orchestration of a run: outputs, ingest, statistics, summary.
#include "runtime/run.h"

#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "compiler/base/render.h"
#include "ingest/ingestor.h"
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
  Progress(Runner& inner, bool enabled) : inner_(inner), enabled_(enabled), start_(Clock::now()), last_(start_) {}
  void OnBatch(columnar::Batch& b) override {
    inner_.OnBatch(b);
    Tick();
  }
  void OnDeadLetter(const ingest::DeadLetter& d) override { inner_.OnDeadLetter(d); }
  void Tick() {
    if (!enabled_) return;
    const auto now = Clock::now();
    if (now - last_ < std::chrono::milliseconds(500)) return;
    last_ = now;
    const double secs = std::chrono::duration<double>(now - start_).count();
    const RunCounters& c = inner_.counters();
    std::fprintf(stderr, "\r%s", fmt::format("{} events ({:.0f}/s), {} alerts, {} quarantined   ", c.events,
                                             c.events / std::max(secs, 1e-9), c.alerts, c.dead_letters).c_str());
  }
  void End() {
    if (enabled_) std::fprintf(stderr, "\r%80s\r", "");
  }

 private:
  Runner& inner_;
  bool enabled_;
  Clock::time_point start_, last_;
};

std::FILE* OpenOutput(const std::string& path, bool* owned) {
  *owned = path != "-";
  return *owned ? std::fopen(path.c_str(), "wb") : stdout;
}

nlohmann::ordered_json StatsJson(const ingest::Stats& in, const RunCounters& c, const RunOptions& o,
                                 size_t rules, double seconds) {
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
  j["elapsed_seconds"] = seconds;
  j["events_per_second"] = seconds > 0 ? static_cast<double>(c.events) / seconds : 0.0;
  return j;
}

void PrintSummary(const ingest::Stats& in, const RunCounters& c, const RunOptions& o, double seconds) {
  std::string s = fmt::format("{} records read: {} events evaluated, {} quarantined ({:.1f}s, {:.0f} events/s)\n",
                              in.records_read, in.events, in.quarantined, seconds,
                              seconds > 0 ? in.events / seconds : 0.0);
  s += fmt::format("{} alerts ({} suppressed, {} excepted, {} duplicate)\n", c.alerts, c.suppressed, c.excepted,
                   c.duplicates);
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

}  // namespace

int Run(const RunOptions& o, const std::atomic<bool>* stop) {
  RuleSet rules;
  std::string error;
  if (!LoadRuleSet(o.rules, &rules, &error)) {
    for (const auto& d : rules.load.diagnostics) {
      if (d.severity == compiler::Severity::kError) std::fputs(compiler::RenderText(d, rules.load.pack->sources).c_str(), stderr);
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
  bool own_out = false, own_dead = false;
  std::FILE* out = OpenOutput(o.output, &own_out);
  std::FILE* dead = o.dead_letter.empty() ? nullptr : OpenOutput(o.dead_letter, &own_dead);
  if (out == nullptr || (!o.dead_letter.empty() && dead == nullptr)) {
    std::fprintf(stderr, "vigil: cannot open an output file\n");
    return 2;
  }
  FileAlerts alerts(out);
  RunnerOptions ro;
  ro.use_interp = o.engine == "interp";
  ro.tenant_fallback = o.tenant;
  Runner runner(rules, *tenants, alerts, ro);
  runner.SetDeadLetterFile(dead);
  runner.SetStopFlag(stop);
  Progress progress(runner, o.progress);
  ingest::Ingestor ingestor(o.ingest, &progress);
  runner.SetFiles(&ingestor.files());
  const auto start = Clock::now();
  bool inputs_ok = true;
  for (const std::string& in : o.inputs) {
    if (stop != nullptr && stop->load()) break;
    inputs_ok = ingestor.IngestPath(in) && inputs_ok;
  }
  ingestor.Flush();
  runner.Finish();
  progress.End();
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  std::fflush(out);
  if (own_out) std::fclose(out);
  if (own_dead) std::fclose(dead);
  const ingest::Stats stats = ingestor.stats();
  if (!o.stats_json.empty()) {
    std::FILE* f = std::fopen(o.stats_json.c_str(), "wb");
    if (f != nullptr) {
      const std::string text = StatsJson(stats, runner.counters(), o, rules.rule_count(), seconds).dump(2) + "\n";
      std::fwrite(text.data(), 1, text.size(), f);
      std::fclose(f);
    }
  }
  if (o.summary) PrintSummary(stats, runner.counters(), o, seconds);
  if (stop != nullptr && stop->load()) return 3;
  if (!inputs_ok && stats.records_read == 0) return 2;
  return o.strict && stats.quarantined > 0 ? 1 : 0;
}

}  // namespace vigil::runtime

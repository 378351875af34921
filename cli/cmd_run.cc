// cmd_run.cc: `vigil run --rules RULES [--tenants FILE] LOGS... -o alerts.jsonl`: the main job.
#include <unistd.h>

#include <atomic>
#include <csignal>

#include "cli/commands.h"
#include "compiler/parse/literals.h"
#include "runtime/run.h"

namespace vigil::cli {
namespace {

std::atomic<bool> g_stop{false};

extern "C" void OnSignal(int) { g_stop.store(true); }

}  // namespace

CLI::App* RegisterRun(CLI::App& app, CommandFn* run) {
  auto o = std::make_shared<runtime::RunOptions>();
  auto format = std::make_shared<std::string>("auto");
  auto quiet = std::make_shared<bool>(false);
  CLI::App* cmd =
      app.add_subcommand("run", "Evaluate rules over Mimecast logs and write alerts (JSON lines)");
  cmd->add_option("--rules,-r", o->rules,
                  "Rule files/directories, or a compiled .vgp pack (repeatable)")
      ->required()
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  cmd->add_option("inputs", o->inputs, "Log files, directories (recursive), .gz, or - for stdin")
      ->required();
  cmd->add_option("-o,--output", o->output, "Alerts file (JSON lines); - for stdout")
      ->capture_default_str();
  cmd->add_option("--tenants", o->tenants, "Tenant configuration (docs/tenants.md)");
  cmd->add_option("--tenant", o->tenant,
                  "Tenant of events no account code or input mapping assigns");
  cmd->add_option("--dead-letter", o->dead_letter, "Write quarantined records here (JSON lines)");
  cmd->add_option("--stats-json", o->stats_json, "Write run statistics here (JSON)");
  cmd->add_option("--engine", o->engine, "Evaluation engine")
      ->check(CLI::IsMember({"vm", "interp"}))
      ->capture_default_str();
  cmd->add_option("--format", *format, "Input format (see vigil ingest)")->capture_default_str();
  cmd->add_option("--log-type", o->ingest.log_type, "API 1.0 log type of records that carry none");
  cmd->add_option("--batch-size", o->ingest.batch_size, "Events per batch")
      ->check(CLI::Range(size_t{1}, size_t{1} << 20))
      ->capture_default_str();
  cmd->add_flag("--strict", o->strict, "Exit 1 when any record was quarantined");
  cmd->add_option("--state", o->state_dir,
                  "Checkpoint state and input positions in this directory; rerun to resume");
  cmd->add_option("--checkpoint-every", o->checkpoint_every,
                  "Records between checkpoints (with --state)")
      ->capture_default_str();
  auto lateness = std::make_shared<std::string>("5m");
  cmd->add_option("--allowed-lateness", *lateness,
                  "How late (event time) an event may be for stateful rules")
      ->capture_default_str();
  cmd->add_option("--max-reorder", o->max_reorder,
                  "Stateful matches that may wait for the watermark (all tenants, ~0.75 KB each); "
                  "beyond, the oldest are processed early and counted as reorder_overflow")
      ->check(CLI::Range(size_t{1}, size_t{100'000'000}))
      ->capture_default_str();
  cmd->add_option("--max-state-keys", o->max_state_keys, "Keys kept per stateful rule and tenant")
      ->capture_default_str();
  cmd->add_option(
         "--threads", o->threads,
         "Threads: 1 parses and evaluates in turn; 2 or more parse the next batch while the "
         "last is evaluated (one evaluation thread, so alerts keep input order); 0: 2 when "
         "the machine has 2 cores or more")
      ->check(CLI::Range(0, 256))
      ->capture_default_str();
  cmd->add_flag("-q,--quiet", *quiet, "No summary and no progress line");
  *run = [o, format, quiet, lateness]() {
    if (!ingest::ParseFormat(*format, &o->ingest.format)) {
      std::fprintf(stderr, "vigil: unknown input format `%s`\n", format->c_str());
      return kExitUsage;
    }
    o->summary = !*quiet;
    const auto ms = compiler::ParseDurationMs(*lateness);
    if (!ms) {
      std::fprintf(stderr, "vigil: --allowed-lateness takes a duration such as 5m\n");
      return kExitUsage;
    }
    o->allowed_lateness_ms = *ms;
    o->progress = !*quiet && isatty(STDERR_FILENO);
    std::signal(SIGINT, OnSignal);
    std::signal(SIGTERM, OnSignal);
    return runtime::Run(*o, &g_stop);
  };
  return cmd;
}

}  // namespace vigil::cli

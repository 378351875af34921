// run.h: a whole `vigil run`: load rules and tenants, read the inputs through ingest, evaluate,
// write alerts (JSON lines), dead letters and statistics, report progress and a summary.
// Exit status: 0 success; 1 records were quarantined and --strict; 2 usage or configuration
// error (no event read); 3 interrupted by SIGINT/SIGTERM (alerts file holds whole lines).
#pragma once

#include <atomic>
#include <string>
#include <vector>

#include "ingest/options.h"

namespace vigil::runtime {

struct RunOptions {
  std::vector<std::string> rules;   // rule files/directories, or one .vgp
  std::string tenants;              // tenants.json ("" = one default tenant)
  std::string tenant;               // tenant of events nothing else assigns
  std::vector<std::string> inputs;  // files, directories, "-"
  std::string output = "-";         // alerts JSONL ("-" = stdout)
  std::string dead_letter;          // quarantined records JSONL
  std::string stats_json;           // statistics JSON
  std::string engine = "vm";        // vm | interp
  bool strict = false;
  bool progress = false;               // a live progress line on stderr
  bool summary = true;                 // the end-of-run summary on stderr
  std::string state_dir;               // checkpoints and resume (--state)
  uint64_t checkpoint_every = 100000;  // records between checkpoints
  int64_t allowed_lateness_ms = 5 * 60 * 1000;
  size_t max_state_keys = 100000;  // per stateful rule and tenant
  size_t max_reorder = 250000;     // stateful matches waiting for the watermark, all tenants
  int threads = 0;                 // 1: one thread; 2+: parse and evaluate in parallel; 0: auto
  ingest::Options ingest;
};

// Runs and returns the exit status; messages go to stderr. `stop` is polled between batches.
int Run(const RunOptions& options, const std::atomic<bool>* stop);

}  // namespace vigil::runtime

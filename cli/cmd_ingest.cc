// cmd_ingest.cc: `vigil ingest PATH...`: reads Mimecast logs, normalizes them and prints the
// normalized events (--emit normalized) or the accounting (--emit stats); bad records go to
// --dead-letter as JSON lines; --threads N reads files on N threads with the same output
// (ingest/parallel_ingest.h). Exit 0; 1 under --strict when anything was quarantined;
// 2 on usage errors, unreadable named inputs or unwritable outputs.
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "ingest/ingestor.h"
#include "ingest/normalized_json.h"
#include "ingest/parallel_ingest.h"

namespace vigil::cli {
namespace {

struct IngestOpts {
  std::vector<std::string> paths;
  std::string format = "auto";
  std::string log_type;
  std::string emit = "stats";
  std::string stats_json;
  std::string dead_letter;
  size_t batch_size = 2048;
  size_t max_record_bytes = size_t{16} << 20;
  int threads = 1;
  bool strict = false;
};

// The result of reading every PATH, on one thread or several.
struct IngestResult {
  ingest::Stats stats;
  bool inputs_ok = true;  // every named PATH could be opened
};

// Prints normalized rows to stdout and dead letters to a JSONL file (--threads 1).
class CliSink final : public ingest::Sink {
 public:
  CliSink(bool emit_rows, std::ofstream* dead) : emit_rows_(emit_rows), dead_(dead) {}
  void set_files(const std::vector<std::string>* files) { row_options_.files = files; }

  void OnBatch(columnar::Batch& batch) override {
    if (!emit_rows_) return;
    for (size_t i = 0; i < batch.size(); ++i) {
      writer_.Take();
      ingest::WriteRowJson(batch, i, row_options_, &writer_);
      std::string line = writer_.Take();
      line.push_back('\n');
      std::fwrite(line.data(), 1, line.size(), stdout);
    }
  }
  void OnDeadLetter(const ingest::DeadLetter& d) override {
    if (dead_ != nullptr) *dead_ << ingest::DeadLetterToJson(d) << '\n';
  }

 private:
  bool emit_rows_;
  std::ofstream* dead_;
  ingest::RowJsonOptions row_options_;
  ingest::JsonWriter writer_;
};

// The parallel ingest's ordered output: rows to stdout, dead letters to a JSONL file.
class CliOutput final : public ingest::OrderedOutput {
 public:
  explicit CliOutput(std::ofstream* dead) : dead_(dead) {}
  void Rows(std::string_view lines) override { std::fwrite(lines.data(), 1, lines.size(), stdout); }
  void DeadLetters(std::string_view lines) override {
    if (dead_ != nullptr) dead_->write(lines.data(), static_cast<std::streamsize>(lines.size()));
  }

 private:
  std::ofstream* dead_;
};

void ReportUnreadable(const std::string& path) {
  std::fprintf(stderr, "vigil ingest: cannot read %s\n", path.c_str());
}

IngestResult IngestOnOneThread(const IngestOpts& o, const ingest::Options& options,
                               std::ofstream* dead) {
  CliSink sink(o.emit == "normalized", dead);
  ingest::Ingestor ingestor(options, &sink);
  sink.set_files(&ingestor.files());
  IngestResult r;
  for (const std::string& path : o.paths) {
    if (!ingestor.IngestPath(path)) {
      ReportUnreadable(path);
      r.inputs_ok = false;
    }
  }
  ingestor.Flush();
  r.stats = ingestor.stats();
  return r;
}

IngestResult IngestOnThreads(const IngestOpts& o, const ingest::Options& options, int threads,
                             std::ofstream* dead) {
  ingest::ParallelOptions p;
  p.ingest = options;
  p.threads = threads;
  p.rows = o.emit == "normalized";
  p.dead_letters = dead != nullptr;
  CliOutput out(dead);
  const ingest::ParallelResult pr = ingest::IngestInParallel(o.paths, p, &out);
  for (const std::string& path : pr.unreadable) ReportUnreadable(path);
  return {pr.stats, pr.unreadable.empty()};
}

void PrintSummary(const ingest::Stats& s) {
  std::string reasons;
  for (const auto& [code, n] : s.quarantine_reasons) {
    reasons += (reasons.empty() ? " (" : ", ") + code + ": " + std::to_string(n);
  }
  if (!reasons.empty()) reasons += ")";
  std::fprintf(stderr, "vigil ingest: %llu records read, %llu events, %llu quarantined%s\n",
               static_cast<unsigned long long>(s.records_read),
               static_cast<unsigned long long>(s.events),
               static_cast<unsigned long long>(s.quarantined), reasons.c_str());
}

int Run(const IngestOpts& o) {
  ingest::Options options;
  if (!ingest::ParseFormat(o.format, &options.format)) return kExitUsage;
  options.log_type = o.log_type;
  options.batch_size = o.batch_size;
  options.max_record_bytes = o.max_record_bytes;
  std::unique_ptr<std::ofstream> dead;
  if (!o.dead_letter.empty()) {
    dead = std::make_unique<std::ofstream>(o.dead_letter, std::ios::binary | std::ios::trunc);
    if (!*dead) {
      std::fprintf(stderr, "vigil ingest: cannot write %s\n", o.dead_letter.c_str());
      return kExitUsage;
    }
  }
  const int threads = ingest::ResolveThreads(o.threads);
  const IngestResult r = threads == 1 ? IngestOnOneThread(o, options, dead.get())
                                      : IngestOnThreads(o, options, threads, dead.get());
  std::fflush(stdout);
  const ingest::Stats& stats = r.stats;
  const std::string json = stats.ToJson();
  if (o.emit == "stats") std::printf("%s\n", json.c_str());
  bool outputs_ok = dead == nullptr || dead->flush().good();
  if (!o.stats_json.empty()) {
    std::ofstream out(o.stats_json, std::ios::binary | std::ios::trunc);
    out << json << '\n';
    outputs_ok = outputs_ok && out.flush().good();
    if (!out) std::fprintf(stderr, "vigil ingest: cannot write %s\n", o.stats_json.c_str());
  }
  PrintSummary(stats);
  if (!r.inputs_ok || !outputs_ok) return kExitUsage;
  return o.strict && stats.quarantined > 0 ? kExitFindings : kExitOk;
}

}  // namespace

CLI::App* RegisterIngest(CLI::App& app, CommandFn* run) {
  auto o = std::make_shared<IngestOpts>();
  CLI::App* cmd = app.add_subcommand(
      "ingest", "Read Mimecast logs, normalize them, report events and quarantined records");
  cmd->add_option("paths", o->paths, "Log files, directories (recursive), or - for stdin")
      ->required();
  cmd->add_option("--format", o->format, "Input format (default: detected per file)")
      ->check(CLI::IsMember(ingest::FormatNames()));
  cmd->add_option("--log-type", o->log_type,
                  "API 1.0 log type of records that do not carry one (receipt, process, "
                  "delivery, jrnl, av, spameventthread, iep, impersonation, ttp_url, ttp_ap)");
  cmd->add_option("--emit", o->emit, "What to print on stdout: stats (default) or normalized")
      ->check(CLI::IsMember({"normalized", "stats"}));
  cmd->add_option("--stats-json", o->stats_json, "Also write the stats JSON to FILE");
  cmd->add_option("--dead-letter", o->dead_letter, "Write quarantined records to FILE (JSONL)");
  cmd->add_option("--batch-size", o->batch_size, "Rows per columnar batch")
      ->check(CLI::Range(size_t{1}, size_t{1} << 20));
  cmd->add_option("--max-record-bytes", o->max_record_bytes,
                  "Longest line accepted; longer ones are quarantined")
      ->check(CLI::Range(size_t{64}, size_t{1} << 30));
  cmd->add_option("--threads", o->threads,
                  "Threads reading files (1, default; 0: one per core, at most 8); the output "
                  "is the same for every value")
      ->check(CLI::Range(0, 256));
  cmd->add_flag("--strict", o->strict, "Exit 1 when any record was quarantined");
  *run = [o]() { return Run(*o); };
  return cmd;
}

}  // namespace vigil::cli

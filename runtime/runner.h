// runner.h: the heart of `vigil run`: receives normalized batches from ingest, resolves each
// event's tenant, evaluates the pack (VM or reference interpreter) per tenant, and turns
// matches into alerts: opt-in filtering, exceptions, suppression, evidence, templates, routing,
// IOC matches, related events, de-duplication by id. Stateful rules go to the stateful engine.
#pragma once

#include <atomic>
#include <cstdio>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "ingest/sink.h"
#include "interp/interpreter.h"
#include "runtime/alerts.h"
#include "runtime/guards.h"
#include "runtime/message_index.h"
#include "runtime/rule_set.h"
#include "runtime/stateful/engine.h"
#include "runtime/tenants.h"
#include "vm/exec/vm.h"

namespace vigil::runtime {

struct RunCounters {
  uint64_t events = 0;          // events evaluated (every normalized event)
  uint64_t matches = 0;         // rule matches before guards
  uint64_t alerts = 0;          // alerts written
  uint64_t suppressed = 0;      // matches within a suppression period
  uint64_t excepted = 0;        // matches an exception removed
  uint64_t duplicates = 0;      // alerts with an id already written in this run
  uint64_t opt_in_skipped = 0;  // matches of rules the event's tenant does not run
  uint64_t dead_letters = 0;
  std::map<std::string, uint64_t> alerts_by_rule;
  std::map<std::string, uint64_t> alerts_by_tenant;
  std::map<std::string, std::map<std::string, uint64_t>> alerts_by_class_severity;
};

class AlertSink {
 public:
  virtual ~AlertSink() = default;
  // One alert as one line of JSON (no newline).
  virtual void Write(const std::string& line) = 0;
};

struct RunnerOptions {
  bool use_interp = false;      // --engine interp
  std::string tenant_fallback;  // --tenant
  size_t flush_every_batches = 64;
  StatefulOptions stateful;
};

class Runner : public ingest::Sink {
 public:
  Runner(const RuleSet& rules, TenantConfig& tenants, AlertSink& alerts, RunnerOptions options);
  ~Runner() override;

  // The ingestor's input names (for file names in alerts and tenant input mappings).
  void SetFiles(const std::vector<std::string>* files) { files_ = files; }
  // Dead letters are written here as JSON lines (null: only counted).
  void SetDeadLetterFile(std::FILE* f) { dead_letter_ = f; }

  void OnBatch(columnar::Batch& batch) override;
  void OnDeadLetter(const ingest::DeadLetter& letter) override;
  // With options.stateful.hold_watermark: the event times evaluated so far move the
  // watermarks; stateful rules process what they passed.
  void OnFlushed() override;
  // Writes pending alerts (with related events known so far).
  void Flush();
  // End of input: closes stateful windows whose outcome is now known, then flushes.
  void Finish();

  const RunCounters& counters() const { return counters_; }
  // Checkpoint support: the state that decides future alerts (stateful detections,
  // suppression, ids already written, counters) as bytes, and its inverse.
  void Save(std::string* out) const;
  bool Load(std::string_view in);
  StatefulStats stateful_stats() const { return stateful_.stats(); }

 private:
  struct Pending {
    AlertParts parts;
  };
  void Evaluate(const columnar::Batch& batch, Tenant& tenant);
  void OnMatch(const sema::Rule& rule, const columnar::Batch& batch, size_t row, Tenant& tenant);
  bool Excepted(const sema::Rule& rule, const columnar::Batch& batch, size_t row, Tenant& tenant);
  // Values of `exprs` on a row; their strings live in `storage` (the interpreter's own views
  // last only until its next evaluation).
  struct OwnedValues {
    std::vector<schema::Datum> values;
    std::deque<std::string> storage;
  };
  OwnedValues Values(const std::vector<ast::ExprPtr>& exprs, const columnar::Batch& batch,
                     size_t row, Tenant& tenant);
  void Decorate(AlertParts& a, const columnar::Batch& batch, size_t row, Tenant& tenant);
  // Templates and vendor verdict from the alert's evidence and its last event's record.
  void Render(AlertParts& a);
  void IocMatches(AlertParts& a, const columnar::Batch& batch, size_t row, Tenant& tenant);
  void Emit(AlertParts a);
  // Stateful rules: feeds their matches to the engine, then guards and emits what fires.
  void Stateful(const sema::Rule& rule, size_t rule_index, const columnar::Batch& batch,
                Tenant& tenant, int64_t watermark);
  // The interpreter's values of a stateful rule's step outputs (keys, then aggregate
  // arguments) at a row; their strings live in `storage`.
  std::vector<schema::Datum> OutputsAt(const sema::Rule& rule, size_t step,
                                       const columnar::Batch& batch, size_t row, Tenant& tenant,
                                       std::deque<std::string>* storage);
  // The key text (KeyText) of each of `rows` from the VM's first `nkeys` outputs of `slot`.
  std::vector<std::string> VmKeys(uint32_t slot, size_t nkeys,
                                  const std::vector<uint32_t>& rows) const;
  // The rows of `rows` whose event time is at or past `watermark`; counts each row as a match
  // and the others as late events of `rule`.
  std::vector<uint32_t> InTime(const sema::Rule& rule, const std::vector<uint32_t>& rows,
                               const columnar::Column* ts, int64_t watermark);
  // The values of output `output` of `slot` (an aggregate-call argument) at each of `rows`.
  std::vector<StateValue> VmValues(const sema::Rule& rule, uint32_t slot, size_t output,
                                   const std::vector<uint32_t>& rows) const;
  void EmitStateful(std::vector<AlertParts> fired, Tenant& tenant);
  // The event of `row` of the batch being evaluated, read once per evaluation.
  const EventRef& RowEvent(const columnar::Batch& batch, size_t row,
                           const std::vector<std::string>& files);
  const std::string& FileName(uint32_t index) const;

  const RuleSet& rules_;
  TenantConfig& tenants_;
  AlertSink& alerts_;
  RunnerOptions options_;
  const std::vector<std::string>* files_ = nullptr;
  std::FILE* dead_letter_ = nullptr;
  std::unique_ptr<vm::Vm> vm_;
  std::unique_ptr<interp::Interpreter> interp_;  // the oracle engine, and per-alert expressions
  Suppressor suppressor_;
  StatefulEngine stateful_;
  MessageIndex messages_;
  std::unordered_set<std::string> emitted_;
  std::vector<Pending> pending_;
  size_t batches_since_flush_ = 0;
  RunCounters counters_;
  columnar::MatchSet matches_;
  uint64_t evaluations_ = 0;                               // Evaluate() calls so far
  std::vector<std::pair<uint64_t, EventRef>> row_events_;  // (evaluation, event) per row
  std::optional<ingest::RowEncoder> encoder_;  // of the batch at hand, made on first use
  FileNames file_names_;                       // files_, shared by events
  std::vector<uint64_t> row_salts_;  // per row of the batch at hand: its tenant's key salt
  std::map<schema::EventType, std::unique_ptr<columnar::Batch>> split_;  // per-tenant sub-batches
};

}  // namespace vigil::runtime

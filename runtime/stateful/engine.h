// engine.h: the stateful detection engine of a run: per tenant, the history store
// (first_seen/prevalence), one aggregator per aggregate rule and one sequencer per sequence
// rule, and the tenant's watermark. Event time drives everything: the watermark is the
// latest event time seen for the tenant minus the allowed lateness; a matching event older
// than the watermark is late: counted per rule and left out of stateful state (never silently).
// Tenants never share state.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "compiler/sema/pack.h"
#include "runtime/alerts.h"
#include "runtime/stateful/aggregator.h"
#include "runtime/stateful/history_store.h"
#include "runtime/stateful/sequencer.h"

namespace vigil::runtime {

struct StatefulOptions {
  int64_t allowed_lateness_ms = 5 * 60 * 1000;
  // Matches wait in event-time order until the watermark passes them; past this many waiting
  // (all tenants together; about 0.75 KB each) the oldest of the tenant at hand are processed
  // early (counted as reorder_overflow).
  size_t max_pending = 250000;
  StatefulLimits limits;
  size_t max_history_keys = 100000;
  // false: the event times of a batch move the watermark as soon as it is evaluated. true: they
  // count only from the next CommitWatermarks(), which the caller makes when every record read
  // so far has been evaluated (ingest holds events of other types in partly filled batches, so
  // an earlier batch must not make their events late).
  bool hold_watermark = false;
};

struct StatefulStats {
  uint64_t late_events = 0;
  std::map<std::string, uint64_t> late_by_rule;
  uint64_t evictions = 0;         // groups, partials' keys and history keys dropped by the bounds
  uint64_t state_keys = 0;        // groups + sequence keys + history keys held now
  uint64_t reorder_overflow = 0;  // matches processed before the watermark passed them
};

// The matches of one stateful rule in one batch, column by column, in arrival order (row order;
// a sequence's later steps first within a row). The engine hashes the keys in one loop and moves
// the columns' values into its reorder buffer.
struct StatefulMatches {
  std::vector<int32_t> steps;     // the sequence step matched; -1 for an aggregate rule
  std::vector<std::string> keys;  // KeyText of the group or sequence key
  std::vector<int64_t> ts;        // event time
  std::vector<EventRef> events;
  std::vector<std::vector<StateValue>> args;  // aggregates: per aggregate call, a value per match
  size_t size() const { return keys.size(); }
};

class StatefulEngine {
 public:
  StatefulEngine(const sema::Pack& pack, StatefulOptions options);
  ~StatefulEngine();

  // The history provider of `tenant` (for TenantContext::history).
  HistoryStore* History(const std::string& tenant);
  // The tenant's watermark before this batch: events older than it are late.
  int64_t Watermark(const std::string& tenant) const;
  // Notes the event times of a batch (call after its matches were handed over).
  void Observe(const std::string& tenant, int64_t max_ts);
  // With hold_watermark: the event times observed so far now count. Returns the tenants whose
  // watermark moved (Advance them).
  std::vector<std::string> CommitWatermarks();

  // Matches of stateful rule `rule` (pack index), none late; they are processed (and alerts
  // appended by Advance/Finish) once the watermark passes them. Moves from `m`.
  void OnMatches(size_t rule, const std::string& tenant, StatefulMatches& m,
                 std::vector<AlertParts>* fired);
  // One event matched aggregate rule `rule`: OnMatches with one match.
  void OnAggregate(size_t rule, const std::string& tenant, const std::string& key, int64_t ts,
                   const std::vector<schema::Datum>& args, EventRef event,
                   std::vector<AlertParts>* fired);
  // An event matched step `step` of sequence rule `rule`; processed like OnAggregate.
  void OnStep(size_t rule, size_t step, const std::string& tenant, const std::string& key,
              int64_t ts, EventRef event, std::vector<AlertParts>* fired);
  // Counts one late event of `rule`.
  void Late(const sema::Rule& rule);
  // Processes the tenant's watermark: the waiting matches it passed, in event-time order; fires
  // absences whose span ended; drops expired state.
  void Advance(const std::string& tenant, std::vector<AlertParts>* fired);
  // End of input: every waiting match is processed and every tenant's watermark becomes its
  // latest event time.
  void Finish(std::vector<AlertParts>* fired);

  StatefulStats stats() const;

  // Checkpoint support: the whole state as bytes, and its inverse (false when malformed or
  // made for other rules).
  void Save(std::string* out) const;
  bool Load(std::string_view in);

 private:
  struct TenantState;
  struct Pending;
  TenantState& For(const std::string& tenant);
  void Wait(const std::string& tenant, TenantState& t, Pending p, std::vector<AlertParts>* fired);
  // Processes the waiting matches of `t` older than `until` (all when INT64_MAX).
  void Release(const std::string& tenant, TenantState& t, int64_t until,
               std::vector<AlertParts>* fired);
  void Process(const std::string& tenant, TenantState& t, Pending& p,
               std::vector<AlertParts>* fired);

  const sema::Pack& pack_;
  StatefulOptions options_;
  std::map<std::string, std::unique_ptr<TenantState>> tenants_;
  StatefulStats stats_;
  size_t pending_total_ = 0;  // matches waiting, all tenants
};

}  // namespace vigil::runtime

// aggregator.h: the state of one aggregate rule for one tenant: per group key, the events of
// the current window (tumbling: aligned to multiples of the window; sliding: the window ending
// at the latest event) with count, distinct values, sums, minima and maxima maintained
// incrementally. After each event the rule's `having` is evaluated on the group; the rule fires
// when it becomes true (once per tumbling window; again on a sliding window only after it was
// false). Bounded: at most max_groups groups (least recently updated evicted) and
// max_events_per_group events per sliding window (oldest dropped); both counted.
#pragma once

#include <climits>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "compiler/sema/pack.h"
#include "runtime/alerts.h"
#include "runtime/stateful/lru.h"
#include "runtime/stateful/state_expr.h"

namespace vigil::runtime {

struct StatefulLimits {
  size_t max_groups = 100000;
  size_t max_events_per_group = 100000;
  size_t kept_events = 5;  // events carried into an alert
  // Sliding windows compute evidence-only aggregate calls when the rule fires (false: with
  // every event, as `having`'s calls; for tests, which compare the two).
  bool lazy_evidence = true;
};

// An owned scalar value held in state.
struct StateValue {
  bool valid = false;
  schema::ScalarType type = schema::ScalarType::kString;
  int64_t i = 0;
  double f = 0;
  std::string s;
  static StateValue Of(const schema::Datum& d);
  schema::Datum ToDatum() const;
  std::string Text() const;  // canonical text (distinct counting)
  bool operator<(const StateValue& o) const;
};

struct CallState;  // the running state of one aggregate call in one group

class Aggregator {
 public:
  Aggregator(const sema::Rule& rule, StatefulLimits limits);
  ~Aggregator();

  // One event matching the rule's `when`: its group key text, time, the values of the
  // rule's aggregate-call arguments (sema::AggregateCalls order; a sliding window keeps them)
  // and its record. Returns true and appends the alert to *fired when the rule fires on this
  // event. An event older than its sliding group's window (one processed early, out of order)
  // is not counted.
  bool Add(const HashedKey& key, int64_t ts, std::vector<StateValue> args, EventRef event,
           std::vector<AlertParts>* fired);
  // Hints that Add(key, ...) follows soon (loads the group's hash-table slot).
  void Prefetch(const HashedKey& key) const { groups_.Prefetch(key); }
  // Drops groups whose window ended before `watermark` (memory only; no alerts).
  void Expire(int64_t watermark);

  uint64_t evictions() const { return evictions_; }
  size_t groups() const;

  void Save(std::string* out) const;
  bool Load(std::string_view in);

 private:
  struct Group;
  void Evict();
  // The time after which group `g`'s window has ended (saturating).
  int64_t End(const Group& g) const;
  // Empties `g` as a new group (keeps its touch stamp).
  void Reset(Group& g) const;
  // Adds (sign +1) or removes (-1) one event's values to or from `g`'s count and eager calls.
  void Count(Group& g, const std::vector<StateValue>& values, int sign) const;
  // A sliding window's part of Add: false when the event is older than the window.
  bool AddSliding(Group& g, int64_t ts, std::vector<StateValue> values);
  // The environment of `having` (and evidence) after an event; lazy calls are null in it.
  StateEnv Env(const Group& g, const EventRef& trigger) const;
  // Sets the lazy calls' values in `env` from the window's events; returns the states they
  // point into (keep it while env is used).
  std::vector<CallState> FillLazy(const Group& g, StateEnv& env) const;

  const sema::Rule& rule_;
  StatefulLimits limits_;
  std::vector<const ast::Expr*> calls_;  // aggregate calls of having/evidence
  // Per call: maintained with every event (tumbling windows, and calls `having` reads), or
  // lazy: a sliding window's evidence-only call, computed from the window's events when the
  // rule fires (their state stays empty, checkpoints included).
  std::vector<bool> eager_;
  LruMap<std::unique_ptr<Group>> groups_;
  uint64_t clock_ = 0;
  uint64_t evictions_ = 0;
  // No group's window ends before this (a group's end only grows), so Expire() skips the scan
  // of every group until the watermark passes it.
  int64_t next_end_ = INT64_MIN;
};

}  // namespace vigil::runtime

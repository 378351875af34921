// sequencer.h: the state of one sequence rule for one tenant: per key, the partial matches in
// progress. A step-0 event starts a partial; an event of the next step with the same key,
// no earlier than the previous step and within `within` of the first, advances the earliest
// partial waiting for that step. When the last positive step completes: without an absent step
// the rule fires at once; with one, the partial waits until `within` has passed (event time,
// through the watermark) and fires unless an event of the absent step with the key arrived
// in between. Bounded: kMaxPartials per key (oldest dropped) and max_groups keys (LRU).
#pragma once

#include <functional>
#include <memory>
#include <queue>
#include <string>
#include <unordered_map>
#include <vector>

#include "compiler/sema/pack.h"
#include "runtime/alerts.h"
#include "runtime/stateful/aggregator.h"
#include "runtime/stateful/front_queue.h"

namespace vigil::runtime {

class Sequencer {
 public:
  static constexpr size_t kMaxPartials = 16;
  Sequencer(const sema::Rule& rule, StatefulLimits limits);
  ~Sequencer();

  // An event with key `key` matched step `step`. Appends alerts that fire to *fired.
  void OnStep(size_t step, const HashedKey& key, int64_t ts, EventRef event,
              std::vector<AlertParts>* fired);
  // Hints that OnStep(_, key, ...) follows soon (loads the key's hash-table slot).
  void Prefetch(const HashedKey& key) const { keys_.Prefetch(key); }
  // Event time reached `watermark`: partials waiting for an absence whose span ended fire;
  // incomplete partials whose span ended are dropped.
  void Advance(int64_t watermark, std::vector<AlertParts>* fired);

  uint64_t evictions() const { return evictions_; }
  size_t keys() const { return keys_.size(); }

  void Save(std::string* out) const;
  bool Load(std::string_view in);

 private:
  struct Partial {
    int64_t start = 0;
    int64_t last = 0;
    size_t next = 1;  // the step it waits for
    std::vector<EventRef> events;
  };
  struct Key {
    FrontQueue<Partial> partials;
    uint64_t touched = 0;
  };
  bool WaitsForAbsence(const Partial& p) const;
  void Fire(std::string_view key, const Partial& p, std::vector<AlertParts>* fired) const;
  void Evict();
  // start + within, saturating.
  int64_t SpanEnd(int64_t start) const;
  // Queues the expiry of a partial of `key` started at `start`.
  void QueueExpiry(const std::string& key, int64_t start);
  // expiry_ from the live partials only.
  void RebuildExpiry();

  const sema::Rule& rule_;
  StatefulLimits limits_;
  size_t positive_steps_ = 0;  // steps before the absent one (or all)
  LruMap<Key> keys_;
  uint64_t clock_ = 0;
  uint64_t evictions_ = 0;
  // (end of span, key) of every partial started, earliest first, so Advance() visits only the
  // keys with a partial whose span ended. Entries of partials already gone are harmless (the
  // key is re-checked); the queue is rebuilt from the live partials when mostly stale.
  using Expiry = std::pair<int64_t, std::string>;
  std::priority_queue<Expiry, std::vector<Expiry>, std::greater<>> expiry_;
};

}  // namespace vigil::runtime

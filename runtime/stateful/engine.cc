// engine.cc: per-tenant stateful state and watermarks.
#include "runtime/stateful/engine.h"

#include <climits>

#include "base/strings.h"
#include "runtime/stateful/reorder_buffer.h"
#include "runtime/stateful/state_codec.h"
#include "vm/bytecode/wire.h"

namespace vigil::runtime {

// A match waiting for the watermark. step < 0: an aggregate rule's event.
struct StatefulEngine::Pending {
  uint32_t rule = 0;
  int32_t step = -1;
  uint64_t hash = 0;  // base::Hash64(key)
  std::string key;
  std::vector<StateValue> args;
  EventRef event;
};

struct StatefulEngine::TenantState {
  int64_t max_ts = INT64_MIN;   // the latest event time that counts for the watermark
  int64_t seen_ts = INT64_MIN;  // the latest event time observed (hold_watermark: not yet counting)
  uint64_t arrivals = 0;        // tie-break: arrival order
  ReorderBuffer<Pending> pending;  // by (event time, arrival)
  std::unique_ptr<HistoryStore> history;
  // By pack rule index; null for the rules of the other kind and stateless ones.
  std::vector<std::unique_ptr<Aggregator>> aggregates;
  std::vector<std::unique_ptr<Sequencer>> sequences;
};

StatefulEngine::StatefulEngine(const sema::Pack& pack, StatefulOptions options)
    : pack_(pack), options_(options) {}

StatefulEngine::~StatefulEngine() = default;

StatefulEngine::TenantState& StatefulEngine::For(const std::string& tenant) {
  auto& t = tenants_[tenant];
  if (!t) {
    t = std::make_unique<TenantState>();
    t->history = std::make_unique<HistoryStore>(options_.max_history_keys);
    t->aggregates.resize(pack_.rules.size());
    t->sequences.resize(pack_.rules.size());
    for (size_t r = 0; r < pack_.rules.size(); ++r) {
      const sema::Rule& rule = pack_.rules[r];
      if (rule.aggregate) t->aggregates[r] = std::make_unique<Aggregator>(rule, options_.limits);
      if (rule.sequence) t->sequences[r] = std::make_unique<Sequencer>(rule, options_.limits);
    }
  }
  return *t;
}

HistoryStore* StatefulEngine::History(const std::string& tenant) {
  return For(tenant).history.get();
}

int64_t StatefulEngine::Watermark(const std::string& tenant) const {
  auto it = tenants_.find(tenant);
  if (it == tenants_.end() || it->second->max_ts == INT64_MIN) return INT64_MIN;
  return it->second->max_ts - options_.allowed_lateness_ms;
}

void StatefulEngine::Observe(const std::string& tenant, int64_t max_ts) {
  TenantState& t = For(tenant);
  t.seen_ts = std::max(t.seen_ts, max_ts);
  if (!options_.hold_watermark) t.max_ts = t.seen_ts;
}

std::vector<std::string> StatefulEngine::CommitWatermarks() {
  std::vector<std::string> moved;
  for (auto& [name, t] : tenants_) {
    if (t->seen_ts <= t->max_ts) continue;
    t->max_ts = t->seen_ts;
    moved.push_back(name);
  }
  return moved;
}

void StatefulEngine::OnMatches(size_t rule, const std::string& tenant, StatefulMatches& m,
                               std::vector<AlertParts>* fired) {
  const size_t n = m.size();
  if (n == 0) return;
  std::vector<uint64_t> hashes(n);
  for (size_t i = 0; i < n; ++i) hashes[i] = base::Hash64(m.keys[i]);
  TenantState& t = For(tenant);
  for (size_t i = 0; i < n; ++i) {
    Pending p;
    p.rule = static_cast<uint32_t>(rule);
    p.step = m.steps[i];
    p.hash = hashes[i];
    p.key = std::move(m.keys[i]);
    p.args.reserve(m.args.size());
    for (auto& column : m.args) p.args.push_back(std::move(column[i]));
    p.event = std::move(m.events[i]);
    p.event.ts = m.ts[i];
    Wait(tenant, t, std::move(p), fired);
  }
}

void StatefulEngine::OnAggregate(size_t rule, const std::string& tenant, const std::string& key,
                                 int64_t ts, const std::vector<schema::Datum>& args, EventRef event,
                                 std::vector<AlertParts>* fired) {
  StatefulMatches m;
  m.steps = {-1};
  m.keys = {key};
  m.ts = {ts};
  m.events.push_back(std::move(event));
  for (const schema::Datum& d : args) m.args.push_back({StateValue::Of(d)});
  OnMatches(rule, tenant, m, fired);
}

void StatefulEngine::OnStep(size_t rule, size_t step, const std::string& tenant,
                            const std::string& key, int64_t ts, EventRef event,
                            std::vector<AlertParts>* fired) {
  StatefulMatches m;
  m.steps = {static_cast<int32_t>(step)};
  m.keys = {key};
  m.ts = {ts};
  m.events.push_back(std::move(event));
  OnMatches(rule, tenant, m, fired);
}

void StatefulEngine::Wait(const std::string& tenant, TenantState& t, Pending p,
                          std::vector<AlertParts>* fired) {
  const int64_t ts = p.event.ts;
  t.pending.Push(ts, t.arrivals++, std::move(p));
  ++pending_total_;
  while (pending_total_ > options_.max_pending && !t.pending.empty()) {
    ++stats_.reorder_overflow;
    Pending first = t.pending.Pop();
    --pending_total_;
    Process(tenant, t, first, fired);
  }
}

void StatefulEngine::Process(const std::string& tenant, TenantState& t, Pending& p,
                             std::vector<AlertParts>* fired) {
  const size_t before = fired->size();
  const HashedKey key{p.key, p.hash};
  const int64_t ts = p.event.ts;
  if (p.step < 0) {
    t.aggregates[p.rule]->Add(key, ts, std::move(p.args), std::move(p.event), fired);
  } else {
    t.sequences[p.rule]->OnStep(static_cast<size_t>(p.step), key, ts, std::move(p.event), fired);
  }
  for (size_t i = before; i < fired->size(); ++i) (*fired)[i].tenant = tenant;
}

void StatefulEngine::Release(const std::string& tenant, TenantState& t, int64_t until,
                             std::vector<AlertParts>* fired) {
  // In runs of up to kRun matches: every match's state slot is prefetched, then the run is
  // processed in order (the hash-table probes of a run overlap instead of missing one by one).
  constexpr size_t kRun = 32;
  std::vector<Pending> run;
  run.reserve(kRun);
  while (!t.pending.empty() && (until == INT64_MAX || t.pending.FirstTime() < until)) {
    run.clear();
    while (run.size() < kRun && !t.pending.empty() &&
           (until == INT64_MAX || t.pending.FirstTime() < until)) {
      run.push_back(t.pending.Pop());
      --pending_total_;
    }
    for (const Pending& p : run) {
      const HashedKey key{p.key, p.hash};
      if (p.step < 0) {
        t.aggregates[p.rule]->Prefetch(key);
      } else {
        t.sequences[p.rule]->Prefetch(key);
      }
    }
    for (Pending& p : run) Process(tenant, t, p, fired);
  }
}

void StatefulEngine::Late(const sema::Rule& rule) {
  ++stats_.late_events;
  ++stats_.late_by_rule[rule.id];
}

void StatefulEngine::Advance(const std::string& tenant, std::vector<AlertParts>* fired) {
  TenantState& t = For(tenant);
  const int64_t wm = Watermark(tenant);
  if (wm == INT64_MIN) return;
  Release(tenant, t, wm, fired);
  const size_t before = fired->size();
  for (auto& s : t.sequences) {
    if (s) s->Advance(wm, fired);
  }
  for (auto& a : t.aggregates) {
    if (a) a->Expire(wm);
  }
  for (size_t i = before; i < fired->size(); ++i) (*fired)[i].tenant = tenant;
}

void StatefulEngine::Finish(std::vector<AlertParts>* fired) {
  for (auto& [name, t] : tenants_) {
    t->max_ts = std::max(t->max_ts, t->seen_ts);
    Release(name, *t, INT64_MAX, fired);
    if (t->max_ts == INT64_MIN) continue;
    const size_t before = fired->size();
    for (auto& s : t->sequences) {
      if (s) s->Advance(t->max_ts, fired);
    }
    for (size_t i = before; i < fired->size(); ++i) (*fired)[i].tenant = name;
  }
}

StatefulStats StatefulEngine::stats() const {
  StatefulStats s = stats_;
  for (const auto& [name, t] : tenants_) {
    s.evictions += t->history->evictions();
    s.state_keys += t->history->keys();
    for (const auto& a : t->aggregates) {
      if (!a) continue;
      s.evictions += a->evictions();
      s.state_keys += a->groups();
    }
    for (const auto& q : t->sequences) {
      if (!q) continue;
      s.evictions += q->evictions();
      s.state_keys += q->keys();
    }
  }
  return s;
}

void StatefulEngine::Save(std::string* out) const {
  bytecode::WireWriter w;
  w.U32(static_cast<uint32_t>(pack_.rules.size()));
  w.U64(stats_.late_events);
  w.U32(static_cast<uint32_t>(stats_.late_by_rule.size()));
  for (const auto& [rule, n] : stats_.late_by_rule) {
    w.Str(rule);
    w.U64(n);
  }
  w.U32(static_cast<uint32_t>(tenants_.size()));
  for (const auto& [name, t] : tenants_) {
    w.Str(name);
    w.I64(t->max_ts);
    w.I64(t->seen_ts);
    w.U64(t->arrivals);
    w.U32(static_cast<uint32_t>(t->pending.size()));
    t->pending.ForEachInOrder([&](int64_t ts, uint64_t arrival, const Pending& p) {
      w.I64(ts);
      w.U64(arrival);
      w.U32(p.rule);
      w.I64(p.step);
      w.Str(p.key);
      w.U32(static_cast<uint32_t>(p.args.size()));
      for (const StateValue& v : p.args) WriteValue(w, v);
      WriteEvent(w, p.event);
    });
    std::string bytes;
    t->history->Save(&bytes);
    w.Str(bytes);
    for (const auto& a : t->aggregates) {
      if (!a) continue;
      a->Save(&bytes);
      w.Str(bytes);
    }
    for (const auto& q : t->sequences) {
      if (!q) continue;
      q->Save(&bytes);
      w.Str(bytes);
    }
  }
  *out = std::move(w.out());
}

bool StatefulEngine::Load(std::string_view in) {
  bytecode::WireReader r(in);
  if (r.U32() != pack_.rules.size()) return false;
  stats_ = {};
  stats_.late_events = r.U64();
  const uint32_t late = r.Count(12, "rule");
  for (uint32_t i = 0; i < late && r.ok(); ++i) {
    std::string rule = r.Str();
    stats_.late_by_rule[rule] = r.U64();
  }
  tenants_.clear();
  pending_total_ = 0;
  const uint32_t n = r.Count(16, "tenant");
  for (uint32_t i = 0; i < n && r.ok(); ++i) {
    const std::string name = r.Str();
    TenantState& t = For(name);
    t.max_ts = r.I64();
    t.seen_ts = r.I64();
    t.arrivals = r.U64();
    const uint32_t waiting = r.Count(40, "pending match");
    for (uint32_t j = 0; j < waiting && r.ok(); ++j) {
      const int64_t ts = r.I64();
      const uint64_t seq = r.U64();
      Pending p;
      p.rule = r.U32();
      const int64_t step = r.I64();
      p.step = static_cast<int32_t>(step);
      p.key = r.Str();
      p.hash = base::Hash64(p.key);
      const uint32_t nargs = r.Count(19, "value");
      for (uint32_t k = 0; k < nargs && r.ok(); ++k) p.args.push_back(ReadValue(r));
      p.event = ReadEvent(r);
      const bool known =
          p.rule < pack_.rules.size() &&
          (step < 0 ? t.aggregates[p.rule] != nullptr &&
                          p.args.size() == sema::AggregateCalls(pack_.rules[p.rule]).size()
                    : t.sequences[p.rule] != nullptr &&
                          static_cast<size_t>(step) < pack_.rules[p.rule].sequence->steps.size());
      if (!known) return false;
      t.pending.Push(ts, seq, std::move(p));
      ++pending_total_;
    }
    bool ok = t.history->Load(r.Str());
    for (auto& a : t.aggregates) {
      if (a) ok = a->Load(r.Str()) && ok;
    }
    for (auto& q : t.sequences) {
      if (q) ok = q->Load(r.Str()) && ok;
    }
    if (!ok) return false;
  }
  return r.ok() && r.remaining() == 0;
}

}  // namespace vigil::runtime

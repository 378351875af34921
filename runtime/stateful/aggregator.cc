// aggregator.cc: incremental window aggregates per group.
#include "runtime/stateful/aggregator.h"

#include <algorithm>
#include <set>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "base/check.h"
#include "compiler/sema/expr_checker.h"
#include "runtime/stateful/front_queue.h"
#include "runtime/stateful/state_codec.h"
#include "stdlib/value_print.h"
#include "vm/bytecode/wire.h"

namespace vigil::runtime {

using schema::Datum;
using schema::ScalarType;

StateValue StateValue::Of(const Datum& d) {
  StateValue v;
  v.valid = d.valid;
  v.type = d.type;
  v.i = d.i;
  v.f = d.f;
  if (d.valid && schema::IsStringLike(d.type)) v.s = std::string(d.s);
  if (d.valid && (d.type == ScalarType::kIp || d.type == ScalarType::kCidr))
    v.s = stdlib::FormatDatum(d);
  return v;
}

Datum StateValue::ToDatum() const {
  if (!valid) return Datum::Null(type);
  if (schema::IsStringLike(type)) return Datum::String(s, type);
  if (type == ScalarType::kFloat) return Datum::Float(f);
  if (type == ScalarType::kIp) return Datum::Ip(*base::ParseIp(s));
  Datum d = Datum::Int(i);
  d.type = type;
  return d;
}

std::string StateValue::Text() const {
  if (!valid) return "\x01";
  if (!s.empty() || schema::IsStringLike(type)) return s;
  return type == ScalarType::kFloat ? std::to_string(f) : std::to_string(i);
}

bool StateValue::operator<(const StateValue& o) const {
  if (type == ScalarType::kFloat || o.type == ScalarType::kFloat) {
    const double a = type == ScalarType::kFloat ? f : static_cast<double>(i);
    const double b = o.type == ScalarType::kFloat ? o.f : static_cast<double>(o.i);
    return a < b;
  }
  if (schema::IsStringLike(type)) return s < o.s;
  return i < o.i;
}

// Per aggregate call: what it needs to be maintained incrementally.
struct CallState {
  absl::flat_hash_map<std::string, int64_t> distinct;  // value text -> multiplicity
  int64_t isum = 0;
  double fsum = 0;
  int64_t summed = 0;  // non-null values summed
  bool overflow = false;
  std::multiset<StateValue> ordered;  // for min / max
};

struct Aggregator::Group {
  int64_t window = INT64_MIN;  // tumbling: window start
  int64_t count = 0;
  bool fired = false;
  uint64_t touched = 0;
  int64_t latest = INT64_MIN;
  FrontQueue<std::pair<int64_t, std::vector<StateValue>>> events;  // sliding: (ts, args)
  std::vector<CallState> calls;
  FrontQueue<EventRef> kept;  // the most recent events, for alerts
};

namespace {

// The text distinct() counts `v` by (StateValue::Text), as a view into v or `scratch`.
std::string_view DistinctText(const StateValue& v, std::string& scratch) {
  if (!v.s.empty() || schema::IsStringLike(v.type)) return v.s;
  scratch = v.Text();
  return scratch;
}

void Apply(const ast::Expr* call, CallState& c, const StateValue& v, int sign) {
  if (!v.valid) return;
  const int callee = call->callee;
  if (callee == sema::kCallDistinct) {
    std::string scratch;
    const std::string_view text = DistinctText(v, scratch);
    auto it = c.distinct.find(absl::string_view(text.data(), text.size()));
    if (it == c.distinct.end()) it = c.distinct.try_emplace(std::string(text), 0).first;
    it->second += sign;
    if (it->second <= 0) c.distinct.erase(it);
  } else if (callee == sema::kCallSum) {
    c.summed += sign;
    if (v.type == ScalarType::kFloat) {
      c.fsum += sign * v.f;
    } else if (__builtin_add_overflow(c.isum, sign * v.i, &c.isum)) {
      c.overflow = true;
    }
  } else if (sign > 0) {
    c.ordered.insert(v);
  } else if (auto it = c.ordered.find(v); it != c.ordered.end()) {
    c.ordered.erase(it);
  }
}

// The aggregate-call nodes of expression `e` (as sema::AggregateCalls finds them).
void CallsIn(const ast::Expr* e, std::vector<const ast::Expr*>* out) {
  if (e == nullptr) return;
  if (e->kind == ast::ExprKind::kCall &&
      (e->callee == sema::kCallDistinct || e->callee == sema::kCallSum ||
       e->callee == sema::kCallMin || e->callee == sema::kCallMax)) {
    out->push_back(e);
    return;
  }
  for (const auto& a : e->args) CallsIn(a.get(), out);
}

Datum Value(const ast::Expr* call, const CallState& c) {
  const ScalarType t = call->type.scalar;
  switch (call->callee) {
    case sema::kCallDistinct:
      return Datum::Int(static_cast<int64_t>(c.distinct.size()));
    case sema::kCallSum: {
      if (c.summed == 0 || c.overflow) return Datum::Null(t);
      if (t == ScalarType::kFloat) return Datum::Float(c.fsum);
      Datum d = Datum::Int(c.isum);
      d.type = t;
      return d;
    }
    default:
      if (c.ordered.empty()) return Datum::Null(t);
      return (call->callee == sema::kCallMin ? *c.ordered.begin() : *c.ordered.rbegin()).ToDatum();
  }
}

}  // namespace

Aggregator::Aggregator(const sema::Rule& rule, StatefulLimits limits)
    : rule_(rule), limits_(limits), calls_(sema::AggregateCalls(rule)) {
  VIGIL_CHECK(rule.aggregate != nullptr);
  std::vector<const ast::Expr*> in_having;
  CallsIn(rule.aggregate->having.get(), &in_having);
  for (const ast::Expr* call : calls_) {
    eager_.push_back(rule.aggregate->tumbling || !limits.lazy_evidence ||
                     std::find(in_having.begin(), in_having.end(), call) != in_having.end());
  }
}

Aggregator::~Aggregator() = default;

size_t Aggregator::groups() const { return groups_.size(); }

StateEnv Aggregator::Env(const Group& g, const EventRef& trigger) const {
  StateEnv env;
  env.count = g.count;
  env.record = &trigger;
  env.aggregates.reserve(calls_.size());
  for (size_t i = 0; i < calls_.size(); ++i) {
    env.aggregates.emplace_back(
        calls_[i], eager_[i] ? Value(calls_[i], g.calls[i]) : Datum::Null(calls_[i]->type.scalar));
  }
  return env;
}

std::vector<CallState> Aggregator::FillLazy(const Group& g, StateEnv& env) const {
  std::vector<CallState> lazy(calls_.size());
  for (size_t i = 0; i < calls_.size(); ++i) {
    if (eager_[i]) continue;
    for (const auto& [ts, values] : g.events) {
      if (i < values.size()) Apply(calls_[i], lazy[i], values[i], +1);
    }
    env.aggregates[i].second = Value(calls_[i], lazy[i]);
  }
  return lazy;
}

void Aggregator::Evict() { evictions_ += groups_.Evict(limits_.max_groups); }

void Aggregator::Reset(Group& g) const {
  g.window = INT64_MIN;
  g.count = 0;
  g.fired = false;
  g.latest = INT64_MIN;
  g.events.clear();
  g.kept.clear();
  for (CallState& c : g.calls) c = CallState{};
}

void Aggregator::Count(Group& g, const std::vector<StateValue>& values, int sign) const {
  g.count += sign;
  for (size_t i = 0; i < calls_.size() && i < values.size(); ++i) {
    if (eager_[i]) Apply(calls_[i], g.calls[i], values[i], sign);
  }
}

bool Aggregator::AddSliding(Group& g, int64_t ts, std::vector<StateValue> values) {
  const int64_t window = rule_.aggregate->window_ms;
  // A group whose every event is out of the window behaves as a new one, as it would after
  // Expire() dropped it: alerts must not depend on when the watermark last moved.
  if (!g.events.empty() && g.latest <= ts - window) Reset(g);
  // Older than the window ending at the group's latest event (a match processed early, past
  // the reorder buffer's bound): not counted.
  if (!g.events.empty() && ts <= g.latest - window) return false;
  // Counted before it joins the window's events, so that if the size bound drops this very
  // event below, dropping it undoes its count.
  Count(g, values, +1);
  auto pos = g.events.end();
  while (pos != g.events.begin() && std::prev(pos)->first > ts) --pos;
  g.events.insert(pos, {ts, std::move(values)});
  g.latest = std::max(g.latest, ts);
  while (!g.events.empty() && (g.events.front().first <= g.latest - window ||
                               g.events.size() > limits_.max_events_per_group)) {
    Count(g, g.events.front().second, -1);
    g.events.pop_front();
  }
  g.kept.EraseIf([&](const EventRef& e) { return e.ts <= g.latest - window; });
  return true;
}

bool Aggregator::Add(const HashedKey& key, int64_t ts, std::vector<StateValue> values,
                     EventRef event, std::vector<AlertParts>* fired) {
  const sema::Aggregate& agg = *rule_.aggregate;
  auto& slot = groups_.Touch(key);
  if (!slot) {
    slot = std::make_unique<Group>();
    slot->calls.resize(calls_.size());
  }
  Group& g = *slot;
  g.touched = ++clock_;
  if (agg.tumbling) {
    const int64_t window = (ts >= 0 ? ts : ts - agg.window_ms + 1) / agg.window_ms * agg.window_ms;
    if (window < g.window) return false;  // belongs to a closed window: too late for this group
    if (window > g.window) {
      Reset(g);
      g.window = window;
    }
    Count(g, values, +1);
  } else if (!AddSliding(g, ts, std::move(values))) {
    return false;
  }
  g.kept.push_back(std::move(event));
  if (g.kept.size() > limits_.kept_events) g.kept.pop_front();
  StateEnv env = Env(g, g.kept.back());
  const Datum having = EvalState(*agg.having, env);
  const bool now = having.valid && having.i != 0;
  bool fire = false;
  if (now && !g.fired) {
    fire = true;
    g.fired = true;
  } else if (!now && !agg.tumbling) {
    g.fired = false;  // re-arm a sliding window once its condition no longer holds
  }
  if (fire) {
    AlertParts& a = fired->emplace_back();
    a.rule = &rule_;
    a.events.assign(g.kept.begin(), g.kept.end());
    a.key = std::string(key.text) + '\x1e' +
            std::to_string(agg.tumbling ? g.window : g.kept.back().content_hash);
    const std::vector<CallState> lazy = FillLazy(g, env);  // env's values point into it
    for (const sema::Evidence& ev : rule_.evidence)
      a.evidence[ev.name] = DatumJson(EvalState(*ev.expr, env));
  }
  next_end_ = std::min(next_end_, End(g));
  Evict();
  return fire;
}

int64_t Aggregator::End(const Group& g) const {
  const sema::Aggregate& agg = *rule_.aggregate;
  int64_t end = 0;
  if (__builtin_add_overflow(agg.tumbling ? g.window : g.latest, agg.window_ms, &end))
    end = INT64_MAX;  // window_ms > 0: only an upward overflow
  return end;
}

void Aggregator::Expire(int64_t watermark) {
  if (watermark <= next_end_) return;
  next_end_ = INT64_MAX;
  groups_.EraseIf([&](const std::string&, const std::unique_ptr<Group>& g) {
    const int64_t end = End(*g);
    if (end < watermark) return true;
    next_end_ = std::min(next_end_, end);
    return false;
  });
}

namespace {

void SaveCall(bytecode::WireWriter& w, const CallState& c) {
  // Sorted by text: the same state gives the same bytes.
  std::vector<std::pair<std::string_view, int64_t>> distinct(c.distinct.begin(), c.distinct.end());
  std::sort(distinct.begin(), distinct.end());
  w.U32(static_cast<uint32_t>(distinct.size()));
  for (const auto& [text, n] : distinct) {
    w.Str(text);
    w.I64(n);
  }
  w.I64(c.isum);
  w.F64(c.fsum);
  w.I64(c.summed);
  w.U8(c.overflow ? 1 : 0);
  w.U32(static_cast<uint32_t>(c.ordered.size()));
  for (const StateValue& v : c.ordered) WriteValue(w, v);
}

void LoadCall(bytecode::WireReader& r, CallState* c) {
  const uint32_t n = r.Count(12, "distinct value");
  for (uint32_t i = 0; i < n && r.ok(); ++i) {
    std::string text = r.Str();
    c->distinct[text] = r.I64();
  }
  c->isum = r.I64();
  c->fsum = r.F64();
  c->summed = r.I64();
  c->overflow = r.U8() != 0;
  const uint32_t m = r.Count(22, "ordered value");
  for (uint32_t i = 0; i < m && r.ok(); ++i) c->ordered.insert(ReadValue(r));
}

}  // namespace

void Aggregator::Save(std::string* out) const {
  bytecode::WireWriter w;
  w.U64(clock_);
  w.U64(evictions_);
  // Groups least recently updated first (touch order), so a restored state evicts alike.
  w.U32(static_cast<uint32_t>(groups_.size()));
  groups_.ForEachOldestFirst([&](const std::string& key, const std::unique_ptr<Group>& gp) {
    const Group& g = *gp;
    w.Str(key);
    w.I64(g.window);
    w.I64(g.latest);
    w.I64(g.count);
    w.U8(g.fired ? 1 : 0);
    w.U64(g.touched);
    w.U32(static_cast<uint32_t>(g.events.size()));
    for (const auto& [ts, values] : g.events) {
      w.I64(ts);
      w.U32(static_cast<uint32_t>(values.size()));
      for (const StateValue& v : values) WriteValue(w, v);
    }
    w.U32(static_cast<uint32_t>(g.calls.size()));
    for (const CallState& c : g.calls) SaveCall(w, c);
    w.U32(static_cast<uint32_t>(g.kept.size()));
    for (const EventRef& e : g.kept) WriteEvent(w, e);
  });
  *out = std::move(w.out());
}

bool Aggregator::Load(std::string_view in) {
  bytecode::WireReader r(in);
  clock_ = r.U64();
  evictions_ = r.U64();
  groups_.Clear();
  next_end_ = INT64_MIN;  // the next Expire() scans
  const uint32_t n = r.Count(40, "group");
  for (uint32_t gi = 0; gi < n && r.ok(); ++gi) {
    std::string key = r.Str();
    auto g = std::make_unique<Group>();
    g->window = r.I64();
    g->latest = r.I64();
    g->count = r.I64();
    g->fired = r.U8() != 0;
    g->touched = r.U64();
    const uint32_t events = r.Count(12, "window event");
    for (uint32_t e = 0; e < events && r.ok(); ++e) {
      const int64_t ts = r.I64();
      std::vector<StateValue> values(r.Count(22, "value"));
      if (values.size() != calls_.size()) r.Fail("aggregate state of another rule version");
      for (StateValue& v : values) v = ReadValue(r);
      g->events.emplace_back(ts, std::move(values));
    }
    g->calls.resize(r.Count(33, "call"));
    if (g->calls.size() != calls_.size()) r.Fail("aggregate state of another rule version");
    for (CallState& c : g->calls) LoadCall(r, &c);
    const uint32_t kept = r.Count(40, "event");
    for (uint32_t e = 0; e < kept && r.ok(); ++e) g->kept.push_back(ReadEvent(r));
    groups_.Touch(key) = std::move(g);  // in file order: least recently updated first
  }
  return r.ok() && r.remaining() == 0;
}

}  // namespace vigil::runtime

// sequencer.cc: ordered multi-step matching with absence.
#include "runtime/stateful/sequencer.h"

#include <algorithm>
#include <map>
#include <set>

#include "base/check.h"
#include "runtime/stateful/state_codec.h"
#include "runtime/stateful/state_expr.h"

namespace vigil::runtime {

Sequencer::Sequencer(const sema::Rule& rule, StatefulLimits limits) : rule_(rule), limits_(limits) {
  VIGIL_CHECK(rule.sequence != nullptr);
  for (const sema::Step& s : rule.sequence->steps) {
    if (!s.absent) ++positive_steps_;
  }
}

Sequencer::~Sequencer() = default;

bool Sequencer::WaitsForAbsence(const Partial& p) const {
  return p.next == positive_steps_ && positive_steps_ < rule_.sequence->steps.size();
}

void Sequencer::Fire(std::string_view key, const Partial& p, std::vector<AlertParts>* fired) const {
  AlertParts a;
  a.rule = &rule_;
  a.events = p.events;
  a.key = std::string(key);
  StateEnv env;
  if (!p.events.empty()) env.record = &p.events.back();
  for (size_t i = 0; i < p.events.size(); ++i)
    env.steps[rule_.sequence->steps[i].name] = &p.events[i];
  for (const sema::Evidence& ev : rule_.evidence)
    a.evidence[ev.name] = DatumJson(EvalState(*ev.expr, env));
  fired->push_back(std::move(a));
}

void Sequencer::OnStep(size_t step, const HashedKey& key, int64_t ts, EventRef event,
                       std::vector<AlertParts>* fired) {
  const bool absent = rule_.sequence->steps[step].absent;
  // Only a first step starts a partial: any other step of a key without partials changes
  // nothing (most later-step events, e.g. every delivery of a message not held first).
  if ((step > 0 || absent) && keys_.Find(key) == nullptr) return;
  Key& k = keys_.Touch(key);
  k.touched = ++clock_;
  if (absent) {
    // Cancels the partials waiting for this absence whose last step came before it.
    k.partials.EraseIf([&](const Partial& p) {
      return WaitsForAbsence(p) && ts >= p.last && ts <= SpanEnd(p.start);
    });
  } else if (step == 0) {
    Partial p;
    p.start = p.last = ts;
    p.events.push_back(std::move(event));
    if (positive_steps_ == 1 && !WaitsForAbsence(p)) {
      Fire(key.text, p, fired);
    } else {
      k.partials.push_back(std::move(p));
      if (k.partials.size() > kMaxPartials) k.partials.pop_front();
      QueueExpiry(std::string(key.text), ts);
    }
  } else {
    for (auto it = k.partials.begin(); it != k.partials.end(); ++it) {
      if (it->next != step || ts < it->last || ts > SpanEnd(it->start)) continue;
      it->next = step + 1;
      it->last = ts;
      it->events.push_back(std::move(event));
      if (it->next == positive_steps_ && !WaitsForAbsence(*it)) {
        Fire(key.text, *it, fired);
        k.partials.erase(it);
      }
      break;
    }
  }
  if (k.partials.empty()) keys_.Erase(key);
  Evict();
}

int64_t Sequencer::SpanEnd(int64_t start) const {
  int64_t end = 0;
  return __builtin_add_overflow(start, rule_.sequence->within_ms, &end) ? INT64_MAX : end;
}

void Sequencer::QueueExpiry(const std::string& key, int64_t start) {
  expiry_.emplace(SpanEnd(start), key);
  if (expiry_.size() > 2 * kMaxPartials * std::max<size_t>(keys_.size(), 1024)) RebuildExpiry();
}

void Sequencer::RebuildExpiry() {
  expiry_ = {};
  keys_.ForEachOldestFirst([&](const std::string& key, const Key& k) {
    for (const Partial& p : k.partials) expiry_.emplace(SpanEnd(p.start), key);
  });
}

void Sequencer::Advance(int64_t watermark, std::vector<AlertParts>* fired) {
  std::set<std::string> due;  // deterministic firing order: by key
  while (!expiry_.empty() && expiry_.top().first < watermark) {
    due.insert(expiry_.top().second);
    expiry_.pop();
  }
  for (const std::string& key : due) {
    Key* k = keys_.Find(key);
    if (k == nullptr) continue;
    k->partials.EraseIf([&](const Partial& p) {
      if (SpanEnd(p.start) >= watermark) return false;
      if (WaitsForAbsence(p)) Fire(key, p, fired);
      return true;
    });
    if (k->partials.empty()) keys_.Erase(key);
  }
}

void Sequencer::Evict() { evictions_ += keys_.Evict(limits_.max_groups); }

void Sequencer::Save(std::string* out) const {
  bytecode::WireWriter w;
  w.U64(clock_);
  w.U64(evictions_);
  // Keys least recently updated first (touch order), so a restored state evicts alike.
  w.U32(static_cast<uint32_t>(keys_.size()));
  keys_.ForEachOldestFirst([&](const std::string& key, const Key& k) {
    w.Str(key);
    w.U64(k.touched);
    w.U32(static_cast<uint32_t>(k.partials.size()));
    for (const Partial& p : k.partials) {
      w.I64(p.start);
      w.I64(p.last);
      w.U64(p.next);
      w.U32(static_cast<uint32_t>(p.events.size()));
      for (const EventRef& e : p.events) WriteEvent(w, e);
    }
  });
  *out = std::move(w.out());
}

bool Sequencer::Load(std::string_view in) {
  bytecode::WireReader r(in);
  clock_ = r.U64();
  evictions_ = r.U64();
  keys_.Clear();
  const uint32_t n = r.Count(16, "key");
  for (uint32_t i = 0; i < n && r.ok(); ++i) {
    std::string key = r.Str();
    Key k;
    k.touched = r.U64();
    const uint32_t partials = r.Count(28, "partial");
    for (uint32_t j = 0; j < partials && r.ok(); ++j) {
      Partial p;
      p.start = r.I64();
      p.last = r.I64();
      p.next = r.U64();
      if (p.next > rule_.sequence->steps.size()) r.Fail("sequence state of another rule version");
      const uint32_t events = r.Count(40, "event");
      for (uint32_t e = 0; e < events && r.ok(); ++e) p.events.push_back(ReadEvent(r));
      k.partials.push_back(std::move(p));
    }
    keys_.Touch(key) = std::move(k);  // in file order: least recently updated first
  }
  RebuildExpiry();
  return r.ok() && r.remaining() == 0;
}

}  // namespace vigil::runtime

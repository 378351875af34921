// history_store.cc: bounded sighting history.
#include "runtime/stateful/history_store.h"

#include <algorithm>
#include <map>

#include "vm/bytecode/wire.h"

namespace vigil::runtime {

HistoryStore::Entry& HistoryStore::Touch(uint32_t site, const std::string& keys, bool* fresh) {
  if (sites_.size() <= site) sites_.resize(site + 1);
  Site& s = sites_[site];
  auto [it, inserted] = s.keys.try_emplace(keys);
  *fresh = inserted;
  it->second.touched = ++clock_;
  s.order.emplace_back(keys, clock_);
  while (s.keys.size() > max_keys_ && !s.order.empty()) {
    auto [k, t] = s.order.front();
    s.order.pop_front();
    auto victim = s.keys.find(k);
    if (victim != s.keys.end() && victim->second.touched == t && k != keys) {
      s.keys.erase(victim);
      ++evictions_;
    }
  }
  // Keep the LRU queue proportional to the live keys.
  if (s.order.size() > 4 * std::max<size_t>(s.keys.size(), 1024)) {
    std::deque<std::pair<std::string, uint64_t>> compact;
    for (auto& [k, t] : s.order) {
      auto e = s.keys.find(k);
      if (e != s.keys.end() && e->second.touched == t) compact.emplace_back(k, t);
    }
    s.order = std::move(compact);
  }
  return s.keys.find(keys)->second;
}

std::span<const int64_t> HistoryStore::Recent(const Entry& e) {
  const size_t n = std::min(e.times.size(), kMaxTimes);
  return {e.times.data() + (e.times.size() - n), n};
}

bool HistoryStore::FirstSeen(uint32_t site, const std::string& keys, int64_t ts, int64_t over) {
  bool fresh = false;
  Entry& e = Touch(site, keys, &fresh);
  const bool first = fresh || ts - e.last > over;
  e.last = ts;
  return first;
}

int64_t HistoryStore::Prevalence(uint32_t site, const std::string& keys, int64_t ts, int64_t over) {
  bool fresh = false;
  Entry& e = Touch(site, keys, &fresh);
  int64_t n = 0;
  for (int64_t t : Recent(e)) n += (t <= ts && ts - t <= over) ? 1 : 0;
  e.times.push_back(ts);
  if (e.times.size() >= 2 * kMaxTimes)
    e.times.erase(e.times.begin(), e.times.end() - static_cast<std::ptrdiff_t>(kMaxTimes));
  e.last = ts;
  return n;
}

size_t HistoryStore::keys() const {
  size_t n = 0;
  for (const Site& s : sites_) n += s.keys.size();
  return n;
}

void HistoryStore::Save(std::string* out) const {
  bytecode::WireWriter w;
  w.U64(clock_);
  w.U64(evictions_);
  w.U32(static_cast<uint32_t>(sites_.size()));
  for (const Site& s : sites_) {
    // Keys in LRU order so a restored store evicts in the same order.
    std::map<uint64_t, const std::string*> by_touch;
    for (const auto& [k, e] : s.keys) by_touch[e.touched] = &k;
    w.U32(static_cast<uint32_t>(by_touch.size()));
    for (const auto& [touched, key] : by_touch) {
      const Entry& e = s.keys.at(*key);
      w.Str(*key);
      w.I64(e.last);
      w.U64(e.touched);
      const auto recent = Recent(e);
      w.U32(static_cast<uint32_t>(recent.size()));
      for (int64_t t : recent) w.I64(t);
    }
  }
  *out = std::move(w.out());
}

bool HistoryStore::Load(std::string_view in) {
  bytecode::WireReader r(in);
  clock_ = r.U64();
  evictions_ = r.U64();
  sites_.assign(r.Count(4, "site"), {});
  for (Site& s : sites_) {
    const uint32_t n = r.Count(24, "key");
    for (uint32_t i = 0; i < n && r.ok(); ++i) {
      std::string key = r.Str();
      Entry e;
      e.last = r.I64();
      e.touched = r.U64();
      const uint32_t times = r.Count(8, "time");
      for (uint32_t k = 0; k < times && r.ok(); ++k) e.times.push_back(r.I64());
      s.order.emplace_back(key, e.touched);
      s.keys.emplace(std::move(key), std::move(e));
    }
  }
  return r.ok() && r.remaining() == 0;
}

}  // namespace vigil::runtime

// history_store.cc: bounded sighting history.
#include "runtime/stateful/history_store.h"

#include <algorithm>
#include <map>

#include "vm/bytecode/wire.h"

namespace vigil::runtime {

HistoryStore::Site& HistoryStore::SiteAt(uint32_t site) {
  if (sites_.size() <= site) sites_.resize(site + 1);
  return sites_[site];
}

HistoryStore::Entry& HistoryStore::Touch(Site& s, const HashedKey& keys, bool* fresh) {
  Entry& e = s.keys.Touch(keys, fresh);
  e.touched = ++clock_;
  evictions_ += s.keys.Evict(max_keys_, &e);
  return e;
}

std::span<const int64_t> HistoryStore::Recent(const Entry& e) {
  const size_t n = std::min(e.times.size(), kMaxTimes);
  return {e.times.data() + (e.times.size() - n), n};
}

bool HistoryStore::SeenFirst(Entry& e, bool fresh, int64_t ts, int64_t over) {
  const bool first = fresh || ts - e.last > over;
  e.last = ts;
  return first;
}

int64_t HistoryStore::CountRecent(Entry& e, int64_t ts, int64_t over) {
  int64_t n = 0;
  for (int64_t t : Recent(e)) n += (t <= ts && ts - t <= over) ? 1 : 0;
  e.times.push_back(ts);
  if (e.times.size() >= 2 * kMaxTimes)
    e.times.erase(e.times.begin(), e.times.end() - static_cast<std::ptrdiff_t>(kMaxTimes));
  e.last = ts;
  return n;
}

bool HistoryStore::FirstSeen(uint32_t site, const std::string& keys, int64_t ts, int64_t over) {
  bool fresh = false;
  Entry& e = Touch(SiteAt(site), HashedKey::Of(keys), &fresh);
  return SeenFirst(e, fresh, ts, over);
}

int64_t HistoryStore::Prevalence(uint32_t site, const std::string& keys, int64_t ts, int64_t over) {
  bool fresh = false;
  return CountRecent(Touch(SiteAt(site), HashedKey::Of(keys), &fresh), ts, over);
}

void HistoryStore::Answer(uint32_t site, bool first_seen,
                          std::span<const columnar::HistoryQuery> queries, int64_t over,
                          int64_t* out) {
  constexpr size_t kAhead = 8;
  Site& s = SiteAt(site);
  for (size_t i = 0; i < queries.size(); ++i) {
    if (i + kAhead < queries.size())
      s.keys.Prefetch({queries[i + kAhead].keys, queries[i + kAhead].hash});
    const columnar::HistoryQuery& q = queries[i];
    bool fresh = false;
    Entry& e = Touch(s, {q.keys, q.hash}, &fresh);
    out[i] =
        first_seen ? (SeenFirst(e, fresh, q.ts_ms, over) ? 1 : 0) : CountRecent(e, q.ts_ms, over);
  }
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
    w.U32(static_cast<uint32_t>(s.keys.size()));
    s.keys.ForEachOldestFirst([&](const std::string& key, const Entry& e) {
      w.Str(key);
      w.I64(e.last);
      w.U64(e.touched);
      const auto recent = Recent(e);
      w.U32(static_cast<uint32_t>(recent.size()));
      for (int64_t t : recent) w.I64(t);
    });
  }
  *out = std::move(w.out());
}

bool HistoryStore::Load(std::string_view in) {
  bytecode::WireReader r(in);
  clock_ = r.U64();
  evictions_ = r.U64();
  const uint32_t nsites = r.Count(4, "site");
  sites_.clear();
  sites_.resize(nsites);
  for (Site& s : sites_) {
    const uint32_t n = r.Count(24, "key");
    for (uint32_t i = 0; i < n && r.ok(); ++i) {
      bool fresh = false;
      Entry& e = s.keys.Touch(r.Str(), &fresh);  // in file order: least recently seen first
      if (!fresh) r.Fail("history key twice");
      e.last = r.I64();
      e.touched = r.U64();
      const uint32_t times = r.Count(8, "time");
      for (uint32_t k = 0; k < times && r.ok(); ++k) e.times.push_back(r.I64());
    }
  }
  return r.ok() && r.remaining() == 0;
}

}  // namespace vigil::runtime

// history_store.h: the first_seen() / prevalence() state of one tenant (the VM's and the
// interpreter's HistoryProvider). Per call site, per key: the time of the most recent sighting
// and up to kMaxTimes recent sighting times. History is in processing order: an event is
// compared with the sightings processed before it. Bounded: at most `max_keys` keys per
// site, the least recently seen evicted first (counted in evictions()).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "runtime/stateful/lru.h"
#include "vm/columnar/tenant_context.h"

namespace vigil::runtime {

class HistoryStore : public columnar::HistoryProvider {
 public:
  static constexpr size_t kMaxTimes = 256;
  explicit HistoryStore(size_t max_keys = 100000) : max_keys_(max_keys) {}

  // True when no sighting of `keys` at `site` lies within `over_ms` before ts; records ts.
  bool FirstSeen(uint32_t site, const std::string& keys, int64_t ts_ms, int64_t over_ms) override;
  // Sightings of `keys` at `site` in [ts - over, ts] processed earlier; records ts.
  int64_t Prevalence(uint32_t site, const std::string& keys, int64_t ts_ms,
                     int64_t over_ms) override;
  // The batch form: the queries' hashes are used as they are, and the hash-table slots of the
  // queries a few places ahead are prefetched while the current one is answered.
  void Answer(uint32_t site, bool first_seen, std::span<const columnar::HistoryQuery> queries,
              int64_t over_ms, int64_t* out) override;

  uint64_t evictions() const { return evictions_; }
  size_t keys() const;

  // Checkpoint support: a deterministic byte encoding, and its inverse (false when malformed).
  void Save(std::string* out) const;
  bool Load(std::string_view in);

 private:
  struct Entry {
    int64_t last = 0;
    // Recent sighting times, processing order; the last kMaxTimes count (older ones are
    // trimmed in bulk). A vector: most keys (first_seen sites) never hold any.
    std::vector<int64_t> times;
    uint64_t touched = 0;  // sequence number of the last update (LRU)
  };
  struct Site {
    LruMap<Entry> keys;
  };
  // The last kMaxTimes sightings of e.
  static std::span<const int64_t> Recent(const Entry& e);
  Site& SiteAt(uint32_t site);
  Entry& Touch(Site& s, const HashedKey& keys, bool* fresh);
  // Answers one question on its entry and records the sighting.
  static bool SeenFirst(Entry& e, bool fresh, int64_t ts, int64_t over);
  static int64_t CountRecent(Entry& e, int64_t ts, int64_t over);
  std::vector<Site> sites_;
  size_t max_keys_;
  uint64_t clock_ = 0;
  uint64_t evictions_ = 0;
};

}  // namespace vigil::runtime

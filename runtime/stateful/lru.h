// lru.h: the least-recently-updated order of a keyed state map (aggregate groups, sequence
// keys), kept as an append-only list of (key, touch stamp) so an update is O(1); stale entries
// (the key was touched again, or erased) are skipped when evicting and dropped by compaction,
// so the list stays within a constant factor of the live keys.
#pragma once

#include <algorithm>
#include <cstdint>
#include <deque>
#include <string>
#include <utility>

namespace vigil::runtime {

class LruOrder {
 public:
  void Touch(const std::string& key, uint64_t stamp) { order_.emplace_back(key, stamp); }
  void Clear() { order_.clear(); }
  size_t size() const { return order_.size(); }

  // Erases least recently touched keys of `map` until it holds at most `max` keys; `stamp(it)`
  // is the live stamp of a map entry. Returns how many keys were erased. Then compacts.
  template <typename Map, typename StampOf>
  uint64_t Evict(Map& map, size_t max, StampOf stamp) {
    uint64_t erased = 0;
    while (map.size() > max && !order_.empty()) {
      auto [key, touched] = order_.front();
      order_.pop_front();
      auto it = map.find(key);
      if (it != map.end() && stamp(it->second) == touched) {
        map.erase(it);
        ++erased;
      }
    }
    if (order_.size() > 4 * std::max<size_t>(map.size(), 1024)) {
      std::deque<std::pair<std::string, uint64_t>> live;
      for (auto& [key, touched] : order_) {
        auto it = map.find(key);
        if (it != map.end() && stamp(it->second) == touched)
          live.emplace_back(std::move(key), touched);
      }
      order_ = std::move(live);
    }
    return erased;
  }

 private:
  std::deque<std::pair<std::string, uint64_t>> order_;
};

}  // namespace vigil::runtime

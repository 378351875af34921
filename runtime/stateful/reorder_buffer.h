// reorder_buffer.h: the matches of one tenant waiting for the watermark, released in event-time
// order (ties in arrival order). Items live in a slab whose slots are reused as items leave;
// the growing slab never moves the items already waiting (fixed-size chunks).
//
// Order is kept by merging sorted runs. Matches mostly arrive in event-time order within a
// stretch (one input file), so each new match is appended to a run whose last key (time,
// arrival) it does not precede, preferring the run it joined last; only a match that fits no
// run starts a new one. A small heap keyed by each run's first key yields the earliest match. A
// push costs O(1) when it extends a run and a pop O(log runs), instead of O(log n) sifts through
// one heap of every waiting match. At most kMaxRuns runs are kept; matches that fit none when
// that many exist go to one binary heap of their own, and a pop takes the earlier of the two
// fronts, so the order is exactly that of one heap whatever the input.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "runtime/stateful/front_queue.h"

namespace vigil::runtime {

template <typename T>
class ReorderBuffer {
 public:
  // Adds `item` at (ts, arrival); arrivals are unique per buffer.
  void Push(int64_t ts, uint64_t arrival, T item) {
    const Key key{ts, arrival, Store(std::move(item))};
    ++size_;
    if (current_ >= runs_.size() || !Fits(runs_[current_], key)) current_ = RunFor(key);
    if (current_ == kNoRun) {
      spill_.push_back(key);
      std::push_heap(spill_.begin(), spill_.end(), Later);
      return;
    }
    FrontQueue<Key>& run = runs_[current_];
    const bool was_empty = run.empty();
    run.push_back(key);
    if (was_empty) {
      heads_.push_back(current_);
      std::push_heap(heads_.begin(), heads_.end(), HeadLater{this});
    }
  }
  bool empty() const { return size_ == 0; }
  size_t size() const { return size_; }
  // The event time of the earliest item. Requires !empty().
  int64_t FirstTime() const { return First().ts; }
  // Removes the earliest item and returns it. Requires !empty().
  T Pop() {
    uint32_t slot = 0;
    if (FromSpill()) {
      std::pop_heap(spill_.begin(), spill_.end(), Later);
      slot = spill_.back().slot;
      spill_.pop_back();
    } else {
      std::pop_heap(heads_.begin(), heads_.end(), HeadLater{this});
      const uint32_t r = heads_.back();
      slot = runs_[r].front().slot;
      runs_[r].pop_front();
      if (runs_[r].empty()) {
        heads_.pop_back();
      } else {
        std::push_heap(heads_.begin(), heads_.end(), HeadLater{this});
      }
    }
    --size_;
    free_.push_back(slot);
    return std::move(At(slot));
  }
  // f(ts, arrival, item) for every item, earliest first (for checkpoints: a sorted copy of the
  // keys, so the same contents give the same order whatever the runs' shapes).
  template <typename F>
  void ForEachInOrder(F f) const {
    std::vector<Key> order = spill_;
    for (const FrontQueue<Key>& run : runs_) order.insert(order.end(), run.begin(), run.end());
    std::sort(order.begin(), order.end(), Earlier);
    for (const Key& k : order) f(k.ts, k.arrival, At(k.slot));
  }
  void Clear() { *this = ReorderBuffer(); }

 private:
  struct Key {
    int64_t ts;
    uint64_t arrival;
    uint32_t slot;
  };
  static constexpr uint32_t kNoRun = UINT32_MAX;
  static constexpr size_t kMaxRuns = 64;

  static bool Earlier(const Key& a, const Key& b) {
    return a.ts != b.ts ? a.ts < b.ts : a.arrival < b.arrival;
  }
  // The heaps' comparator: std heaps keep the greatest on top, so "greatest" is the earliest.
  static bool Later(const Key& a, const Key& b) { return Earlier(b, a); }
  struct HeadLater {
    const ReorderBuffer* b;
    bool operator()(uint32_t x, uint32_t y) const {
      return Later(b->runs_[x].front(), b->runs_[y].front());
    }
  };
  static bool Fits(const FrontQueue<Key>& run, const Key& k) {
    return run.empty() || !Earlier(k, run.back());
  }

  // The run `k` extends: the fitting run with the latest last key (it leaves the others free
  // for earlier matches), else an empty or new run; kNoRun when all kMaxRuns runs are in use.
  uint32_t RunFor(const Key& k) {
    uint32_t best = kNoRun, empty = kNoRun;
    for (uint32_t r = 0; r < runs_.size(); ++r) {
      if (runs_[r].empty()) {
        empty = r;
      } else if (!Earlier(k, runs_[r].back()) &&
                 (best == kNoRun || Earlier(runs_[best].back(), runs_[r].back()))) {
        best = r;
      }
    }
    if (best != kNoRun) return best;
    if (empty != kNoRun) return empty;
    if (runs_.size() >= kMaxRuns) return kNoRun;
    runs_.emplace_back();
    return static_cast<uint32_t>(runs_.size() - 1);
  }
  // Whether the earliest item is the spill heap's. Requires !empty().
  bool FromSpill() const {
    if (heads_.empty()) return true;
    return !spill_.empty() && Earlier(spill_.front(), runs_[heads_.front()].front());
  }
  const Key& First() const { return FromSpill() ? spill_.front() : runs_[heads_.front()].front(); }

  uint32_t Store(T item) {
    uint32_t slot = 0;
    if (free_.empty()) {
      slot = slots_++;
      if ((slot & kChunkMask) == 0) chunks_.push_back(std::make_unique<T[]>(kChunk));
    } else {
      slot = free_.back();
      free_.pop_back();
    }
    At(slot) = std::move(item);
    return slot;
  }

  static constexpr uint32_t kChunkBits = 10;
  static constexpr uint32_t kChunk = 1u << kChunkBits;
  static constexpr uint32_t kChunkMask = kChunk - 1;
  T& At(uint32_t slot) { return chunks_[slot >> kChunkBits][slot & kChunkMask]; }
  const T& At(uint32_t slot) const { return chunks_[slot >> kChunkBits][slot & kChunkMask]; }

  std::vector<std::unique_ptr<T[]>> chunks_;  // the slab: slot s is At(s)
  uint32_t slots_ = 0;                        // slots made so far
  std::vector<uint32_t> free_;
  size_t size_ = 0;                    // items waiting
  std::vector<FrontQueue<Key>> runs_;  // each sorted by Earlier; empty ones are reused
  std::vector<uint32_t> heads_;        // heap (HeadLater) of the non-empty runs
  uint32_t current_ = kNoRun;          // the run the last push joined
  std::vector<Key> spill_;             // heap (Later) of the keys that fit no run
};

}  // namespace vigil::runtime

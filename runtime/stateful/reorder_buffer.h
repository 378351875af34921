// reorder_buffer.h: the matches of one tenant waiting for the watermark, released in event-time
// order (ties in arrival order). Items live in a slab whose slots are reused as items leave, and
// a binary heap of (time, arrival, slot) orders them: a push or a pop costs O(log n) and no
// allocation once the slab has grown to the buffer's high-water mark. The slab grows by
// fixed-size chunks, so growing it never moves the items already waiting.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

namespace vigil::runtime {

template <typename T>
class ReorderBuffer {
 public:
  // Adds `item` at (ts, arrival); arrivals are unique per buffer.
  void Push(int64_t ts, uint64_t arrival, T item) {
    uint32_t slot = 0;
    if (free_.empty()) {
      slot = size_++;
      if ((slot & kChunkMask) == 0) chunks_.push_back(std::make_unique<T[]>(kChunk));
    } else {
      slot = free_.back();
      free_.pop_back();
    }
    At(slot) = std::move(item);
    heap_.push_back({ts, arrival, slot});
    std::push_heap(heap_.begin(), heap_.end(), Later);
  }
  bool empty() const { return heap_.empty(); }
  size_t size() const { return heap_.size(); }
  // The event time of the earliest item. Requires !empty().
  int64_t FirstTime() const { return heap_.front().ts; }
  // Removes the earliest item and returns it. Requires !empty().
  T Pop() {
    std::pop_heap(heap_.begin(), heap_.end(), Later);
    const uint32_t slot = heap_.back().slot;
    heap_.pop_back();
    free_.push_back(slot);
    return std::move(At(slot));
  }
  // f(ts, arrival, item) for every item, earliest first (for checkpoints: a sorted copy of the
  // heap, so the same contents give the same order whatever the heap's shape).
  template <typename F>
  void ForEachInOrder(F f) const {
    std::vector<Slot> order = heap_;
    std::sort(order.begin(), order.end(), Earlier);
    for (const Slot& s : order) f(s.ts, s.arrival, At(s.slot));
  }
  void Clear() {
    chunks_.clear();
    size_ = 0;
    free_.clear();
    heap_.clear();
  }

 private:
  struct Slot {
    int64_t ts;
    uint64_t arrival;
    uint32_t slot;
  };
  static bool Earlier(const Slot& a, const Slot& b) {
    return a.ts != b.ts ? a.ts < b.ts : a.arrival < b.arrival;
  }
  // The heap's comparator: std heaps keep the greatest on top, so "greatest" is the earliest.
  static bool Later(const Slot& a, const Slot& b) { return Earlier(b, a); }

  static constexpr uint32_t kChunkBits = 10;
  static constexpr uint32_t kChunk = 1u << kChunkBits;
  static constexpr uint32_t kChunkMask = kChunk - 1;
  T& At(uint32_t slot) { return chunks_[slot >> kChunkBits][slot & kChunkMask]; }
  const T& At(uint32_t slot) const { return chunks_[slot >> kChunkBits][slot & kChunkMask]; }

  std::vector<std::unique_ptr<T[]>> chunks_;  // the slab: slot s is At(s)
  uint32_t size_ = 0;                         // slots made so far
  std::vector<uint32_t> free_;
  std::vector<Slot> heap_;
};

}  // namespace vigil::runtime

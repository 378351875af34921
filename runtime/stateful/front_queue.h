// front_queue.h: FrontQueue<T>, the queue stateful state keeps per group and key (window
// events, kept events, partial sequences): a vector whose front is popped by moving a head
// index. Unlike std::deque (which allocates a map and a 512-byte node even when empty), an
// empty FrontQueue allocates nothing, so the hundreds of thousands of small groups of a run
// cost a few dozen bytes each. Popped slots are reset at once (their memory, e.g. an event's
// encoded row, is released) and reclaimed when at least half of the vector is dead.
#pragma once

#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

namespace vigil::runtime {

template <typename T>
class FrontQueue {
 public:
  using iterator = typename std::vector<T>::iterator;
  using const_iterator = typename std::vector<T>::const_iterator;

  bool empty() const { return head_ == items_.size(); }
  size_t size() const { return items_.size() - head_; }
  T& front() { return items_[head_]; }
  const T& front() const { return items_[head_]; }
  T& back() { return items_.back(); }
  const T& back() const { return items_.back(); }
  iterator begin() { return items_.begin() + static_cast<std::ptrdiff_t>(head_); }
  iterator end() { return items_.end(); }
  const_iterator begin() const { return items_.begin() + static_cast<std::ptrdiff_t>(head_); }
  const_iterator end() const { return items_.end(); }

  void push_back(T v) { items_.push_back(std::move(v)); }
  template <typename... Args>
  T& emplace_back(Args&&... args) {
    return items_.emplace_back(std::forward<Args>(args)...);
  }
  // Inserts before `pos` (an iterator of this queue); returns the inserted item's iterator.
  iterator insert(const_iterator pos, T v) { return items_.insert(pos, std::move(v)); }
  iterator erase(const_iterator pos) { return items_.erase(pos); }
  void pop_front() {
    items_[head_] = T();
    if (++head_ == items_.size()) {
      clear();
    } else if (head_ >= 16 && head_ * 2 >= items_.size()) {
      items_.erase(items_.begin(), begin());
      head_ = 0;
    }
  }
  void clear() {
    items_.clear();
    head_ = 0;
  }
  // Removes the items for which pred(item) holds, keeping the order of the others.
  template <typename Pred>
  size_t EraseIf(Pred pred) {
    const auto first = std::remove_if(begin(), end(), pred);
    const auto n = static_cast<size_t>(end() - first);
    items_.erase(first, items_.end());
    if (empty()) clear();
    return n;
  }

 private:
  std::vector<T> items_;
  size_t head_ = 0;  // items before it were popped
};

}  // namespace vigil::runtime

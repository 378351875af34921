// front_queue_test.cc: FrontQueue behaves as std::deque for the operations stateful state uses
// (push and pop at the ends, ordered insertion, erase, EraseIf, clear) under a random mix long
// enough to pass its compaction point many times, and releases what it pops at once.
#include "runtime/stateful/front_queue.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <deque>
#include <memory>
#include <random>
#include <vector>

namespace vigil::testing {
namespace {

using runtime::FrontQueue;

TEST(FrontQueueTest, BehavesAsADequeUnderRandomOperations) {
  FrontQueue<int> q;
  std::deque<int> ref;
  std::mt19937 rng(11);
  for (int step = 0; step < 200000; ++step) {
    const unsigned op = rng() % 100;
    if (op < 45) {
      const int v = static_cast<int>(rng() % 1000);
      q.push_back(v);
      ref.push_back(v);
    } else if (op < 85) {
      if (!ref.empty()) {
        ASSERT_EQ(q.front(), ref.front());
        q.pop_front();
        ref.pop_front();
      }
    } else if (op < 93) {  // ordered insertion from the back, as window events are kept
      const int v = static_cast<int>(rng() % 1000);
      auto pos = q.end();
      while (pos != q.begin() && *std::prev(pos) > v) --pos;
      auto rpos = ref.end();
      while (rpos != ref.begin() && *std::prev(rpos) > v) --rpos;
      q.insert(pos, v);
      ref.insert(rpos, v);
    } else if (op < 97) {
      const int limit = static_cast<int>(rng() % 1000);
      const size_t n = q.EraseIf([&](int v) { return v < limit; });
      EXPECT_EQ(n, std::erase_if(ref, [&](int v) { return v < limit; }));
    } else if (op < 99) {
      if (!ref.empty()) {
        const size_t at = rng() % ref.size();
        q.erase(q.begin() + static_cast<std::ptrdiff_t>(at));
        ref.erase(ref.begin() + static_cast<std::ptrdiff_t>(at));
      }
    } else {
      q.clear();
      ref.clear();
    }
    ASSERT_EQ(q.size(), ref.size());
    ASSERT_EQ(q.empty(), ref.empty());
    if (!ref.empty()) {
      ASSERT_EQ(q.back(), ref.back());
    }
  }
  EXPECT_TRUE(std::equal(q.begin(), q.end(), ref.begin(), ref.end()));
}

TEST(FrontQueueTest, PoppedItemsAreReleasedAtOnce) {
  FrontQueue<std::shared_ptr<int>> q;
  auto first = std::make_shared<int>(1);
  q.push_back(first);
  q.push_back(std::make_shared<int>(2));
  EXPECT_EQ(first.use_count(), 2);
  q.pop_front();
  EXPECT_EQ(first.use_count(), 1);
  EXPECT_EQ(*q.front(), 2);
  EXPECT_EQ(q.size(), 1u);
}

}  // namespace
}  // namespace vigil::testing

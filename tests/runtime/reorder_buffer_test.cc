// reorder_buffer_test.cc: the reorder buffer of stateful matches releases them in event-time
// order, ties in arrival order, whatever order they came in; it reuses the slots of released
// matches, and lists its contents in the same order for checkpoints.
#include "runtime/stateful/reorder_buffer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace vigil::testing {
namespace {

TEST(ReorderBufferTest, ReleasesByTimeThenArrival) {
  runtime::ReorderBuffer<std::string> b;
  b.Push(30, 0, "c");
  b.Push(10, 1, "a1");
  b.Push(20, 2, "b");
  b.Push(10, 3, "a2");
  EXPECT_EQ(b.size(), 4u);
  std::vector<std::string> listed;
  b.ForEachInOrder([&](int64_t, uint64_t, const std::string& s) { listed.push_back(s); });
  EXPECT_EQ(listed, (std::vector<std::string>{"a1", "a2", "b", "c"}));
  EXPECT_EQ(b.FirstTime(), 10);
  EXPECT_EQ(b.Pop(), "a1");
  EXPECT_EQ(b.Pop(), "a2");
  b.Push(15, 4, "late");  // reuses a released slot
  EXPECT_EQ(b.Pop(), "late");
  EXPECT_EQ(b.Pop(), "b");
  EXPECT_EQ(b.Pop(), "c");
  EXPECT_TRUE(b.empty());
}

// Against a sort of the same random (time, arrival) pairs, pushed and popped interleaved.
TEST(ReorderBufferTest, MatchesASortedOrderUnderInterleavedUse) {
  std::mt19937_64 rng(7);
  auto below = [&](uint64_t n) { return rng() % n; };
  runtime::ReorderBuffer<uint64_t> b;
  std::vector<std::pair<int64_t, uint64_t>> expected, got;
  for (uint64_t arrival = 0; arrival < 5000; ++arrival) {
    const auto ts = static_cast<int64_t>(below(100));
    b.Push(ts, arrival, arrival);
    expected.emplace_back(ts, arrival);
    if (below(3) == 0) {
      const int64_t first = b.FirstTime();
      const uint64_t a = b.Pop();
      got.emplace_back(first, a);
      // What was popped is the least of what was pushed and not yet popped.
      auto least = std::min_element(expected.begin(), expected.end());
      EXPECT_EQ(*least, got.back());
      expected.erase(least);
    }
  }
  std::sort(expected.begin(), expected.end());
  std::vector<std::pair<int64_t, uint64_t>> listed;
  b.ForEachInOrder([&](int64_t ts, uint64_t arrival, const uint64_t& v) {
    EXPECT_EQ(arrival, v);
    listed.emplace_back(ts, arrival);
  });
  EXPECT_EQ(listed, expected);
}

}  // namespace
}  // namespace vigil::testing

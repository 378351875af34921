// reorder_buffer_test.cc: the reorder buffer of stateful matches releases them in event-time
// order, ties in arrival order, whatever order they came in (random times, interleaved sorted
// stretches as files give them, more stretches than it keeps runs for); it reuses the slots of
// released matches, and lists its contents in the same order for checkpoints.
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

// Pushes (ts, arrival) pairs with pops interleaved (`pop_every`: one pop per that many pushes,
// 0: none) and checks every pop and the final listing against the least remaining pair.
void CheckAgainstSorted(const std::vector<int64_t>& times, uint64_t pop_every, uint64_t seed) {
  std::mt19937_64 rng(seed);
  runtime::ReorderBuffer<std::string> b;
  std::vector<std::pair<int64_t, uint64_t>> waiting;
  for (uint64_t arrival = 0; arrival < times.size(); ++arrival) {
    b.Push(times[arrival], arrival, std::to_string(arrival));
    waiting.emplace_back(times[arrival], arrival);
    if (pop_every != 0 && rng() % pop_every == 0) {
      auto least = std::min_element(waiting.begin(), waiting.end());
      ASSERT_EQ(b.FirstTime(), least->first);
      ASSERT_EQ(b.Pop(), std::to_string(least->second));
      waiting.erase(least);
    }
    ASSERT_EQ(b.size(), waiting.size());
  }
  std::sort(waiting.begin(), waiting.end());
  std::vector<std::pair<int64_t, uint64_t>> listed;
  b.ForEachInOrder([&](int64_t ts, uint64_t arrival, const std::string& v) {
    EXPECT_EQ(std::to_string(arrival), v);
    listed.emplace_back(ts, arrival);
  });
  EXPECT_EQ(listed, waiting);
  for (const auto& [ts, arrival] : waiting) {
    ASSERT_EQ(b.FirstTime(), ts);
    ASSERT_EQ(b.Pop(), std::to_string(arrival));
  }
  EXPECT_TRUE(b.empty());
}

// Files give sorted stretches that restart earlier (one per log type and hour): a few runs.
TEST(ReorderBufferTest, InterleavedSortedStretchesPopInOrder) {
  std::mt19937_64 rng(11);
  std::vector<int64_t> times;
  for (int file = 0; file < 40; ++file) {
    int64_t t = (file / 4) * 3600 + static_cast<int64_t>(rng() % 60);
    for (int i = 0; i < 300; ++i) times.push_back(t += static_cast<int64_t>(rng() % 20));
  }
  for (uint64_t pop_every : {0u, 2u, 5u}) CheckAgainstSorted(times, pop_every, pop_every + 1);
}

// Descending times need a run each: beyond the kept runs they spill into the heap, and pops
// take the earlier of both fronts. Ties in time order by arrival across runs and spill.
TEST(ReorderBufferTest, MoreStretchesThanRunsSpillAndStayInOrder) {
  std::mt19937_64 rng(13);
  std::vector<int64_t> descending, mixed;
  for (int i = 0; i < 3000; ++i) descending.push_back(3000 - i);
  for (int i = 0; i < 6000; ++i) {
    mixed.push_back(i % 7 == 0 ? static_cast<int64_t>(rng() % 50) : (i % 200) / 3);
  }
  for (uint64_t pop_every : {0u, 3u}) {
    CheckAgainstSorted(descending, pop_every, 21);
    CheckAgainstSorted(mixed, pop_every, 22);
  }
}

}  // namespace
}  // namespace vigil::testing

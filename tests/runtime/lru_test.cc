// lru_test.cc: the LRU order of stateful state evicts the least recently touched keys and
// stays within a constant factor of the live keys however often they are touched.
#include "runtime/stateful/lru.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace vigil::testing {
namespace {

TEST(LruOrderTest, EvictsLeastRecentlyTouchedKeys) {
  std::map<std::string, uint64_t> live;
  runtime::LruOrder lru;
  uint64_t clock = 0;
  for (const char* k : {"a", "b", "c", "a", "d"}) {
    live[k] = ++clock;
    lru.Touch(k, clock);
  }
  EXPECT_EQ(lru.Evict(live, 2, [](uint64_t stamp) { return stamp; }), 2u);
  EXPECT_EQ(live.size(), 2u);
  EXPECT_TRUE(live.count("a") && live.count("d"));  // b and c were touched least recently
}

TEST(LruOrderTest, StaysBoundedWhenFewKeysAreTouchedOften) {
  std::map<std::string, uint64_t> live;
  runtime::LruOrder lru;
  for (uint64_t i = 1; i <= 1'000'000; ++i) {
    const std::string key = "k" + std::to_string(i % 10);
    live[key] = i;
    lru.Touch(key, i);
    lru.Evict(live, 100, [](uint64_t stamp) { return stamp; });
    ASSERT_LE(lru.size(), 4u * 1024u + 1u) << i;
  }
  EXPECT_EQ(live.size(), 10u);
}

}  // namespace
}  // namespace vigil::testing

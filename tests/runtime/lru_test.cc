// lru_test.cc: the keyed state map of stateful detections evicts the least recently touched
// keys, keeps its order through erases and moves, and never keeps more than the live keys
// however often they are touched.
#include "runtime/stateful/lru.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace vigil::testing {
namespace {

int ValueOf(runtime::LruMap<int>& m, const std::string& key) {
  const int* v = m.Find(key);
  return v == nullptr ? -1 : *v;
}

std::vector<std::string> Order(const runtime::LruMap<int>& m) {
  std::vector<std::string> keys;
  m.ForEachOldestFirst([&](const std::string& k, const int&) { keys.push_back(k); });
  return keys;
}

TEST(LruMapTest, EvictsLeastRecentlyTouchedKeys) {
  runtime::LruMap<int> m;
  bool fresh = false;
  for (const char* k : {"a", "b", "c", "a", "d"}) ++m.Touch(k, &fresh);
  EXPECT_TRUE(fresh);  // the last touch created "d"
  ++m.Touch("a", &fresh);
  EXPECT_FALSE(fresh);
  EXPECT_EQ(Order(m), (std::vector<std::string>{"b", "c", "d", "a"}));
  EXPECT_EQ(ValueOf(m, "a"), 3);
  EXPECT_EQ(m.Evict(2), 2u);  // b and c
  EXPECT_EQ(Order(m), (std::vector<std::string>{"d", "a"}));
  EXPECT_EQ(ValueOf(m, "b"), -1);
}

TEST(LruMapTest, EvictionSparesTheEntryBeingUpdated) {
  runtime::LruMap<int> m;
  for (const char* k : {"w", "x"}) m.Touch(k);
  m.Erase("w");
  const int* only = m.Find("x");
  EXPECT_EQ(m.Evict(0, only), 0u);
  EXPECT_EQ(m.size(), 1u);
  EXPECT_EQ(m.Evict(0), 1u);
  EXPECT_TRUE(m.empty());
}

TEST(LruMapTest, ErasesKeepTheOrderConsistent) {
  runtime::LruMap<int> m;
  for (int i = 0; i < 10; ++i) m.Touch("k" + std::to_string(i)) = i;
  m.Erase("k0");  // the oldest
  m.Erase("k9");  // the newest
  m.Erase("k5");  // one in the middle
  m.Erase("absent");
  m.EraseIf([](const std::string&, int v) { return v % 2 == 0; });
  EXPECT_EQ(Order(m), (std::vector<std::string>{"k1", "k3", "k7"}));
  m.Touch("k1");
  m.Touch("k2");  // new again
  EXPECT_EQ(Order(m), (std::vector<std::string>{"k3", "k7", "k1", "k2"}));
  runtime::LruMap<int> moved(std::move(m));  // nodes do not move: the order survives
  EXPECT_EQ(Order(moved), (std::vector<std::string>{"k3", "k7", "k1", "k2"}));
  EXPECT_EQ(moved.Evict(1), 3u);
  EXPECT_EQ(Order(moved), (std::vector<std::string>{"k2"}));
}

TEST(LruMapTest, TouchingFewKeysOftenHoldsOnlyThoseKeys) {
  runtime::LruMap<int> m;
  for (int i = 0; i < 1000000; ++i) ++m.Touch("key" + std::to_string(i % 3));
  EXPECT_EQ(m.size(), 3u);
  EXPECT_EQ(ValueOf(m, "key0"), 333334);
  EXPECT_EQ(Order(m), (std::vector<std::string>{"key1", "key2", "key0"}));
}

// A key hashed ahead of time (a batch of keys hashed in one loop) finds the same entry as its
// text, and a prefetch changes nothing.
TEST(LruMapTest, PrehashedKeysFindTheEntriesOfTheirText) {
  runtime::LruMap<int> m;
  m.Touch("a") = 1;
  const std::string b = "b";
  const runtime::HashedKey hb = runtime::HashedKey::Of(b);
  m.Prefetch(hb);
  bool fresh = false;
  m.Touch(hb, &fresh) = 2;
  EXPECT_TRUE(fresh);
  ++m.Touch(runtime::HashedKey::Of("a"), &fresh);
  EXPECT_FALSE(fresh);
  EXPECT_EQ(ValueOf(m, "a"), 2);
  EXPECT_EQ(ValueOf(m, "b"), 2);
  EXPECT_EQ(Order(m), (std::vector<std::string>{"b", "a"}));
  m.Erase(hb);
  EXPECT_EQ(m.Find(hb), nullptr);
  EXPECT_EQ(Order(m), (std::vector<std::string>{"a"}));
}

}  // namespace
}  // namespace vigil::testing

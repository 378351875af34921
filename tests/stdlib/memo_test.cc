// memo_test.cc: the per-thread memo behind the ICU-backed functions returns what the function
// computed (value and success), computes once per key, and stays bounded; memoized functions
// give the same answers on the first and the second call.
#include "stdlib/memo.h"

#include <gtest/gtest.h>

#include <string>

#include "stdlib/domain/idna.h"
#include "stdlib/lookalike/confusables.h"

namespace vigil::stdlib {
namespace {

TEST(StringMemoTest, RemembersValueAndSuccessAndStaysBounded) {
  StringMemo<std::string, 4> memo;
  int calls = 0;
  auto upper = [&](std::string_view k) {
    return [&calls, k](std::string* v) {
      ++calls;
      *v = std::string(k) + "!";
      return k != "bad";
    };
  };
  std::string v;
  EXPECT_TRUE(memo.Get("a", &v, upper("a")));
  EXPECT_EQ(v, "a!");
  EXPECT_TRUE(memo.Get("a", &v, upper("a")));
  EXPECT_FALSE(memo.Get("bad", &v, upper("bad")));
  EXPECT_FALSE(memo.Get("bad", &v, upper("bad")));  // failures are remembered too
  EXPECT_EQ(calls, 2);
  for (const char* k : {"b", "c", "d", "e"}) memo.Get(k, &v, upper(k));
  EXPECT_TRUE(memo.Get("a", &v, upper("a")));  // forgotten when the memo started over
  EXPECT_EQ(v, "a!");
  EXPECT_EQ(calls, 7);
}

TEST(StringMemoTest, MemoizedFunctionsAnswerTheSameTwice) {
  for (int round = 0; round < 2; ++round) {
    std::string u, key;
    ASSERT_TRUE(IdnToUnicode("xn--80ak6aa92e.com", &u));
    EXPECT_EQ(u, "аррӏе.com");
    EXPECT_FALSE(IdnToUnicode("xn--a.com", &u)) << round;
    EXPECT_TRUE(u.empty());
    ASSERT_TRUE(LookalikeKey("pаypal.com", &key));
    std::string plain;
    ASSERT_TRUE(LookalikeKey("paypal.com", &plain));
    EXPECT_EQ(key, plain);
    EXPECT_TRUE(IsMixedScript("pаypal"));
    EXPECT_FALSE(IsMixedScript("paypal"));
  }
}

}  // namespace
}  // namespace vigil::stdlib

// bytes_test.cc: the inline hash helpers of the dictionaries against plain byte loops.
#include "vm/columnar/bytes.h"

#include <gtest/gtest.h>

#include <string>

namespace vigil::columnar {
namespace {

bool NaiveHasUpper(std::string_view s) {
  for (char c : s) {
    if (c >= 'A' && c <= 'Z') return true;
  }
  return false;
}

TEST(BytesTest, HasUpperAsciiMatchesAByteLoopForEveryByteAtEveryPosition) {
  for (size_t len = 1; len <= 40; ++len) {
    for (size_t at = 0; at < len; ++at) {
      for (int b = 0; b < 256; ++b) {
        std::string s(len, 'a');
        s[at] = static_cast<char>(b);
        ASSERT_EQ(HasUpperAscii(s), NaiveHasUpper(s)) << len << " " << at << " " << b;
      }
    }
  }
  EXPECT_FALSE(HasUpperAscii(""));
}

TEST(BytesTest, EqualBytesMatchesStringEqualityAtEveryLength) {
  for (size_t len = 0; len <= 40; ++len) {
    std::string a(len, 'x');
    for (size_t i = 0; i < len; ++i) a[i] = static_cast<char>('a' + (i * 7) % 26);
    EXPECT_TRUE(EqualBytes(a, std::string(a)));
    for (size_t at = 0; at < len; ++at) {
      std::string b = a;
      b[at] = '#';
      ASSERT_FALSE(EqualBytes(a, b)) << len << " " << at;
    }
    EXPECT_FALSE(EqualBytes(a, a + "y"));
  }
}

TEST(BytesTest, HashBytesDependsOnEveryByte) {
  const std::string a = "user1234@pilot-meadow.b41.one";
  for (size_t at = 0; at < a.size(); ++at) {
    std::string b = a;
    b[at] ^= 1;
    EXPECT_NE(HashBytes(a), HashBytes(b)) << at;
  }
}

}  // namespace
}  // namespace vigil::columnar

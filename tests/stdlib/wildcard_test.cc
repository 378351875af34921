// wildcard_test.cc: the wildcard matcher against a reference (dynamic programming over the
// same dialect), on random patterns and texts including non-ASCII and ill-formed UTF-8, plus
// the pathological patterns that make backtracking matchers exponential.
#include "stdlib/strings/wildcard.h"

#include <gtest/gtest.h>

#include <chrono>
#include <random>

namespace vigil::stdlib {
namespace {

bool IsCont(uint8_t c) { return (c & 0xC0) == 0x80; }

// Reference: reach[j] = text prefix of length j is matched by the token prefix. O(n*m*4).
bool Reference(const std::vector<WildcardToken>& toks, std::string_view text, bool caseless) {
  const size_t n = text.size();
  std::string reach(n + 1, 0);
  reach[0] = 1;
  for (const WildcardToken& t : toks) {
    std::string next(n + 1, 0);
    for (size_t j = 0; j <= n; ++j) {
      if (!reach[j]) continue;
      if (t.kind == WildcardToken::Kind::kStar) {
        for (size_t k = j; k <= n; ++k) next[k] = 1;
      } else if (t.kind == WildcardToken::Kind::kByte) {
        if (j < n &&
            (caseless ? FoldAscii(text[j]) == FoldAscii(t.byte) : uint8_t(text[j]) == t.byte)) {
          next[j + 1] = 1;
        }
      } else if (j < n && !IsCont(text[j])) {
        for (size_t k = 0; k <= 3 && j + 1 + k <= n; ++k) {
          next[j + 1 + k] = 1;
          if (j + 1 + k >= n || !IsCont(text[j + 1 + k])) break;
        }
      }
    }
    reach.swap(next);
  }
  return reach[n] != 0;
}

std::string RandomText(std::mt19937& rng, size_t max_len, std::string_view alphabet) {
  std::string s;
  const size_t len = rng() % (max_len + 1);
  for (size_t i = 0; i < len; ++i) s += alphabet[rng() % alphabet.size()];
  return s;
}

TEST(WildcardTest, MatchesTheReferenceOnRandomInputs) {
  std::mt19937 rng(7);
  const std::string text_alpha = "aAbB\xC3\xA9\x80\xFF*?.";
  const std::string pat_alpha = "aAbB**??\\\xC3\xA9.";
  for (int i = 0; i < 20000; ++i) {
    const std::string pattern = RandomText(rng, 8, pat_alpha);
    const std::string text = RandomText(rng, 10, text_alpha);
    const bool caseless = rng() % 2;
    const WildcardMatcher m(pattern, caseless);
    ASSERT_EQ(m.Match(text), Reference(ParseWildcard(pattern), text, caseless))
        << "pattern=" << pattern << " text=" << text << " caseless=" << caseless;
  }
}

// Long patterns (over 64 NFA states) take the general simulation instead of the bit-parallel
// one; both must agree with the reference.
TEST(WildcardTest, LongPatternsMatchTheReference) {
  std::mt19937 rng(8);
  for (int i = 0; i < 3000; ++i) {
    const std::string pattern = RandomText(rng, 40, "a??*?b\xC3\xA9");
    const std::string text = RandomText(rng, 40, "aab\xC3\xA9\x80");
    const WildcardMatcher m(pattern, false);
    ASSERT_EQ(m.Match(text), Reference(ParseWildcard(pattern), text, false))
        << "pattern=" << pattern << " text=" << text;
  }
}

TEST(WildcardTest, QuestionMarkIsOneCodePointOnValidUtf8) {
  EXPECT_TRUE(WildcardMatcher("?", false).Match("é"));
  EXPECT_TRUE(WildcardMatcher("?", false).Match("日"));
  EXPECT_TRUE(WildcardMatcher("?", false).Match("\xF0\x9F\x98\x80"));  // emoji, 4 bytes
  EXPECT_FALSE(WildcardMatcher("??", false).Match("é"));
  EXPECT_FALSE(WildcardMatcher("?", false).Match("\x80"));  // a stray continuation byte
  EXPECT_TRUE(WildcardMatcher("*", false).Match("\x80"));
}

TEST(WildcardTest, ParsingCollapsesStarsAndHonoursEscapes) {
  EXPECT_EQ(ParseWildcard("a***b").size(), 3u);
  EXPECT_EQ(ParseWildcard("\\*").size(), 1u);
  EXPECT_EQ(ParseWildcard("\\*")[0].kind, WildcardToken::Kind::kByte);
  EXPECT_EQ(ParseWildcard("a\\").back().byte, '\\');  // trailing backslash is literal
  EXPECT_EQ(WildcardToRegex(ParseWildcard("a*"), true), "^[\\x61\\x41]");
  EXPECT_EQ(WildcardToRegex(ParseWildcard("*a?"), false), "\\x61[\\x00-\\x7f\\xc0-\\xff][\\x80-\\xbf]{0,3}\\z");
}

TEST(WildcardTest, PathologicalPatternsStayLinear) {
  const std::string text(1 << 20, 'a');
  const auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(WildcardMatcher("*a*a*a*a*a*a*a*a*a*b", false).Match(text));
  EXPECT_FALSE(WildcardMatcher("*a?a?a?a*a?b", true).Match(text));
  EXPECT_TRUE(WildcardMatcher("*a?a?a*", true).Match(text));
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - start)
                      .count();
  EXPECT_LT(ms, 2000);
}

TEST(WildcardTest, FindIgnoreCase) {
  EXPECT_EQ(FindIgnoreCase("xxABcab", "abc"), 2u);
  EXPECT_EQ(FindIgnoreCase("xxabXABC", "abc"), 5u);
  EXPECT_EQ(FindIgnoreCase("abc", ""), 0u);
  EXPECT_EQ(FindIgnoreCase("ab", "abc"), std::string_view::npos);
  EXPECT_EQ(FindIgnoreCase("aBC", "Bc", 1), 1u);
  EXPECT_EQ(FindIgnoreCase("abc", "x"), std::string_view::npos);
}

}  // namespace
}  // namespace vigil::stdlib

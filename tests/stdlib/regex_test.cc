// regex_test.cc: the regex family (match/search/extract/count, prepare-time validation,
// linear cost on hostile input).
#include <gtest/gtest.h>

#include <chrono>

#include "tests/stdlib/example_eval.h"

namespace vigil::stdlib {
namespace {

class RegexTest : public ::testing::Test {
 protected:
  std::string Run(std::string_view call) { return ev_.Run(call); }
  testing::ExampleEvaluator ev_;
};

TEST_F(RegexTest, MatchIsAnchoredSearchIsNot) {
  EXPECT_EQ(Run(R"(regex_match("abc", "b"))"), "false");
  EXPECT_EQ(Run(R"(regex_search("abc", "b"))"), "true");
  EXPECT_EQ(Run(R"(regex_match("", ""))"), "true");
  EXPECT_EQ(Run(R"(regex_search("", "a*"))"), "true");
  EXPECT_EQ(Run(R"(iregex_match("ÉCOLE", "école"))"), "true");  // RE2 Unicode folding
  EXPECT_EQ(Run(R"(regex_search(null, "a"))"), "null");
}

TEST_F(RegexTest, InvalidPatternsAreRejectedAtPrepare) {
  EXPECT_EQ(Run(R"x(regex_search("a", "(a"))x").substr(0, 20), "error: invalid regex");
  // Backreferences and lookaround are not RE2: rejected, never run.
  EXPECT_EQ(Run(R"x(regex_search("aa", "(a)\\1"))x").substr(0, 20), "error: invalid regex");
  EXPECT_EQ(Run(R"x(regex_search("ab", "a(?=b)"))x").substr(0, 20), "error: invalid regex");
  EXPECT_EQ(Run(R"x(regex_extract("a", "(a)", 2))x").substr(0, 28), "error: group must be between");
}

TEST_F(RegexTest, ExtractGroups) {
  EXPECT_EQ(Run(R"x(regex_extract("k=v", "(\\w+)=(\\w+)", 0))x"), R"("k=v")");
  EXPECT_EQ(Run(R"x(regex_extract("k=v", "(\\w+)=(\\w+)", 1))x"), R"("k")");
  EXPECT_EQ(Run(R"x(regex_extract("x", "(a)|x", 1))x"), "null");  // group did not take part
  EXPECT_EQ(Run(R"(regex_extract("zzz", "a", 0))"), "null");
  EXPECT_EQ(Run(R"x(regex_extract("a1b2c3d4", "(a)(1)(b)(2)(c)", 5))x"), R"("c")");
}

TEST_F(RegexTest, CountHandlesEmptyMatchesAndCaps) {
  EXPECT_EQ(Run(R"(regex_count("aaa", "a"))"), "3");
  EXPECT_EQ(Run(R"(regex_count("abc", "x*"))"), "4");  // empty match at each position
  EXPECT_EQ(Run(R"(regex_count("日本", ""))"), "3");   // advances by whole characters
  EXPECT_EQ(Run(R"(regex_count("", "a"))"), "0");
  std::string many(1000, 'a');
  EXPECT_EQ(ev_.MustCall("regex_count", {Datum::String(many), Datum::String("a")}).i, 100);
}

TEST_F(RegexTest, HostileInputsStayFast) {
  const std::string big(1 << 20, 'a');
  const auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(
      ev_.MustCall("regex_search", {Datum::String(big), Datum::String("(a+)+b")}).AsBool());
  EXPECT_FALSE(
      ev_.MustCall("regex_match", {Datum::String(big), Datum::String("(a|aa)*b")}).AsBool());
  EXPECT_EQ(ev_.MustCall("regex_count", {Datum::String(big), Datum::String("a.*b|a")}).i, 100);
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - start)
                      .count();
  EXPECT_LT(ms, 5000);
}

}  // namespace
}  // namespace vigil::stdlib

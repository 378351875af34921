// hostile_input_test.cc: the front end (LoadSource: lexer, parser, sema) on hostile files:
// garbage, invalid UTF-8, NUL bytes, 10 MB lines, 100,000-deep nesting and 100,000-term chains,
// 50,000 unclosed strings, truncations. Each must end with located diagnostics, never a crash,
// hang or stack overflow, and (release builds) within a few seconds.
#include <gtest/gtest.h>

#include <algorithm>
#include <ctime>
#include <random>
#include <string>

#include "compiler/driver/driver.h"

namespace vigil::compiler {
namespace {

#if defined(__SANITIZE_ADDRESS__) || !defined(NDEBUG)
constexpr bool kTimed = false;  // sanitizer and debug builds are several times slower
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kTimed = false;
#else
constexpr bool kTimed = true;
#endif
#else
constexpr bool kTimed = true;
#endif
// CPU seconds (the machine running the suite may be shared, so wall time says little).
constexpr double kBudgetSeconds = 5.0;

struct Outcome {
  std::vector<Diagnostic> diags;
  double seconds = 0;  // CPU time

  bool Has(DiagCode code) const {
    return std::any_of(diags.begin(), diags.end(),
                       [&](const Diagnostic& d) { return d.code == code; });
  }
  size_t errors() const {
    return std::count_if(diags.begin(), diags.end(),
                         [](const Diagnostic& d) { return d.severity == Severity::kError; });
  }
};

Outcome Load(const std::string& text) {
  const std::clock_t start = std::clock();
  LoadResult r = LoadSource("hostile.vgl", text, LoadOptions{});
  Outcome o;
  o.seconds = static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
  o.diags = std::move(r.diagnostics);
  if (kTimed) {
    EXPECT_LT(o.seconds, kBudgetSeconds) << "too slow";
  }
  return o;
}

std::string Repeat(const std::string& s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

// 10 MB in release builds; sanitizer and debug runs (whose point is memory errors, which show at
// any size) use 2 MB to keep CI time down.
constexpr size_t kTenMegabytes = kTimed ? 10u << 20 : 2u << 20;

TEST(HostileInputTest, EmptyFileIsClean) {
  const Outcome o = Load("");
  EXPECT_EQ(o.errors(), 0u);
}

TEST(HostileInputTest, BinaryGarbage) {
  std::mt19937 rng(7);
  std::string text(1u << 20, '\0');
  for (char& c : text) c = static_cast<char>(rng());
  const Outcome o = Load(text);
  EXPECT_GT(o.errors(), 0u);
  EXPECT_LE(o.errors(), 25u) << "errors are capped";
}

TEST(HostileInputTest, InvalidUtf8IsLocated) {
  const std::string text = "rule r { title \"a\xC3\x28\" }\n";
  const Outcome o = Load(text);
  ASSERT_TRUE(o.Has(DiagCode::kE0107));
  for (const Diagnostic& d : o.diags) {
    if (d.code == DiagCode::kE0107) {
      EXPECT_EQ(d.span.begin, 17u);
    }
  }
}

TEST(HostileInputTest, NulBytes) {
  const std::string text = Repeat(std::string("rule a {\0\0 title \"x\0\" }\n", 25), 1000);
  const Outcome o = Load(text);
  EXPECT_TRUE(o.Has(DiagCode::kE0102));
  EXPECT_TRUE(o.Has(DiagCode::kE0105));
}

TEST(HostileInputTest, TenMegabyteLineOfTokens) {
  const Outcome o = Load(Repeat("x ", kTenMegabytes / 2));
  EXPECT_GT(o.errors(), 0u);
}

TEST(HostileInputTest, TenMegabyteLineOfListEntriesHitsTheTokenCap) {
  const Outcome o = Load("macro m = [" + Repeat("1, ", kTenMegabytes / 3) + "1]");
  EXPECT_TRUE(o.Has(DiagCode::kE0105));
}

TEST(HostileInputTest, TenMegabyteIdentifier) {
  EXPECT_TRUE(Load(std::string(kTenMegabytes, 'a')).Has(DiagCode::kE0101));
}

TEST(HostileInputTest, TenMegabyteStringLiteralIsFine) {
  const Outcome o = Load("macro m = \"" + std::string(kTenMegabytes, 's') + "\"\n");
  for (const Diagnostic& d : o.diags) EXPECT_NE(static_cast<int>(d.code) / 100, 1) << d.message;
}

TEST(HostileInputTest, TenMegabyteComment) {
  EXPECT_EQ(Load("// " + std::string(kTenMegabytes, 'c') + "\n").errors(), 0u);
}

TEST(HostileInputTest, TenMegabyteLineOfUnclosedBlockComments) {
  const Outcome o = Load(Repeat("/* ", kTenMegabytes / 3));
  EXPECT_TRUE(o.Has(DiagCode::kE0101));
  EXPECT_EQ(o.errors(), 1u);
}

TEST(HostileInputTest, TenMegabyteLineOfEscapedQuotes) {
  // Each unclosed string would rescan the rest of the line: the cap on bad characters stops it.
  const Outcome o = Load(Repeat("\"\\", kTenMegabytes / 2));
  EXPECT_TRUE(o.Has(DiagCode::kE0103));
  EXPECT_LE(o.errors(), 25u);
}

TEST(HostileInputTest, HundredThousandNestedParentheses) {
  const Outcome o = Load("macro m = " + std::string(100000, '(') + "a" + std::string(100000, ')'));
  EXPECT_TRUE(o.Has(DiagCode::kE0104));
}

TEST(HostileInputTest, HundredThousandNestedBracketsAndBraces) {
  EXPECT_TRUE(Load("macro m = " + std::string(100000, '[')).Has(DiagCode::kE0104));
  const std::string event = "rule r { test \"t\" { receipt { " + Repeat("a: { ", 100000) + "} } }";
  EXPECT_TRUE(Load(event).Has(DiagCode::kE0104));
}

TEST(HostileInputTest, HundredThousandNots) {
  EXPECT_TRUE(Load("macro m = " + Repeat("not ", 100000) + "a").Has(DiagCode::kE0104));
  EXPECT_TRUE(Load("macro m = " + Repeat("- ", 100000) + "a").Has(DiagCode::kE0104));
}

TEST(HostileInputTest, HundredThousandTermAndChain) {
  const Outcome o = Load("macro m = a" + Repeat(" and a", 99999) + "\n");
  EXPECT_TRUE(o.Has(DiagCode::kE0104));
  EXPECT_TRUE(Load("macro m = a" + Repeat(" or a", 99999)).Has(DiagCode::kE0104));
  EXPECT_TRUE(Load("macro m = a" + Repeat(" + a", 99999)).Has(DiagCode::kE0104));
}

TEST(HostileInputTest, ChainsUpToTheLimitAreAccepted) {
  const std::string rule =
      "rule r { on receipt when subject == \"a\"" + Repeat(" or subject == \"a\"", 998) + " }";
  for (const Diagnostic& d : Load(rule).diags) EXPECT_NE(d.code, DiagCode::kE0104) << d.message;
}

TEST(HostileInputTest, FiftyThousandUnclosedStrings) {
  const Outcome o = Load(Repeat("\"abc\n", 50000));
  EXPECT_TRUE(o.Has(DiagCode::kE0103));
  EXPECT_TRUE(o.Has(DiagCode::kE0105));
  EXPECT_LE(o.errors(), 25u);
}

TEST(HostileInputTest, ManySyntaxErrorsAreCapped) {
  const Outcome o = Load(Repeat("rule r { when == }\n", 10000));
  EXPECT_TRUE(o.Has(DiagCode::kE0101));
  EXPECT_LE(o.errors(), 25u);
}

TEST(HostileInputTest, EveryTruncationOfARuleFile) {
  const std::string rule =
      "list l: domain = [\"a.com\"]\nmacro m(x: domain) = x in $l\n"
      "rule a.b {\n  title \"t\" // c\n  severity high\n  on receipt\n"
      "  when m(sender.domain) and any(r in recipients: r.address ends_with \".x\")\n"
      "  aggregate by sender.domain over 10m having count() >= 5\n"
      "  test \"t\" { repeat 2 every 1s receipt { sender: \"a@a.com\" } expect match }\n}\n";
  for (size_t n = 0; n <= rule.size(); ++n) Load(rule.substr(0, n));
}

}  // namespace
}  // namespace vigil::compiler

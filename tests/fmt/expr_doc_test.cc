// expr_doc_test.cc: expression printing: minimal parentheses that keep the tree (checked on
// thousands of random trees: print, parse back, compare), canonical literals, chain breaking.
#include "compiler/fmt/expr_doc.h"

#include <gtest/gtest.h>

#include <random>

#include "compiler/fmt/formatter.h"
#include "compiler/parse/literals.h"
#include "tests/fmt/fmt_test_util.h"

namespace vigil::format {
namespace {

using ast::BinaryOp;
using ast::ExprKind;
using ast::ExprPtr;

class RandomExpr {
 public:
  explicit RandomExpr(uint32_t seed) : rng_(seed) {}

  ExprPtr Make(int depth) {
    if (depth == 0 || Pick(4) == 0) return Leaf();
    auto e = std::make_unique<ast::Expr>();
    e->args.push_back(Make(depth - 1));
    switch (Pick(7)) {
      case 0:
        e->kind = ExprKind::kUnary;
        // The parser folds a negated number into a negative literal: no kNeg over a literal.
        e->uop = Pick(2) && e->args[0]->kind != ExprKind::kLiteral ? ast::UnaryOp::kNeg
                                                                   : ast::UnaryOp::kNot;
        break;
      case 1:
        e->kind = ExprKind::kIsNull;
        e->negated = Pick(2);
        break;
      case 2:
        e->kind = ExprKind::kMember;
        e->name = "m";
        break;
      case 3:
        e->kind = ExprKind::kIndex;
        e->args.push_back(Make(depth - 1));
        break;
      default:
        e->kind = ExprKind::kBinary;
        e->bop = static_cast<BinaryOp>(Pick(24));
        e->negated = (ast::IsStringOp(e->bop) || e->bop == BinaryOp::kIn) && Pick(2);
        e->args.push_back(Make(depth - 1));
        break;
    }
    return e;
  }

 private:
  int Pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }

  ExprPtr Leaf() {
    auto e = std::make_unique<ast::Expr>();
    e->kind = ExprKind::kName;
    e->name = std::string(1, static_cast<char>('a' + Pick(5)));
    if (Pick(5) == 0) {
      e->kind = ExprKind::kLiteral;
      e->name.clear();
      e->lit.kind = ast::LiteralKind::kInt;
      e->lit.i = Pick(100);
    }
    return e;
  }

  std::mt19937 rng_;
};

std::string MacroText(const ast::Expr& e) { return "macro m = " + Render(ExprDoc(e), 100000); }

TEST(ExprDocTest, RandomTreesParseBackToTheSameTree) {
  RandomExpr gen(12345);
  for (int i = 0; i < 3000; ++i) {
    ast::File file;
    file.macros.emplace_back();
    file.macros[0].name = "m";
    file.macros[0].body = gen.Make(5);
    const std::string text = MacroText(*file.macros[0].body);
    const testing::Parsed parsed = testing::ParseText(text);
    ASSERT_FALSE(parsed.errors) << text;
    ASSERT_EQ(parsed.dump, DumpAst(file)) << text;
  }
}

std::string Fmt(const std::string& text) {
  const FormatResult r = FormatSource("t", text);
  EXPECT_TRUE(r.ok) << r.internal_error << (r.diagnostics.empty() ? "" : r.diagnostics[0].message);
  return r.text;
}

TEST(ExprDocTest, DropsRedundantParentheses) {
  EXPECT_EQ(Fmt("macro m = ((a == 1)) and (b) and (c.d)\n"), "macro m = a == 1 and b and c.d\n");
  EXPECT_EQ(Fmt("macro m = (a * b) + c\n"), "macro m = a * b + c\n");
  EXPECT_EQ(Fmt("macro m = (not a) and b\n"), "macro m = not a and b\n");
}

TEST(ExprDocTest, KeepsNeededParentheses) {
  EXPECT_EQ(Fmt("macro m = a * (b + c)\n"), "macro m = a * (b + c)\n");
  EXPECT_EQ(Fmt("macro m = a - (b - c)\n"), "macro m = a - (b - c)\n");
  EXPECT_EQ(Fmt("macro m = (a or b) and c\n"), "macro m = (a or b) and c\n");
  EXPECT_EQ(Fmt("macro m = a and (b and c)\n"), "macro m = a and (b and c)\n");
  EXPECT_EQ(Fmt("macro m = (not a) == b\n"), "macro m = (not a) == b\n");
  EXPECT_EQ(Fmt("macro m = (-a).b\n"), "macro m = (-a).b\n");
  EXPECT_EQ(Fmt("macro m = - -a\n"), "macro m = -(-a)\n");
}

TEST(ExprDocTest, CanonicalLiterals) {
  EXPECT_EQ(Fmt("macro m = [1h30m, 1s500ms, 0s, 7d]\n"), "macro m = [90m, 1500ms, 0s, 1w]\n");
  EXPECT_EQ(Fmt("macro m = 2024-05-01T10:00+02:00\n"), "macro m = 2024-05-01T08:00:00Z\n");
  EXPECT_EQ(Fmt("macro m = [1.50, 2.0e10, 007]\n"), "macro m = [1.5, 2.0e+10, 7]\n");
  EXPECT_EQ(Fmt("macro m = \"\\u{41}\\t\"\n"), "macro m = \"A\\t\"\n");
}

// A duration prints as one number in the largest unit that divides it exactly: 30d is not
// rewritten as 4w2d, 14d becomes 2w, 36h stays 36h.
TEST(ExprDocTest, DurationsPrintInTheLargestUnitThatDividesThem) {
  EXPECT_EQ(Fmt("macro m = [30d, 14d, 90d, 36h, 48h, 1m30s, 60m, 1w1d, 1000ms, 1001ms]\n"),
            "macro m = [30d, 2w, 90d, 36h, 2d, 90s, 1h, 8d, 1s, 1001ms]\n");
  EXPECT_EQ(Fmt("macro m = -30d\n"), "macro m = -30d\n");
}

TEST(ExprDocTest, DurationLiteralsRoundTrip) {
  std::mt19937_64 rng(7);
  const int64_t units[] = {1, 1000, 60'000, 3'600'000, 86'400'000, 604'800'000};
  for (int i = 0; i < 10000; ++i) {
    const int64_t ms = static_cast<int64_t>(rng() % 1000) * units[rng() % 6] + (i % 3 == 0);
    const std::string text = compiler::FormatDurationLiteral(ms);
    ASSERT_EQ(compiler::ParseDurationMs(text), ms) << text;
    EXPECT_EQ(compiler::FormatDurationLiteral(*compiler::ParseDurationMs(text)), text);
  }
  EXPECT_EQ(compiler::FormatDurationLiteral(2'592'000'000), "30d");
}

TEST(ExprDocTest, TimestampsOutsideUtcYearsKeepAnOffset) {
  const std::string out = Fmt("macro m = 0000-01-01T00:00+01:00\n");
  EXPECT_EQ(out, "macro m = 0000-01-01T22:59:00+23:59\n");
}

TEST(ExprDocTest, LongChainBreaksBeforeEachOperator) {
  const std::string c(30, 'x');
  const std::string out = Fmt("macro m = " + c + " == 1 and " + c + " == 2 or " + c + " == 3\n");
  EXPECT_EQ(out, "macro m = " + c + " == 1 and " + c + " == 2\n  or " + c + " == 3\n");
}

TEST(ExprDocTest, AndInsideOrStaysOnOneLineWhenItFits) {
  const std::string a(40, 'a'), b(40, 'b'), c(40, 'c'), d(40, 'd');
  const std::string out = Fmt("macro m = " + a + " and " + b + " or " + c + " and " + d + "\n");
  EXPECT_EQ(out, "macro m = " + a + " and " + b + "\n  or " + c + " and " + d + "\n");
}

TEST(ExprDocTest, AndInsideOrBreaksDeeperThanTheOrs) {
  const std::string a(50, 'a'), b(50, 'b'), c(50, 'c'), d(50, 'd');
  const std::string out = Fmt("macro m = " + a + " and " + b + " or " + c + " and " + d + "\n");
  EXPECT_EQ(out, "macro m = " + a + "\n    and " + b + "\n  or " + c + "\n    and " + d + "\n");
}

TEST(ExprDocTest, NegativeLiteralsKeepTheirParenthesesBeforePostfix) {
  EXPECT_EQ(Fmt("macro m = [-5, -1.5, -10m] and (-5).x and a * -2\n"),
            "macro m = [-5, -1.5, -10m] and (-5).x and a * -2\n");
}

TEST(ExprDocTest, NestedChainBreaksInsideItsParentheses) {
  const std::string a(45, 'a'), b(45, 'b'), c(45, 'c');
  const std::string out = Fmt("macro m = " + a + " and (" + b + " or " + c + ")\n");
  EXPECT_EQ(out, "macro m = " + a + "\n  and (" + b + "\n    or " + c + ")\n");
}

}  // namespace
}  // namespace vigil::format

// doc_test.cc: the document renderer behind `vigil fmt`: groups flat when they fit and broken
// otherwise, nesting, trailing commas, deferred trailing comments, forced breaks.
#include "compiler/fmt/doc.h"

#include <gtest/gtest.h>

namespace vigil::format {
namespace {

Doc List(std::vector<std::string> items) {
  std::vector<Doc> docs;
  for (std::string& s : items) docs.push_back(Text(std::move(s)));
  return Bracketed("[", "]", std::move(docs), {}, false);
}

TEST(DocTest, GroupIsFlatWhenItFits) {
  EXPECT_EQ(Render(Concat({Text("x = "), List({"a", "b"})}), 20), "x = [a, b]\n");
}

TEST(DocTest, GroupBreaksOneElementPerLineWithTrailingComma) {
  EXPECT_EQ(Render(Concat({Text("x = "), List({"aaaa", "bbbb"})}), 10),
            "x = [\n  aaaa,\n  bbbb,\n]\n");
}

TEST(DocTest, WidthCountsCodePointsNotBytes) {
  // 9 columns: "é" is one column although it is two bytes.
  EXPECT_EQ(Render(Concat({Text("x = "), List({"é"})}), 7), "x = [é]\n");
}

TEST(DocTest, TextAfterAGroupCountsTowardsItsFit) {
  const Doc d = Concat({List({"a", "b"}), Text(" tail-that-is-long")});
  EXPECT_EQ(Render(d, 15), "[\n  a,\n  b,\n] tail-that-is-long\n");
}

TEST(DocTest, SpacedBracketsPutSpacesInside) {
  Doc d = Bracketed("{", "}", {Text("a"), Text("b")}, {}, true);
  EXPECT_EQ(Render(d, 80), "{ a, b }\n");
  EXPECT_EQ(Render(Bracketed("{", "}", {}, {}, true), 80), "{}\n");
}

TEST(DocTest, LineSuffixGoesAfterTheCommaAndBreaksTheGroup) {
  Doc first = Concat({Text("a"), LineSuffix("  // first"), BreakParent()});
  Doc d = Bracketed("[", "]", {std::move(first), Text("b")}, {}, false);
  EXPECT_EQ(Render(d, 80), "[\n  a,  // first\n  b,\n]\n");
}

TEST(DocTest, TailCommentsGoBeforeTheClosingBracket) {
  Doc d = Bracketed("[", "]", {Text("a")}, {Text("// end")}, false);
  EXPECT_EQ(Render(d, 80), "[\n  a,\n  // end\n]\n");
}

TEST(DocTest, NestIndentsBrokenLinesOnly) {
  Doc d =
      Group(Concat({Text("a"), Nest(2, Concat({Line(), Text("and b"), Line(), Text("and c")}))}));
  EXPECT_EQ(Render(d, 80), "a and b and c\n");
  EXPECT_EQ(Render(d, 8), "a\n  and b\n  and c\n");
}

TEST(DocTest, NoTrailingWhitespaceOnBlankLines) {
  Doc d = Concat({Text("{"),
                  Nest(2, Concat({HardLine(), Text("a"), HardLine(), HardLine(), Text("b")})),
                  HardLine(), Text("}")});
  EXPECT_EQ(Render(d, 80), "{\n  a\n\n  b\n}\n");
}

TEST(DocTest, EmptyDocumentRendersEmpty) { EXPECT_EQ(Render(Concat({}), 80), ""); }

TEST(DocTest, MultiLineTextBreaksEnclosingGroup) {
  Doc d = Bracketed("[", "]", {Text("/* a\n b */"), Text("c")}, {}, false);
  EXPECT_EQ(Render(d, 80), "[\n  /* a\n b */,\n  c,\n]\n");
}

}  // namespace
}  // namespace vigil::format

// comments_test.cc: the parser records every comment (text, span, own-line flag) for `vigil fmt`,
// and the lexer's hostile-input bounds report where they stopped.
#include <gtest/gtest.h>

#include "compiler/parse/parser.h"

namespace vigil::compiler {
namespace {

ast::File Parse(const std::string& text, std::vector<Diagnostic>* diags = nullptr) {
  SourceManager sm;
  const uint32_t id = sm.Add("t.vgl", text);
  DiagnosticSink sink;
  ast::File f = ParseFile(sm, id, sink);
  if (diags != nullptr) *diags = sink.Take();
  return f;
}

TEST(ParserCommentsTest, RecordsEveryCommentWithItsPlace) {
  const std::string text =
      "// header\nmacro m = a  // trailing\n  /* block\n  two lines */ macro n = b\n";
  const ast::File f = Parse(text);
  ASSERT_EQ(f.comments.size(), 3u);
  EXPECT_EQ(f.comments[0].text, "// header");
  EXPECT_TRUE(f.comments[0].own_line);
  EXPECT_EQ(f.comments[1].text, "// trailing");
  EXPECT_FALSE(f.comments[1].own_line);
  EXPECT_EQ(f.comments[1].span.begin, text.find("// trailing"));
  EXPECT_EQ(f.comments[2].text, "/* block\n  two lines */");
  EXPECT_TRUE(f.comments[2].own_line);
}

TEST(ParserCommentsTest, CommentsOfALargeFileSurviveParsing) {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "macro m" + std::to_string(i) + " = a // c\n";
  const ast::File f = Parse(text);
  ASSERT_EQ(f.comments.size(), 2000u);
  for (const ast::Comment& c : f.comments) EXPECT_EQ(c.text, "// c");
}

TEST(ParserBoundsTest, UnclosedBlockCommentIsLocated) {
  std::vector<Diagnostic> diags;
  Parse("macro m = a\n/* never closed\nmacro n = b\n", &diags);
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].code, DiagCode::kE0101);
  EXPECT_EQ(diags[0].message, "unterminated block comment");
  EXPECT_EQ(diags[0].span.begin, 12u);
}

TEST(ParserBoundsTest, DivisionIsNotMistakenForAComment) {
  std::vector<Diagnostic> diags;
  const ast::File f = Parse("macro m = a / b * c\n", &diags);
  EXPECT_TRUE(diags.empty());
  EXPECT_EQ(f.macros.size(), 1u);
}

}  // namespace
}  // namespace vigil::compiler

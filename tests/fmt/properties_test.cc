// properties_test.cc: the properties `vigil fmt` promises, checked independently of its built-in
// verification, over every golden file, every rule file under rules/ and the parser's fuzz seed
// corpus: idempotence, an equivalent AST and the same comments. Then a sweep that inserts a
// comment at every token boundary of the golden inputs.
#include <gtest/gtest.h>

#include "compiler/fmt/formatter.h"
#include "tests/fmt/fmt_test_util.h"

namespace vigil::format {
namespace {

using testing::FilesEndingWith;
using testing::ParseText;
using testing::ReadFile;

std::vector<std::string> Corpus() {
  std::vector<std::string> files;
  for (std::string& f : FilesEndingWith(testing::DataDir(), ".vgl")) {
    if (f.find("/errors/") == std::string::npos) files.push_back(std::move(f));
  }
  for (const std::string& dir : {std::string(VIGIL_SOURCE_DIR) + "/rules",
                                 std::string(VIGIL_SOURCE_DIR) + "/tests/fuzz/corpus/parser"}) {
    for (std::string& f : FilesEndingWith(dir, ".vgl")) files.push_back(std::move(f));
  }
  return files;
}

class PropertiesTest : public ::testing::TestWithParam<std::string> {};

TEST_P(PropertiesTest, IdempotentEquivalentAndKeepsComments) {
  const std::string text = ReadFile(GetParam());
  const testing::Parsed before = ParseText(text);
  const FormatResult once = FormatSource("x", text);
  if (before.errors) {
    EXPECT_FALSE(once.ok);  // refused, not formatted
    return;
  }
  ASSERT_TRUE(once.ok) << once.internal_error;
  const FormatResult twice = FormatSource("x", once.text);
  ASSERT_TRUE(twice.ok) << twice.internal_error;
  EXPECT_EQ(twice.text, once.text) << "not idempotent";
  const testing::Parsed after = ParseText(once.text);
  EXPECT_FALSE(after.errors);
  EXPECT_EQ(after.dump, before.dump) << "formatted file means something else";
  EXPECT_EQ(after.comments, before.comments) << "comments lost or changed";
}

INSTANTIATE_TEST_SUITE_P(Files, PropertiesTest, ::testing::ValuesIn(Corpus()),
                         testing::FileParamName);

// Offsets just before whitespace outside strings and comments: token boundaries.
std::vector<size_t> Boundaries(const std::string& text) {
  std::vector<size_t> out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '"') {
      for (++i; i < text.size() && text[i] != '"' && text[i] != '\n'; ++i) i += text[i] == '\\';
    } else if (text.compare(i, 2, "//") == 0) {
      i = std::min(text.find('\n', i), text.size()) - 1;
    } else if (text.compare(i, 2, "/*") == 0) {
      i = std::min(text.find("*/", i + 2), text.size()) + 1;
    } else if (text[i] == ' ' || text[i] == '\n') {
      out.push_back(i);
    }
  }
  return out;
}

// A comment anywhere between tokens is kept, lands somewhere stable, and the rest of the file
// still means the same.
TEST(CommentSweepTest, CommentAtEveryTokenBoundaryIsKept) {
  int checked = 0;
  for (const std::string& path : FilesEndingWith(testing::DataDir(), ".in.vgl")) {
    const std::string text = ReadFile(path);
    const std::string dump = ParseText(text).dump;
    for (size_t at : Boundaries(text)) {
      for (const std::string& comment : {std::string(" /* swept */"), std::string(" // swept\n")}) {
        const std::string input = text.substr(0, at) + comment + text.substr(at);
        const FormatResult r = FormatSource("sweep", input);
        ASSERT_TRUE(r.ok) << path << " at " << at << ": " << r.internal_error << "\n" << input;
        const testing::Parsed after = ParseText(r.text);
        ASSERT_EQ(after.comments, ParseText(input).comments) << input;
        ASSERT_EQ(after.dump, dump) << input;
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 500);
}

// Every file made by dropping one line of a golden input either fails to parse (and is refused)
// or formats and passes the formatter's verification.
TEST(LineDeletionSweepTest, EveryParsableVariantFormats) {
  int formatted = 0;
  for (const std::string& path : FilesEndingWith(testing::DataDir(), ".in.vgl")) {
    const std::string text = ReadFile(path);
    for (size_t begin = 0; begin < text.size();) {
      const size_t end = std::min(text.find('\n', begin), text.size() - 1) + 1;
      const std::string input = text.substr(0, begin) + text.substr(end);
      const FormatResult r = FormatSource("sweep", input);
      EXPECT_TRUE(r.internal_error.empty()) << r.internal_error << "\n" << input;
      EXPECT_EQ(r.ok, !ParseText(input).errors) << input;
      formatted += r.ok;
      begin = end;
    }
  }
  EXPECT_GT(formatted, 20);
}

}  // namespace
}  // namespace vigil::format

// line_diff_test.cc: the unified diff printed by `vigil fmt --diff`.
#include "compiler/fmt/line_diff.h"

#include <gtest/gtest.h>

namespace vigil::format {
namespace {

TEST(LineDiffTest, EqualTextsHaveNoDiff) {
  EXPECT_EQ(UnifiedDiff("a\nb\n", "a\nb\n", "x", "y"), "");
}

TEST(LineDiffTest, OneChangedLineWithContext) {
  const std::string before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
  const std::string after = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
  EXPECT_EQ(UnifiedDiff(before, after, "a.vgl", "a.vgl"),
            "--- a.vgl\n+++ a.vgl\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
}

TEST(LineDiffTest, DistantChangesMakeTwoHunks) {
  std::string before, after;
  for (int i = 1; i <= 20; ++i) {
    before += std::to_string(i) + "\n";
    after += (i == 2 || i == 18 ? "x" : std::to_string(i)) + "\n";
  }
  const std::string diff = UnifiedDiff(before, after, "a", "b");
  EXPECT_NE(diff.find("@@ -1,5 +1,5 @@\n"), std::string::npos) << diff;
  EXPECT_NE(diff.find("@@ -15,6 +15,6 @@\n"), std::string::npos) << diff;
}

TEST(LineDiffTest, InsertionIntoEmptyFile) {
  EXPECT_EQ(UnifiedDiff("", "a\n", "x", "x"), "--- x\n+++ x\n@@ -0,0 +1,1 @@\n+a\n");
}

TEST(LineDiffTest, MissingFinalNewlineIsMarked) {
  EXPECT_EQ(UnifiedDiff("a", "a\n", "x", "x"),
            "--- x\n+++ x\n@@ -1,1 +1,1 @@\n-a\n\\ No newline at end of file\n+a\n");
}

TEST(LineDiffTest, HugeRewriteStillDiffs) {
  std::string before, after;
  for (int i = 0; i < 5000; ++i) {
    before += "old " + std::to_string(i) + "\n";
    after += "new " + std::to_string(i) + "\n";
  }
  const std::string diff = UnifiedDiff(before, after, "a", "b");
  EXPECT_NE(diff.find("-old 4999\n"), std::string::npos);
  EXPECT_NE(diff.find("+new 0\n"), std::string::npos);
}

}  // namespace
}  // namespace vigil::format

// golden_test.cc: `vigil fmt` golden pairs: every tests/fmt/data/*.in.vgl (messy input) must
// format to its *.out.vgl (the canonical layout), and every *.out.vgl must be a fixed point.
// Regenerate the expected files after an intended layout change with VIGIL_UPDATE_GOLDEN=1.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "compiler/fmt/formatter.h"
#include "tests/fmt/fmt_test_util.h"

namespace vigil::format {
namespace {

using testing::DataDir;
using testing::FilesEndingWith;
using testing::ReadFile;

class GoldenTest : public ::testing::TestWithParam<std::string> {};

std::string ExpectedPath(const std::string& in) {
  return in.substr(0, in.size() - std::string(".in.vgl").size()) + ".out.vgl";
}

TEST_P(GoldenTest, FormatsToExpectedOutput) {
  const std::string in = GetParam();
  const FormatResult r = FormatSource(in, ReadFile(in));
  ASSERT_TRUE(r.ok) << r.internal_error << (r.diagnostics.empty() ? "" : r.diagnostics[0].message);
  if (std::getenv("VIGIL_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(ExpectedPath(in), std::ios::binary) << r.text;
  }
  EXPECT_EQ(r.text, ReadFile(ExpectedPath(in))) << "golden output of " << in;
}

TEST_P(GoldenTest, ExpectedOutputIsAFixedPoint) {
  const std::string out = ReadFile(ExpectedPath(GetParam()));
  const FormatResult r = FormatSource("out", out);
  ASSERT_TRUE(r.ok) << r.internal_error;
  EXPECT_EQ(r.text, out);
}

INSTANTIATE_TEST_SUITE_P(Data, GoldenTest,
                         ::testing::ValuesIn(FilesEndingWith(DataDir(), ".in.vgl")),
                         testing::FileParamName);

TEST(GoldenDataTest, HasPairs) {
  const auto inputs = FilesEndingWith(DataDir(), ".in.vgl");
  EXPECT_GE(inputs.size(), 5u);
  EXPECT_EQ(inputs.size(), FilesEndingWith(DataDir(), ".out.vgl").size());
}

class RefusedTest : public ::testing::TestWithParam<std::string> {};

// Files with errors are not formatted: diagnostics, no text.
TEST_P(RefusedTest, ReportsDiagnosticsAndNoText) {
  const FormatResult r = FormatSource(GetParam(), ReadFile(GetParam()));
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(r.internal_error.empty()) << r.internal_error;
  EXPECT_FALSE(r.diagnostics.empty());
  EXPECT_TRUE(r.text.empty());
}

INSTANTIATE_TEST_SUITE_P(Errors, RefusedTest,
                         ::testing::ValuesIn(FilesEndingWith(DataDir() + "/errors", ".vgl")),
                         testing::FileParamName);

TEST(RefusedTest, DuplicateClauseIsReportedAsE0409) {
  const FormatResult r = FormatSource("dup", "rule r {\n  on receipt\n  on delivery\n}\n");
  ASSERT_FALSE(r.ok);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].code, compiler::DiagCode::kE0409);
}

}  // namespace
}  // namespace vigil::format

// cli_test.cc: the `vigil fmt` command end to end (the built binary in a scratch directory):
// in-place rewrite, --check, --diff, stdin, directories, refused files and exit statuses.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "tests/fmt/fmt_test_util.h"

namespace vigil::format {
namespace {

namespace fs = std::filesystem;

constexpr const char* kMessy = "rule r{title \"t\"\n  when a==1 on receipt}\n";
constexpr const char* kClean = "rule r {\n  title \"t\"\n\n  on receipt\n  when a == 1\n}\n";

class FmtCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("vigil_fmt_cli_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& text) {
    const fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }

  // Runs `vigil fmt <args>` in the scratch directory; returns the exit status, stdout in out_.
  int Fmt(const std::string& args) {
    const std::string out = (dir_ / "stdout.txt").string();
    const std::string cmd = "cd '" + dir_.string() + "' && '" + VIGIL_BINARY + "' fmt " + args +
                            " >'" + out + "' 2>'" + (dir_ / "stderr.txt").string() + "'";
    const int rc = std::system(cmd.c_str());
    out_ = testing::ReadFile(out);
    err_ = testing::ReadFile(dir_ / "stderr.txt");
    return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  }

  fs::path dir_;
  std::string out_, err_;
};

TEST_F(FmtCliTest, RewritesInPlaceKeepingPermissions) {
  const std::string f = Write("a.vgl", kMessy);
  fs::permissions(f, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  EXPECT_EQ(Fmt("a.vgl"), 0) << err_;
  EXPECT_EQ(testing::ReadFile(f), kClean);
  EXPECT_EQ(fs::status(f).permissions(),
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 3)
      << "no temporary file left behind";
}

TEST_F(FmtCliTest, CheckListsFilesThatWouldChangeAndWritesNothing) {
  const std::string messy = Write("messy.vgl", kMessy);
  Write("clean.vgl", kClean);
  EXPECT_EQ(Fmt("--check messy.vgl clean.vgl"), 1);
  EXPECT_EQ(out_, "messy.vgl\n");
  EXPECT_EQ(testing::ReadFile(messy), kMessy);
  EXPECT_EQ(Fmt("--check clean.vgl"), 0);
  EXPECT_EQ(out_, "");
}

TEST_F(FmtCliTest, DiffPrintsUnifiedDiff) {
  Write("messy.vgl", kMessy);
  EXPECT_EQ(Fmt("--diff messy.vgl"), 1);
  EXPECT_EQ(out_.rfind("--- messy.vgl\n+++ messy.vgl\n@@ ", 0), 0u) << out_;
  EXPECT_NE(out_.find("+  when a == 1\n"), std::string::npos) << out_;
}

TEST_F(FmtCliTest, StdinToStdout) {
  Write("in.txt", kMessy);
  EXPECT_EQ(Fmt("- < in.txt"), 0) << err_;
  EXPECT_EQ(out_, kClean);
}

TEST_F(FmtCliTest, DirectoriesAreSearchedForVglFiles) {
  const std::string a = Write("pack/a.vgl", kMessy);
  const std::string b = Write("pack/sub/b.vgl", kMessy);
  const std::string other = Write("pack/notes.txt", kMessy);
  EXPECT_EQ(Fmt("pack"), 0) << err_;
  EXPECT_EQ(testing::ReadFile(a), kClean);
  EXPECT_EQ(testing::ReadFile(b), kClean);
  EXPECT_EQ(testing::ReadFile(other), kMessy);
}

TEST_F(FmtCliTest, FileWithSyntaxErrorsIsLeftAloneWithDiagnostics) {
  const std::string broken = "rule r { when a == }\n";
  const std::string f = Write("broken.vgl", broken);
  Write("good.vgl", kMessy);
  EXPECT_EQ(Fmt("broken.vgl good.vgl"), 1);
  EXPECT_NE(err_.find("error[E0101]"), std::string::npos) << err_;
  EXPECT_EQ(testing::ReadFile(f), broken);
  EXPECT_EQ(testing::ReadFile(dir_ / "good.vgl"), kClean) << "other files are still formatted";
}

TEST_F(FmtCliTest, MissingPathIsAUsageError) {
  EXPECT_EQ(Fmt("does_not_exist.vgl"), 2);
  EXPECT_NE(err_.find("does_not_exist.vgl"), std::string::npos);
}

TEST_F(FmtCliTest, CheckAndDiffExcludeEachOther) { EXPECT_EQ(Fmt("--check --diff x.vgl"), 2); }

}  // namespace
}  // namespace vigil::format

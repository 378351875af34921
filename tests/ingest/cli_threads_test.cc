// cli_threads_test.cc: `vigil ingest --threads N` end to end (the built binary): stdout in both
// --emit modes, the --dead-letter file, the --stats-json file, the stderr summary and the exit
// status are byte for byte those of --threads 1, over a directory with bad records and gzip.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>

#include "tests/ingest/parallel_corpus.h"
#include "tests/ingest/test_sink.h"

namespace vigil::ingest {
namespace {

namespace fs = std::filesystem;

struct CliRun {
  int status = -1;
  std::string out, err, dead, stats;
};

class IngestCliThreadsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::ScratchDir("vigil_ingest_cli_");
    testing::WriteParallelCorpus(dir_ / "logs", 20);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Runs `vigil ingest --threads N --dead-letter .. --stats-json .. <args>` in the scratch
  // directory.
  CliRun Ingest(int threads, const std::string& args) {
    const std::string t = std::to_string(threads);
    const auto file = [&](const char* what) { return (dir_ / (what + t)).string(); };
    const std::string cmd = "cd '" + dir_.string() + "' && '" + VIGIL_BINARY +
                            "' ingest --threads " + t + " --dead-letter '" + file("dead") +
                            "' --stats-json '" + file("stats") + "' " + args + " >'" + file("out") +
                            "' 2>'" + file("err") + "'";
    const int rc = std::system(cmd.c_str());
    CliRun r;
    r.status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
    const auto read = [](const std::string& f) {
      return fs::exists(f) ? testing::ReadFile(f) : std::string();
    };
    r.out = read(file("out"));
    r.err = read(file("err"));
    r.dead = read(file("dead"));
    r.stats = read(file("stats"));
    return r;
  }

  void ExpectSameForEveryThreadCount(const std::string& args, int want_status) {
    const CliRun one = Ingest(1, args);
    EXPECT_EQ(one.status, want_status) << one.err;
    ASSERT_NE(one.out, "");
    ASSERT_NE(one.dead, "");
    for (int threads : {2, 4, 0}) {
      SCOPED_TRACE(std::to_string(threads) + " threads: " + args);
      const CliRun r = Ingest(threads, args);
      EXPECT_EQ(r.status, one.status);
      EXPECT_TRUE(r.out == one.out) << "stdout differs";
      EXPECT_TRUE(r.dead == one.dead) << "dead letters differ";
      EXPECT_EQ(r.stats, one.stats);
      EXPECT_EQ(r.err, one.err);
    }
  }

  fs::path dir_;
};

TEST_F(IngestCliThreadsTest, NormalizedRowsEqualOneThread) {
  ExpectSameForEveryThreadCount("--emit normalized logs", 0);
}

TEST_F(IngestCliThreadsTest, SmallBatchesEqualOneThread) {
  ExpectSameForEveryThreadCount("--emit normalized --batch-size 5 logs/api2 logs", 0);
}

TEST_F(IngestCliThreadsTest, StatsAndStrictEqualOneThread) {
  ExpectSameForEveryThreadCount("--emit stats --strict logs", 1);
}

TEST_F(IngestCliThreadsTest, UnreadablePathEqualsOneThread) {
  ExpectSameForEveryThreadCount("--emit stats logs/api1 missing.log logs/gz", 2);
}

TEST_F(IngestCliThreadsTest, RejectsThreadsOutOfRange) {
  EXPECT_EQ(Ingest(257, "logs").status, 2);
  EXPECT_EQ(Ingest(-1, "logs").status, 2);
}

}  // namespace
}  // namespace vigil::ingest

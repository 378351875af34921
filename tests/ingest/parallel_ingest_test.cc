// parallel_ingest_test.cc: IngestInParallel against one Ingestor over the same inputs: the
// normalized rows, dead letters, stats JSON and input names are byte for byte the same for 1,
// 2 and 4 threads and several batch sizes; the outputs depend on input order (so the
// comparison catches a wrong order); backpressure bounds the buffered output; unreadable
// paths and directories named twice behave as with one Ingestor.
#include "ingest/parallel_ingest.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "ingest/ingestor.h"
#include "ingest/normalized_json.h"
#include "tests/ingest/parallel_corpus.h"
#include "tests/ingest/test_sink.h"

namespace vigil::ingest {
namespace {

namespace fs = std::filesystem;
using testing::ScratchDir;
using testing::WriteParallelCorpus;

// Everything an ingest run writes, as `vigil ingest` renders it.
struct Output {
  std::string rows;
  std::string dead;
  std::string stats;
  std::vector<std::string> files;
  std::vector<std::string> unreadable;
};

// Renders like the CLI's one-thread sink: rows as JSON lines, dead letters as JSON lines.
class RenderingSink final : public Sink {
 public:
  explicit RenderingSink(Output* out) : out_(out) {}
  void set_files(const std::vector<std::string>* files) { options_.files = files; }
  void OnBatch(columnar::Batch& batch) override {
    for (size_t i = 0; i < batch.size(); ++i) {
      out_->rows += RowToJson(batch, i, options_) + "\n";
    }
  }
  void OnDeadLetter(const DeadLetter& d) override { out_->dead += DeadLetterToJson(d) + "\n"; }

 private:
  Output* out_;
  RowJsonOptions options_;
};

Output OneIngestor(const std::vector<std::string>& paths, const Options& options) {
  Output out;
  RenderingSink sink(&out);
  Ingestor ingestor(options, &sink);
  sink.set_files(&ingestor.files());
  for (const std::string& p : paths) {
    if (!ingestor.IngestPath(p)) out.unreadable.push_back(p);
  }
  ingestor.Flush();
  out.stats = ingestor.stats().ToJson();
  out.files = ingestor.files();
  return out;
}

class CollectingOutput final : public OrderedOutput {
 public:
  explicit CollectingOutput(Output* out) : out_(out) {}
  void Rows(std::string_view lines) override { out_->rows += lines; }
  void DeadLetters(std::string_view lines) override { out_->dead += lines; }

 private:
  Output* out_;
};

Output Parallel(const std::vector<std::string>& paths, ParallelOptions options,
                ParallelResult* result = nullptr) {
  Output out;
  CollectingOutput sink(&out);
  options.rows = options.dead_letters = true;
  ParallelResult r = IngestInParallel(paths, options, &sink);
  out.stats = r.stats.ToJson();
  out.files = r.files;
  out.unreadable = r.unreadable;
  EXPECT_TRUE(r.stats.Balanced());
  if (result != nullptr) *result = std::move(r);
  return out;
}

void ExpectSame(const Output& want, const Output& got) {
  EXPECT_EQ(want.rows, got.rows);
  EXPECT_EQ(want.dead, got.dead);
  EXPECT_EQ(want.stats, got.stats);
  EXPECT_EQ(want.files, got.files);
  EXPECT_EQ(want.unreadable, got.unreadable);
}

class ParallelIngestTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ScratchDir("vigil_parallel_ingest_");
    WriteParallelCorpus(dir_ / "logs");
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string logs() const { return (dir_ / "logs").string(); }

  fs::path dir_;
};

TEST_F(ParallelIngestTest, OutputEqualsOneIngestorForEveryThreadCountAndBatchSize) {
  for (size_t batch_size : {size_t{1}, size_t{7}, size_t{2048}}) {
    Options options;
    options.batch_size = batch_size;
    const Output want = OneIngestor({logs()}, options);
    ASSERT_GT(want.files.size(), 10u);
    ASSERT_NE(want.dead, "");
    for (int threads : {1, 2, 4}) {
      SCOPED_TRACE("batch size " + std::to_string(batch_size) + ", " + std::to_string(threads) +
                   " threads");
      ParallelOptions p;
      p.ingest = options;
      p.threads = threads;
      ExpectSame(want, Parallel({logs()}, p));
    }
  }
}

TEST_F(ParallelIngestTest, CorpusHasEveryKindOfInput) {
  const Output want = OneIngestor({logs()}, {});
  for (const char* reason :
       {"malformed_json", "truncated_record", "unknown_event_type", "missing_timestamp",
        "not_an_object", "decompress_error", "empty_file", "unknown_format", "io_error"}) {
    EXPECT_NE(want.dead.find(std::string("\"reason\":\"") + reason + "\""), std::string::npos)
        << reason;
  }
  EXPECT_NE(want.rows.find(".ndjson.gz\""), std::string::npos);
  EXPECT_NE(want.stats.find("\"api1-kv\""), std::string::npos);
}

// The comparisons above would catch outputs in the wrong order: the same inputs read in
// another order give other bytes, rows batched across files and dead letters alike.
TEST_F(ParallelIngestTest, OutputsDependOnInputOrder) {
  Options options;
  options.batch_size = 7;
  std::vector<std::string> files = OneIngestor({logs()}, options).files;
  const Output forward = OneIngestor(files, options);
  const auto at = [&](std::string_view suffix) {
    return std::find_if(files.begin(), files.end(),
                        [&](const std::string& f) { return f.ends_with(suffix); });
  };
  std::iter_swap(at("siem_0.ndjson"), at("siem_1.ndjson"));
  std::iter_swap(at("malformed.ndjson"), at("siem_cut.ndjson.gz"));
  const Output swapped = OneIngestor(files, options);
  EXPECT_NE(forward.rows, swapped.rows);
  EXPECT_NE(forward.dead, swapped.dead);
  EXPECT_EQ(forward.stats, swapped.stats);
  ParallelOptions p;
  p.ingest = options;
  p.threads = 4;
  ExpectSame(swapped, Parallel(files, p));
}

TEST_F(ParallelIngestTest, BackpressureBoundsBufferedOutput) {
  WriteParallelCorpus(dir_ / "big", 200);  // several MB of rendered rows
  ParallelOptions p;
  p.threads = 4;
  p.max_buffered_bytes = 1024;
  ParallelResult r;
  const Output got = Parallel({(dir_ / "big").string()}, p, &r);
  ExpectSame(OneIngestor({(dir_ / "big").string()}, {}), got);
  ASSERT_GT(got.rows.size(), size_t{4} << 20);
  // Each worker holds at most one chunk (64 KiB and a row) beyond the limit.
  EXPECT_LE(r.peak_buffered_bytes, 4 * (p.max_buffered_bytes + (80 << 10)));
  EXPECT_GT(r.peak_buffered_bytes, 0u);
}

TEST_F(ParallelIngestTest, UnreadableNamedPathsAndRepeatedDirectoriesAsOneIngestor) {
  const std::string missing = (dir_ / "no_such_file.log").string();
  const std::vector<std::string> paths = {logs(), missing, logs() + "/api2", logs(), "/dev/null"};
  const Output want = OneIngestor(paths, {});
  ASSERT_EQ(want.unreadable, std::vector<std::string>{missing});
  ParallelOptions p;
  p.threads = 3;
  ExpectSame(want, Parallel(paths, p));
}

TEST_F(ParallelIngestTest, UnlistableDirectoryIsQuarantinedAsOneIngestorDoes) {
  if (::geteuid() == 0) GTEST_SKIP() << "root lists every directory";
  fs::create_directories(dir_ / "logs" / "locked" / "inner");
  fs::permissions(dir_ / "logs" / "locked", fs::perms::none);
  const Output want = OneIngestor({logs()}, {});
  ParallelOptions p;
  p.threads = 2;
  const Output got = Parallel({logs()}, p);
  fs::permissions(dir_ / "logs" / "locked", fs::perms::owner_all);
  EXPECT_NE(want.dead.find("cannot list directory"), std::string::npos);
  ExpectSame(want, got);
}

TEST_F(ParallelIngestTest, NoInputsGiveEmptyStats) {
  fs::create_directories(dir_ / "empty");
  ParallelOptions p;
  ExpectSame(OneIngestor({(dir_ / "empty").string()}, {}),
             Parallel({(dir_ / "empty").string()}, p));
}

TEST(ResolveThreadsTest, ZeroMeansTheCoresWithinTheCap) {
  EXPECT_EQ(ResolveThreads(3), 3);
  EXPECT_GE(ResolveThreads(0), 1);
  EXPECT_LE(ResolveThreads(0), kMaxAutoThreads);
}

}  // namespace
}  // namespace vigil::ingest

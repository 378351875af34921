// pipeline_test.cc: the ingest -> evaluation hand-off keeps the order of every call (batches,
// dead letters, checkpoints) whatever the thread count, hands batches over intact, and turns a
// failure of the evaluation side into an exception on the ingest side instead of a hang.
#include "runtime/pipeline.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace vigil::testing {
namespace {

using schema::EventType;

// Records every call as text; throws on the batch numbered `throw_at` (0: never).
class Recorder : public ingest::Sink {
 public:
  explicit Recorder(int throw_at = 0) : throw_at_(throw_at) {}
  void OnBatch(columnar::Batch& b) override {
    if (++batches_ == throw_at_) throw std::runtime_error("evaluation failed");
    std::string line = "batch " + std::to_string(static_cast<int>(b.type())) + ":";
    for (const columnar::RowSource& s : b.sources()) {
      line += " " + std::to_string(s.offset) + "=" + std::string(s.raw);
    }
    calls.push_back(line);
  }
  void OnDeadLetter(const ingest::DeadLetter& d) override {
    calls.push_back("dead " + std::string(d.file) + " " + std::string(d.message) + " " +
                    std::string(d.raw));
  }
  std::vector<std::string> calls;

 private:
  int throw_at_;
  int batches_ = 0;
};

// Feeds `sink` what an ingestor would: batches of two types from one reused batch per type,
// a dead letter every 7th batch and a checkpoint every 5th. Returns the checkpoints seen.
std::vector<std::string> Feed(runtime::Pipeline& p, int batches) {
  std::vector<std::string> files = {"a.log"};
  std::vector<std::string> checkpoints;
  p.SetSource(&files, [] { return ingest::Stats{}; });
  p.SetCheckpoint([&](const std::string& file, uint64_t done, const ingest::Stats&) {
    checkpoints.push_back(file + ":" + std::to_string(done));
  });
  columnar::Batch receipts(EventType::kReceipt, 8), clicks(EventType::kUrlProtect, 8);
  uint64_t offset = 0;
  for (int i = 0; i < batches; ++i) {
    if (i % 10 == 9) files.push_back("f" + std::to_string(i) + ".log");
    columnar::Batch& b = i % 3 == 0 ? clicks : receipts;
    for (int r = 0; r < 1 + i % 8; ++r) {
      const std::string raw = "record-" + std::to_string(offset);
      b.AddRow({static_cast<uint32_t>(files.size() - 1), offset++, raw});
    }
    p.OnBatch(b);
    b.Reset();  // as the ingestor does: the batch it handed over must not be in use any more
    if (i % 7 == 0) {
      const std::string message = "bad " + std::to_string(i), raw = "{oops";
      ingest::DeadLetter d;
      d.message = message;
      d.file = files.back();
      d.raw = raw;
      p.OnDeadLetter(d);
    }
    if (i % 5 == 0) p.OnCheckpoint(static_cast<uint32_t>(files.size() - 1), offset);
  }
  p.Drain();
  return checkpoints;
}

TEST(PipelineTest, EveryCallArrivesInOrderWhateverTheThreadCount) {
  Recorder inline_sink;
  std::vector<std::string> inline_checkpoints;
  {
    runtime::Pipeline p(inline_sink, 1);
    inline_checkpoints = Feed(p, 500);
  }
  ASSERT_EQ(inline_sink.calls.size(), 500u + 72u);
  for (int threads : {2, 3}) {
    for (size_t depth : {size_t{1}, size_t{4}}) {
      Recorder sink;
      runtime::Pipeline p(sink, threads, depth);
      EXPECT_EQ(Feed(p, 500), inline_checkpoints);
      EXPECT_EQ(sink.calls, inline_sink.calls) << threads << " threads, depth " << depth;
    }
  }
}

TEST(PipelineTest, EvaluationFailureReachesTheIngestSide) {
  for (int threads : {1, 2}) {
    Recorder sink(/*throw_at=*/40);
    runtime::Pipeline p(sink, threads, 2);
    EXPECT_THROW(Feed(p, 500), std::runtime_error) << threads;
  }
}

}  // namespace
}  // namespace vigil::testing

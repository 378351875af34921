// pipeline.h: the hand-off between the ingest side of a run (reading, parsing, normalizing)
// and its evaluation side (the runner). With one thread the ingestor calls straight through;
// with two or more, evaluation runs on its own thread fed through a bounded queue, so parsing
// the next batch overlaps evaluating the last one.
//
// Contract: the inner sink sees exactly the calls, in exactly the order, it would see without
// the pipeline (batches, dead letters and checkpoints interleaved as the ingestor made them),
// so alerts, ids and checkpoints do not depend on the thread count. Full batches change hands
// without a copy (columnar::Batch::Swap); dead letters are copied. Memory is bounded: at most
// `depth` items wait in the queue, and the ingest side blocks while it is full.
#pragma once

#include <array>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "ingest/sink.h"
#include "ingest/stats.h"

namespace vigil::runtime {

class Pipeline : public ingest::Sink {
 public:
  // Called on the evaluation side when every record of input `file` (its name) up to its
  // `done`-th has been evaluated; `stats` are the ingest statistics as of that point.
  using CheckpointFn =
      std::function<void(const std::string& file, uint64_t done, const ingest::Stats& stats)>;

  // `inner` handles batches and dead letters. threads <= 1: no worker thread.
  Pipeline(ingest::Sink& inner, int threads, size_t depth = 4);
  ~Pipeline() override;
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;

  // The ingestor feeding this: its growing list of input names and its statistics (both read
  // on the ingest side only). Required before the first call.
  void SetSource(const std::vector<std::string>* files, std::function<ingest::Stats()> stats) {
    files_ = files;
    stats_ = std::move(stats);
  }
  void SetCheckpoint(CheckpointFn fn) { on_checkpoint_ = std::move(fn); }

  void OnBatch(columnar::Batch& batch) override;
  void OnDeadLetter(const ingest::DeadLetter& letter) override;
  void OnFlushed() override;
  void OnCheckpoint(uint32_t file_index, uint64_t records_done) override;

  // Returns once the inner sink has handled everything handed over so far; rethrows what the
  // evaluation side threw.
  void Drain();

  // The input names as the evaluation side knows them (give this, not the ingestor's list, to
  // the runner: it is only written on the evaluation side).
  const std::vector<std::string>* files() const { return &eval_files_; }

 private:
  struct Item;
  void Push(Item item);
  void Handle(Item& item);
  void Work();
  // New input names since the last hand-off (ingest side).
  std::vector<std::string> NewFiles();

  ingest::Sink& inner_;
  const std::vector<std::string>* files_ = nullptr;
  std::function<ingest::Stats()> stats_;
  CheckpointFn on_checkpoint_;
  size_t depth_;
  size_t files_sent_ = 0;                // ingest side
  std::vector<std::string> eval_files_;  // evaluation side

  std::mutex mu_;
  std::condition_variable changed_;
  std::deque<Item> queue_;
  size_t busy_ = 0;  // items taken by the worker and not yet handled
  bool closing_ = false;
  std::exception_ptr failure_;
  // Emptied batches for reuse, per event type (the ingestor must get back one of its type).
  std::array<std::vector<std::unique_ptr<columnar::Batch>>, schema::kEventTypeCount> spare_;
  std::thread worker_;
};

}  // namespace vigil::runtime

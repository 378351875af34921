// parallel_ingest.h: `vigil ingest --threads N`: file-level parallel ingest whose output is
// byte for byte that of one Ingestor. Sits beside the Ingestor (ingest/), driven by the CLI.
//
// Contract:
// - Inputs: `paths` expand into the inputs one Ingestor's IngestPath calls would read, in the
//   same order (files; directories walked as by input_walk.h, each directory once over all
//   paths; "-" for stdin, read by one worker). Worker threads take inputs in that order, each
//   running its own Ingestor over the inputs it takes.
// - Output: the calling thread hands every input's output to OrderedOutput in input order:
//   normalized rows grouped per event type as one Ingestor flushed once at the end batches
//   them (a type's rows are written when batch_size of them are pending, the rest at the end
//   in event-type order), dead letters in record order. Rows name their input (`@file`) as
//   one Ingestor does.
// - Stats: the sum of the workers' stats, with `batches` counted as one Ingestor counts them,
//   so the JSON equals one Ingestor's and records_read == events + quarantined. Exception:
//   unmapped_keys may differ once some worker meets more than Stats::kMaxUnmappedKeys
//   distinct keys (each worker's cap keeps the keys it saw first).
// - Memory: a worker holds at most max_buffered_bytes of rendered output (plus one chunk of
//   about 64 KiB) that the writer has not taken, over the inputs it read and the one it
//   reads; then it waits until the writer reaches its inputs (backpressure). The writer holds
//   the partly filled batches of rows, as one Ingestor holds its batches.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/options.h"
#include "ingest/stats.h"

namespace vigil::ingest {

struct ParallelOptions {
  // How each input is read. flush_every, checkpoint_every, resume and stop are not supported
  // and must keep their defaults.
  Options ingest;
  int threads = 2;            // worker threads, at least 1 (never more than there are inputs)
  bool rows = false;          // render normalized rows (`--emit normalized`)
  bool dead_letters = false;  // render dead letters (`--dead-letter`)
  size_t max_buffered_bytes = size_t{4} << 20;  // per worker
};

// Receives the output, on the thread that called IngestInParallel, in input order.
class OrderedOutput {
 public:
  virtual ~OrderedOutput() = default;
  // Normalized rows as JSON lines (each ends in '\n'), as WriteRowJson renders them.
  virtual void Rows(std::string_view lines) = 0;
  // Dead letters as JSON lines (each ends in '\n'), as DeadLetterToJson renders them.
  virtual void DeadLetters(std::string_view lines) = 0;
};

struct ParallelResult {
  Stats stats;
  std::vector<std::string> files;       // the inputs, as Ingestor::files() names them
  std::vector<std::string> unreadable;  // named paths IngestPath would return false for
  // The most rendered output held between the workers and the writer at any time.
  size_t peak_buffered_bytes = 0;
};

ParallelResult IngestInParallel(const std::vector<std::string>& paths,
                                const ParallelOptions& options, OrderedOutput* out);

// Worker threads for `--threads n`: n, or for 0 the hardware cores, at most kMaxAutoThreads.
inline constexpr int kMaxAutoThreads = 8;
int ResolveThreads(int n);

}  // namespace vigil::ingest

// ingestor.h: the ingest facade the runtime and the CLI drive. Reads Mimecast logs (any API
// generation, JSON, key=value, CSV; plain or gzip/zlib; files, directories, streams, memory),
// normalizes every record and delivers full columnar batches (one event type each) and dead
// letters to a Sink. Accounting invariant: stats().records_read == events + quarantined.
//
//   ingest::Ingestor ing(options, &sink);
//   ing.IngestPath("logs/");          // files, directories (recursive), "-" for stdin
//   ing.Flush();                      // hands over the partly filled batches
//   ing.stats().ToJson();
#pragma once

#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/options.h"
#include "ingest/sink.h"
#include "ingest/stats.h"

namespace vigil::ingest {

class Ingestor {
 public:
  // `sink` must outlive the ingestor. Options are validated: batch_size 0 becomes 1.
  Ingestor(Options options, Sink* sink);
  ~Ingestor();
  Ingestor(const Ingestor&) = delete;
  Ingestor& operator=(const Ingestor&) = delete;

  // Ingests a file, every file under a directory (recursively, in name order; each directory
  // once, however many symlinks lead to it) or "-" (stdin). Inputs that cannot be read become
  // io_error dead letters. Returns false when `path` itself cannot be opened.
  bool IngestPath(const std::string& path);
  // Ingests a stream under a display name (an API 1.0 file prefix in the name sets the type).
  void IngestStream(std::string_view name, std::istream& in);
  // Ingests bytes owned by the caller (used by tests, the fuzzer and the runtime's readers).
  void IngestBytes(std::string_view name, std::string_view bytes);
  // Registers an input that cannot be read as one io_error dead letter carrying `message`, as
  // IngestPath does for a path it cannot open or a directory it cannot list (used by the
  // parallel ingest, which walks directories itself).
  void IngestUnreadable(std::string_view name, std::string_view message);
  // Hands every non-empty batch to the sink (call at the end, or to bound latency).
  void Flush();

  // The accounting so far (built on demand).
  Stats stats() const;
  // The current input's name and how many of its records were delivered (a checkpoint taken
  // after Flush() resumes from here).
  std::pair<std::string, uint64_t> Position() const;
  // Input names, indexed by RowSource::file and DeadLetter::file_index.
  const std::vector<std::string>& files() const;
  const Options& options() const;

  class Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace vigil::ingest

// writer.h: writes rendered records into the directory layout a tenant configuration maps:
//   DIR/logs/<tenant>/<yyyy-mm-ddTHHMM>/<file>
// one directory per tenant and time chunk (name order is time order), one file per stream in
// a chunk, named and enveloped as Mimecast delivers it (API 1.0 `receipt_<stamp>.json` with
// {"type":"MTA","data":[...]} or key=value `.log`, API 2.0 NDJSON batch files, feed logs in
// their API envelopes). Records a byte offset for every planted record (the offset ingest
// reports: the record's first byte).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "gen/record.h"
#include "gen/render.h"

namespace vigil::gen {

// One planted record as ground truth lists it.
struct TruthRecord {
  int scenario = -1;
  std::string file;  // relative to the output directory
  uint64_t offset = 0;
  std::string type;  // normalized event type
  std::string message_id;
};

struct WriteStats {
  size_t files = 0;
  uint64_t bytes = 0;
  size_t records = 0;
  std::map<std::string, size_t> by_type;  // normalized event type -> records
};

class Writer {
 public:
  Writer(std::string dir, Format format) : dir_(std::move(dir)), format_(format) {}

  // Writes one tenant's records of the chunk starting at `chunk_start` (sorted here by time,
  // stably). Returns false and sets *error when a file cannot be written.
  bool WriteChunk(const std::string& tenant_dir, int64_t chunk_start, std::vector<Record>* records,
                  std::string* error);

  const std::vector<TruthRecord>& truth() const { return truth_; }
  const WriteStats& stats() const { return stats_; }

 private:
  std::string FileName(Stream s, int64_t chunk_start) const;
  void Compose(Stream s, const std::vector<const Record*>& records, const std::string& rel,
               std::string* text);

  std::string dir_;
  Format format_;
  std::vector<TruthRecord> truth_;
  WriteStats stats_;
};

}  // namespace vigil::gen

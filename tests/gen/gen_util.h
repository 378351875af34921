// gen_util.h: helpers of the generator tests: temporary output directories, generating into
// them, reading a whole tree, and ingesting generated logs with a sink that keeps every row's
// provenance (file, offset, type) and direction.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <tuple>

#include "gen/generator.h"
#include "ingest/ingestor.h"
#include "schema/schema.h"

namespace vigil::gen::testing {

// A fresh, empty directory under the system temp dir, removed by the destructor.
class TempDir {
 public:
  explicit TempDir(const std::string& name);
  ~TempDir();
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Generates with `o` into `dir`; fails the test on error.
GenSummary GenerateOrDie(const GenOptions& o, const std::string& dir);

// Relative path -> contents of every file under `dir`.
std::map<std::string, std::string> ReadTree(const std::string& dir);
std::string ReadFile(const std::string& path);

// (file relative to the output dir, offset, event type) of a normalized row.
using RowKey = std::tuple<std::string, uint64_t, std::string>;

struct Ingested {
  ingest::Stats stats;
  std::set<RowKey> rows;
  std::map<std::string, size_t> directions;              // receipts by direction
  std::map<std::string, size_t> inbound_sender_domains;  // accepted inbound receipts by domain
};

// Ingests `dir`/logs with default options.
Ingested IngestGenerated(const std::string& dir);

}  // namespace vigil::gen::testing

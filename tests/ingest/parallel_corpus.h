// parallel_corpus.h: a directory of inputs for the parallel ingest tests: API 2.0 NDJSON files
// of several event types, API 1.0 key=value files, a page, a gzip file, a cut gzip stream, a
// file of malformed records, an empty file, one of unknown format, a dangling symlink and a
// symlink to a directory already read, in subdirectories.
#pragma once

#include <filesystem>
#include <string>

namespace vigil::ingest::testing {

// Writes the corpus under `dir` (created; removed first). `scale` multiplies the number of
// records of the NDJSON files (1: a few hundred records in all).
void WriteParallelCorpus(const std::filesystem::path& dir, int scale = 1);

// A scratch directory named after the running test, removed first.
std::filesystem::path ScratchDir(const std::string& prefix);

}  // namespace vigil::ingest::testing

// input_walk.h: the inputs under a directory, in the order the ingestor reads them: entries
// sorted by path, subdirectories recursively, each directory once. Shared by the Ingestor and
// the parallel ingest (parallel_ingest.h), so both see the same inputs in the same order.
#pragma once

#include <functional>
#include <set>
#include <string>

namespace vigil::ingest {

struct WalkVisitor {
  // Every entry that is not a directory (symlinks followed), in order.
  std::function<void(const std::string& path)> file;
  // A directory that cannot be listed ("cannot list directory: ..."); called before the
  // entries that could be listed, if any.
  std::function<void(const std::string& dir, const std::string& message)> error;
};

// Walks `dir` recursively. `visited` holds the canonical paths of the directories already
// walked: one reached again (a symlink loop, a directory named twice) is skipped, and `dir`
// and every directory under it are added.
void WalkDirectory(const std::string& dir, std::set<std::string>* visited,
                   const WalkVisitor& visit);

}  // namespace vigil::ingest

// input_walk.cc: directory traversal for the ingestor and the parallel ingest.
#include "ingest/input_walk.h"

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <vector>

namespace vigil::ingest {

namespace fs = std::filesystem;

void WalkDirectory(const std::string& dir, std::set<std::string>* visited,
                   const WalkVisitor& visit) {
  std::error_code ec;
  const fs::path canonical = fs::canonical(dir, ec);
  if (!ec && !visited->insert(canonical.string()).second) return;  // a symlink loop
  std::vector<fs::directory_entry> entries;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    entries.push_back(*it);
  }
  if (ec) visit.error(dir, "cannot list directory: " + ec.message());
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return a.path() < b.path(); });
  for (const fs::directory_entry& e : entries) {
    std::error_code type_ec;
    if (e.is_directory(type_ec)) {
      WalkDirectory(e.path().string(), visited, visit);
    } else {
      visit.file(e.path().string());
    }
  }
}

}  // namespace vigil::ingest

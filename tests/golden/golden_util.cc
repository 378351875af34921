// golden_util.cc: file helpers, directives and the compare-or-update step of the golden tests.
#include "tests/golden/golden_util.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace vigil::golden {
namespace fs = std::filesystem;

std::string RepoPath(const std::string& relative) {
  return (fs::path(VIGIL_SOURCE_DIR) / relative).string();
}

void EnterRepoRoot() { ASSERT_EQ(::chdir(VIGIL_SOURCE_DIR), 0) << VIGIL_SOURCE_DIR; }

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

std::vector<std::string> FilesEndingWith(const std::string& dir, const std::string& suffix) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    const std::string name = e.path().filename().string();
    if (e.is_regular_file() && name.ends_with(suffix)) out.push_back(name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool UpdateMode() {
  const char* v = std::getenv("VIGIL_UPDATE_GOLDEN");
  return v != nullptr && std::string(v) == "1";
}

namespace {

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// The first differing line of the two texts, for the failure message.
std::string FirstDifference(const std::string& expected, const std::string& actual) {
  const std::vector<std::string> a = Lines(expected), b = Lines(actual);
  for (size_t i = 0; i < std::max(a.size(), b.size()); ++i) {
    const std::string x = i < a.size() ? a[i] : "<end of file>";
    const std::string y = i < b.size() ? b[i] : "<end of output>";
    if (x != y) {
      return "line " + std::to_string(i + 1) + ":\n  expected: " + x + "\n  actual:   " + y;
    }
  }
  return "the texts differ only in their final newline";
}

}  // namespace

void ExpectMatchesGolden(const std::string& expected_path, const std::string& actual) {
  const bool exists = fs::exists(expected_path);
  const std::string expected = exists ? ReadFile(expected_path) : "";
  if (exists && expected == actual) return;
  if (UpdateMode()) {
    WriteFile(expected_path, actual);
    ADD_FAILURE() << "rewrote " << expected_path << " (VIGIL_UPDATE_GOLDEN=1); review the diff";
    return;
  }
  ADD_FAILURE() << (exists ? "output differs from " : "missing golden file ") << expected_path
                << "\n"
                << (exists ? FirstDifference(expected, actual) : "") << "\nfull output:\n"
                << actual << "\nrerun with VIGIL_UPDATE_GOLDEN=1 to accept the new output";
}

Directives ParseDirectives(const std::string& source) {
  Directives d;
  std::istringstream in(source);
  for (std::string line; std::getline(in, line);) {
    if (!line.starts_with("//")) break;  // directives live in the leading comment block
    const std::string kPrefix = "// golden: ";
    if (!line.starts_with(kPrefix)) continue;
    std::istringstream words(line.substr(kPrefix.size()));
    std::string word;
    words >> word;
    if (word == "allow") {
      for (std::string code; words >> code;) d.allow.push_back(code);
    } else if (word == "max-file-bytes") {
      words >> d.max_file_bytes;
    } else if (word == "retired") {
      d.retired = true;
    } else if (word == "not-first") {
      d.not_first = true;
    } else {
      d.unknown.push_back(word);
    }
  }
  return d;
}

}  // namespace vigil::golden

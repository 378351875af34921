// golden_util.h: shared plumbing of the golden tests (tests/golden/): reading inputs, the
// `// golden:` directives of an input, and comparing with (or rewriting) an expected file.
//
// Update mode: run a golden test binary with VIGIL_UPDATE_GOLDEN=1 to rewrite every expected
// file whose content differs from the current output (the test still fails once, naming the
// files it rewrote); review the diff with `git diff tests/golden` before committing.
#pragma once

#include <string>
#include <vector>

namespace vigil::golden {

// Absolute path of a file under the repository root (VIGIL_SOURCE_DIR).
std::string RepoPath(const std::string& relative);

// Makes the repository root the working directory, so paths in rendered output are the stable
// relative paths `tests/golden/...`. Call once per test before loading inputs.
void EnterRepoRoot();

std::string ReadFile(const std::string& path);
void WriteFile(const std::string& path, const std::string& text);

// Sorted names (not paths) of the regular files in `dir` ending with `suffix`.
std::vector<std::string> FilesEndingWith(const std::string& dir, const std::string& suffix);

// True when VIGIL_UPDATE_GOLDEN=1 is set.
bool UpdateMode();

// Compares `actual` with the content of `expected_path` byte for byte. On a difference, fails
// the current test with a line diff; in update mode rewrites the file as well. A missing file
// is a difference.
void ExpectMatchesGolden(const std::string& expected_path, const std::string& actual);

// The directives of an input: leading comment lines of the form `// golden: <word> [args]`.
//   allow CODE...        switch these warnings off while loading (like `vigil check -A CODE`)
//   max-file-bytes N     load with this file size limit (LoadOptions::max_file_bytes)
//   retired              nothing reports the code any more (the input must load cleanly)
//   not-first            other diagnostics precede the code by nature (E0105 counts E0102s)
struct Directives {
  std::vector<std::string> allow;
  size_t max_file_bytes = 0;  // 0: the default
  bool retired = false;
  bool not_first = false;
  std::vector<std::string> unknown;  // directives this harness does not know (a test failure)
};
Directives ParseDirectives(const std::string& source);

}  // namespace vigil::golden

// driver.h: the compiler's facade: expands paths into rule files, reads and parses them,
// follows imports, runs sema, and returns the checked pack with every diagnostic.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "compiler/base/diagnostics.h"
#include "compiler/sema/pack.h"

namespace vigil::compiler {

struct LoadOptions {
  std::vector<DiagCode> disabled;  // warnings switched off
  bool warnings_as_errors = false;
  size_t max_file_bytes = 64u << 20;
};

struct LoadResult {
  std::unique_ptr<sema::Pack> pack;  // always set; holds the sources diagnostics point into
  std::vector<Diagnostic> diagnostics;
  size_t errors = 0;
  size_t warnings = 0;
  size_t files = 0;
  std::vector<std::string> tool_errors;  // a path that does not exist, an unreadable dir
};

// Loads the .vgl files named by `paths` (files, or directories searched recursively in sorted
// order) plus everything they import. `-` reads one file from stdin.
LoadResult LoadPack(const std::vector<std::string>& paths, const LoadOptions& options);

// Loads one in-memory source (tests, `vigil fmt -`, fuzzers).
LoadResult LoadSource(const std::string& name, const std::string& text, const LoadOptions& options);

// Loads in-memory files (path, text) as one pack; imports resolve among them by path.
LoadResult LoadSources(const std::vector<std::pair<std::string, std::string>>& files,
                       const LoadOptions& options);

// Expands paths into the sorted list of .vgl files; problems go to *errors.
std::vector<std::string> ExpandRuleFiles(const std::vector<std::string>& paths,
                                         std::vector<std::string>* errors);

}  // namespace vigil::compiler

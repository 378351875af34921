// checker.h: semantic analysis of a parsed pack: declarations, macros, every rule, pack-wide
// duplicate ids and lints. Fills pack.lists and pack.rules; every problem is a diagnostic.
#pragma once

#include <functional>
#include <map>
#include <set>
#include <string>

#include "compiler/base/diagnostics.h"
#include "compiler/sema/pack.h"

namespace vigil::sema {

struct CheckOptions {
  // Files each file can see (itself and its imports, transitively). Files absent here see all.
  std::map<uint32_t, std::set<uint32_t>> visible;
  // Files with syntax errors: their rules are not checked (their ASTs are partial).
  std::set<uint32_t> skip_files;
  // Reads a `list ... from "file"` file; false when it cannot. Null: the file system.
  std::function<bool(const std::string& path, std::string* text)> read_file;
};

void CheckPack(Pack& pack, const CheckOptions& options, compiler::DiagnosticSink& sink);

}  // namespace vigil::sema

// checker.h: semantic analysis of a parsed pack: declarations, macros, every rule, pack-wide
// duplicate ids and lints. Fills pack.lists and pack.rules; every problem is a diagnostic.
#pragma once

#include <map>
#include <set>

#include "compiler/base/diagnostics.h"
#include "compiler/sema/pack.h"

namespace vigil::sema {

struct CheckOptions {
  // Files each file can see (itself and its imports, transitively). Files absent here see all.
  std::map<uint32_t, std::set<uint32_t>> visible;
  // Files with syntax errors: their rules are not checked (their ASTs are partial).
  std::set<uint32_t> skip_files;
};

void CheckPack(Pack& pack, const CheckOptions& options, compiler::DiagnosticSink& sink);

}  // namespace vigil::sema

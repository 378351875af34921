// lints.h: the pack's warnings (W05xx) that need the whole pack: unused lists and macros,
// conditions that are constant, rules that match every event of their types.
#pragma once

#include <set>

#include "compiler/base/diagnostics.h"
#include "compiler/sema/pack.h"
#include "compiler/sema/scope.h"

namespace vigil::sema {

void RunLints(const Pack& pack, Scope& scope, const std::set<uint32_t>& skip_files,
              compiler::DiagnosticSink& sink);

// Folds a constant boolean expression of literals (and, or, not, ==, != on literals).
// Returns nullopt when it is not constant or not foldable.
std::optional<bool> FoldConstantBool(const ast::Expr& e);

}  // namespace vigil::sema

// ast_dump.h: a structural text dump of a parsed ast::File that ignores spans, source order of
// top-level items and of rule clauses, comments and sema annotations. Two files whose dumps are
// equal mean the same thing; `vigil fmt` checks its output against its input with it.
#pragma once

#include <string>

#include "compiler/ast/ast.h"

namespace vigil::format {

// One line per declaration, clause, step, test item; expressions as s-expressions, literals by
// kind and exact value. Metadata entries are listed by key (stable for equal keys); an unnamed
// evidence item is keyed by its expression only (its name is its source text).
std::string DumpAst(const ast::File& file);

}  // namespace vigil::format

// parser.h: source text -> AST. The only entry point to the ANTLR-generated parser; no ANTLR
// type escapes parser.cc. Syntax errors become coded diagnostics (E01xx); recovery, error
// count and nesting depth are capped so hostile input cannot hang or overflow the stack.
#pragma once

#include "compiler/ast/ast.h"
#include "compiler/base/diagnostics.h"
#include "compiler/base/source.h"

namespace vigil::compiler {

// Parses file `file_id` of `sm`. Never throws; on errors returns what could be built (possibly
// nothing) and reports to `sink`.
ast::File ParseFile(const SourceManager& sm, uint32_t file_id, DiagnosticSink& sink);

}  // namespace vigil::compiler

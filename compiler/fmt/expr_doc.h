// expr_doc.h: expressions and literals in their canonical spelling, for `vigil fmt`. Parentheses
// are printed only where the grammar's precedence and associativity need them, so the printed
// text parses back to the same tree. Long `and`/`or` chains and list literals may break.
#pragma once

#include <string>

#include "compiler/ast/ast.h"
#include "compiler/fmt/doc.h"

namespace vigil::format {

// The canonical text of a literal: strings quoted and escaped, durations as 1h30m, timestamps in
// UTC (2024-05-01T10:00:00Z), numbers in their shortest exact form. Parses back to `lit`.
std::string LiteralText(const ast::Literal& lit);

// The whole expression. An `and`/`or` chain is a group that, when too long for its line, puts
// each operand after the first on its own line (indented 2 more) starting with the operator;
// a list literal is a group that puts one element per line. Comments are not printed here.
Doc ExprDoc(const ast::Expr& e);

}  // namespace vigil::format

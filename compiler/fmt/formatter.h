// formatter.h: `vigil fmt`'s library: source text -> the one canonical layout of a rule file.
// Parses with compiler/parse, prints with printer.h and verifies its own output before handing
// it out; the CLI (cli/cmd_fmt.cc) only reads and writes files.
//
// The layout: 2-space indentation; file header comments, then imports, lists, macros and rules
// (source order within each kind), one blank line between items (consecutive one-line items of
// one kind form a block); inside a rule, metadata in a fixed key order, the logic clauses, then
// the tests, the three groups separated by blank lines; canonical literal spellings; minimal
// parentheses; `and`/`or` chains longer than 100 columns broken before each operator with 2 more
// spaces of indentation; lists, evidence and test events broken one element per line when long.
// Every comment is kept (see comments.h for where each one goes).
#pragma once

#include <string>
#include <vector>

#include "compiler/base/diagnostics.h"
#include "compiler/base/source.h"

namespace vigil::format {

struct FormatResult {
  // True when `text` holds the formatted file. False when the file has errors (diagnostics) or
  // the formatter failed its own verification (internal_error); the file must be left alone.
  bool ok = false;
  std::string text;
  std::vector<compiler::Diagnostic> diagnostics;  // point into `sources`
  compiler::SourceManager sources;
  std::string internal_error;
};

// Formats `text` (named `name` in diagnostics). A file with any parse error, or with a clause
// that may appear once given twice (the AST keeps only one), is not formatted. When ok, the
// result parses without errors to an equivalent AST (ast_dump.h) with the same comments, and
// formatting it again returns it unchanged; a violation is reported as internal_error.
FormatResult FormatSource(const std::string& name, std::string text);

}  // namespace vigil::format

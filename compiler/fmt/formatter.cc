// formatter.cc: parse, refuse files with errors, print, then verify the output (it parses, means
// the same, keeps every comment and is a fixed point) before returning it.
#include "compiler/fmt/formatter.h"

#include <algorithm>

#include "compiler/fmt/ast_dump.h"
#include "compiler/fmt/comments.h"
#include "compiler/fmt/printer.h"
#include "compiler/parse/parser.h"

namespace vigil::format {
namespace {

using compiler::DiagCode;
using compiler::DiagnosticSink;

// The AST keeps one of each of these clauses, so a second one would be lost by printing.
void ReportDuplicateClauses(const ast::File& file, DiagnosticSink& sink) {
  for (const ast::Rule& r : file.rules) {
    std::vector<bool> seen(static_cast<size_t>(ast::ClauseKind::kTest) + 1, false);
    for (const ast::ClauseRef& c : r.clauses) {
      if (c.kind == ast::ClauseKind::kMeta || c.kind == ast::ClauseKind::kExcept ||
          c.kind == ast::ClauseKind::kTest) {
        continue;
      }
      if (seen[static_cast<size_t>(c.kind)]) {
        sink.Report(DiagCode::kE0409, c.span, "this clause is given twice in the rule").help =
            "vigil fmt formats a rule only when each of these clauses appears once";
      }
      seen[static_cast<size_t>(c.kind)] = true;
    }
  }
}

bool HasErrors(const std::vector<compiler::Diagnostic>& diags) {
  return std::any_of(diags.begin(), diags.end(), [](const compiler::Diagnostic& d) {
    return d.severity == compiler::Severity::kError;
  });
}

// Comment texts as the printer writes them (trailing blanks dropped), sorted.
std::vector<std::string> CommentTexts(const ast::File& file) {
  std::vector<std::string> out;
  for (const ast::Comment& c : file.comments) out.push_back(CommentText(c));
  std::sort(out.begin(), out.end());
  return out;
}

// Prints `file`; false with *error when a comment found no place.
bool PrintFile(const ast::File& file, const std::string& source, std::string* out,
               std::string* error) {
  Printer printer(file, source);
  *out = printer.Print();
  if (printer.unprinted_comments() == 0) return true;
  *error = std::to_string(printer.unprinted_comments()) + " comment(s) would be lost";
  return false;
}

// Checks the output against the input; returns what is wrong, or "" when it is sound.
std::string Verify(const ast::File& original, const std::string& output) {
  compiler::SourceManager sm;
  const uint32_t id = sm.Add("<formatted>", output);
  DiagnosticSink sink;
  const ast::File again = compiler::ParseFile(sm, id, sink);
  const std::vector<compiler::Diagnostic> diags = sink.Take();
  if (HasErrors(diags)) return "the output does not parse: " + diags.front().message;
  if (DumpAst(again) != DumpAst(original)) return "the output means something else";
  if (CommentTexts(again) != CommentTexts(original)) return "the output lost or changed comments";
  std::string twice, error;
  if (!PrintFile(again, output, &twice, &error)) return "formatting the output: " + error;
  if (twice != output) return "formatting the output changes it again";
  return {};
}

}  // namespace

FormatResult FormatSource(const std::string& name, std::string text) {
  FormatResult r;
  const uint32_t id = r.sources.Add(name, std::move(text));
  DiagnosticSink sink;
  const ast::File file = compiler::ParseFile(r.sources, id, sink);
  ReportDuplicateClauses(file, sink);
  r.diagnostics = sink.Take();
  if (HasErrors(r.diagnostics)) return r;
  if (!PrintFile(file, r.sources.file(id).text(), &r.text, &r.internal_error)) return r;
  r.internal_error = Verify(file, r.text);
  r.ok = r.internal_error.empty();
  if (!r.ok) r.text.clear();
  return r;
}

}  // namespace vigil::format

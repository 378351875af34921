// printer.h: ast::File -> canonical text, the core of `vigil fmt` (internal to compiler/fmt; the
// public entry point with parsing and verification is formatter.h). Top level in printer.cc,
// rules in rule_printer.cc, embedded tests in test_printer.cc.
#pragma once

#include <string>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/fmt/comments.h"
#include "compiler/fmt/doc.h"

namespace vigil::format {

inline constexpr int kLineWidth = 100;

class Printer {
 public:
  // `file` was parsed without errors from `source`; both must outlive the printer.
  Printer(const ast::File& file, const std::string& source);

  // The canonical text of the file. Call once.
  std::string Print();
  // Comments Print() did not place (nonzero means a formatter bug: the caller must not write).
  size_t unprinted_comments() const { return comments_.untaken(); }

 private:
  // printer.cc: top-level items and helpers shared by all constructs.
  std::string ItemText(const ast::ItemRef& item);
  Doc Import(const ast::Import& d);
  Doc List(const ast::ListDecl& d);
  Doc Macro(const ast::MacroDecl& d);
  // Leading comments (own lines), `body`, trailing comments (end of body's last line).
  Doc Commented(const void* key, Doc body);
  // Dangling comments of `container`, one doc each.
  std::vector<Doc> Tail(const void* container);
  // `[e1, e2]` with each entry's comments and the container's dangling ones.
  Doc Entries(const void* container, const std::vector<ast::ExprPtr>& entries);
  // header {
  //   lines (an empty Doc is a blank line)
  // }
  Doc Block(Doc header, std::vector<Doc> lines, const void* container);

  // rule_printer.cc
  Doc Rule(const ast::Rule& r);
  Doc Clause(const ast::Rule& r, const ast::ClauseRef& ref);
  Doc Meta(const ast::MetaEntry& m);
  Doc MetaValue(const ast::MetaValue& v, const void* container);
  Doc Aggregate(const ast::Aggregate& a);
  Doc Sequence(const ast::Sequence& s, const void* key);
  Doc Evidence(const ast::Rule& r);
  Doc Except(const ast::Exception& x);

  // test_printer.cc
  Doc Test(const ast::TestCase& t);
  Doc TestItem(const ast::TestItem& t);
  Doc Field(const std::string& path, const ast::TestValue& v);
  Doc Value(const ast::TestValue& v);

  const ast::File& file_;
  CommentMap comments_;
};

// Shared by the printer files.
std::string Quoted(const std::string& s);
Doc ExprList(const std::vector<ast::ExprPtr>& exprs);

}  // namespace vigil::format

// scope.h: the pack-wide symbol table sema resolves names against: lists and macros with the
// file that declares them, and which files each file can see (itself plus its imports,
// transitively). Names of lists and macros are unique across a pack.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/base/diagnostics.h"
#include "compiler/sema/pack.h"

namespace vigil::sema {

struct MacroEntry {
  const ast::MacroDecl* decl = nullptr;
  uint32_t file = 0;
  bool used = false;
  bool checking = false;  // expansion in progress (detects recursive macros)
};

class Scope {
 public:
  Scope(Pack& pack, compiler::DiagnosticSink& sink) : pack_(pack), sink_(sink) {}

  // Declares the lists and macros of `file`; reports duplicates (E0207).
  void Declare(const ast::File& file);
  // Files visible from `file` (itself included).
  void SetVisible(uint32_t file, std::set<uint32_t> visible) { visible_[file] = std::move(visible); }
  bool Visible(uint32_t from, uint32_t decl_file) const;

  // Lookups by name; null when unknown. A name declared in a file `from` cannot see is reported
  // (E0212, at `use`) and still returned so checking can go on.
  List* FindList(std::string_view name, uint32_t from, compiler::Span use);
  MacroEntry* FindMacro(std::string_view name, uint32_t from, compiler::Span use);
  // The list named `name` without visibility checks or marking it used; null when unknown.
  const List* PeekList(std::string_view name) const;

  std::vector<std::string> ListNames() const;
  std::vector<std::string> MacroNames() const;
  std::map<std::string, MacroEntry, std::less<>>& macros() { return macros_; }

 private:
  void ReportNotImported(std::string_view what, std::string_view name, uint32_t decl_file,
                         compiler::Span use);
  Pack& pack_;
  compiler::DiagnosticSink& sink_;
  std::map<std::string, size_t, std::less<>> lists_;  // name -> index in pack_.lists
  std::map<std::string, MacroEntry, std::less<>> macros_;
  std::map<uint32_t, std::set<uint32_t>> visible_;
};

}  // namespace vigil::sema

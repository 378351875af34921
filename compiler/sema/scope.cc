// scope.cc: declaration and lookup of pack-level names.
#include "compiler/sema/scope.h"

#include <fmt/format.h>

#include <filesystem>

#include "compiler/ast/types.h"

namespace vigil::sema {

using compiler::DiagCode;
using compiler::Span;
namespace fs = std::filesystem;

void Scope::Declare(const ast::File& file) {
  for (const ast::ListDecl& d : file.lists) {
    if (auto it = lists_.find(d.name); it != lists_.end()) {
      compiler::Diagnostic& diag = sink_.Report(
          DiagCode::kE0207, d.name_span, fmt::format("list `${}` is declared twice", d.name));
      diag.secondary.push_back({pack_.lists[it->second].span, "first declared here"});
      continue;
    }
    List l;
    l.name = d.name;
    l.tenant = d.tenant;
    l.span = d.name_span;
    l.file = file.file_id;
    lists_.emplace(d.name, pack_.lists.size());
    pack_.lists.push_back(std::move(l));
  }
  for (const ast::MacroDecl& m : file.macros) {
    if (auto it = macros_.find(m.name); it != macros_.end()) {
      compiler::Diagnostic& diag = sink_.Report(
          DiagCode::kE0207, m.name_span, fmt::format("macro `{}` is declared twice", m.name));
      diag.secondary.push_back({it->second.decl->name_span, "first declared here"});
      continue;
    }
    schema::FieldId f;
    if (schema::FindField(m.name, &f)) {
      sink_.Report(DiagCode::kE0211, m.name_span,
                   fmt::format("macro `{}` has the name of a field", m.name))
          .help = "rename the macro; fields and macros share one namespace";
    }
    macros_.emplace(m.name, MacroEntry{&m, file.file_id});
  }
}

bool Scope::Visible(uint32_t from, uint32_t decl_file) const {
  if (from == decl_file) return true;
  auto it = visible_.find(from);
  return it == visible_.end() || it->second.count(decl_file) > 0;
}

void Scope::ReportNotImported(std::string_view what, std::string_view name, uint32_t decl_file,
                              Span use) {
  const std::string& path = pack_.sources.file(decl_file).path();
  // Imports are resolved against the importing file's directory, so the hint is too.
  std::string relative = path;
  if (use.valid() && use.file < pack_.sources.size()) {
    const fs::path from = fs::path(pack_.sources.file(use.file).path()).parent_path();
    const fs::path rel = fs::path(path).lexically_relative(from.empty() ? fs::path(".") : from);
    if (!rel.empty()) relative = rel.generic_string();
  }
  sink_
      .Report(DiagCode::kE0212, use,
              fmt::format("{} `{}` is declared in {}, which this file does not import", what, name,
                          path))
      .help = fmt::format("add `import \"{}\"`", relative);
}

List* Scope::FindList(std::string_view name, uint32_t from, Span use) {
  auto it = lists_.find(name);
  if (it == lists_.end()) return nullptr;
  List& l = pack_.lists[it->second];
  if (!Visible(from, l.file)) ReportNotImported("list", "$" + std::string(name), l.file, use);
  l.used = true;
  return &l;
}

const List* Scope::PeekList(std::string_view name) const {
  auto it = lists_.find(name);
  return it == lists_.end() ? nullptr : &pack_.lists[it->second];
}

MacroEntry* Scope::FindMacro(std::string_view name, uint32_t from, Span use) {
  auto it = macros_.find(name);
  if (it == macros_.end()) return nullptr;
  if (!Visible(from, it->second.file)) ReportNotImported("macro", name, it->second.file, use);
  return &it->second;
}

std::vector<std::string> Scope::ListNames() const {
  std::vector<std::string> out;
  for (const auto& [name, index] : lists_) out.push_back(name);
  return out;
}

std::vector<std::string> Scope::MacroNames() const {
  std::vector<std::string> out;
  for (const auto& [name, entry] : macros_) out.push_back(name);
  return out;
}

}  // namespace vigil::sema

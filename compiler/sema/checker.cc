// checker.cc: the pack-level pass of sema.
#include "compiler/sema/checker.h"

#include <fmt/format.h>
#include <re2/re2.h>

#include <filesystem>

#include "compiler/sema/expr_checker.h"
#include "compiler/sema/lints.h"
#include "compiler/sema/rule_checker.h"
#include "compiler/sema/scope.h"
#include "stdlib/lists/loaders.h"

namespace vigil::sema {

using compiler::DiagCode;

namespace {

constexpr std::array<std::string_view, 8> kListKinds = {"string", "email", "domain", "int",
                                                        "cidr",   "regex", "glob",   "ioc"};

// Reads the entries of a `from "file"` list into list.entries (the pack carries them, so a
// compiled pack does not depend on the file any more).
void LoadFileEntries(List& list, const std::string& text, compiler::Span span,
                     compiler::DiagnosticSink& sink) {
  stdlib::LoadResult r;
  const stdlib::FileFormat format = stdlib::FormatForPath(list.from_file, stdlib::FileFormat::kAuto);
  if (list.kind == ListKind::kIoc) {
    r = stdlib::LoadIocText(text, list.from_file, format, list.name);
  } else {
    stdlib::LoadOptions opts;
    static constexpr stdlib::ListKind kKinds[] = {
        stdlib::ListKind::kString, stdlib::ListKind::kString, stdlib::ListKind::kDomain,
        stdlib::ListKind::kString, stdlib::ListKind::kCidr,   stdlib::ListKind::kRegex,
        stdlib::ListKind::kGlob,   stdlib::ListKind::kIoc};
    opts.list.kind = kKinds[static_cast<size_t>(list.kind)];
    opts.list.caseless = list.kind == ListKind::kEmail;
    opts.format = format;
    r = stdlib::LoadListText(text, list.from_file, opts);
  }
  for (size_t i = 0; i < r.errors.size() && i < 20; ++i) {
    sink.Report(DiagCode::kE0312, span, r.errors[i]);
  }
  if (r.list == nullptr) return;
  for (const std::string& e : r.list->entries()) {
    ast::Literal lit;
    lit.kind = ast::LiteralKind::kString;
    lit.s = e;
    if (list.kind == ListKind::kInt) {
      lit.kind = ast::LiteralKind::kInt;
      lit.i = std::strtoll(e.c_str(), nullptr, 10);
    }
    list.entries.push_back(std::move(lit));
  }
}

// Validates a list declaration's type and entries and stores them in `list`.
void CheckListDecl(const ast::ListDecl& d, List& list, const compiler::SourceManager& sm,
                   const CheckOptions& options, compiler::DiagnosticSink& sink) {
  std::string kind = d.type.name;
  if (kind == "ip") kind = "cidr";
  if (!d.type.arg.empty() || !ParseListKind(kind, &list.kind)) {
    sink.Report(DiagCode::kE0301, d.type.span, fmt::format("unknown list type `{}`", d.type.name))
        .help = "list types: string, email, domain, int, cidr (or ip), regex, glob, ioc";
    return;
  }
  for (const ast::ExprPtr& e : d.entries) {
    const bool literal = e->kind == ast::ExprKind::kLiteral;
    const ast::Literal& lit = e->lit;
    bool fits = literal && lit.kind == ast::LiteralKind::kString;
    if (list.kind == ListKind::kInt) fits = literal && lit.kind == ast::LiteralKind::kInt;
    if (list.kind == ListKind::kCidr) fits = literal && LiteralFits(lit, schema::ScalarType::kCidr);
    if (!fits) {
      sink.Report(DiagCode::kE0312, e->span,
                  fmt::format("entry does not fit list<{}>", ListKindName(list.kind)));
      continue;
    }
    if (list.kind == ListKind::kRegex) {
      RE2::Options opts;
      opts.set_log_errors(false);
      RE2 re(lit.s, opts);
      if (!re.ok()) {
        sink.Report(DiagCode::kE0305, e->span, fmt::format("invalid regex: {}", re.error()));
        continue;
      }
    }
    list.entries.push_back(lit);
  }
  if (!d.from_file.empty()) {
    namespace fs = std::filesystem;
    const fs::path base = fs::path(sm.file(d.name_span.file).path()).parent_path();
    const fs::path p = (base / d.from_file).lexically_normal();
    list.from_file = p.string();
    std::string text, error;
    const bool read = options.read_file ? options.read_file(list.from_file, &text)
                                        : stdlib::ReadFileToString(list.from_file, &text, &error);
    if (!read) {
      sink.Report(DiagCode::kE0208, d.from_span, fmt::format("list file `{}` cannot be read", p.string()));
      return;
    }
    LoadFileEntries(list, text, d.from_span, sink);
  }
}

}  // namespace

std::string_view ListKindName(ListKind k) { return kListKinds[static_cast<size_t>(k)]; }

bool ParseListKind(std::string_view name, ListKind* out) {
  for (size_t i = 0; i < kListKinds.size(); ++i) {
    if (kListKinds[i] == name) {
      *out = static_cast<ListKind>(i);
      return true;
    }
  }
  return false;
}

std::string ListEntryText(const ast::Literal& lit) {
  switch (lit.kind) {
    case ast::LiteralKind::kInt:
    case ast::LiteralKind::kDuration:
    case ast::LiteralKind::kTimestamp:
      return std::to_string(lit.i);
    case ast::LiteralKind::kIp:
      return base::FormatIp(lit.ip);
    case ast::LiteralKind::kCidr:
      return base::FormatCidr(lit.cidr);
    case ast::LiteralKind::kBool:
      return lit.b ? "true" : "false";
    default:
      return lit.s;
  }
}

const List* Pack::FindList(std::string_view name) const {
  for (const List& l : lists) {
    if (l.name == name) return &l;
  }
  return nullptr;
}

namespace {

void CollectAggregateCalls(const ast::Expr* e, std::vector<const ast::Expr*>* out) {
  if (e == nullptr) return;
  if (e->kind == ast::ExprKind::kCall && (e->callee == kCallDistinct || e->callee == kCallSum ||
                                          e->callee == kCallMin || e->callee == kCallMax)) {
    out->push_back(e);
    return;
  }
  for (const auto& a : e->args) CollectAggregateCalls(a.get(), out);
}

}  // namespace

std::vector<const ast::Expr*> AggregateCalls(const Rule& rule) {
  std::vector<const ast::Expr*> out;
  if (!rule.aggregate) return out;
  CollectAggregateCalls(rule.aggregate->having.get(), &out);
  for (const Evidence& ev : rule.evidence) CollectAggregateCalls(ev.expr.get(), &out);
  return out;
}

std::vector<const ast::Expr*> StatefulOutputs(const Rule& rule, size_t /*step*/) {
  std::vector<const ast::Expr*> out;
  if (rule.aggregate) {
    for (const auto& k : rule.aggregate->by) out.push_back(k.get());
    for (const ast::Expr* call : AggregateCalls(rule)) out.push_back(call->args[0].get());
  } else if (rule.sequence) {
    for (const auto& k : rule.sequence->by) out.push_back(k.get());
  }
  return out;
}

uint32_t Pack::SlotOf(size_t rule, size_t step) const {
  if (step == 0) return static_cast<uint32_t>(rule);
  size_t slot = rules.size();
  for (size_t r = 0; r < rule; ++r) {
    if (rules[r].sequence) slot += rules[r].sequence->steps.size() - 1;
  }
  return static_cast<uint32_t>(slot + step - 1);
}

uint32_t Pack::SlotCount() const {
  size_t n = rules.size();
  for (const Rule& r : rules) {
    if (r.sequence && !r.sequence->steps.empty()) n += r.sequence->steps.size() - 1;
  }
  return static_cast<uint32_t>(n);
}

const Rule* Pack::FindRule(std::string_view id) const {
  for (const Rule& r : rules) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

void CheckPack(Pack& pack, const CheckOptions& options, compiler::DiagnosticSink& sink) {
  Scope scope(pack, sink);
  for (const auto& f : pack.files) {
    scope.Declare(*f);
    auto it = options.visible.find(f->file_id);
    if (it != options.visible.end()) scope.SetVisible(f->file_id, it->second);
  }
  for (const auto& f : pack.files) {
    for (const ast::ListDecl& d : f->lists) {
      for (List& l : pack.lists) {
        if (l.name == d.name && l.file == f->file_id) CheckListDecl(d, l, pack.sources, options, sink);
      }
    }
  }
  RuleChecker rules(scope, sink);
  // Macro bodies are checked on their own so unused macros are checked too; that check does
  // not count as a use.
  for (const auto& f : pack.files) {
    if (options.skip_files.count(f->file_id)) continue;
    for (const ast::MacroDecl& m : f->macros) rules.CheckMacroBody(m, f->file_id);
  }
  for (auto& [name, entry] : scope.macros()) entry.used = false;
  for (List& l : pack.lists) l.used = false;

  std::map<std::string, compiler::Span> ids;
  for (const auto& f : pack.files) {
    if (options.skip_files.count(f->file_id)) continue;
    for (const ast::Rule& r : f->rules) {
      auto [it, fresh] = ids.emplace(r.id, r.id_span);
      if (!fresh) {
        sink.Report(DiagCode::kE0206, r.id_span, fmt::format("rule id `{}` is used twice", r.id))
            .secondary.push_back({it->second, "first used here"});
      }
      pack.rules.push_back(rules.Check(r, f->file_id));
    }
  }
  RunLints(pack, scope, options.skip_files, sink);
}

}  // namespace vigil::sema

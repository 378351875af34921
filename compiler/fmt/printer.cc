// printer.cc: the top level of the canonical layout: file header comments, then imports, lists,
// macros and rules (source order within each kind), items separated by one blank line.
#include "compiler/fmt/printer.h"

#include <algorithm>

#include "compiler/fmt/expr_doc.h"
#include "compiler/parse/literals.h"

namespace vigil::format {
namespace {

int KindRank(ast::ItemKind kind) {
  switch (kind) {
    case ast::ItemKind::kImport:
      return 0;
    case ast::ItemKind::kList:
      return 1;
    case ast::ItemKind::kMacro:
      return 2;
    case ast::ItemKind::kRule:
      return 3;
  }
  return 3;
}

std::string TypeText(const ast::TypeRef& t) {
  return t.arg.empty() ? t.name : t.name + "<" + t.arg + ">";
}

std::vector<Doc> Lines(const std::vector<std::string>& texts) {
  std::vector<Doc> out;
  for (const std::string& t : texts) out.push_back(Concat({Text(t), HardLine()}));
  return out;
}

bool SingleLine(const std::string& text) { return text.find('\n') + 1 == text.size(); }

}  // namespace

std::string Quoted(const std::string& s) { return compiler::QuoteString(s); }

Doc ExprList(const std::vector<ast::ExprPtr>& exprs) {
  std::vector<Doc> parts;
  for (const ast::ExprPtr& e : exprs) parts.push_back(ExprDoc(*e));
  return Join(std::move(parts), Text(", "));
}

Printer::Printer(const ast::File& file, const std::string& source)
    : file_(file), comments_(file, source) {}

std::string Printer::Print() {
  std::string out;
  for (const std::string& c : comments_.TakeHeader()) out += c + "\n";
  std::vector<const ast::ItemRef*> items;
  for (const ast::ItemRef& item : file_.items) items.push_back(&item);
  std::stable_sort(items.begin(), items.end(), [](const ast::ItemRef* a, const ast::ItemRef* b) {
    return KindRank(a->kind) < KindRank(b->kind);
  });
  // Consecutive one-line imports, lists or macros form a block without blank lines, unless
  // the author put a blank line before one (above its leading comments, if any).
  const ast::ItemRef* prev = nullptr;
  bool prev_single = false;
  for (const ast::ItemRef* item : items) {
    const void* key = ItemKey(file_, *item);
    const bool blank_before =
        comments_.BlankLineBefore(comments_.LeadingBegin(key, item->span.begin));
    std::string leading;
    for (const std::string& c : comments_.TakeLeading(key)) leading += c + "\n";
    const std::string body = ItemText(*item);
    const bool single = SingleLine(body) && item->kind != ast::ItemKind::kRule;
    const bool grouped =
        prev != nullptr && prev->kind == item->kind && single && prev_single && !blank_before;
    if (!out.empty() && !grouped) out += "\n";
    out += leading + body;
    prev = item;
    prev_single = single;
  }
  const std::vector<std::string> tail = comments_.TakeDangling(&file_);
  if (!tail.empty() && !out.empty()) out += "\n";
  for (const std::string& c : tail) out += c + "\n";
  return out;
}

std::string Printer::ItemText(const ast::ItemRef& item) {
  Doc body;
  switch (item.kind) {
    case ast::ItemKind::kImport:
      body = Import(file_.imports[item.index]);
      break;
    case ast::ItemKind::kList:
      body = List(file_.lists[item.index]);
      break;
    case ast::ItemKind::kMacro:
      body = Macro(file_.macros[item.index]);
      break;
    case ast::ItemKind::kRule:
      body = Rule(file_.rules[item.index]);
      break;
  }
  return Render(Commented(ItemKey(file_, item), std::move(body)), kLineWidth);
}

Doc Printer::Import(const ast::Import& d) { return Text("import " + Quoted(d.path)); }

Doc Printer::List(const ast::ListDecl& d) {
  std::vector<Doc> parts{
      Text((d.tenant ? "tenant list " : "list ") + d.name + ": " + TypeText(d.type))};
  if (ListHasFrom(d)) {
    parts.push_back(Text(" from " + Quoted(d.from_file)));
  } else if (ListPrintsEntries(d)) {
    parts.push_back(Text(" = "));
    parts.push_back(Entries(&d, d.entries));
  }
  return Concat(std::move(parts));
}

Doc Printer::Macro(const ast::MacroDecl& d) {
  std::string head = "macro " + d.name;
  if (d.has_params) {
    std::vector<std::string> params;
    for (const ast::Param& p : d.params) params.push_back(p.name + ": " + TypeText(p.type));
    head += "(";
    for (size_t i = 0; i < params.size(); ++i) head += (i > 0 ? ", " : "") + params[i];
    head += ")";
  }
  return Concat({Text(head + " = "), ExprDoc(*d.body)});
}

Doc Printer::Commented(const void* key, Doc body) {
  std::vector<Doc> parts = Lines(comments_.TakeLeading(key));
  parts.push_back(std::move(body));
  for (const std::string& c : comments_.TakeTrailing(key)) {
    parts.push_back(LineSuffix("  " + c));
    parts.push_back(BreakParent());
  }
  return Concat(std::move(parts));
}

std::vector<Doc> Printer::Tail(const void* container) {
  std::vector<Doc> out;
  for (const std::string& c : comments_.TakeDangling(container)) out.push_back(Text(c));
  return out;
}

Doc Printer::Entries(const void* container, const std::vector<ast::ExprPtr>& entries) {
  std::vector<Doc> docs;
  for (const ast::ExprPtr& e : entries) docs.push_back(Commented(e.get(), ExprDoc(*e)));
  return Bracketed("[", "]", std::move(docs), Tail(container), false);
}

Doc Printer::Block(Doc header, std::vector<Doc> lines, const void* container) {
  std::vector<Doc> inner;
  for (Doc& line : lines) {
    inner.push_back(HardLine());
    if (!line.empty()) inner.push_back(std::move(line));
  }
  for (Doc& c : Tail(container)) {
    inner.push_back(HardLine());
    inner.push_back(std::move(c));
  }
  if (inner.empty()) return Concat({std::move(header), Text(" {}")});
  return Concat(
      {std::move(header), Text(" {"), Nest(2, Concat(std::move(inner))), HardLine(), Text("}")});
}

}  // namespace vigil::format

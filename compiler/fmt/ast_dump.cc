// ast_dump.cc: the structural dump behind fmt's equivalence check and its tests.
#include "compiler/fmt/ast_dump.h"

#include <algorithm>
#include <charconv>

#include "base/ip.h"

namespace vigil::format {
namespace {

std::string Exact(double f) {
  char buf[64];
  const auto res = std::to_chars(buf, buf + sizeof(buf), f);
  return std::string(buf, res.ptr);
}

// Strings are dumped with their length so that no content can fake the structure around it.
std::string Str(const std::string& s) { return std::to_string(s.size()) + ":" + s; }

std::string Lit(const ast::Literal& l) {
  switch (l.kind) {
    case ast::LiteralKind::kNull:
      return "null";
    case ast::LiteralKind::kBool:
      return l.b ? "true" : "false";
    case ast::LiteralKind::kInt:
      return "int " + std::to_string(l.i);
    case ast::LiteralKind::kFloat:
      return "float " + Exact(l.f);
    case ast::LiteralKind::kString:
      return "str " + Str(l.s);
    case ast::LiteralKind::kDuration:
      return "dur " + std::to_string(l.i);
    case ast::LiteralKind::kTimestamp:
      return "ts " + std::to_string(l.i);
    case ast::LiteralKind::kIp:
      return "ip " + base::FormatIp(l.ip);
    case ast::LiteralKind::kCidr:
      return "cidr " + base::FormatCidr(l.cidr);
  }
  return "?";
}

class Dumper {
 public:
  std::string Take() { return std::move(out_); }

  void Expr(const ast::Expr* e) {
    if (e == nullptr) {
      out_ += "()";
      return;
    }
    out_ += "(" + std::to_string(static_cast<int>(e->kind));
    if (e->kind == ast::ExprKind::kLiteral) out_ += " " + Lit(e->lit);
    if (!e->name.empty()) out_ += " " + Str(e->name);
    if (e->kind == ast::ExprKind::kBinary) out_ += " " + std::string(ast::OpText(e->bop));
    if (e->kind == ast::ExprKind::kUnary) out_ += e->uop == ast::UnaryOp::kNeg ? " neg" : " not";
    if (e->kind == ast::ExprKind::kQuantifier) out_ += " " + std::string(QuantifierText(e->quant));
    if (e->negated) out_ += " negated";
    if (e->over_ms) out_ += " over " + std::to_string(*e->over_ms);
    for (const ast::ExprPtr& a : e->args) {
      out_ += " ";
      Expr(a.get());
    }
    out_ += ")";
  }

  void Exprs(const std::vector<ast::ExprPtr>& v) {
    out_ += "[";
    for (const ast::ExprPtr& e : v) Expr(e.get());
    out_ += "]";
  }

  void Line(const std::string& s) { out_ += "\n" + s; }

  void Meta(const ast::MetaValue& v) {
    out_ += "(" + std::to_string(static_cast<int>(v.kind));
    switch (v.kind) {
      case ast::MetaValue::Kind::kInt:
        out_ += " " + std::to_string(v.i);
        break;
      case ast::MetaValue::Kind::kFloat:
        out_ += " " + Exact(v.f);
        break;
      case ast::MetaValue::Kind::kBool:
        out_ += v.b ? " true" : " false";
        break;
      case ast::MetaValue::Kind::kList:
        for (const ast::MetaValue& item : v.list) Meta(item);
        break;
      default:
        out_ += " " + Str(v.text);
    }
    out_ += ")";
  }

  void Value(const ast::TestValue& v) {
    out_ += "(" + std::to_string(static_cast<int>(v.kind));
    if (v.kind == ast::TestValue::Kind::kLiteral) out_ += " " + Lit(v.lit);
    for (const ast::TestValue& item : v.items) Value(item);
    for (const auto& [path, value] : v.fields) {
      out_ += " " + Str(path) + "=";
      Value(value);
    }
    out_ += ")";
  }

  void Rule(const ast::Rule& r) {
    Line("rule " + Str(r.id));
    std::vector<int> kinds;
    for (const ast::ClauseRef& c : r.clauses) kinds.push_back(static_cast<int>(c.kind));
    std::sort(kinds.begin(), kinds.end());
    Line(" clauses");
    for (int k : kinds) out_ += " " + std::to_string(k);
    std::vector<const ast::MetaEntry*> meta;
    for (const ast::MetaEntry& m : r.meta) meta.push_back(&m);
    std::stable_sort(
        meta.begin(), meta.end(),
        [](const ast::MetaEntry* a, const ast::MetaEntry* b) { return a->key < b->key; });
    for (const ast::MetaEntry* m : meta) {
      Line(" meta " + Str(m->key) + " ");
      Meta(m->value);
    }
    Line(" on");
    for (const ast::EventRef& e : r.on) out_ += " " + Str(e.name);
    Line(" when ");
    Expr(r.when.get());
    Stateful(r);
    Line(" evidence");
    for (const ast::EvidenceItem& e : r.evidence) {
      out_ += e.named ? " " + Str(e.name) + "=" : " _=";
      Expr(e.expr.get());
    }
    for (const ast::Exception& x : r.exceptions) Except(x);
    for (const ast::TestCase& t : r.tests) Test(t);
  }

 private:
  void Stateful(const ast::Rule& r) {
    if (const auto& a = r.aggregate) {
      Line(" aggregate " + std::to_string(a->window_ms) + " " + Str(a->mode) + " ");
      Exprs(a->by);
      Expr(a->having.get());
    }
    if (const auto& s = r.sequence) {
      Line(" sequence " + std::to_string(s->within_ms) + " ");
      Exprs(s->by);
      for (const ast::Step& st : s->steps) {
        Line("  step " + std::string(st.absent ? "absent " : "") + Str(st.name));
        for (const ast::EventRef& e : st.types) out_ += " " + Str(e.name);
        out_ += " ";
        Expr(st.where.get());
      }
    }
    if (const auto& s = r.suppress) {
      Line(" suppress " + std::to_string(s->for_ms) + " ");
      Exprs(s->by);
    }
  }

  void Except(const ast::Exception& x) {
    Line(" except " + Str(x.name) + (x.has_values ? " values" : ""));
    for (const ast::ExceptField& f : x.fields) {
      out_ += " ";
      Expr(f.field.get());
      if (f.explicit_op) out_ += std::string(ExceptOpText(f.op));
    }
    for (const std::vector<ast::Literal>& t : x.values) {
      Line("  tuple");
      for (const ast::Literal& l : t) out_ += " (" + Lit(l) + ")";
    }
  }

  void Test(const ast::TestCase& t) {
    Line(" test " + Str(t.name));
    for (const ast::TestItem& item : t.items) {
      Line("  item " + std::to_string(static_cast<int>(item.kind)) + " " + Str(item.list) + " " +
           Str(item.event_type) + " " + std::to_string(item.repeat) + " " +
           std::to_string(item.every_ms) + " " + std::to_string(item.expect_count) + " ");
      Exprs(item.entries);
      for (const ast::TestField& f : item.fields) {
        out_ += " " + Str(f.path) + "=";
        Value(f.value);
      }
    }
  }

  std::string out_;
};

}  // namespace

std::string DumpAst(const ast::File& file) {
  Dumper d;
  for (const ast::Import& i : file.imports) d.Line("import " + Str(i.path));
  for (const ast::ListDecl& l : file.lists) {
    d.Line("list " + Str(l.name) + (l.tenant ? " tenant " : " ") + Str(l.type.name) + " " +
           Str(l.type.arg) + (l.from_span.end > l.from_span.begin ? " from " : " = ") +
           Str(l.from_file) + " ");
    d.Exprs(l.entries);
  }
  for (const ast::MacroDecl& m : file.macros) {
    d.Line("macro " + Str(m.name) + (m.has_params ? " (" : " "));
    for (const ast::Param& p : m.params) {
      d.Line("  param " + Str(p.name) + " " + Str(p.type.name) + " " + Str(p.type.arg));
    }
    d.Line("  = ");
    d.Expr(m.body.get());
  }
  for (const ast::Rule& r : file.rules) d.Rule(r);
  return d.Take();
}

}  // namespace vigil::format

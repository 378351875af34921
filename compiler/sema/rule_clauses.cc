// rule_clauses.cc: checking of a rule's condition, stateful clauses, evidence, templates,
// suppression and exceptions.
#include <fmt/format.h>

#include <algorithm>

#include "base/strings.h"
#include "compiler/sema/rule_checker.h"
#include "compiler/sema/expr_checker.h"

namespace vigil::sema {

using ast::ExprKind;
using ast::ExprPtr;
using ast::Type;
using compiler::DiagCode;

Rule RuleChecker::Check(const ast::Rule& ast, uint32_t file) {
  Rule out;
  out.id = ast.id;
  out.ast = &ast;
  out.file = file;
  steps_.clear();
  Metadata(ast, out);
  Structure(ast);
  out.events = EventTypes(ast.on);
  if (ast.sequence) {
    SequenceClause(ast, out, file);
  } else {
    Condition(ast, out, file);
    if (ast.aggregate) AggregateClause(ast, out, file);
  }
  ExprContext ctx = BaseContext(out, file);
  ctx.aggregates = out.aggregate != nullptr;
  EvidenceClause(ast, out, ctx);
  Templates(ast, out);
  SuppressClause(ast, out, ctx);
  Exceptions(ast, out, ctx);
  Tests(ast, out);
  return out;
}

ExprContext RuleChecker::BaseContext(const Rule& out, uint32_t file) const {
  ExprContext ctx;
  ctx.events = out.events;
  ctx.file = file;
  if (!steps_.empty()) ctx.steps = &steps_;
  return ctx;
}

void RuleChecker::Condition(const ast::Rule& ast, Rule& out, uint32_t file) {
  if (!ast.when) return;
  out.condition = ast.when->Clone();
  if (out.events == 0) return;  // unknown event types were reported
  ExprContext ctx = BaseContext(out, file);
  ctx.history = true;
  exprs_.CheckCondition(out.condition, ctx, "the `when` condition");
  out.uses_history = exprs_.TakeUsedHistory();
}

void RuleChecker::AggregateClause(const ast::Rule& ast, Rule& out, uint32_t file) {
  const ast::Aggregate& a = *ast.aggregate;
  auto agg = std::make_unique<Aggregate>();
  agg->window_ms = a.window_ms;
  if (a.window_ms <= 0) {
    sink_.Report(DiagCode::kE0402, a.window_span, "the aggregation window must be positive");
  }
  if (a.mode == "tumbling") {
    agg->tumbling = true;
  } else if (a.mode != "sliding") {
    sink_.Report(DiagCode::kE0402, a.mode_span, fmt::format("unknown window kind `{}`", a.mode))
        .help = "write `sliding` (the default) or `tumbling`";
  }
  ExprContext ctx = BaseContext(out, file);
  for (const ExprPtr& k : a.by) {
    ExprPtr key = k->Clone();
    const Type t = exprs_.Check(key, ctx);
    if (!t.is_error() && t.kind != Type::Kind::kScalar) {
      sink_.Report(DiagCode::kE0301, key->span,
                   fmt::format("group keys must be single values, found {}", t.ToString()));
    }
    agg->by.push_back(std::move(key));
  }
  agg->having = a.having->Clone();
  ctx.aggregates = true;
  exprs_.CheckCondition(agg->having, ctx, "the `having` condition");
  if (!agg->having->type.is_error()) CheckStateExpr(*agg->having, "the `having` condition");
  out.aggregate = std::move(agg);
}

void RuleChecker::SequenceClause(const ast::Rule& ast, Rule& out, uint32_t file) {
  const ast::Sequence& s = *ast.sequence;
  auto seq = std::make_unique<Sequence>();
  seq->within_ms = s.within_ms;
  if (s.within_ms <= 0) {
    sink_.Report(DiagCode::kE0402, s.within_span, "the sequence span must be positive");
  }
  std::set<std::string> names;
  for (size_t i = 0; i < s.steps.size(); ++i) {
    const ast::Step& st = s.steps[i];
    if (!names.insert(st.name).second) {
      sink_.Report(DiagCode::kE0207, st.name_span, fmt::format("step `{}` is declared twice", st.name));
    }
    if (st.absent && i + 1 != s.steps.size()) {
      sink_.Report(DiagCode::kE0410, st.span, "only the last step of a sequence can be `absent`");
    }
    if (st.absent && i == 0) {
      sink_.Report(DiagCode::kE0410, st.span, "a sequence must start with a step that happens");
    }
    Step step;
    step.name = st.name;
    step.absent = st.absent;
    step.events = EventTypes(st.types);
    out.events |= step.events;
    if (st.where && step.events != 0) {
      step.where = st.where->Clone();
      ExprContext ctx;
      ctx.events = step.events;
      ctx.file = file;
      exprs_.CheckCondition(step.where, ctx, fmt::format("the condition of step `{}`", st.name));
    }
    steps_.push_back({st.name, step.events});
    seq->steps.push_back(std::move(step));
  }
  if (s.steps.size() < 2) {
    sink_.Report(DiagCode::kE0410, s.span, "a sequence needs at least two steps");
  }
  // Keys are evaluated on every step's events.
  ExprContext key_ctx;
  key_ctx.events = out.events;
  key_ctx.file = file;
  for (const ExprPtr& k : s.by) {
    ExprPtr key = k->Clone();
    const Type t = exprs_.Check(key, key_ctx);
    if (!t.is_error() && t.kind != Type::Kind::kScalar) {
      sink_.Report(DiagCode::kE0301, key->span,
                   fmt::format("sequence keys must be single values, found {}", t.ToString()));
    }
    seq->by.push_back(std::move(key));
  }
  out.sequence = std::move(seq);
}

namespace {

// The first node a stateful expression (having, aggregate or sequence evidence) cannot hold:
// those are evaluated from the rule's state, which has fields, step fields, aggregates,
// constants and operators, but no functions, lists or quantifiers.
const ast::Expr* UnsupportedInState(const ast::Expr& e) {
  switch (e.kind) {
    case ExprKind::kCall:
      if (e.callee == kCallDistinct || e.callee == kCallSum || e.callee == kCallMin ||
          e.callee == kCallMax || e.callee == kCallIp || e.callee == kCallCidr) {
        break;
      }
      return &e;
    case ExprKind::kQuantifier:
    case ExprKind::kListRef:
    case ExprKind::kList:
    case ExprKind::kIndex:
    case ExprKind::kVarMember:
      return &e;
    case ExprKind::kBinary:
      if (e.bop == ast::BinaryOp::kIn || ast::IsStringOp(e.bop)) return &e;
      break;
    default:
      break;
  }
  for (const auto& a : e.args) {
    if (const ast::Expr* bad = UnsupportedInState(*a)) return bad;
  }
  return nullptr;
}

}  // namespace

void RuleChecker::CheckStateExpr(const ast::Expr& e, std::string_view where) {
  if (const ast::Expr* bad = UnsupportedInState(e)) {
    sink_.Report(DiagCode::kE0309, bad->span,
                 fmt::format("{} of a stateful rule is computed from its state: it can use fields, "
                             "aggregates, constants and operators, not this",
                             where))
        .help = "compute the value in the `when` condition or a step's `where`, or name a field";
  }
}

void RuleChecker::EvidenceClause(const ast::Rule& ast, Rule& out, const ExprContext& ctx) {
  std::set<std::string> names;
  for (const ast::EvidenceItem& item : ast.evidence) {
    Evidence ev;
    ev.name = item.name;
    if (!names.insert(ev.name).second) {
      sink_.Report(DiagCode::kE0207, item.name_span,
                   fmt::format("evidence `{}` is listed twice", ev.name));
    }
    ev.expr = item.expr->Clone();
    ExprContext ectx = ctx;
    if (out.sequence) ectx.events = 0;  // evidence names step fields: step.field
    const Type t = exprs_.Check(ev.expr, ectx);
    if (!t.is_error() && (t.kind == Type::Kind::kRecords || t.kind == Type::Kind::kRecord)) {
      sink_.Report(DiagCode::kE0301, ev.expr->span, "evidence must be values or arrays of values")
          .help = "name the member, e.g. attachments.name through a quantifier or index";
    }
    if (!t.is_error() && (out.aggregate || out.sequence)) CheckStateExpr(*ev.expr, "evidence");
    out.evidence.push_back(std::move(ev));
  }
}

void RuleChecker::Templates(const ast::Rule& ast, const Rule& out) {
  for (const ast::MetaEntry& m : ast.meta) {
    if (m.key == "title" || m.key == "question" || m.key == "first_action") CheckTemplate(m, out);
  }
}

void RuleChecker::CheckTemplate(const ast::MetaEntry& m, const Rule& out) {
  const std::string& t = m.value.text;
  std::vector<std::string> names;
  for (const Evidence& ev : out.evidence) names.push_back(ev.name);
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] != '{') continue;
    if (i + 1 < t.size() && t[i + 1] == '{') {  // "{{" is a literal brace
      ++i;
      continue;
    }
    const size_t close = t.find('}', i);
    if (close == std::string::npos) {
      sink_.Report(DiagCode::kE0213, m.value.span, "unclosed `{` in template")
          .help = "write `{{` for a literal brace";
      return;
    }
    const std::string name = t.substr(i + 1, close - i - 1);
    schema::FieldId f;
    bool known = std::find(names.begin(), names.end(), name) != names.end();
    if (!known && !out.sequence && schema::FindField(name, &f)) {
      known = (schema::Field(f).events & out.events) == out.events &&
              schema::Field(f).shape == schema::Shape::kScalar;
    }
    if (!known) {
      std::vector<std::string> candidates = names;
      if (!out.sequence) {
        for (const auto& field : schema::AllFields()) {
          if ((field.events & out.events) == out.events) candidates.emplace_back(field.name);
        }
      }
      compiler::Diagnostic& d = sink_.Report(
          DiagCode::kE0213, m.value.span, fmt::format("unknown placeholder `{{{}}}` in {}", name, m.key));
      d.notes.push_back("placeholders name an evidence item or a field of every event type of the rule");
      const std::string best = base::ClosestMatch(name, candidates);
      if (!best.empty()) d.help = fmt::format("did you mean `{{{}}}`?", best);
    }
    i = close;
  }
}

void RuleChecker::SuppressClause(const ast::Rule& ast, Rule& out, const ExprContext& ctx) {
  if (!ast.suppress) return;
  if (ast.suppress->for_ms <= 0) {
    sink_.Report(DiagCode::kE0402, ast.suppress->span, "the suppression period must be positive");
  }
  out.suppress_ms = ast.suppress->for_ms;
  ExprContext sctx = ctx;
  if (out.sequence) sctx.events = 0;
  for (const ExprPtr& k : ast.suppress->by) {
    ExprPtr key = k->Clone();
    const Type t = exprs_.Check(key, sctx);
    if (!t.is_error() && t.kind != Type::Kind::kScalar) {
      sink_.Report(DiagCode::kE0301, key->span,
                   fmt::format("suppression keys must be single values, found {}", t.ToString()));
    }
    out.suppress_by.push_back(std::move(key));
  }
}

void RuleChecker::Exceptions(const ast::Rule& ast, Rule& out, const ExprContext& ctx) {
  std::set<std::string> names;
  for (const ast::Exception& x : ast.exceptions) {
    if (!names.insert(x.name).second) {
      sink_.Report(DiagCode::kE0207, x.name_span, fmt::format("exception `{}` is declared twice", x.name));
    }
    Exception ex;
    ex.name = x.name;
    std::vector<schema::ScalarType> types;
    for (const ast::ExceptField& f : x.fields) {
      ExprPtr field = f.field->Clone();
      const Type t = exprs_.Check(field, ctx);
      if (!t.is_error() && (field->kind != ExprKind::kField || t.kind != Type::Kind::kScalar)) {
        sink_.Report(DiagCode::kE0301, field->span, "exception fields must be single-valued fields");
      }
      const bool string_op = f.op != ast::ExceptOp::kEq && f.op != ast::ExceptOp::kIn;
      if (!t.is_error() && string_op && t.kind == Type::Kind::kScalar && !schema::IsStringLike(t.scalar)) {
        sink_.Report(DiagCode::kE0301, f.span,
                     fmt::format("`{}` needs a string field", ast::ExceptOpText(f.op)));
      }
      if (!t.is_error() && f.op == ast::ExceptOp::kIn && !t.is_scalar(schema::ScalarType::kIp)) {
        sink_.Report(DiagCode::kE0301, f.span, "`in` exceptions take an IP field and networks");
      }
      types.push_back(t.kind == Type::Kind::kScalar ? t.scalar : schema::ScalarType::kString);
      ex.fields.push_back({std::move(field), f.op});
    }
    for (size_t i = 0; i < x.values.size(); ++i) {
      const auto& tuple = x.values[i];
      if (tuple.size() != x.fields.size()) {
        sink_.Report(DiagCode::kE0302, x.value_spans[i],
                     fmt::format("exception `{}` has {} field(s); this entry has {} value(s)", x.name,
                                 x.fields.size(), tuple.size()));
        continue;
      }
      for (size_t j = 0; j < tuple.size(); ++j) {
        const schema::ScalarType want = x.fields[j].op == ast::ExceptOp::kIn ? schema::ScalarType::kCidr : types[j];
        if (!LiteralFits(tuple[j], want)) {
          sink_.Report(DiagCode::kE0301, x.value_spans[i],
                       fmt::format("value {} of this entry does not fit {}", j + 1,
                                   schema::ScalarTypeName(want)));
        }
      }
      ex.values.push_back(tuple);
    }
    out.exceptions.push_back(std::move(ex));
  }
}

void RuleChecker::CheckMacroBody(const ast::MacroDecl& macro, uint32_t file) {
  // Parameters become opaque placeholders of their declared types.
  std::vector<ExprPtr> placeholders;
  auto call = std::make_unique<ast::Expr>();
  call->kind = macro.has_params ? ExprKind::kCall : ExprKind::kName;
  call->name = macro.name;
  call->span = macro.name_span;
  for (const ast::Param& p : macro.params) {
    ast::Type t;
    if (!TypeFromRef(p.type, &t)) {
      sink_.Report(DiagCode::kE0301, p.type.span, fmt::format("unknown type `{}`", p.type.name))
          .help = "parameter types are scalar types (string, email, domain, int, ip, ...) or list<T>";
      t = Type::Error();
    }
    auto ph = std::make_unique<ast::Expr>();
    ph->kind = ExprKind::kVar;
    ph->name = p.name;
    ph->span = p.span;
    ph->type = t;
    call->args.push_back(std::move(ph));
  }
  ExprContext ctx;
  ctx.file = file;
  ctx.history = true;
  exprs_.Check(call, ctx);
}

}  // namespace vigil::sema

// expr_checker.cc: dispatch, names, fields, quantifiers and lists of the expression checker.
#include "compiler/sema/expr_checker.h"

#include <fmt/format.h>

#include "base/strings.h"

namespace vigil::sema {

using ast::Expr;
using ast::ExprKind;
using ast::ExprPtr;
using ast::Type;
using compiler::DiagCode;
using schema::FieldId;
using schema::ScalarType;

namespace {

// Event types of `mask` that lack `f`, as "process, delivery".
std::string MissingEvents(const schema::FieldInfo& f, schema::EventMask mask) {
  std::vector<std::string> names;
  for (const schema::EventInfo& ev : schema::AllEvents()) {
    if ((mask & schema::MaskOf(ev.id)) && !f.HasEvent(ev.id)) names.emplace_back(ev.name);
  }
  return base::Join(names, ", ");
}

// Flattens Member(Member(Name(a), b), c) into {"a", "b", "c"}; false when the base is not a name.
bool FlattenPath(const Expr& e, std::vector<std::string>* parts) {
  if (e.kind == ExprKind::kName) {
    parts->push_back(e.name);
    return true;
  }
  if (e.kind == ExprKind::kMember && !e.args.empty() && FlattenPath(*e.args[0], parts)) {
    parts->push_back(e.name);
    return true;
  }
  return false;
}

Type FieldType(const schema::FieldInfo& f) {
  switch (f.shape) {
    case schema::Shape::kArray:
      return Type::Array(f.type);
    case schema::Shape::kRecords:
      return Type::Records(f.id);
    default:
      return Type::Scalar(f.type);
  }
}

}  // namespace

Type ExprChecker::Check(ExprPtr& e, const ExprContext& ctx) {
  if (!e) return Type::Error();
  if (e->type.kind != Type::Kind::kUnknown) return e->type;  // already checked (macro args)
  Type t = CheckNode(e, ctx);
  e->type = t;
  return t;
}

void ExprChecker::CheckCondition(ExprPtr& e, const ExprContext& ctx, std::string_view what) {
  const Type t = Check(e, ctx);
  if (t.is_error() || t.is_bool() || t.kind == Type::Kind::kNull) return;
  sink_.Report(DiagCode::kE0304, e->span,
               fmt::format("{} must be a boolean, found {}", what, t.ToString()))
      .label = "not a boolean";
}

Type ExprChecker::CheckNode(ExprPtr& e, const ExprContext& ctx) {
  Expr& x = *e;
  switch (x.kind) {
    case ExprKind::kLiteral:
      x.constant = true;
      return LiteralType(x.lit);
    case ExprKind::kName:
      return Name(e, ctx);
    case ExprKind::kMember:
      return Member(e, ctx);
    case ExprKind::kIndex:
      return Index(x, ctx);
    case ExprKind::kCall:
      return Call(e, ctx);
    case ExprKind::kCountAll:
      if (!ctx.aggregates) {
        sink_.Report(DiagCode::kE0309, x.span, "`count()` is an aggregate")
            .help = "use it in the `having` clause of an `aggregate` rule";
        return Fail(x);
      }
      return Type::Int();
    case ExprKind::kQuantifier:
      return Quantifier(x, ctx);
    case ExprKind::kListRef:
      return ListRef(x, ctx);
    case ExprKind::kList:
      return ListLiteral(x, ctx);
    case ExprKind::kUnary:
      return Unary(x, ctx);
    case ExprKind::kBinary:
      return Binary(x, ctx);
    case ExprKind::kIsNull:
      Check(x.args[0], ctx);
      return Type::Bool();
    case ExprKind::kField:
    case ExprKind::kVar:
    case ExprKind::kVarMember:
    case ExprKind::kStepField:
      return x.type;
  }
  return Fail(x);
}

const ExprChecker::Binding* ExprChecker::FindBinding(std::string_view name) const {
  for (auto it = bindings_.rbegin(); it != bindings_.rend(); ++it) {
    if (it->name == name) return &*it;
  }
  return nullptr;
}

Type ExprChecker::Name(ExprPtr& e, const ExprContext& ctx) {
  Expr& x = *e;
  if (const Binding* b = FindBinding(x.name)) {
    x.kind = ExprKind::kVar;
    x.depth = b->id;
    return b->type;
  }
  if (!macro_args_.empty()) {
    for (const MacroArg& a : macro_args_.back()) {
      if (a.name == x.name) {
        e = a.value->Clone();
        return e->type;
      }
    }
  }
  if (MacroEntry* m = scope_.FindMacro(x.name, ctx.file, x.span)) {
    if (m->decl->has_params) {
      sink_.Report(DiagCode::kE0302, x.span,
                   fmt::format("macro `{}` takes {} argument(s)", x.name, m->decl->params.size()))
          .help = fmt::format("call it as `{}(...)`", x.name);
      return Fail(x);
    }
    return ExpandMacro(e, *m, ctx);
  }
  FieldId f;
  if (schema::FindField(x.name, &f) && schema::Field(f).shape != schema::Shape::kMember) {
    return Field(x, f, ctx);
  }
  if (ctx.steps != nullptr) {
    for (const StepInfo& s : *ctx.steps) {
      if (s.name == x.name) {
        sink_.Report(DiagCode::kE0210, x.span,
                     fmt::format("`{}` is a sequence step, not a value", x.name))
            .help = fmt::format("name one of its fields, such as `{}.subject`", x.name);
        return Fail(x);
      }
    }
  }
  UnknownName(x, x.name, ctx);
  return Fail(x);
}

void ExprChecker::UnknownName(const Expr& e, std::string_view name, const ExprContext& ctx) {
  std::vector<std::string> candidates = schema::FieldNames();
  for (const std::string& m : scope_.MacroNames()) candidates.push_back(m);
  for (const Binding& b : bindings_) candidates.push_back(b.name);
  if (ctx.steps != nullptr) {
    for (const StepInfo& s : *ctx.steps) candidates.push_back(s.name);
  }
  const bool dotted = name.find('.') != std::string_view::npos;
  compiler::Diagnostic& d =
      sink_.Report(dotted ? DiagCode::kE0201 : DiagCode::kE0205, e.span,
                   fmt::format("unknown {} `{}`", dotted ? "field" : "name", name));
  d.label = dotted ? "no such field" : "not a field, macro or variable in scope";
  const std::string best = base::ClosestMatch(name, candidates);
  if (!best.empty()) d.help = fmt::format("did you mean `{}`?", best);
}

Type ExprChecker::Field(Expr& e, FieldId f, const ExprContext& ctx) {
  const schema::FieldInfo& info = schema::Field(f);
  e.kind = ExprKind::kField;
  e.field = f;
  if (ctx.events != 0 && (info.events & ctx.events) != ctx.events) {
    compiler::Diagnostic& d = sink_.Report(
        DiagCode::kE0209, e.span,
        fmt::format("field `{}` is not carried by {}", info.name, MissingEvents(info, ctx.events)));
    d.label = "not available on every event type of this rule";
    d.help = "split the rule by event type, or drop the types that lack this field";
    return Fail(e);
  }
  return FieldType(info);
}

Type ExprChecker::Member(ExprPtr& e, const ExprContext& ctx) {
  Expr& x = *e;
  std::vector<std::string> parts;
  if (!FlattenPath(x, &parts)) {
    // Member of a computed record: recipients[0].domain
    const Type base = Check(x.args[0], ctx);
    if (base.is_error()) return Fail(x);
    if (base.kind != Type::Kind::kRecord) {
      sink_.Report(DiagCode::kE0301, x.span,
                   fmt::format("{} has no member `{}`", base.ToString(), x.name));
      return Fail(x);
    }
    const std::string path = std::string(schema::Field(base.records).name) + "." + x.name;
    FieldId f;
    if (!schema::FindField(path, &f)) {
      UnknownName(x, path, ctx);
      return Fail(x);
    }
    x.field = f;
    return Type::Scalar(schema::Field(f).type);
  }
  const std::string rest = base::Join({parts.begin() + 1, parts.end()}, ".");
  if (const Binding* b = FindBinding(parts[0])) {
    if (b->type.kind != Type::Kind::kRecord) {
      sink_.Report(DiagCode::kE0301, x.span,
                   fmt::format("`{}` is a {}, it has no member `{}`", parts[0], b->type.ToString(), rest));
      return Fail(x);
    }
    const std::string path = std::string(schema::Field(b->type.records).name) + "." + rest;
    FieldId f;
    if (!schema::FindField(path, &f)) {
      std::vector<std::string> members;
      for (FieldId m : schema::MembersOf(b->type.records)) {
        members.push_back(std::string(schema::Field(m).name).substr(schema::Field(b->type.records).name.size() + 1));
      }
      compiler::Diagnostic& d = sink_.Report(
          DiagCode::kE0201, x.span, fmt::format("`{}` has no member `{}`", parts[0], rest));
      d.notes.push_back(fmt::format("members of {}: {}", schema::Field(b->type.records).name,
                                    base::Join(members, ", ")));
      const std::string best = base::ClosestMatch(rest, members);
      if (!best.empty()) d.help = fmt::format("did you mean `{}.{}`?", parts[0], best);
      return Fail(x);
    }
    x.kind = ExprKind::kVarMember;
    x.field = f;
    x.depth = b->id;
    x.args.clear();
    return Type::Scalar(schema::Field(f).type);
  }
  if (ctx.steps != nullptr) {
    for (const StepInfo& s : *ctx.steps) {
      if (s.name != parts[0]) continue;
      FieldId f;
      if (!schema::FindField(rest, &f)) {
        UnknownName(x, rest, ctx);
        return Fail(x);
      }
      ExprContext step_ctx = ctx;
      step_ctx.events = s.events;
      const Type t = Field(x, f, step_ctx);
      x.kind = ExprKind::kStepField;
      x.name = s.name;
      x.args.clear();
      return t;
    }
  }
  const std::string path = base::Join(parts, ".");
  FieldId f;
  if (schema::FindField(path, &f) && schema::Field(f).shape != schema::Shape::kMember) {
    x.args.clear();
    return Field(x, f, ctx);
  }
  if (schema::FindField(path, &f)) {
    const std::string records(schema::Field(schema::Field(f).parent).name);
    sink_.Report(DiagCode::kE0210, x.span,
                 fmt::format("`{}` is a member of each element of `{}`", path, records))
        .help = fmt::format("quantify over it: any(r in {}: r.{} ...)", records,
                            path.substr(records.size() + 1));
    return Fail(x);
  }
  UnknownName(x, path, ctx);
  return Fail(x);
}

Type ExprChecker::Index(Expr& e, const ExprContext& ctx) {
  const Type base = Check(e.args[0], ctx);
  const Type index = Check(e.args[1], ctx);
  if (base.is_error() || index.is_error()) return Fail(e);
  if (!index.is_scalar(ScalarType::kInt)) {
    sink_.Report(DiagCode::kE0301, e.args[1]->span,
                 fmt::format("index must be an int, found {}", index.ToString()));
    return Fail(e);
  }
  if (base.kind == Type::Kind::kArray) return Type::Scalar(base.scalar);
  if (base.kind == Type::Kind::kRecords) return Type::Record(base.records);
  sink_.Report(DiagCode::kE0301, e.args[0]->span,
               fmt::format("only arrays can be indexed, found {}", base.ToString()));
  return Fail(e);
}

Type ExprChecker::Quantifier(Expr& e, const ExprContext& ctx) {
  const Type src = Check(e.args[0], ctx);
  if (src.is_error()) return Fail(e);
  Type elem;
  if (src.kind == Type::Kind::kRecords) {
    elem = Type::Record(src.records);
  } else if (src.kind == Type::Kind::kArray) {
    elem = Type::Scalar(src.scalar);
  } else {
    sink_.Report(DiagCode::kE0301, e.args[0]->span,
                 fmt::format("`{}` quantifies over an array, found {}",
                             ast::QuantifierText(e.quant), src.ToString()))
        .label = "not an array";
    return Fail(e);
  }
  FieldId shadow;
  if (FindBinding(e.name) != nullptr || schema::FindField(e.name, &shadow)) {
    sink_.Report(DiagCode::kE0211, e.span,
                 fmt::format("variable `{}` shadows a field or an outer variable", e.name));
    return Fail(e);
  }
  e.depth = next_binding_++;
  bindings_.push_back({e.name, elem, e.depth});
  if (e.args.size() > 1) {
    CheckCondition(e.args[1], ctx, "the quantifier's predicate");
  } else if (e.quant != ast::Quantifier::kCount) {
    sink_.Report(DiagCode::kE0302, e.span,
                 fmt::format("`{}` needs a predicate: {}({} in ...: <condition>)",
                             ast::QuantifierText(e.quant), ast::QuantifierText(e.quant), e.name));
  }
  bindings_.pop_back();
  return e.quant == ast::Quantifier::kCount ? Type::Int() : Type::Bool();
}

Type ExprChecker::ListRef(Expr& e, const ExprContext& ctx) {
  List* l = scope_.FindList(e.name, ctx.file, e.span);
  if (l == nullptr) {
    compiler::Diagnostic& d =
        sink_.Report(DiagCode::kE0204, e.span, fmt::format("unknown list `${}`", e.name));
    const std::string best = base::ClosestMatch(e.name, scope_.ListNames());
    if (!best.empty()) d.help = fmt::format("did you mean `${}`?", best);
    else d.help = "declare it with `list` (pack) or `tenant list` (per tenant)";
    return Fail(e);
  }
  switch (l->kind) {
    case ListKind::kRegex:
      return {Type::Kind::kPattern};
    case ListKind::kGlob: {
      Type t{Type::Kind::kPattern};
      t.glob = true;
      return t;
    }
    case ListKind::kIoc:
      return {Type::Kind::kIoc};
    case ListKind::kEmail:
      return Type::List(ScalarType::kEmail);
    case ListKind::kDomain:
      return Type::List(ScalarType::kDomain);
    case ListKind::kInt:
      return Type::List(ScalarType::kInt);
    case ListKind::kCidr:
      return Type::List(ScalarType::kCidr);
    case ListKind::kString:
      return Type::List(ScalarType::kString);
  }
  return Fail(e);
}

Type ExprChecker::ListLiteral(Expr& e, const ExprContext& ctx) {
  std::optional<ScalarType> elem;
  bool ok = true;
  for (ExprPtr& item : e.args) {
    const Type t = Check(item, ctx);
    if (t.is_error()) {
      ok = false;
      continue;
    }
    if (!item->constant) {
      sink_.Report(DiagCode::kE0308, item->span, "list entries must be constants");
      ok = false;
      continue;
    }
    if (t.kind != Type::Kind::kScalar) {
      sink_.Report(DiagCode::kE0301, item->span,
                   fmt::format("list entries must be single values, found {}", t.ToString()));
      ok = false;
      continue;
    }
    ScalarType s = t.scalar;
    if (s == ScalarType::kIp) s = ScalarType::kCidr;  // an address in a network list: a host net
    if (elem && *elem != s) {
      const bool both_strings = schema::IsStringLike(*elem) && schema::IsStringLike(s);
      const bool numbers = schema::IsNumeric(*elem) && schema::IsNumeric(s);
      if (!both_strings && !numbers) {
        sink_.Report(DiagCode::kE0301, item->span,
                     fmt::format("list mixes {} and {}", schema::ScalarTypeName(*elem),
                                 schema::ScalarTypeName(s)));
        ok = false;
      }
      if (numbers) elem = ScalarType::kFloat;
      continue;
    }
    elem = s;
  }
  if (!ok) return Fail(e);
  e.constant = true;
  return Type::List(elem.value_or(ScalarType::kString));
}

}  // namespace vigil::sema

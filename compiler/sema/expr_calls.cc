// expr_calls.cc: typing of calls: builtins (ip/cidr constructors, history and aggregate
// functions), stdlib overload resolution with constant-argument validation, and macro
// expansion with argument substitution.
#include <fmt/format.h>

#include "base/strings.h"
#include "compiler/sema/expr_checker.h"
#include "schema/datum.h"
#include "stdlib/registry.h"

namespace vigil::sema {

using ast::Expr;
using ast::ExprKind;
using ast::ExprPtr;
using ast::Type;
using compiler::DiagCode;
using schema::ScalarType;

namespace {

struct BuiltinInfo {
  const char* name;
  int id;
  const char* signature;
};
constexpr BuiltinInfo kBuiltins[] = {
    {"ip", kCallIp, "ip(text: string) -> ip"},
    {"cidr", kCallCidr, "cidr(text: string) -> cidr"},
    {"first_seen", kCallFirstSeen, "first_seen(key, ...) over <duration> -> bool"},
    {"prevalence", kCallPrevalence, "prevalence(key, ...) over <duration> -> int"},
    {"distinct", kCallDistinct, "distinct(value) -> int"},
    {"sum", kCallSum, "sum(number) -> number"},
    {"min", kCallMin, "min(value) -> value"},
    {"max", kCallMax, "max(value) -> value"},
};

Type ToType(const stdlib::TypeSpec& t) {
  switch (t.kind) {
    case stdlib::TypeSpec::Kind::kScalar: return Type::Scalar(t.scalar);
    case stdlib::TypeSpec::Kind::kArray: return Type::Array(t.scalar);
    case stdlib::TypeSpec::Kind::kList: return Type::List(t.scalar);
  }
  return Type::Error();
}

bool ArgFits(const Type& arg, const stdlib::TypeSpec& param) {
  if (arg.kind == Type::Kind::kNull) return true;
  if (param.kind == stdlib::TypeSpec::Kind::kList) {
    // An IOC, regex or glob list passes where a list<string> is expected (ioc_lookup, list_match).
    if (arg.kind == Type::Kind::kIoc || arg.kind == Type::Kind::kPattern) {
      return param.scalar == ScalarType::kString;
    }
    return (arg.kind == Type::Kind::kList || arg.kind == Type::Kind::kArray) &&
           Assignable(Type::Scalar(arg.scalar), Type::Scalar(param.scalar));
  }
  return Assignable(arg, ToType(param));
}

// The Datum of a literal argument (strings point into the literal).
schema::Datum LiteralDatum(const ast::Literal& lit) {
  using K = ast::LiteralKind;
  switch (lit.kind) {
    case K::kBool: return schema::Datum::Bool(lit.b);
    case K::kInt: return schema::Datum::Int(lit.i);
    case K::kFloat: return schema::Datum::Float(lit.f);
    case K::kString: return schema::Datum::String(lit.s);
    case K::kDuration: return schema::Datum::Duration(lit.i);
    case K::kTimestamp: return schema::Datum::Timestamp(lit.i);
    case K::kIp: return schema::Datum::Ip(lit.ip);
    case K::kCidr: return schema::Datum::Cidr(lit.cidr);
    case K::kNull: break;
  }
  return schema::Datum::Null(ScalarType::kString);
}


}  // namespace

bool TypeFromRef(const ast::TypeRef& ref, ast::Type* out) {
  schema::ScalarType s;
  if (ref.arg.empty()) {
    if (!schema::ParseScalarType(ref.name, &s)) return false;
    *out = ast::Type::Scalar(s);
    return true;
  }
  if (!schema::ParseScalarType(ref.arg, &s)) return false;
  if (ref.name == "list") {
    *out = ast::Type::List(s);
  } else if (ref.name == "array") {
    *out = ast::Type::Array(s);
  } else {
    return false;
  }
  return true;
}

Type ExprChecker::Call(ExprPtr& e, const ExprContext& ctx) {
  Expr& x = *e;
  if (MacroEntry* m = scope_.FindMacro(x.name, ctx.file, x.span)) return ExpandMacro(e, *m, ctx);
  for (const BuiltinInfo& b : kBuiltins) {
    if (x.name == b.name) {
      x.callee = b.id;
      return Builtin(x, ctx, b.id);
    }
  }
  if (x.over_ms) {
    sink_.Report(DiagCode::kE0309, x.span,
                 fmt::format("`over` applies to first_seen and prevalence, not to `{}`", x.name));
    return Fail(x);
  }
  return Stdlib(x, ctx);
}

Type ExprChecker::Builtin(Expr& e, const ExprContext& ctx, int id) {
  bool ok = true;
  for (ExprPtr& a : e.args) ok = !Check(a, ctx).is_error() && ok;
  if (!ok) return Fail(e);
  auto arity = [&](size_t n, const char* sig) {
    if (e.args.size() == n) return true;
    sink_.Report(DiagCode::kE0302, e.span,
                 fmt::format("`{}` takes {} argument(s), got {}", e.name, n, e.args.size()))
        .notes.push_back(fmt::format("signature: {}", sig));
    return false;
  };
  switch (id) {
    case kCallIp:
    case kCallCidr: {
      if (!arity(1, id == kCallIp ? "ip(text: string) -> ip" : "cidr(text: string) -> cidr")) return Fail(e);
      const Expr& a = *e.args[0];
      if (a.kind != ExprKind::kLiteral || a.lit.kind != ast::LiteralKind::kString) {
        sink_.Report(DiagCode::kE0308, a.span, fmt::format("`{}` takes a string literal", e.name));
        return Fail(e);
      }
      const bool valid = id == kCallIp ? base::ParseIp(a.lit.s).has_value()
                                       : base::ParseCidr(a.lit.s).has_value();
      if (!valid) {
        sink_.Report(DiagCode::kE0306, a.span,
                     fmt::format("\"{}\" is not a valid {}", a.lit.s, id == kCallIp ? "IP address" : "CIDR"));
        return Fail(e);
      }
      e.constant = true;
      return Type::Scalar(id == kCallIp ? ScalarType::kIp : ScalarType::kCidr);
    }
    case kCallFirstSeen:
    case kCallPrevalence: {
      if (!ctx.history) {
        sink_.Report(DiagCode::kE0309, e.span,
                     fmt::format("`{}` can only be used in a rule's `when` condition", e.name));
        return Fail(e);
      }
      if (!bindings_.empty()) {
        sink_.Report(DiagCode::kE0309, e.span,
                     fmt::format("`{}` cannot be used inside a quantifier", e.name))
            .help = "history is recorded once per event: call it outside any(...)/all(...)";
        return Fail(e);
      }
      if (!e.over_ms) {
        sink_.Report(DiagCode::kE0309, e.span,
                     fmt::format("`{}` needs a history period: {}(...) over 30d", e.name, e.name));
        return Fail(e);
      }
      if (e.args.empty()) {
        sink_.Report(DiagCode::kE0302, e.span, fmt::format("`{}` needs at least one key", e.name));
        return Fail(e);
      }
      for (const ExprPtr& a : e.args) {
        if (a->type.kind != Type::Kind::kScalar) {
          sink_.Report(DiagCode::kE0303, a->span,
                       fmt::format("keys must be single values, found {}", a->type.ToString()));
          return Fail(e);
        }
      }
      used_history_ = true;
      return id == kCallFirstSeen ? Type::Bool() : Type::Int();
    }
    default: {
      if (!ctx.aggregates) {
        sink_.Report(DiagCode::kE0309, e.span, fmt::format("`{}()` is an aggregate", e.name))
            .help = "use it in the `having` clause of an `aggregate` rule, or in its evidence";
        return Fail(e);
      }
      if (!arity(1, "distinct|sum|min|max(value)")) return Fail(e);
      const Type t = e.args[0]->type;
      if (t.kind != Type::Kind::kScalar) {
        sink_.Report(DiagCode::kE0303, e.args[0]->span,
                     fmt::format("`{}` aggregates single values, found {}", e.name, t.ToString()));
        return Fail(e);
      }
      if (id == kCallDistinct) return Type::Int();
      if (id == kCallSum && !schema::IsNumeric(t.scalar) && t.scalar != ScalarType::kDuration) {
        sink_.Report(DiagCode::kE0303, e.args[0]->span,
                     fmt::format("`sum` adds numbers or durations, found {}", t.ToString()));
        return Fail(e);
      }
      return t;
    }
  }
}

Type ExprChecker::Stdlib(Expr& e, const ExprContext& ctx) {
  const stdlib::Registry& reg = stdlib::Registry::Get();
  const auto overloads = reg.Overloads(e.name);
  bool ok = true;
  for (ExprPtr& a : e.args) ok = !Check(a, ctx).is_error() && ok;
  if (!ok) return Fail(e);
  if (overloads.empty()) {
    std::vector<std::string> names = reg.Names();
    for (const BuiltinInfo& b : kBuiltins) names.emplace_back(b.name);
    for (const std::string& m : scope_.MacroNames()) names.push_back(m);
    compiler::Diagnostic& d =
        sink_.Report(DiagCode::kE0203, e.span, fmt::format("unknown function `{}`", e.name));
    const std::string best = base::ClosestMatch(e.name, names);
    if (e.name == "matches" || e.name == "imatches") {
      // The only operator keywords callable as functions are the stdlib's string predicates.
      d.help = fmt::format("`{0}` is an operator (`subject {0} \"re\"`); the function is `{1}`",
                           e.name, e.name == "matches" ? "regex_search" : "iregex_search");
    } else if (!best.empty()) {
      d.help = fmt::format("did you mean `{}`?", best);
    } else {
      d.help = "`vigil functions` lists every function";
    }
    return Fail(e);
  }
  const stdlib::FunctionDef* chosen = nullptr;
  for (const stdlib::FunctionDef* def : overloads) {
    const bool variadic = def->variadic && !def->params.empty();
    if (!variadic && def->params.size() != e.args.size()) continue;
    if (variadic && e.args.size() < def->params.size()) continue;
    bool fits = true;
    for (size_t i = 0; i < e.args.size() && fits; ++i) {
      const auto& param = def->params[std::min(i, def->params.size() - 1)];
      fits = ArgFits(e.args[i]->type, param);
    }
    if (fits) {
      chosen = def;
      break;
    }
  }
  if (chosen == nullptr) {
    std::vector<std::string> got;
    for (const ExprPtr& a : e.args) got.push_back(a->type.ToString());
    compiler::Diagnostic& d = sink_.Report(
        overloads.front()->params.size() != e.args.size() && overloads.size() == 1
            ? DiagCode::kE0302
            : DiagCode::kE0303,
        e.span, fmt::format("no overload of `{}` takes ({})", e.name, base::Join(got, ", ")));
    for (const stdlib::FunctionDef* def : overloads) d.notes.push_back("candidate: " + stdlib::Signature(*def));
    return Fail(e);
  }
  e.callee = static_cast<int>(chosen - reg.all().data());
  // Constant parameters: must be literals; validated by the function's prepare step.
  std::vector<schema::Datum> consts(e.args.size());
  bool all_const = true;
  for (size_t i = 0; i < e.args.size(); ++i) {
    all_const = all_const && e.args[i]->constant;
    if (!(chosen->const_params & (1u << std::min<size_t>(i, 31)))) continue;
    if (e.args[i]->kind != ExprKind::kLiteral) {
      sink_.Report(DiagCode::kE0308, e.args[i]->span,
                   fmt::format("argument {} of `{}` must be a literal", i + 1, e.name));
      return Fail(e);
    }
    consts[i] = LiteralDatum(e.args[i]->lit);
  }
  if (chosen->prepare != nullptr && chosen->const_params != 0) {
    std::string error;
    if (chosen->prepare(consts, &error) == nullptr && !error.empty()) {
      sink_.Report(DiagCode::kE0313, e.span, fmt::format("`{}`: {}", e.name, error));
      return Fail(e);
    }
  }
  e.constant = all_const && !e.args.empty();
  return ToType(chosen->result);
}

Type ExprChecker::ExpandMacro(ExprPtr& e, MacroEntry& m, const ExprContext& ctx) {
  const ast::MacroDecl& decl = *m.decl;
  m.used = true;
  if (m.checking) {
    sink_.Report(DiagCode::kE0210, e->span, fmt::format("macro `{}` uses itself", decl.name));
    return Fail(*e);
  }
  if (decl.params.size() != e->args.size() && e->kind == ExprKind::kCall) {
    sink_.Report(DiagCode::kE0302, e->span,
                 fmt::format("macro `{}` takes {} argument(s), got {}", decl.name,
                             decl.params.size(), e->args.size()))
        .secondary.push_back({decl.name_span, "declared here"});
    return Fail(*e);
  }
  std::vector<MacroArg> args;
  for (size_t i = 0; i < decl.params.size() && i < e->args.size(); ++i) {
    const Type t = Check(e->args[i], ctx);
    if (t.is_error()) return Fail(*e);
    Type want;
    if (TypeFromRef(decl.params[i].type, &want) && !Assignable(t, want) &&
        !(want.kind == Type::Kind::kList && t.kind == Type::Kind::kArray && t.scalar == want.scalar)) {
      sink_.Report(DiagCode::kE0303, e->args[i]->span,
                   fmt::format("argument `{}` of macro `{}` is a {}, found {}", decl.params[i].name,
                               decl.name, want.ToString(), t.ToString()))
          .secondary.push_back({decl.params[i].span, "declared here"});
      return Fail(*e);
    }
    args.push_back({decl.params[i].name, e->args[i].get()});
  }
  // Expand: the body's names resolve in the macro's file, its parameters to the arguments.
  ExprPtr body = decl.body->Clone();
  ExprContext body_ctx = ctx;
  body_ctx.file = m.file;
  m.checking = true;
  macro_args_.push_back(std::move(args));
  const Type t = Check(body, body_ctx);
  macro_args_.pop_back();
  m.checking = false;
  e = std::move(body);
  return t;
}

}  // namespace vigil::sema

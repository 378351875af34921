// expr_ops.cc: typing of unary and binary operators, value-set checks for enum-like fields,
// and compile-time validation of regex and wildcard patterns.
#include <fmt/format.h>
#include <re2/filtered_re2.h>
#include <re2/re2.h>

#include "base/strings.h"
#include "compiler/sema/expr_checker.h"

namespace vigil::sema {

using ast::BinaryOp;
using ast::Expr;
using ast::ExprKind;
using ast::Type;
using compiler::DiagCode;
using schema::ScalarType;

bool Assignable(const Type& from, const Type& to) {
  if (from.is_error() || to.is_error() || from.kind == Type::Kind::kNull) return true;
  if (from.kind != to.kind) return false;
  if (from.kind == Type::Kind::kRecords || from.kind == Type::Kind::kRecord) {
    return from.records == to.records;
  }
  if (from.scalar == to.scalar) return true;
  if (schema::IsStringLike(from.scalar) && schema::IsStringLike(to.scalar)) return true;
  return from.scalar == ScalarType::kInt && to.scalar == ScalarType::kFloat;
}

bool Comparable(const Type& a, const Type& b) {
  if (a.kind == Type::Kind::kNull || b.kind == Type::Kind::kNull) return true;
  if (a.kind != Type::Kind::kScalar || b.kind != Type::Kind::kScalar) return false;
  if (a.scalar == b.scalar) return true;
  if (schema::IsStringLike(a.scalar) && schema::IsStringLike(b.scalar)) return true;
  return schema::IsNumeric(a.scalar) && schema::IsNumeric(b.scalar);
}

Type LiteralType(const ast::Literal& lit) {
  switch (lit.kind) {
    case ast::LiteralKind::kNull: return Type::Null();
    case ast::LiteralKind::kBool: return Type::Bool();
    case ast::LiteralKind::kInt: return Type::Int();
    case ast::LiteralKind::kFloat: return Type::Scalar(ScalarType::kFloat);
    case ast::LiteralKind::kString: return Type::Scalar(ScalarType::kString);
    case ast::LiteralKind::kDuration: return Type::Scalar(ScalarType::kDuration);
    case ast::LiteralKind::kTimestamp: return Type::Scalar(ScalarType::kTimestamp);
    case ast::LiteralKind::kIp: return Type::Scalar(ScalarType::kIp);
    case ast::LiteralKind::kCidr: return Type::Scalar(ScalarType::kCidr);
  }
  return Type::Error();
}

bool LiteralFits(const ast::Literal& lit, ScalarType t) {
  using K = ast::LiteralKind;
  switch (t) {
    case ScalarType::kBool: return lit.kind == K::kBool;
    case ScalarType::kInt: return lit.kind == K::kInt;
    case ScalarType::kFloat: return lit.kind == K::kInt || lit.kind == K::kFloat;
    case ScalarType::kString:
    case ScalarType::kEmail:
    case ScalarType::kDomain: return lit.kind == K::kString;
    case ScalarType::kIp:
      return lit.kind == K::kIp || (lit.kind == K::kString && base::ParseIp(lit.s).has_value());
    case ScalarType::kCidr:
      return lit.kind == K::kCidr || lit.kind == K::kIp ||
             (lit.kind == K::kString && base::ParseCidr(lit.s).has_value());
    case ScalarType::kTimestamp: return lit.kind == K::kTimestamp || lit.kind == K::kInt;
    case ScalarType::kDuration: return lit.kind == K::kDuration;
  }
  return false;
}

Type ExprChecker::Unary(Expr& e, const ExprContext& ctx) {
  const Type t = Check(e.args[0], ctx);
  e.constant = e.args[0]->constant;
  if (t.is_error()) return Fail(e);
  if (e.uop == ast::UnaryOp::kNot) {
    if (t.is_bool() || t.kind == Type::Kind::kNull) return Type::Bool();
    sink_.Report(DiagCode::kE0301, e.args[0]->span,
                 fmt::format("`not` needs a boolean, found {}", t.ToString()));
    return Fail(e);
  }
  if (t.kind == Type::Kind::kScalar &&
      (schema::IsNumeric(t.scalar) || t.scalar == ScalarType::kDuration)) {
    return t;
  }
  sink_.Report(DiagCode::kE0301, e.args[0]->span,
               fmt::format("cannot negate {}", t.ToString()));
  return Fail(e);
}

Type ExprChecker::Binary(Expr& e, const ExprContext& ctx) {
  const Type a = Check(e.args[0], ctx);
  const Type b = Check(e.args[1], ctx);
  e.constant = e.args[0]->constant && e.args[1]->constant;
  if (a.is_error() || b.is_error()) return Fail(e);
  switch (e.bop) {
    case BinaryOp::kAnd:
    case BinaryOp::kOr:
      return Logical(e);
    case BinaryOp::kEq:
    case BinaryOp::kNe:
    case BinaryOp::kLt:
    case BinaryOp::kLe:
    case BinaryOp::kGt:
    case BinaryOp::kGe:
      return Compare(e);
    case BinaryOp::kAdd:
    case BinaryOp::kSub:
    case BinaryOp::kMul:
    case BinaryOp::kDiv:
    case BinaryOp::kMod:
      return Arith(e);
    case BinaryOp::kIn:
      return In(e);
    default:
      return StringOp(e);
  }
}

Type ExprChecker::Logical(Expr& e) {
  bool ok = true;
  for (const auto& arg : e.args) {
    const Type& t = arg->type;
    if (!t.is_bool() && t.kind != Type::Kind::kNull) {
      sink_.Report(DiagCode::kE0301, arg->span,
                   fmt::format("`{}` needs booleans, found {}", ast::OpText(e.bop), t.ToString()))
          .label = "not a boolean";
      ok = false;
    }
  }
  return ok ? Type::Bool() : Fail(e);
}

namespace {

bool Ordered(const Type& t) {
  return t.kind == Type::Kind::kNull ||
         (t.kind == Type::Kind::kScalar && t.scalar != ScalarType::kBool &&
          t.scalar != ScalarType::kIp && t.scalar != ScalarType::kCidr);
}

bool IsFieldRef(const Expr& e) {
  return e.kind == ExprKind::kField || e.kind == ExprKind::kVarMember ||
         e.kind == ExprKind::kStepField;
}

}  // namespace

Type ExprChecker::Compare(Expr& e) {
  const Type& a = e.args[0]->type;
  const Type& b = e.args[1]->type;
  if (a.kind == Type::Kind::kNull || b.kind == Type::Kind::kNull) {
    sink_.Report(DiagCode::kW0509, e.span, "comparing with `null` never gives true")
        .help = "write `x is null` or `x is not null`";
    return Type::Bool();
  }
  const bool eq = e.bop == BinaryOp::kEq || e.bop == BinaryOp::kNe;
  if (!Comparable(a, b) || (!eq && (!Ordered(a) || !Ordered(b)))) {
    compiler::Diagnostic& d = sink_.Report(
        DiagCode::kE0301, e.span,
        fmt::format("cannot compare {} {} {}", a.ToString(), ast::OpText(e.bop), b.ToString()));
    if (a.is_scalar(ScalarType::kIp) && b.is_scalar(ScalarType::kCidr)) {
      d.help = "test network membership with `in`";
    }
    return Fail(e);
  }
  if (eq) {
    if (IsFieldRef(*e.args[0]) && e.args[1]->kind == ExprKind::kLiteral) {
      CheckValueInSet(*e.args[0], *e.args[1]);
    } else if (IsFieldRef(*e.args[1]) && e.args[0]->kind == ExprKind::kLiteral) {
      CheckValueInSet(*e.args[1], *e.args[0]);
    }
  }
  return Type::Bool();
}

void ExprChecker::CheckValueInSet(const Expr& field, const Expr& value) {
  if (field.field == schema::FieldId::kNone || value.lit.kind != ast::LiteralKind::kString) return;
  const schema::FieldInfo& info = schema::Field(field.field);
  if (!info.closed() && !info.known()) return;
  const auto values = schema::ValuesOf(info.id);
  const std::string v = schema::IsCaseInsensitive(info.type) ? base::AsciiLower(value.lit.s) : value.lit.s;
  for (std::string_view known : values) {
    if (known == v) return;
  }
  std::vector<std::string> candidates(values.begin(), values.end());
  std::string best = base::ClosestMatch(v, candidates);
  if (best.empty()) {
    for (std::string_view known : values) {
      if (base::EqualsIgnoreCase(known, v)) best = std::string(known);
    }
  }
  compiler::Diagnostic& d =
      sink_.Report(info.closed() ? DiagCode::kE0307 : DiagCode::kW0506, value.span,
                   info.closed() ? fmt::format("`{}` is never \"{}\"", info.name, value.lit.s)
                                 : fmt::format("\"{}\" is not a value Mimecast documents for `{}`",
                                               value.lit.s, info.name));
  const std::string values_text = base::Join(candidates, ", ");
  d.notes.push_back(info.closed()
                        ? fmt::format("`{}` is one of: {}", info.name, values_text)
                        : fmt::format("documented values of `{}`: {}", info.name, values_text));
  if (!best.empty()) d.help = fmt::format("did you mean \"{}\"?", best);
}

Type ExprChecker::Arith(Expr& e) {
  const Type& a = e.args[0]->type;
  const Type& b = e.args[1]->type;
  using S = ScalarType;
  if (a.kind == Type::Kind::kScalar && b.kind == Type::Kind::kScalar) {
    const S x = a.scalar, y = b.scalar;
    const bool add_sub = e.bop == BinaryOp::kAdd || e.bop == BinaryOp::kSub;
    if (schema::IsNumeric(x) && schema::IsNumeric(y)) {
      return Type::Scalar(x == S::kFloat || y == S::kFloat ? S::kFloat : S::kInt);
    }
    if (add_sub && x == S::kTimestamp && y == S::kDuration) return a;
    if (e.bop == BinaryOp::kAdd && x == S::kDuration && y == S::kTimestamp) return b;
    if (e.bop == BinaryOp::kSub && x == S::kTimestamp && y == S::kTimestamp) {
      return Type::Scalar(S::kDuration);
    }
    if (add_sub && x == S::kDuration && y == S::kDuration) return a;
    if ((e.bop == BinaryOp::kMul || e.bop == BinaryOp::kDiv) && x == S::kDuration && y == S::kInt) {
      return a;
    }
  }
  sink_.Report(DiagCode::kE0301, e.span,
               fmt::format("cannot apply `{}` to {} and {}", ast::OpText(e.bop), a.ToString(),
                           b.ToString()));
  return Fail(e);
}

Type ExprChecker::In(Expr& e) {
  const Type& a = e.args[0]->type;
  const Type& b = e.args[1]->type;
  auto mismatch = [&](std::string_view why) {
    sink_.Report(DiagCode::kE0301, e.span,
                 fmt::format("cannot test {} in {}{}", a.ToString(), b.ToString(), why));
    return Fail(e);
  };
  if (a.kind != Type::Kind::kScalar && a.kind != Type::Kind::kNull) {
    return mismatch(": the left side must be a single value");
  }
  switch (b.kind) {
    case Type::Kind::kList:
    case Type::Kind::kArray: {
      if (b.scalar == ScalarType::kCidr) {
        if (a.is_scalar(ScalarType::kIp) || a.kind == Type::Kind::kNull) return Type::Bool();
        return mismatch(": only IP addresses are in networks");
      }
      if (!Comparable(a, Type::Scalar(b.scalar))) return mismatch("");
      if (e.args[1]->kind == ExprKind::kList && IsFieldRef(*e.args[0])) {
        for (const auto& item : e.args[1]->args) CheckValueInSet(*e.args[0], *item);
      }
      return Type::Bool();
    }
    case Type::Kind::kScalar:
      if (b.scalar == ScalarType::kCidr && a.is_scalar(ScalarType::kIp)) return Type::Bool();
      return mismatch(b.scalar == ScalarType::kCidr ? ": only IP addresses are in networks"
                                                    : ": the right side must be a list, an array or a network");
    case Type::Kind::kPattern:
    case Type::Kind::kIoc:
      if (a.kind == Type::Kind::kNull || schema::IsStringLike(a.scalar) ||
          (b.kind == Type::Kind::kIoc && a.scalar == ScalarType::kIp)) {
        return Type::Bool();
      }
      return mismatch("");
    default:
      return mismatch("");
  }
}

Type ExprChecker::StringOp(Expr& e) {
  const Type& a = e.args[0]->type;
  const Type& b = e.args[1]->type;
  const bool string_a = a.kind == Type::Kind::kNull ||
                        (a.kind == Type::Kind::kScalar && schema::IsStringLike(a.scalar));
  const bool pattern_list = b.kind == Type::Kind::kPattern &&
                            (b.glob ? (e.bop == BinaryOp::kLike || e.bop == BinaryOp::kILike)
                                    : (e.bop == BinaryOp::kMatches || e.bop == BinaryOp::kIMatches));
  const bool string_b =
      b.kind == Type::Kind::kNull || pattern_list ||
      ((b.kind == Type::Kind::kScalar || b.kind == Type::Kind::kList) && schema::IsStringLike(b.scalar));
  if (!string_a || !string_b) {
    sink_.Report(DiagCode::kE0301, e.span,
                 fmt::format("`{}` works on strings, found {} and {}", ast::OpText(e.bop),
                             a.ToString(), b.ToString()))
        .help = "string operators take string, email or domain values; compare others with ==";
    return Fail(e);
  }
  if (e.args[1]->kind == ExprKind::kListRef && b.kind == Type::Kind::kList) {
    const List* l = scope_.PeekList(e.args[1]->name);
    if (l != nullptr && l->tenant) {
      sink_.Report(DiagCode::kE0308, e.args[1]->span,
                   fmt::format("`{}` needs constant patterns; `${}` is a tenant list, known only at run time",
                               ast::OpText(e.bop), e.args[1]->name))
          .help = "test membership with `in`, or declare a pack list";
      return Fail(e);
    }
  }
  const bool pattern = e.bop == BinaryOp::kLike || e.bop == BinaryOp::kILike ||
                       e.bop == BinaryOp::kMatches || e.bop == BinaryOp::kIMatches;
  if (pattern) {
    const Expr& rhs = *e.args[1];
    if (!rhs.constant && rhs.kind != ExprKind::kListRef) {
      sink_.Report(DiagCode::kE0308, rhs.span,
                   fmt::format("the pattern of `{}` must be a constant", ast::OpText(e.bop)))
          .help = "patterns are compiled once, when the pack is compiled";
      return Fail(e);
    }
    CheckPatterns(rhs, e.bop == BinaryOp::kMatches || e.bop == BinaryOp::kIMatches);
  }
  return Type::Bool();
}

void ExprChecker::CheckPatterns(const Expr& rhs, bool regex) {
  std::vector<const Expr*> items;
  if (rhs.kind == ExprKind::kList) {
    for (const auto& item : rhs.args) items.push_back(item.get());
  } else if (rhs.kind == ExprKind::kLiteral) {
    items.push_back(&rhs);
  }
  for (const Expr* item : items) {
    if (item->kind != ExprKind::kLiteral || item->lit.kind != ast::LiteralKind::kString) continue;
    const std::string& p = item->lit.s;
    if (!regex) {
      if (!p.empty() && p.back() == '\\' && (p.size() < 2 || p[p.size() - 2] != '\\')) {
        sink_.Report(DiagCode::kE0310, item->span, "wildcard pattern ends with a lone `\\`")
            .help = "escape a literal backslash as `\\\\`";
      }
      continue;
    }
    RE2::Options opts;
    opts.set_log_errors(false);
    RE2 re(p, opts);
    if (!re.ok()) {
      sink_.Report(DiagCode::kE0305, item->span, fmt::format("invalid regex: {}", re.error()))
          .notes.push_back("vigil uses the RE2 dialect: linear time, no backreferences or lookaround");
      continue;
    }
    re2::FilteredRE2 filter(3);
    int id = 0;
    if (filter.Add(p, opts, &id) == RE2::NoError) {
      std::vector<std::string> atoms;
      filter.Compile(&atoms);
      if (atoms.empty()) {
        sink_.Report(DiagCode::kW0505, item->span,
                     "regex has no literal part of 3 or more characters")
            .help = "such a regex runs on every value; anchor it on a literal";
      }
    }
  }
}

}  // namespace vigil::sema

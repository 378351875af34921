// expr_doc.cc: canonical literals and precedence-aware expression printing for `vigil fmt`.
// Levels mirror grammar/Vigil.g4 (alternatives listed first bind tighter).
#include "compiler/fmt/expr_doc.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "base/ip.h"
#include "compiler/parse/literals.h"

namespace vigil::format {
namespace {

using ast::BinaryOp;
using ast::Expr;
using ast::ExprKind;

// Binding strength, loosest first. A binary operator at level L takes a left operand of level
// >= L and a right operand of level >= L + 1 (left associative); a prefix operator's operand is
// parsed at its own level; postfix operators (`.x`, `[i]`, `is null`) take level >= their own.
enum Level : int {
  kOr = 1,
  kAnd,
  kNot,
  kIsNull,
  kIn,
  kStrOp,
  kCmp,
  kAdd,
  kMul,
  kNeg,
  kPostfix,
  kAtom
};

int BinaryLevel(BinaryOp op) {
  switch (op) {
    case BinaryOp::kOr:
      return kOr;
    case BinaryOp::kAnd:
      return kAnd;
    case BinaryOp::kIn:
      return kIn;
    case BinaryOp::kAdd:
    case BinaryOp::kSub:
      return kAdd;
    case BinaryOp::kMul:
    case BinaryOp::kDiv:
    case BinaryOp::kMod:
      return kMul;
    default:
      return ast::IsComparison(op) ? kCmp : kStrOp;
  }
}

// The parser folds `-5`, `-1.5` and `-10m` into negative literals: they bind like a negation.
bool NegativeLiteral(const ast::Literal& lit) {
  switch (lit.kind) {
    case ast::LiteralKind::kInt:
    case ast::LiteralKind::kDuration:
      return lit.i < 0;
    case ast::LiteralKind::kFloat:
      return std::signbit(lit.f);
    default:
      return false;
  }
}

int LevelOf(const Expr& e) {
  switch (e.kind) {
    case ExprKind::kLiteral:
      return NegativeLiteral(e.lit) ? kNeg : kAtom;
    case ExprKind::kBinary:
      return BinaryLevel(e.bop);
    case ExprKind::kUnary:
      return e.uop == ast::UnaryOp::kNeg ? kNeg : kNot;
    case ExprKind::kIsNull:
      return kIsNull;
    case ExprKind::kMember:
    case ExprKind::kIndex:
      return kPostfix;
    default:
      return kAtom;
  }
}

// Operand i of e; a clean parse always has it, this only guards against a malformed tree.
const Expr& Arg(const Expr& e, size_t i) {
  static const Expr kMissing;
  return i < e.args.size() && e.args[i] ? *e.args[i] : kMissing;
}

Doc At(const Expr& e, int min_level);

Doc Joined(const Expr& e, size_t from) {
  std::vector<Doc> args;
  for (size_t i = from; i < e.args.size(); ++i) args.push_back(At(Arg(e, i), 0));
  return Join(std::move(args), Text(", "));
}

// a and b and c: the operands of a left-nested chain of one operator, gathered iteratively.
Doc Chain(const Expr& e) {
  std::vector<const Expr*> operands;
  const Expr* cur = &e;
  while (cur->kind == ExprKind::kBinary && cur->bop == e.bop && cur->args.size() == 2) {
    operands.push_back(&Arg(*cur, 1));
    cur = &Arg(*cur, 0);
  }
  operands.push_back(cur);
  std::reverse(operands.begin(), operands.end());
  const int level = BinaryLevel(e.bop);
  const std::string op = std::string(ast::OpText(e.bop)) + " ";
  std::vector<Doc> rest;
  for (size_t i = 1; i < operands.size(); ++i) {
    rest.push_back(Line());
    rest.push_back(Text(op));
    rest.push_back(At(*operands[i], level + 1));
  }
  // An `and` chain inside an `or` chain breaks 2 deeper than the `or`s, at the same depth
  // whether it comes first or after an `or`.
  Doc first = At(*operands[0], level);
  if (operands[0]->kind == ExprKind::kBinary && LevelOf(*operands[0]) > level &&
      BinaryLevel(operands[0]->bop) == kAnd) {
    first = Nest(2, std::move(first));
  }
  return Group(Concat({std::move(first), Nest(2, Concat(std::move(rest)))}));
}

Doc Binary(const Expr& e) {
  if (e.bop == BinaryOp::kAnd || e.bop == BinaryOp::kOr) return Chain(e);
  const int level = BinaryLevel(e.bop);
  std::string op = " ";
  if (e.negated) op += "not ";
  op += ast::OpText(e.bop);
  op += " ";
  return Concat({At(Arg(e, 0), level), Text(op), At(Arg(e, 1), level + 1)});
}

Doc Call(const Expr& e) {
  std::vector<Doc> parts{Text(e.name + "("), Joined(e, 0), Text(")")};
  if (e.over_ms) parts.push_back(Text(" over " + compiler::FormatDurationLiteral(*e.over_ms)));
  return Concat(std::move(parts));
}

Doc Quantified(const Expr& e) {
  std::vector<Doc> parts{Text(std::string(ast::QuantifierText(e.quant)) + "(" + e.name + " in "),
                         At(Arg(e, 0), 0)};
  if (e.args.size() > 1) {
    parts.push_back(Text(": "));
    parts.push_back(At(Arg(e, 1), 0));
  }
  parts.push_back(Text(")"));
  return Concat(std::move(parts));
}

Doc List(const Expr& e) {
  std::vector<Doc> elements;
  for (size_t i = 0; i < e.args.size(); ++i) elements.push_back(At(Arg(e, i), 0));
  return Bracketed("[", "]", std::move(elements), {}, false);
}

Doc Unary(const Expr& e) {
  // `- -x` would read as a decrement: a negated negation keeps its parentheses.
  if (e.uop == ast::UnaryOp::kNeg) return Concat({Text("-"), At(Arg(e, 0), kPostfix)});
  return Concat({Text("not "), At(Arg(e, 0), kNot)});
}

Doc Bare(const Expr& e) {
  switch (e.kind) {
    case ExprKind::kLiteral:
      return Text(LiteralText(e.lit));
    case ExprKind::kListRef:
      return Text("$" + e.name);
    case ExprKind::kCountAll:
      return Text("count()");
    case ExprKind::kMember:
      return Concat({At(Arg(e, 0), kPostfix), Text("." + e.name)});
    case ExprKind::kIndex:
      return Concat({At(Arg(e, 0), kPostfix), Text("["), At(Arg(e, 1), 0), Text("]")});
    case ExprKind::kCall:
      return Call(e);
    case ExprKind::kQuantifier:
      return Quantified(e);
    case ExprKind::kList:
      return List(e);
    case ExprKind::kUnary:
      return Unary(e);
    case ExprKind::kBinary:
      return Binary(e);
    case ExprKind::kIsNull:
      return Concat({At(Arg(e, 0), kIsNull), Text(e.negated ? " is not null" : " is null")});
    default:
      return Text(e.name);  // kName (sema's resolved kinds never reach the formatter)
  }
}

Doc At(const Expr& e, int min_level) {
  if (LevelOf(e) >= min_level) return Bare(e);
  return Concat({Text("("), Bare(e), Text(")")});
}

std::string FloatText(double f) {
  if (!std::isfinite(f)) return f < 0 ? "-1.0e999" : "1.0e999";  // an overflowing literal
  char buf[64];
  const auto res = std::to_chars(buf, buf + sizeof(buf), f);
  const std::string s(buf, res.ptr);
  const size_t e = s.find_first_of("eE");
  std::string mantissa = s.substr(0, e);
  if (mantissa.find('.') == std::string::npos) mantissa += ".0";  // the grammar wants d.d
  return e == std::string::npos ? mantissa : mantissa + s.substr(e);
}

// UTC when the year stays within 0000-9999 (what the grammar can spell), else the same instant
// with the largest UTC offset.
std::string TimestampText(int64_t ms) {
  std::string text = compiler::FormatTimestamp(ms);
  std::string error;
  if (text.size() > 4 && text[4] == '-' && compiler::ParseTimestampMs(text, &error) == ms) {
    return text;
  }
  constexpr int64_t kOffsetMs = (23 * 60 + 59) * 60'000LL;
  const bool early = ms < 0;
  std::string local = compiler::FormatTimestamp(early ? ms + kOffsetMs : ms - kOffsetMs);
  local.pop_back();  // the 'Z'
  return local + (early ? "+23:59" : "-23:59");
}

}  // namespace

std::string LiteralText(const ast::Literal& lit) {
  switch (lit.kind) {
    case ast::LiteralKind::kNull:
      return "null";
    case ast::LiteralKind::kBool:
      return lit.b ? "true" : "false";
    case ast::LiteralKind::kInt:
      return std::to_string(lit.i);
    case ast::LiteralKind::kFloat:
      return FloatText(lit.f);
    case ast::LiteralKind::kString:
      return compiler::QuoteString(lit.s);
    case ast::LiteralKind::kDuration:
      return compiler::FormatDurationLiteral(lit.i);
    case ast::LiteralKind::kTimestamp:
      return TimestampText(lit.i);
    case ast::LiteralKind::kIp:
      return base::FormatIp(lit.ip);
    case ast::LiteralKind::kCidr:
      return base::FormatCidr(lit.cidr);
  }
  return "null";
}

Doc ExprDoc(const ast::Expr& e) { return At(e, 0); }

}  // namespace vigil::format

// ast.cc: AST helpers: operator names, cloning, lookups.
#include "compiler/ast/ast.h"

namespace vigil::ast {

std::string_view OpText(BinaryOp op) {
  switch (op) {
    case BinaryOp::kAnd: return "and";
    case BinaryOp::kOr: return "or";
    case BinaryOp::kEq: return "==";
    case BinaryOp::kNe: return "!=";
    case BinaryOp::kLt: return "<";
    case BinaryOp::kLe: return "<=";
    case BinaryOp::kGt: return ">";
    case BinaryOp::kGe: return ">=";
    case BinaryOp::kAdd: return "+";
    case BinaryOp::kSub: return "-";
    case BinaryOp::kMul: return "*";
    case BinaryOp::kDiv: return "/";
    case BinaryOp::kMod: return "%";
    case BinaryOp::kIn: return "in";
    case BinaryOp::kContains: return "contains";
    case BinaryOp::kIContains: return "icontains";
    case BinaryOp::kStartsWith: return "starts_with";
    case BinaryOp::kIStartsWith: return "istarts_with";
    case BinaryOp::kEndsWith: return "ends_with";
    case BinaryOp::kIEndsWith: return "iends_with";
    case BinaryOp::kLike: return "like";
    case BinaryOp::kILike: return "ilike";
    case BinaryOp::kMatches: return "matches";
    case BinaryOp::kIMatches: return "imatches";
  }
  return "?";
}

std::string_view QuantifierText(Quantifier q) {
  switch (q) {
    case Quantifier::kAny: return "any";
    case Quantifier::kAll: return "all";
    case Quantifier::kNone: return "none";
    case Quantifier::kCount: return "count";
  }
  return "?";
}

bool IsComparison(BinaryOp op) { return op >= BinaryOp::kEq && op <= BinaryOp::kGe; }
bool IsStringOp(BinaryOp op) { return op >= BinaryOp::kContains && op <= BinaryOp::kIMatches; }

std::string_view ExceptOpText(ExceptOp op) {
  switch (op) {
    case ExceptOp::kEq: return "==";
    case ExceptOp::kContains: return "contains";
    case ExceptOp::kIContains: return "icontains";
    case ExceptOp::kStartsWith: return "starts_with";
    case ExceptOp::kIStartsWith: return "istarts_with";
    case ExceptOp::kEndsWith: return "ends_with";
    case ExceptOp::kIEndsWith: return "iends_with";
    case ExceptOp::kLike: return "like";
    case ExceptOp::kILike: return "ilike";
    case ExceptOp::kIn: return "in";
  }
  return "?";
}

TestValue::TestValue() = default;

ExprPtr Expr::Clone() const {
  auto e = std::make_unique<Expr>();
  e->kind = kind;
  e->span = span;
  e->lit = lit;
  e->name = name;
  e->bop = bop;
  e->uop = uop;
  e->quant = quant;
  e->negated = negated;
  e->over_ms = over_ms;
  e->type = type;
  e->field = field;
  e->depth = depth;
  e->callee = callee;
  e->constant = constant;
  for (const ExprPtr& a : args) e->args.push_back(a ? a->Clone() : nullptr);
  return e;
}

ExprPtr MakeLiteral(Literal lit, Span span) {
  auto e = std::make_unique<Expr>();
  e->kind = ExprKind::kLiteral;
  e->lit = std::move(lit);
  e->span = span;
  return e;
}

ExprPtr MakeBinary(BinaryOp op, ExprPtr a, ExprPtr b, Span span) {
  auto e = std::make_unique<Expr>();
  e->kind = ExprKind::kBinary;
  e->bop = op;
  e->span = span;
  e->args.push_back(std::move(a));
  e->args.push_back(std::move(b));
  return e;
}

const MetaEntry* Rule::FindMeta(std::string_view key) const {
  for (const MetaEntry& m : meta) {
    if (m.key == key) return &m;
  }
  return nullptr;
}

std::string Type::ToString() const {
  using schema::ScalarTypeName;
  switch (kind) {
    case Kind::kUnknown: return "unknown";
    case Kind::kError: return "error";
    case Kind::kNull: return "null";
    case Kind::kScalar: return std::string(ScalarTypeName(scalar));
    case Kind::kArray: return "array<" + std::string(ScalarTypeName(scalar)) + ">";
    case Kind::kRecords: return "array<record of " + std::string(schema::Field(records).name) + ">";
    case Kind::kRecord: return "record of " + std::string(schema::Field(records).name);
    case Kind::kList: return "list<" + std::string(ScalarTypeName(scalar)) + ">";
    case Kind::kPattern: return glob ? "list<glob>" : "list<regex>";
    case Kind::kIoc: return "list<ioc>";
  }
  return "?";
}

}  // namespace vigil::ast

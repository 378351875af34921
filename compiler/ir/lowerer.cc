// lowerer.cc: expression lowering (names, fields, quantifiers, logic, comparisons, arithmetic).
#include "compiler/ir/lowerer.h"

#include "base/check.h"
#include "compiler/opt/const_fold.h"
#include "compiler/sema/expr_checker.h"

namespace vigil::ir {

using ast::Expr;
using ast::ExprKind;
using bytecode::RegKind;
using schema::ScalarType;

bytecode::RegKind KindOf(const ast::Type& t) {
  switch (t.kind) {
    case ast::Type::Kind::kArray:
    case ast::Type::Kind::kRecords:
      return RegKind::kArray;
    default:
      return RegKind::kValue;
  }
}

NodeId Lowerer::Add(Node n) {
  if (n.domain == kNoNode && n.op != Op::kConst && n.op != Op::kField) n.domain = domain_;
  return opt::FoldAndAdd(m_, g_, std::move(n));
}

NodeId Lowerer::Make(Op op, RegKind kind, ScalarType type, std::vector<NodeId> args, uint32_t imm,
                     uint8_t sub, uint16_t flags) {
  Node n;
  n.op = op;
  n.kind = kind;
  n.type = type;
  n.args = std::move(args);
  n.imm = imm;
  n.sub = sub;
  n.flags = flags;
  return Add(std::move(n));
}

NodeId Lowerer::BoolConst(int v) {
  return Make(Op::kBool, RegKind::kBool, ScalarType::kBool, {}, 0, static_cast<uint8_t>(v));
}

NodeId Lowerer::Condition(const ast::Expr* e) { return e == nullptr ? BoolConst(1) : Bool(*e); }

NodeId Lowerer::Value(const ast::Expr& e) { return Val(e); }

NodeId Lowerer::Bool(const Expr& e) { return AsBool(Lower(e)); }

NodeId Lowerer::AsBool(NodeId n) {
  if (g_.node(n).kind == RegKind::kBool) return n;
  if (g_.node(n).op == Op::kConst) {
    const bytecode::Constant& c = m_.pools.constants[g_.node(n).imm];
    return BoolConst(c.is_null ? 2 : (c.i != 0 ? 1 : 0));
  }
  return Make(Op::kToBool, RegKind::kBool, ScalarType::kBool, {n});
}

NodeId Lowerer::Val(const Expr& e) {
  const NodeId n = Lower(e);
  VIGIL_CHECK_MSG(g_.node(n).kind != RegKind::kBool || g_.node(n).op == Op::kBool,
                  "a condition used as a value");
  if (g_.node(n).op == Op::kBool) {
    // A constant condition used as a value: a bool constant.
    bytecode::Constant c;
    c.type = ScalarType::kBool;
    c.is_null = g_.node(n).sub == 2;
    c.i = g_.node(n).sub == 1;
    return Make(Op::kConst, RegKind::kValue, ScalarType::kBool, {}, m_.Intern(c));
  }
  return n;
}

NodeId Lowerer::Constant(const ast::Literal& lit, ScalarType type) {
  bytecode::Constant c;
  c.type = type;
  switch (lit.kind) {
    case ast::LiteralKind::kNull: c.is_null = true; break;
    case ast::LiteralKind::kBool: c.i = lit.b; break;
    case ast::LiteralKind::kInt:
    case ast::LiteralKind::kDuration:
    case ast::LiteralKind::kTimestamp: c.i = lit.i; break;
    case ast::LiteralKind::kFloat: c.f = lit.f; break;
    case ast::LiteralKind::kString: c.s = lit.s; break;
    case ast::LiteralKind::kIp: c.ip = lit.ip; c.prefix = 128; break;
    case ast::LiteralKind::kCidr: c.ip = lit.cidr.addr; c.prefix = lit.cidr.prefix; break;
  }
  if (lit.kind == ast::LiteralKind::kBool) return BoolConst(lit.b ? 1 : 0);
  Node n;
  n.op = Op::kConst;
  n.kind = RegKind::kValue;
  n.type = type;
  n.imm = m_.Intern(c);
  return g_.Add(std::move(n));
}

NodeId Lowerer::FieldNode(schema::FieldId f, const Expr& e) {
  const schema::FieldInfo& info = schema::Field(f);
  Node n;
  n.op = Op::kField;
  n.imm = static_cast<uint32_t>(f);
  n.type = info.type;
  n.kind = info.shape == schema::Shape::kScalar ? RegKind::kValue : RegKind::kArray;
  n.span = e.span;
  const NodeId rows = g_.Add(std::move(n));
  if (domain_ == kNoNode) return rows;
  return Make(Op::kBcast, g_.node(rows).kind, g_.node(rows).type, {rows});
}

NodeId Lowerer::Lower(const Expr& e) {
  switch (e.kind) {
    case ExprKind::kLiteral: {
      const ScalarType t = e.type.kind == ast::Type::Kind::kScalar ? e.type.scalar : ScalarType::kString;
      return Constant(e.lit, t);
    }
    case ExprKind::kField:
      return FieldNode(e.field, e);
    case ExprKind::kVar:
    case ExprKind::kVarMember: {
      const NodeId d = bindings_.at(e.depth);
      const NodeId saved = domain_;
      domain_ = d;
      NodeId n = e.kind == ExprKind::kVar
                     ? Make(Op::kElem, RegKind::kValue, e.type.scalar, {d})
                     : Make(Op::kMember, RegKind::kValue, e.type.scalar, {d}, static_cast<uint32_t>(e.field));
      domain_ = saved;
      if (domain_ != d) n = Make(Op::kBcast, RegKind::kValue, e.type.scalar, {n});
      return n;
    }
    case ExprKind::kMember:
    case ExprKind::kIndex:
      return IndexNode(e);
    case ExprKind::kCall:
      return Call(e);
    case ExprKind::kQuantifier:
      return Quantifier(e);
    case ExprKind::kUnary: {
      if (e.uop == ast::UnaryOp::kNot) return Make(Op::kNot, RegKind::kBool, ScalarType::kBool, {Bool(*e.args[0])});
      return Make(Op::kNeg, RegKind::kValue, e.type.scalar, {Val(*e.args[0])});
    }
    case ExprKind::kBinary:
      return Binary(e);
    case ExprKind::kIsNull: {
      const NodeId v = Lower(*e.args[0]);
      return Make(Op::kIsNull, RegKind::kBool, ScalarType::kBool, {v}, 0, e.negated ? 1 : 0);
    }
    default:
      VIGIL_UNREACHABLE();
  }
}

NodeId Lowerer::Quantifier(const Expr& e) {
  const NodeId src = Lower(*e.args[0]);
  const NodeId d = Make(Op::kDomain, RegKind::kDomain, ScalarType::kBool, {src});
  bindings_[e.depth] = d;
  const NodeId saved = domain_;
  domain_ = d;
  const NodeId body = e.args.size() > 1 ? Bool(*e.args[1]) : kNoNode;
  domain_ = saved;
  if (e.quant == ast::Quantifier::kCount) {
    std::vector<NodeId> args = {d};
    if (body != kNoNode) args.push_back(body);
    return Make(Op::kCount, RegKind::kValue, ScalarType::kInt, std::move(args));
  }
  const auto op = e.quant == ast::Quantifier::kAll    ? bytecode::ReduceOp::kAll
                  : e.quant == ast::Quantifier::kNone ? bytecode::ReduceOp::kNone
                                                      : bytecode::ReduceOp::kAny;
  return Make(Op::kReduce, RegKind::kBool, ScalarType::kBool, {d, body}, 0, static_cast<uint8_t>(op));
}

NodeId Lowerer::IndexNode(const Expr& e) {
  NodeId array;
  const Expr* index;
  if (e.kind == ExprKind::kMember) {  // records[i].member: index the member's arrays
    array = FieldNode(e.field, e);
    index = e.args[0]->args[1].get();
  } else {
    array = Lower(*e.args[0]);
    index = e.args[1].get();
  }
  const ScalarType t = e.type.kind == ast::Type::Kind::kScalar ? e.type.scalar : ScalarType::kString;
  const NodeId i = Val(*index);
  if (g_.node(i).op == Op::kConst) {
    return Make(Op::kIndexK, RegKind::kValue, t, {array}, g_.node(i).imm);
  }
  return Make(Op::kIndex, RegKind::kValue, t, {array, i});
}

NodeId Lowerer::Binary(const Expr& e) {
  switch (e.bop) {
    case ast::BinaryOp::kAnd:
      return Make(Op::kAnd, RegKind::kBool, ScalarType::kBool, {Bool(*e.args[0]), Bool(*e.args[1])});
    case ast::BinaryOp::kOr:
      return Make(Op::kOr, RegKind::kBool, ScalarType::kBool, {Bool(*e.args[0]), Bool(*e.args[1])});
    case ast::BinaryOp::kIn: {
      const NodeId r = In(e);
      return e.negated ? Make(Op::kNot, RegKind::kBool, ScalarType::kBool, {r}) : r;
    }
    default:
      break;
  }
  if (ast::IsComparison(e.bop)) return Compare(e);
  if (ast::IsStringOp(e.bop)) {
    const NodeId r = StringOp(e);
    return e.negated ? Make(Op::kNot, RegKind::kBool, ScalarType::kBool, {r}) : r;
  }
  return Arith(e);
}

namespace {

bytecode::CmpOp CmpOf(ast::BinaryOp op) {
  switch (op) {
    case ast::BinaryOp::kEq: return bytecode::CmpOp::kEq;
    case ast::BinaryOp::kNe: return bytecode::CmpOp::kNe;
    case ast::BinaryOp::kLt: return bytecode::CmpOp::kLt;
    case ast::BinaryOp::kLe: return bytecode::CmpOp::kLe;
    case ast::BinaryOp::kGt: return bytecode::CmpOp::kGt;
    default: return bytecode::CmpOp::kGe;
  }
}

// a op b == b Flip(op) a
bytecode::CmpOp Flip(bytecode::CmpOp op) {
  switch (op) {
    case bytecode::CmpOp::kLt: return bytecode::CmpOp::kGt;
    case bytecode::CmpOp::kLe: return bytecode::CmpOp::kGe;
    case bytecode::CmpOp::kGt: return bytecode::CmpOp::kLt;
    case bytecode::CmpOp::kGe: return bytecode::CmpOp::kLe;
    default: return op;
  }
}

bool CaseInsensitive(const ast::Type& a, const ast::Type& b) {
  const auto ci = [](const ast::Type& t) {
    return t.kind == ast::Type::Kind::kScalar && schema::IsCaseInsensitive(t.scalar);
  };
  return ci(a) || ci(b);
}

}  // namespace

NodeId Lowerer::Compare(const Expr& e) {
  const NodeId l = Lower(*e.args[0]);
  const NodeId r = Lower(*e.args[1]);
  const bool lb = g_.node(l).kind == RegKind::kBool, rb = g_.node(r).kind == RegKind::kBool;
  if (lb || rb) {
    // Comparing conditions: Kleene equality (a and b) or (not a and not b). The operands are
    // converted, not lowered again (a second lowering would number history sites twice).
    const NodeId a = AsBool(l);
    const NodeId b = AsBool(r);
    const auto B = [&](Op op, std::vector<NodeId> args) { return Make(op, RegKind::kBool, ScalarType::kBool, std::move(args)); };
    const NodeId eq = B(Op::kOr, {B(Op::kAnd, {a, b}), B(Op::kAnd, {B(Op::kNot, {a}), B(Op::kNot, {b})})});
    return e.bop == ast::BinaryOp::kEq ? eq : B(Op::kNot, {eq});
  }
  bytecode::CmpOp op = CmpOf(e.bop);
  const uint16_t flags = CaseInsensitive(e.args[0]->type, e.args[1]->type) ? bytecode::kFlagCaseless : 0;
  NodeId v = l, k = r;
  if (g_.node(l).op == Op::kConst && g_.node(r).op != Op::kConst) {
    std::swap(v, k);
    op = Flip(op);
  }
  if (g_.node(k).op == Op::kConst) {
    return Make(Op::kCmpK, RegKind::kBool, ScalarType::kBool, {v}, g_.node(k).imm,
                static_cast<uint8_t>(op), flags);
  }
  return Make(Op::kCmp, RegKind::kBool, ScalarType::kBool, {v, k}, 0, static_cast<uint8_t>(op), flags);
}

NodeId Lowerer::Arith(const Expr& e) {
  bytecode::ArithOp op;
  switch (e.bop) {
    case ast::BinaryOp::kAdd: op = bytecode::ArithOp::kAdd; break;
    case ast::BinaryOp::kSub: op = bytecode::ArithOp::kSub; break;
    case ast::BinaryOp::kMul: op = bytecode::ArithOp::kMul; break;
    case ast::BinaryOp::kDiv: op = bytecode::ArithOp::kDiv; break;
    default: op = bytecode::ArithOp::kMod; break;
  }
  const NodeId a = Val(*e.args[0]);
  const NodeId b = Val(*e.args[1]);
  const ScalarType t = e.type.scalar;
  const auto sub = static_cast<uint8_t>(op);
  if (g_.node(b).op == Op::kConst && g_.node(a).op != Op::kConst) {
    return Make(Op::kArithK, RegKind::kValue, t, {a}, g_.node(b).imm, sub);
  }
  if (g_.node(a).op == Op::kConst && g_.node(b).op != Op::kConst) {
    return Make(Op::kArithK, RegKind::kValue, t, {b}, g_.node(a).imm, sub, bytecode::kFlagReversed);
  }
  return Make(Op::kArith, RegKind::kValue, t, {a, b}, 0, sub);
}

NodeId Lowerer::AnyOf(std::vector<NodeId> terms) {
  if (terms.empty()) return BoolConst(0);
  NodeId acc = terms[0];
  for (size_t i = 1; i < terms.size(); ++i) {
    acc = Make(Op::kOr, RegKind::kBool, ScalarType::kBool, {acc, terms[i]});
  }
  return acc;
}

}  // namespace vigil::ir

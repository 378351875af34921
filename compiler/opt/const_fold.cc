// const_fold.cc: folding rules.
#include "compiler/opt/const_fold.h"

#include <cmath>
#include <limits>
#include <set>
#include <string>

#include "stdlib/invoke.h"
#include "stdlib/registry.h"

namespace vigil::opt {

using bytecode::Constant;
using bytecode::RegKind;
using ir::Node;
using ir::NodeId;
using ir::Op;
using schema::ScalarType;

namespace {

NodeId AddBool(ir::Graph& g, int v, NodeId domain) {
  Node n;
  n.op = Op::kBool;
  n.kind = RegKind::kBool;
  n.sub = static_cast<uint8_t>(v);
  n.domain = domain;
  return g.Add(std::move(n));
}

NodeId AddConst(ir::Module& m, ir::Graph& g, const Constant& c) {
  Node n;
  n.op = Op::kConst;
  n.kind = RegKind::kValue;
  n.type = c.type;
  n.imm = m.Intern(c);
  return g.Add(std::move(n));
}

// -1 when the node is not a bool constant, else 0 false, 1 true, 2 null.
int BoolValue(const ir::Graph& g, NodeId id) {
  const Node& n = g.node(id);
  return n.op == Op::kBool ? n.sub : -1;
}

const Constant* ConstOf(const ir::Module& m, const ir::Graph& g, NodeId id) {
  const Node& n = g.node(id);
  return n.op == Op::kConst ? &m.pools.constants[n.imm] : nullptr;
}

schema::Datum DatumOf(const Constant& c) {
  using schema::Datum;
  if (c.is_null) return Datum::Null(c.type);
  switch (c.type) {
    case ScalarType::kFloat: return Datum::Float(c.f);
    case ScalarType::kIp: return Datum::Ip(c.ip);
    case ScalarType::kCidr: return Datum::Cidr({c.ip, c.prefix});
    case ScalarType::kString:
    case ScalarType::kEmail:
    case ScalarType::kDomain: return Datum::String(c.s, c.type);
    default: {
      Datum d = Datum::Int(c.i);
      d.type = c.type;
      return d;
    }
  }
}

// True when `id` reads a history call (which must run on every event even when its value
// cannot matter, so its subtree is never folded away).
bool HasHistory(const ir::Graph& g, NodeId id) {
  const Node& n = g.node(id);
  if (n.op == Op::kHistory) return true;
  for (NodeId a : n.args) {
    if (HasHistory(g, a)) return true;
  }
  return false;
}

// Folds and/or/not with constant operands; returns kNoNode when nothing folds.
NodeId FoldLogic(ir::Graph& g, const Node& n) {
  if (n.op == Op::kNot) {
    const int a = BoolValue(g, n.args[0]);
    if (a < 0) return ir::kNoNode;
    return AddBool(g, a == 2 ? 2 : 1 - a, n.domain);
  }
  const bool is_and = n.op == Op::kAnd;
  const int a = BoolValue(g, n.args[0]), b = BoolValue(g, n.args[1]);
  const int dominant = is_and ? 0 : 1, neutral = is_and ? 1 : 0;
  if ((a == dominant && !HasHistory(g, n.args[1])) || (b == dominant && !HasHistory(g, n.args[0]))) {
    return AddBool(g, dominant, n.domain);
  }
  if (a == neutral) return n.args[1];
  if (b == neutral) return n.args[0];
  if (a == 2 && b == 2) return AddBool(g, 2, n.domain);
  if (n.args[0] == n.args[1]) return n.args[0];  // x and x, x or x
  return ir::kNoNode;
}

bool IntArith(bytecode::ArithOp op, int64_t a, int64_t b, int64_t* out) {
  switch (op) {
    case bytecode::ArithOp::kAdd: return !__builtin_add_overflow(a, b, out);
    case bytecode::ArithOp::kSub: return !__builtin_sub_overflow(a, b, out);
    case bytecode::ArithOp::kMul: return !__builtin_mul_overflow(a, b, out);
    case bytecode::ArithOp::kDiv:
    case bytecode::ArithOp::kMod:
      constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
      if (b == 0 || (op == bytecode::ArithOp::kDiv && a == kMin && b == -1)) return false;
      *out = op == bytecode::ArithOp::kDiv ? a / b : (b == -1 ? 0 : a % b);  // INT64_MIN % -1 is 0
      return true;
  }
  return false;
}

// Folds arithmetic on two constants into *out.
void FoldArith(bytecode::ArithOp op, const Constant& a, const Constant& b, Constant* out) {
  if (a.is_null || b.is_null) {
    out->is_null = true;
    return;
  }
  if (out->type == ScalarType::kFloat) {
    const double x = a.type == ScalarType::kFloat ? a.f : static_cast<double>(a.i);
    const double y = b.type == ScalarType::kFloat ? b.f : static_cast<double>(b.i);
    double r = 0;
    switch (op) {
      case bytecode::ArithOp::kAdd: r = x + y; break;
      case bytecode::ArithOp::kSub: r = x - y; break;
      case bytecode::ArithOp::kMul: r = x * y; break;
      case bytecode::ArithOp::kDiv: r = x / y; break;
      case bytecode::ArithOp::kMod: r = std::fmod(x, y); break;
    }
    // Division by zero is null; other results are IEEE (inf, NaN), as at run time.
    const bool by_zero = (op == bytecode::ArithOp::kDiv || op == bytecode::ArithOp::kMod) && y == 0;
    out->is_null = by_zero;
    out->f = by_zero ? 0 : r;
    return;
  }
  out->is_null = !IntArith(op, a.i, b.i, &out->i);
}

NodeId FoldValue(ir::Module& m, ir::Graph& g, const Node& n) {
  if (n.op == Op::kArithK && m.pools.constants[n.imm].is_null) {
    Constant out;
    out.type = n.type;
    out.is_null = true;
    return AddConst(m, g, out);
  }
  if (n.op == Op::kArith) {
    const Constant* a = ConstOf(m, g, n.args[0]);
    const Constant* b = ConstOf(m, g, n.args[1]);
    if (a == nullptr || b == nullptr) return ir::kNoNode;
    Constant out;
    out.type = n.type;
    FoldArith(static_cast<bytecode::ArithOp>(n.sub), *a, *b, &out);
    return AddConst(m, g, out);
  }
  if (n.op == Op::kNeg) {
    const Constant* a = ConstOf(m, g, n.args[0]);
    if (a == nullptr) return ir::kNoNode;
    Constant out = *a;
    if (!out.is_null) {
      if (out.type == ScalarType::kFloat) {
        out.f = -out.f;
      } else if (out.i == std::numeric_limits<int64_t>::min()) {
        out.is_null = true;
      } else {
        out.i = -out.i;
      }
    }
    return AddConst(m, g, out);
  }
  return ir::kNoNode;
}

// Overloads whose value depends on the EvalContext (the tenant's time zone, the event time),
// which is unknown at compile time: never folded. (The registry has no flag for this yet.)
bool ReadsContext(const std::string& signature) {
  static const std::set<std::string> kSignatures = {
      "hour_of_day(ts: timestamp) -> int", "weekday(ts: timestamp) -> int",
      "date_part(ts: timestamp, part: string) -> int", "time_since(ts: timestamp) -> duration"};
  return kSignatures.count(signature) > 0;
}

// A stdlib call whose arguments are all constants, evaluated now.
NodeId FoldCall(ir::Module& m, ir::Graph& g, const Node& n) {
  if (n.kind != RegKind::kValue) return ir::kNoNode;
  if (ReadsContext(m.pools.calls[n.imm].signature)) return ir::kNoNode;
  std::vector<schema::Datum> args;
  for (NodeId a : n.args) {
    const Constant* c = ConstOf(m, g, a);
    if (c == nullptr) return ir::kNoNode;
    args.push_back(DatumOf(*c));
  }
  const bytecode::CallSite& site = m.pools.calls[n.imm];
  const stdlib::FunctionDef* def = nullptr;
  for (const stdlib::FunctionDef* d : stdlib::Registry::Get().Overloads(site.function)) {
    if (stdlib::Signature(*d) == site.signature) def = d;
  }
  if (def == nullptr) return ir::kNoNode;
  columnar::Arena arena;
  stdlib::EvalContext ctx;
  ctx.arena = &arena;
  schema::Datum out;
  std::string error;
  if (!stdlib::CallFunction(*def, args, ctx, &out, &error) || out.is_array) return ir::kNoNode;
  Constant c;
  c.type = n.type;
  c.is_null = !out.valid;
  c.i = out.i;
  c.f = out.f;
  c.s = std::string(out.s);
  c.ip = out.ip;
  c.prefix = out.prefix;
  return AddConst(m, g, c);
}

std::string Folded(const std::string& s, bool caseless) {
  std::string out = s;
  if (caseless) {
    for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  return out;
}

template <typename T>
bool Ordered(const T& a, const T& b, bytecode::CmpOp op) {
  switch (op) {
    case bytecode::CmpOp::kEq: return a == b;
    case bytecode::CmpOp::kNe: return !(a == b);
    case bytecode::CmpOp::kLt: return a < b;
    case bytecode::CmpOp::kLe: return a <= b;  // not !(b < a): NaN is unordered
    case bytecode::CmpOp::kGt: return b < a;
    case bytecode::CmpOp::kGe: return b <= a;
  }
  return false;
}

// a op k for two non-null constants of comparable types (as the VM compares them).
bool CompareConstants(const Constant& a, const Constant& k, bytecode::CmpOp op, bool caseless) {
  if (schema::IsStringLike(a.type)) return Ordered(Folded(a.s, caseless), Folded(k.s, caseless), op);
  if (a.type == ScalarType::kIp || a.type == ScalarType::kCidr) {
    const bool same = a.ip == k.ip;
    return op == bytecode::CmpOp::kEq ? same : (op == bytecode::CmpOp::kNe && !same);
  }
  if (a.type == ScalarType::kFloat || k.type == ScalarType::kFloat) {
    const double x = a.type == ScalarType::kFloat ? a.f : static_cast<double>(a.i);
    const double y = k.type == ScalarType::kFloat ? k.f : static_cast<double>(k.i);
    return Ordered(x, y, op);
  }
  return Ordered(a.i, k.i, op);
}

// A comparison or test whose value operand is a null constant is null.
NodeId FoldNullOperand(ir::Module& m, ir::Graph& g, const Node& n) {
  switch (n.op) {
    case Op::kCmpK: {
      const Constant& k = m.pools.constants[n.imm];
      const Constant* a = ConstOf(m, g, n.args[0]);
      if (k.is_null || (a != nullptr && a->is_null)) return AddBool(g, 2, n.domain);
      if (a == nullptr) return ir::kNoNode;
      return AddBool(g, CompareConstants(*a, k, static_cast<bytecode::CmpOp>(n.sub),
                                         n.flags & bytecode::kFlagCaseless) ? 1 : 0, n.domain);
    }
    case Op::kIsNull: {
      const Constant* a = ConstOf(m, g, n.args[0]);
      if (a == nullptr) return ir::kNoNode;
      return AddBool(g, (a->is_null == (n.sub == 0)) ? 1 : 0, n.domain);
    }
    case Op::kCmp:
    case Op::kPattern:
    case Op::kInSet:
    case Op::kInList:
    case Op::kInArray:
    case Op::kStr: {
      const Constant* a = ConstOf(m, g, n.args[0]);
      if (a != nullptr && a->is_null) return AddBool(g, 2, n.domain);
      return ir::kNoNode;
    }
    case Op::kToBool: {
      const Constant* a = ConstOf(m, g, n.args[0]);
      if (a == nullptr) return ir::kNoNode;
      return AddBool(g, a->is_null ? 2 : (a->i != 0 ? 1 : 0), n.domain);
    }
    default:
      return ir::kNoNode;
  }
}

}  // namespace

NodeId FoldAndAdd(ir::Module& m, ir::Graph& g, Node n) {
  NodeId folded = ir::kNoNode;
  switch (n.op) {
    case Op::kAnd:
    case Op::kOr:
    case Op::kNot:
      folded = FoldLogic(g, n);
      break;
    case Op::kArith:
    case Op::kArithK:
    case Op::kNeg:
      folded = FoldValue(m, g, n);
      break;
    case Op::kCall:
      folded = FoldCall(m, g, n);
      break;
    default:
      folded = FoldNullOperand(m, g, n);
      break;
  }
  return folded != ir::kNoNode ? folded : g.Add(std::move(n));
}

}  // namespace vigil::opt

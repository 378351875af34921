// evaluator.cc: the recursive walk: literals, fields, variables, records, index, quantifiers,
// lists and operators. Calls are in evaluator_calls.cc.
#include "interp/evaluator.h"

#include "stdlib/fn_util.h"

namespace vigil::interp {

using ast::BinaryOp;
using ast::Expr;
using ast::ExprKind;

Evaluator::Evaluator(const PackLists& lists, const CallSites& calls)
    : lists_(lists), calls_(calls) {}

Evaluator::~Evaluator() = default;

void Evaluator::BeginRow(const columnar::Batch& batch, size_t row,
                         const columnar::TenantContext& tenant) {
  arena_.Reset();
  list_operands_.clear();
  row_lists_.clear();
  bindings_.clear();
  reader_ = std::make_unique<RowReader>(batch, row);
  tenant_ = &tenant;
  ctx_.arena = &arena_;
  ctx_.time_zone = tenant.time_zone;
  const Datum ts = reader_->Scalar(schema::FieldId::kTs);
  ctx_.now_ms = ts.valid ? ts.i : 0;
}

Value Evaluator::Eval(const Expr& e) {
  switch (e.kind) {
    case ExprKind::kLiteral:
      return Literal(e.lit);
    case ExprKind::kField:
      return Field(e.field);
    case ExprKind::kVar:
      return Binding(e);
    case ExprKind::kVarMember:
      return Member(Binding(e), e.field);
    case ExprKind::kMember:
      return Member(Eval(*e.args[0]), e.field);
    case ExprKind::kIndex:
      return Index(e);
    case ExprKind::kCall:
      return Call(e);
    case ExprKind::kQuantifier:
      return Quantify(e);
    case ExprKind::kListRef:
      return ListRef(e);
    case ExprKind::kList:
      return InlineList(e);
    case ExprKind::kUnary:
      return Unary(e);
    case ExprKind::kBinary:
      return Binary(e);
    case ExprKind::kIsNull:
      return Value::Bool(Eval(*e.args[0]).null() != e.negated);
    case ExprKind::kName:       // resolved by sema
    case ExprKind::kCountAll:   // aggregate `having` only
    case ExprKind::kStepField:  // sequence steps: the stateful engine
      break;
  }
  return Value::NullOf(e.type);
}

Value Evaluator::Literal(const ast::Literal& lit) { return Value::Scalar(LiteralDatum(lit)); }

Value Evaluator::Field(schema::FieldId f) {
  switch (schema::Field(f).shape) {
    case schema::Shape::kArray:
      return reader_->Array(f, ctx_);
    case schema::Shape::kRecords:
      return reader_->Records(f);
    default:
      return Value::Scalar(reader_->Scalar(f));
  }
}

Value Evaluator::Binding(const Expr& e) {
  for (auto it = bindings_.rbegin(); it != bindings_.rend(); ++it) {
    if (it->first == e.depth) return it->second;
  }
  return Value::NullOf(e.type);
}

Value Evaluator::Member(const Value& record, schema::FieldId member) {
  if (record.null() || record.kind != Value::Kind::kRecord) {
    return Value::Scalar(Datum::Null(schema::Field(member).type));
  }
  return Value::Scalar(reader_->Member(member, record.begin));
}

Value Evaluator::Index(const Expr& e) {
  const Value base = Eval(*e.args[0]);
  const Value index = Eval(*e.args[1]);
  Value out = Value::NullOf(e.type);
  if (base.null() || index.null() || index.d.i < 0) return out;
  const uint64_t i = static_cast<uint64_t>(index.d.i);
  if (base.kind == Value::Kind::kArray && i < base.d.elems.size()) {
    return Value::Scalar(base.d.elems[i]);
  }
  if (base.kind == Value::Kind::kRecords && i < base.end - base.begin) {
    out.begin = base.begin + static_cast<uint32_t>(i);
    out.d.valid = true;
  }
  return out;
}

Tri Evaluator::Predicate(const Expr& e, const Value& element) {
  bindings_.emplace_back(e.depth, element);
  const Tri t = Eval(*e.args[1]).Truth();
  bindings_.pop_back();
  return t;
}

Value Evaluator::Quantify(const Expr& e) {
  const Value src = Eval(*e.args[0]);
  std::vector<Value> elements;
  if (!src.null() && src.kind == Value::Kind::kArray) {
    for (const Datum& d : src.d.elems) elements.push_back(Value::Scalar(d));
  } else if (!src.null() && src.kind == Value::Kind::kRecords) {
    for (uint32_t i = src.begin; i < src.end; ++i) {
      Value r = Value::NullOf(ast::Type::Record(src.records));
      r.begin = i;
      r.d.valid = true;
      elements.push_back(r);
    }
  }
  const bool has_body = e.args.size() > 1;
  Tri any = false, all = true;
  int64_t count = 0;
  for (const Value& el : elements) {
    const Tri t = has_body ? Predicate(e, el) : Tri(true);
    any = Or(any, t);
    all = And(all, t);
    count += t == true ? 1 : 0;
  }
  switch (e.quant) {
    case ast::Quantifier::kAny:
      return Value::Bool(any);
    case ast::Quantifier::kAll:
      return Value::Bool(all);
    case ast::Quantifier::kNone:
      return Value::Bool(Not(any));
    case ast::Quantifier::kCount:
      break;
  }
  return Value::Scalar(Datum::Int(count));
}

Value Evaluator::ListValueOf(const ListOperand& l) {
  list_operands_.push_back(l);
  Value v;
  v.kind = Value::Kind::kList;
  v.d.valid = true;
  v.list = &list_operands_.back();
  return v;
}

Value Evaluator::ListRef(const Expr& e) {
  ListOperand l;
  l.decl = lists_.Decl(e.name);
  l.value = lists_.Resolve(e.name, *tenant_);
  if (l.value == nullptr) return Value::NullOf(e.type);
  return ListValueOf(l);
}

Value Evaluator::InlineList(const Expr& e) {
  std::span<Datum> items = stdlib::ArenaDatums(ctx_, e.args.size());
  for (size_t i = 0; i < e.args.size(); ++i) items[i] = Eval(*e.args[i]).d;
  ListOperand l;
  l.items = items;
  return ListValueOf(l);
}

Value Evaluator::Unary(const Expr& e) {
  const Value v = Eval(*e.args[0]);
  if (e.uop == ast::UnaryOp::kNot) return Value::Bool(Not(v.Truth()));
  return Value::Scalar(Negate(v.d));
}

Value Evaluator::Binary(const Expr& e) {
  const Value a = Eval(*e.args[0]);
  const Value b = Eval(*e.args[1]);
  const ast::Type& ta = e.args[0]->type;
  const ast::Type& tb = e.args[1]->type;
  switch (e.bop) {
    case BinaryOp::kAnd:
      return Value::Bool(And(a.Truth(), b.Truth()));
    case BinaryOp::kOr:
      return Value::Bool(Or(a.Truth(), b.Truth()));
    case BinaryOp::kEq:
    case BinaryOp::kNe:
    case BinaryOp::kLt:
    case BinaryOp::kLe:
    case BinaryOp::kGt:
    case BinaryOp::kGe:
      return Value::Bool(Compare(e.bop, a.d, b.d, Caseless(ta) || Caseless(tb)));
    case BinaryOp::kAdd:
    case BinaryOp::kSub:
    case BinaryOp::kMul:
    case BinaryOp::kDiv:
    case BinaryOp::kMod:
      return Value::Scalar(Arith(e.bop, a.d, b.d, e.type.scalar));
    case BinaryOp::kIn: {
      const Tri t = membership_.In(a, ta, b, tb);
      return Value::Bool(e.negated ? Not(t) : t);
    }
    default: {
      const bool caseless = IsCaselessForm(e.bop) || Caseless(ta) || Caseless(tb);
      const Tri t = membership_.AnyString(BaseStringOp(e.bop), caseless, a, b);
      return Value::Bool(e.negated ? Not(t) : t);
    }
  }
}

}  // namespace vigil::interp

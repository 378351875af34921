// state_expr.cc: the evaluator over stateful values.
#include "runtime/stateful/state_expr.h"

#include "ingest/values.h"
#include "interp/scalar_ops.h"

namespace vigil::runtime {

using schema::Datum;
using schema::ScalarType;

Datum FieldFromRecord(const Json& record, schema::FieldId f, std::list<std::string>& storage) {
  const schema::FieldInfo& info = schema::Field(f);
  const std::string name(info.name);
  if (!record.is_object() || !record.contains(name) || info.shape != schema::Shape::kScalar)
    return Datum::Null(info.type);
  const Json& v = record[name];
  switch (info.type) {
    case ScalarType::kBool:
      return v.is_boolean() ? Datum::Bool(v.get<bool>()) : Datum::Null(info.type);
    case ScalarType::kInt:
    case ScalarType::kDuration:
      if (!v.is_number_integer()) return Datum::Null(info.type);
      return info.type == ScalarType::kInt ? Datum::Int(v.get<int64_t>())
                                           : Datum::Duration(v.get<int64_t>());
    case ScalarType::kFloat:
      return v.is_number() ? Datum::Float(v.get<double>()) : Datum::Null(info.type);
    case ScalarType::kTimestamp: {
      if (!v.is_string()) return Datum::Null(info.type);
      const auto ms = ingest::ParseTimestamp(v.get<std::string>());
      return ms ? Datum::Timestamp(*ms) : Datum::Null(info.type);
    }
    case ScalarType::kIp: {
      const auto ip = v.is_string() ? base::ParseIp(v.get<std::string>()) : std::nullopt;
      return ip ? Datum::Ip(*ip) : Datum::Null(info.type);
    }
    default:
      if (!v.is_string()) return Datum::Null(info.type);
      return Datum::String(storage.emplace_back(v.get<std::string>()), info.type);
  }
}

namespace {

interp::Tri Truth(const Datum& d) {
  if (!d.valid) return std::nullopt;
  return d.i != 0;
}

Datum FromTri(interp::Tri t) { return t ? Datum::Bool(*t) : Datum::Null(ScalarType::kBool); }

Datum Literal(const ast::Literal& lit, const ast::Type& type, StateEnv& env) {
  switch (lit.kind) {
    case ast::LiteralKind::kNull:
      return Datum::Null(ScalarType::kString);
    case ast::LiteralKind::kBool:
      return Datum::Bool(lit.b);
    case ast::LiteralKind::kInt:
      return Datum::Int(lit.i);
    case ast::LiteralKind::kFloat:
      return Datum::Float(lit.f);
    case ast::LiteralKind::kDuration:
      return Datum::Duration(lit.i);
    case ast::LiteralKind::kTimestamp:
      return Datum::Timestamp(lit.i);
    case ast::LiteralKind::kIp:
      return Datum::Ip(lit.ip);
    case ast::LiteralKind::kCidr:
      return Datum::Cidr(lit.cidr);
    case ast::LiteralKind::kString:
      return Datum::String(env.storage.emplace_back(lit.s), type.kind == ast::Type::Kind::kScalar
                                                                ? type.scalar
                                                                : ScalarType::kString);
  }
  return Datum::Null(ScalarType::kString);
}

bool CaselessPair(const ast::Expr& e) {
  return interp::Caseless(e.args[0]->type) || interp::Caseless(e.args[1]->type);
}

Datum Binary(const ast::Expr& e, StateEnv& env) {
  const Datum a = EvalState(*e.args[0], env);
  const Datum b = EvalState(*e.args[1], env);
  switch (e.bop) {
    case ast::BinaryOp::kAnd:
      return FromTri(interp::And(Truth(a), Truth(b)));
    case ast::BinaryOp::kOr:
      return FromTri(interp::Or(Truth(a), Truth(b)));
    case ast::BinaryOp::kAdd:
    case ast::BinaryOp::kSub:
    case ast::BinaryOp::kMul:
    case ast::BinaryOp::kDiv:
    case ast::BinaryOp::kMod:
      return interp::Arith(e.bop, a, b, e.type.scalar);
    default:
      if (ast::IsComparison(e.bop)) return FromTri(interp::Compare(e.bop, a, b, CaselessPair(e)));
      return Datum::Null(ScalarType::kBool);
  }
}

}  // namespace

Datum EvalState(const ast::Expr& e, StateEnv& env) {
  switch (e.kind) {
    case ast::ExprKind::kLiteral:
      return Literal(e.lit, e.type, env);
    case ast::ExprKind::kCountAll:
      return Datum::Int(env.count);
    case ast::ExprKind::kCall: {
      for (const auto& [call, value] : env.aggregates) {
        if (call == &e) return value;
      }
      return Datum::Null(e.type.scalar);
    }
    case ast::ExprKind::kField:
      return env.record == nullptr ? Datum::Null(e.type.scalar)
                                   : FieldFromRecord(env.record->record(), e.field, env.storage);
    case ast::ExprKind::kStepField: {
      auto it = env.steps.find(e.name);
      return it == env.steps.end() ? Datum::Null(e.type.scalar)
                                   : FieldFromRecord(it->second->record(), e.field, env.storage);
    }
    case ast::ExprKind::kUnary: {
      const Datum a = EvalState(*e.args[0], env);
      return e.uop == ast::UnaryOp::kNot ? FromTri(interp::Not(Truth(a))) : interp::Negate(a);
    }
    case ast::ExprKind::kIsNull: {
      const Datum a = EvalState(*e.args[0], env);
      return Datum::Bool(e.negated ? a.valid : !a.valid);
    }
    case ast::ExprKind::kBinary:
      return Binary(e, env);
    default:
      return Datum::Null(e.type.kind == ast::Type::Kind::kScalar ? e.type.scalar
                                                                 : ScalarType::kBool);
  }
}

}  // namespace vigil::runtime

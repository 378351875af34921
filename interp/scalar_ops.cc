// scalar_ops.cc: Kleene logic, comparisons and checked arithmetic on Datums.
#include "interp/scalar_ops.h"

#include <cmath>
#include <cstdint>
#include <limits>

#include "stdlib/strings/wildcard.h"

namespace vigil::interp {

using ast::BinaryOp;
using schema::Datum;
using schema::ScalarType;

Tri And(Tri a, Tri b) {
  if (a == false || b == false) return false;
  if (!a || !b) return std::nullopt;
  return true;
}

Tri Or(Tri a, Tri b) {
  if (a == true || b == true) return true;
  if (!a || !b) return std::nullopt;
  return false;
}

Tri Not(Tri a) {
  if (!a) return std::nullopt;
  return !*a;
}

bool Caseless(const ast::Type& t) {
  using K = ast::Type::Kind;
  return (t.kind == K::kScalar || t.kind == K::kArray || t.kind == K::kList) &&
         schema::IsCaseInsensitive(t.scalar);
}

namespace {

template <typename T>
bool Apply(BinaryOp op, const T& x, const T& y) {
  switch (op) {
    case BinaryOp::kEq:
      return x == y;
    case BinaryOp::kNe:
      return x != y;
    case BinaryOp::kLt:
      return x < y;
    case BinaryOp::kLe:
      return x <= y;
    case BinaryOp::kGt:
      return x > y;
    case BinaryOp::kGe:
      return x >= y;
    default:
      return false;
  }
}

// Bytewise three-way comparison, unsigned, optionally folding ASCII letters.
int CompareBytes(std::string_view a, std::string_view b, bool caseless) {
  const size_t n = std::min(a.size(), b.size());
  for (size_t i = 0; i < n; ++i) {
    uint8_t x = static_cast<uint8_t>(a[i]), y = static_cast<uint8_t>(b[i]);
    if (caseless) {
      x = stdlib::FoldAscii(x);
      y = stdlib::FoldAscii(y);
    }
    if (x != y) return x < y ? -1 : 1;
  }
  return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

double AsDouble(const Datum& d) {
  return d.type == ScalarType::kFloat ? d.f : static_cast<double>(d.i);
}

Datum Null(ScalarType t) { return Datum::Null(t); }

Datum IntResult(int64_t v, ScalarType t) {
  Datum d = Datum::Int(v);
  d.type = t;
  return d;
}

Datum FloatArith(BinaryOp op, double x, double y) {
  switch (op) {
    case BinaryOp::kAdd:
      return Datum::Float(x + y);
    case BinaryOp::kSub:
      return Datum::Float(x - y);
    case BinaryOp::kMul:
      return Datum::Float(x * y);
    case BinaryOp::kDiv:
      return y == 0 ? Null(ScalarType::kFloat) : Datum::Float(x / y);
    case BinaryOp::kMod:
      return y == 0 ? Null(ScalarType::kFloat) : Datum::Float(std::fmod(x, y));
    default:
      return Null(ScalarType::kFloat);
  }
}

Datum IntArith(BinaryOp op, int64_t x, int64_t y, ScalarType t) {
  int64_t r = 0;
  constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
  switch (op) {
    case BinaryOp::kAdd:
      return __builtin_add_overflow(x, y, &r) ? Null(t) : IntResult(r, t);
    case BinaryOp::kSub:
      return __builtin_sub_overflow(x, y, &r) ? Null(t) : IntResult(r, t);
    case BinaryOp::kMul:
      return __builtin_mul_overflow(x, y, &r) ? Null(t) : IntResult(r, t);
    case BinaryOp::kDiv:
      if (y == 0 || (x == kMin && y == -1)) return Null(t);
      return IntResult(x / y, t);
    case BinaryOp::kMod:
      if (y == 0) return Null(t);
      return IntResult(y == -1 ? 0 : x % y, t);
    default:
      return Null(t);
  }
}

}  // namespace

Tri Compare(BinaryOp op, const Datum& a, const Datum& b, bool caseless) {
  if (!a.valid || !b.valid) return std::nullopt;
  if (schema::IsStringLike(a.type) && schema::IsStringLike(b.type)) {
    return Apply(op, CompareBytes(a.s, b.s, caseless), 0);
  }
  if (schema::IsNumeric(a.type) && schema::IsNumeric(b.type)) {
    if (a.type == ScalarType::kInt && b.type == ScalarType::kInt) return Apply(op, a.i, b.i);
    return Apply(op, AsDouble(a), AsDouble(b));
  }
  if (a.type == ScalarType::kIp || a.type == ScalarType::kCidr) {
    const bool same = a.ip == b.ip && a.prefix == b.prefix && a.type == b.type;
    if (op == BinaryOp::kEq) return same;
    if (op == BinaryOp::kNe) return !same;
    return std::nullopt;  // unordered (the type checker rejects these)
  }
  return Apply(op, a.i, b.i);  // bool, timestamp, duration
}

bool Equal(const Datum& a, const Datum& b, bool caseless) {
  return Compare(BinaryOp::kEq, a, b, caseless) == true;
}

Datum Arith(BinaryOp op, const Datum& a, const Datum& b, ScalarType result) {
  if (!a.valid || !b.valid) return Null(result);
  if (result == ScalarType::kFloat) return FloatArith(op, AsDouble(a), AsDouble(b));
  return IntArith(op, a.i, b.i, result);
}

Datum Negate(const Datum& a) {
  if (!a.valid) return a;
  if (a.type == ScalarType::kFloat) return Datum::Float(-a.f);
  if (a.i == std::numeric_limits<int64_t>::min()) return Null(a.type);
  return IntResult(-a.i, a.type);
}

}  // namespace vigil::interp

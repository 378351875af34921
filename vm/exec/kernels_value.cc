// kernels_value.cc: kernels that compute values: Arith, ArithK, Neg; and what the value kernels
// share (DatumAt, the element accessor; ResultColumn; RowsOf). Call and History have files of
// their own.
#include <cmath>
#include <limits>

#include "vm/exec/fill.h"
#include "vm/exec/kernels.h"

namespace vigil::vm {

using columnar::Column;
using columnar::Storage;
using schema::Datum;
using schema::ScalarType;

Datum DatumAt(const ValueReg& r, size_t i, ScalarType type) {
  if (r.IsNull(i)) return Datum::Null(type);
  const size_t k = r.At(i);
  const Column& c = *r.col;
  switch (c.storage()) {
    case Storage::kI64: {
      Datum d = Datum::Int(c.i64[k]);
      d.type = type;
      return d;
    }
    case Storage::kF64: return Datum::Float(c.f64[k]);
    case Storage::kIp: return type == ScalarType::kCidr ? Datum::Cidr({c.ip[k], 128}) : Datum::Ip(c.ip[k]);
    case Storage::kFlatString:
    case Storage::kDictString: return Datum::String(c.GetString(k), type);
    case Storage::kOffsets: break;
  }
  return Datum::Null(type);
}

namespace kernels {

std::vector<uint32_t> RowsOf(ExecState& s, uint32_t domain, size_t n) {
  if (domain == bytecode::kNoReg) return {};
  std::vector<uint32_t> rows(n);
  for (size_t i = 0; i < n; ++i) rows[i] = static_cast<uint32_t>(i);
  for (uint32_t d = domain; d != bytecode::kNoReg; d = s.D(d).parent_domain) {
    for (auto& r : rows) r = s.D(d).parent[r];
  }
  return rows;
}

Column& ResultColumn(ValueReg& dst, ScalarType type, size_t n, bool dict) {
  Storage storage = Storage::kI64;
  if (type == ScalarType::kFloat) storage = Storage::kF64;
  if (type == ScalarType::kIp || type == ScalarType::kCidr) storage = Storage::kIp;
  if (schema::IsStringLike(type)) storage = dict ? Storage::kDictString : Storage::kFlatString;
  if (!dst.owned || dst.owned->storage() != storage || dst.owned->type() != type) {
    dst.owned = std::make_unique<Column>(type, storage);
  }
  dst.owned->Reset(n);
  dst.col = dst.owned.get();
  dst.elems = nullptr;
  dst.indexed = false;
  dst.size = n;
  return *dst.owned;
}

namespace {

using bytecode::ArithOp;

// Integer arithmetic with overflow and division by zero as null (false).
bool IntOp(ArithOp op, int64_t a, int64_t b, int64_t* out) {
  switch (op) {
    case ArithOp::kAdd: return !__builtin_add_overflow(a, b, out);
    case ArithOp::kSub: return !__builtin_sub_overflow(a, b, out);
    case ArithOp::kMul: return !__builtin_mul_overflow(a, b, out);
    case ArithOp::kDiv:
      if (b == 0 || (a == std::numeric_limits<int64_t>::min() && b == -1)) return false;
      *out = a / b;
      return true;
    case ArithOp::kMod:
      if (b == 0) return false;
      *out = b == -1 ? 0 : a % b;  // INT64_MIN % -1 is 0 (and must not trap)
      return true;
  }
  return false;
}

bool FloatOp(ArithOp op, double a, double b, double* out) {
  switch (op) {
    case ArithOp::kAdd: *out = a + b; break;
    case ArithOp::kSub: *out = a - b; break;
    case ArithOp::kMul: *out = a * b; break;
    case ArithOp::kDiv:
      if (b == 0) return false;
      *out = a / b;
      break;
    case ArithOp::kMod:
      if (b == 0) return false;
      *out = std::fmod(a, b);
      break;
  }
  return true;  // other results are IEEE (inf, NaN), as the interpreter computes them
}

// out[i] = a op b for Datums a, b (both non-null).
void ArithElement(ArithOp op, const Datum& a, const Datum& b, Column& out, size_t i) {
  if (out.type() == ScalarType::kFloat) {
    const double x = a.type == ScalarType::kFloat ? a.f : static_cast<double>(a.i);
    const double y = b.type == ScalarType::kFloat ? b.f : static_cast<double>(b.i);
    double r = 0;
    if (FloatOp(op, x, y, &r)) out.SetFloat(i, r);
    return;
  }
  int64_t r = 0;
  if (IntOp(op, a.i, b.i, &r)) out.SetInt(i, r);
}

}  // namespace

void Arith(ExecState& s, const Instr& in) {
  const ValueReg& a = s.V(in.a);
  const ValueReg& b = s.V(in.b);
  const size_t n = s.SizeOf(in.dst);
  Column& out = ResultColumn(s.V(in.dst), s.TypeOf(in.dst), n);
  const auto op = static_cast<ArithOp>(in.sub);
  ForEachSelected(n, s.Sel(in.sel), [&](size_t i) {
    if (a.IsNull(i) || b.IsNull(i)) return;
    ArithElement(op, DatumAt(a, i, s.TypeOf(in.a)), DatumAt(b, i, s.TypeOf(in.b)), out, i);
  });
}

void ArithK(ExecState& s, const Instr& in) {
  const ValueReg& a = s.V(in.a);
  const Datum& k = s.pack.constant(in.b);
  const size_t n = s.SizeOf(in.dst);
  Column& out = ResultColumn(s.V(in.dst), s.TypeOf(in.dst), n);
  const auto op = static_cast<ArithOp>(in.sub);
  const bool reversed = in.flags & bytecode::kFlagReversed;
  ForEachSelected(n, s.Sel(in.sel), [&](size_t i) {
    if (a.IsNull(i)) return;
    const Datum x = DatumAt(a, i, s.TypeOf(in.a));
    if (reversed) {
      ArithElement(op, k, x, out, i);
    } else {
      ArithElement(op, x, k, out, i);
    }
  });
}

void Neg(ExecState& s, const Instr& in) {
  const ValueReg& a = s.V(in.a);
  const size_t n = s.SizeOf(in.dst);
  Column& out = ResultColumn(s.V(in.dst), s.TypeOf(in.dst), n);
  ForEachSelected(n, s.Sel(in.sel), [&](size_t i) {
    if (a.IsNull(i)) return;
    const size_t k = a.At(i);
    if (out.type() == ScalarType::kFloat) {
      out.SetFloat(i, -a.col->f64[k]);
    } else if (a.col->i64[k] != std::numeric_limits<int64_t>::min()) {
      out.SetInt(i, -a.col->i64[k]);
    }
  });
}

}  // namespace kernels
}  // namespace vigil::vm

// kernels_value.cc: kernels that compute values: Arith, ArithK, Neg, Call (stdlib functions,
// once per distinct value of a dictionary-encoded argument), History (first_seen, prevalence);
// and DatumAt, the element accessor they share.
#include <cmath>
#include <limits>

#include "stdlib/invoke.h"
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
namespace {

using bytecode::ArithOp;

// A fresh owned result column of `type` with n null elements, bound to dst.
Column& Result(ValueReg& dst, ScalarType type, size_t n) {
  Storage storage = Storage::kI64;
  if (type == ScalarType::kFloat) storage = Storage::kF64;
  if (type == ScalarType::kIp || type == ScalarType::kCidr) storage = Storage::kIp;
  if (schema::IsStringLike(type)) storage = Storage::kFlatString;
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
      if (b == 0 || (a == std::numeric_limits<int64_t>::min() && b == -1)) return false;
      *out = a % b;
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
  return std::isfinite(*out);
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
  Column& out = Result(s.V(in.dst), s.TypeOf(in.dst), n);
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
  Column& out = Result(s.V(in.dst), s.TypeOf(in.dst), n);
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
  Column& out = Result(s.V(in.dst), s.TypeOf(in.dst), n);
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

namespace {

// Writes a function result into out[i] (strings and arrays are already in the run's arena).
void StoreDatum(const Datum& d, Column& out, size_t i) {
  if (!d.valid) return;
  switch (out.storage()) {
    case Storage::kI64: out.SetInt(i, d.i); break;
    case Storage::kF64: out.SetFloat(i, d.f); break;
    case Storage::kIp: out.SetIp(i, d.ip); break;
    case Storage::kFlatString:
      out.str[i] = d.s;
      out.valid.Set(i);
      break;
    default: break;
  }
}

// Appends array result d as element list of row i of an offsets column.
void StoreArray(const Datum& d, Column& out, size_t i) {
  Column& el = *out.elements;
  if (d.valid) {
    for (const Datum& e : d.elems) {
      const size_t k = el.AppendNull();
      StoreDatum(e, el, k);
    }
    out.valid.Set(i);
  }
  out.offsets[i + 1] = static_cast<uint32_t>(el.size());
}

}  // namespace

void Call(ExecState& s, const Instr& in) {
  const stdlib::PreparedCall& call = s.pack.call(in.a);
  const size_t n = s.SizeOf(in.dst);
  ValueReg& dst = s.V(in.dst);
  const bool array_out = s.prog.regs[in.dst].kind == bytecode::RegKind::kArray;
  Column* out;
  if (array_out) {
    if (!dst.owned || dst.owned->storage() != Storage::kOffsets) {
      dst.owned = std::make_unique<Column>(s.TypeOf(in.dst), Storage::kOffsets);
      dst.owned->elements = std::make_unique<Column>(
          s.TypeOf(in.dst), schema::IsStringLike(s.TypeOf(in.dst)) ? Storage::kFlatString : Storage::kI64);
    }
    dst.owned->Reset(n);
    dst.col = dst.owned.get();
    dst.elems = dst.owned->elements.get();
    dst.indexed = false;
    dst.size = n;
    out = dst.owned.get();
  } else {
    out = &Result(dst, s.TypeOf(in.dst), n);
  }
  stdlib::EvalContext ctx;
  ctx.arena = &s.arena;
  ctx.time_zone = s.tenant.time_zone;
  const uint32_t* args = s.prog.extra.data() + in.extra;
  std::vector<Datum> values(in.extra_count);
  // Constant arguments once.
  for (uint32_t k = 0; k < in.extra_count; ++k) {
    if (args[k] & bytecode::kConstTag) values[k] = s.pack.constant(args[k] & ~bytecode::kConstTag);
  }
  // A single non-constant dictionary-encoded argument: evaluate once per distinct value.
  int dict_arg = -1;
  for (uint32_t k = 0; k < in.extra_count; ++k) {
    if (args[k] & bytecode::kConstTag) continue;
    const ValueReg& r = s.V(args[k]);
    const bool dict = r.col != nullptr && r.col->storage() == Storage::kDictString;
    dict_arg = (dict_arg == -1 && dict) ? static_cast<int>(k) : -2;
  }
  thread_local std::vector<Datum> memo;
  thread_local std::vector<uint8_t> memo_set;
  if (dict_arg >= 0) {
    const size_t distinct = s.V(args[dict_arg]).col->dict.size();
    memo.resize(distinct);
    memo_set.assign(distinct, 0);
  }
  Datum result;
  const columnar::Bitmap* sel = s.Sel(in.sel);
  for (size_t i = 0; i < n; ++i) {
    if (sel != nullptr && !sel->Get(i)) {
      if (array_out) out->offsets[i + 1] = out->offsets[i];
      continue;
    }
    const Datum* r = &result;
    if (dict_arg >= 0 && !s.V(args[dict_arg]).IsNull(i)) {
      const ValueReg& dr = s.V(args[dict_arg]);
      const uint32_t code = dr.col->code[dr.At(i)];
      if (!memo_set[code]) {
        values[dict_arg] = DatumAt(dr, i, s.TypeOf(args[dict_arg]));
        call.Eval(values, ctx, &memo[code]);
        memo_set[code] = 1;
      }
      r = &memo[code];
    } else {
      for (uint32_t k = 0; k < in.extra_count; ++k) {
        if (!(args[k] & bytecode::kConstTag)) values[k] = DatumAt(s.V(args[k]), i, s.TypeOf(args[k]));
      }
      call.Eval(values, ctx, &result);
    }
    if (array_out) {
      StoreArray(*r, *out, i);
    } else {
      StoreDatum(*r, *out, i);
    }
  }
}

namespace {

// The text of one history key part; null parts are written as \x01.
void AppendKey(const Datum& d, std::string* key) {
  if (!d.valid) {
    *key += '\x01';
  } else if (schema::IsStringLike(d.type)) {
    *key += d.s;
  } else if (d.type == ScalarType::kIp || d.type == ScalarType::kCidr) {
    *key += base::FormatIp(d.ip);
  } else if (d.type == ScalarType::kFloat) {
    *key += std::to_string(d.f);
  } else {
    *key += std::to_string(d.i);
  }
  *key += '\x1f';
}

}  // namespace

void History(ExecState& s, const Instr& in) {
  const bytecode::HistorySite& site = s.pack.exe().history[in.a];
  const size_t n = s.SizeOf(in.dst);
  ValueReg& dst = s.V(in.dst);
  const bool first_seen = in.sub == 0;
  Column& out = Result(dst, first_seen ? ScalarType::kBool : ScalarType::kInt, n);
  const Column* ts = s.batch.column(schema::FieldId::kTs);
  const uint32_t* keys = s.prog.extra.data() + in.extra;
  if (s.tenant.history == nullptr || ts == nullptr) return;
  std::string key;
  for (size_t i = 0; i < n; ++i) {  // every row, in order: history records each event
    if (ts->IsNull(i)) continue;
    key.clear();
    for (uint32_t k = 0; k < in.extra_count; ++k) AppendKey(DatumAt(s.V(keys[k]), i, s.TypeOf(keys[k])), &key);
    if (first_seen) {
      out.SetInt(i, s.tenant.history->FirstSeen(in.a, key, ts->i64[i], site.over_ms) ? 1 : 0);
    } else {
      out.SetInt(i, s.tenant.history->Prevalence(in.a, key, ts->i64[i], site.over_ms));
    }
  }
}

}  // namespace kernels
}  // namespace vigil::vm

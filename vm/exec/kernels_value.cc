// kernels_value.cc: kernels that compute values: Arith, ArithK, Neg, Call (stdlib functions,
// once per distinct value of a dictionary-encoded argument), History (first_seen, prevalence);
// and DatumAt, the element accessor they share.
#include <cmath>
#include <limits>

#include "stdlib/fn_util.h"
#include "stdlib/invoke.h"
#include "stdlib/lists/typed_lists.h"
#include "stdlib/value_print.h"
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

// Writes a function result into out[i]. Strings are views; `copy` (when set) receives a copy of
// them, for results that may view into memory freed after the row (a list built for the row).
void StoreDatum(const Datum& d, Column& out, size_t i, columnar::Arena* copy) {
  if (!d.valid) return;
  switch (out.storage()) {
    case Storage::kI64: out.SetInt(i, d.i); break;
    case Storage::kF64: out.SetFloat(i, d.f); break;
    case Storage::kIp: out.SetIp(i, d.ip); break;
    case Storage::kFlatString:
      out.str[i] = copy != nullptr ? copy->Copy(d.s) : d.s;
      out.valid.Set(i);
      break;
    default: break;
  }
}

// Appends array result d as element list of row i of an offsets column.
void StoreArray(const Datum& d, Column& out, size_t i, columnar::Arena* copy) {
  Column& el = *out.elements;
  if (d.valid) {
    for (const Datum& e : d.elems) {
      const size_t k = el.AppendNull();
      StoreDatum(e, el, k, copy);
    }
    out.valid.Set(i);
  }
  out.offsets[i + 1] = static_cast<uint32_t>(el.size());
}

}  // namespace

namespace {

// For each element of `domain` (n of them), its batch row; empty for the rows domain.
std::vector<uint32_t> RowsOf(ExecState& s, uint32_t domain, size_t n) {
  if (domain == bytecode::kNoReg) return {};
  std::vector<uint32_t> rows(n);
  for (size_t i = 0; i < n; ++i) rows[i] = static_cast<uint32_t>(i);
  for (uint32_t d = domain; d != bytecode::kNoReg; d = s.D(d).parent_domain) {
    for (auto& r : rows) r = s.D(d).parent[r];
  }
  return rows;
}

// Argument k of a call at element i: a value, or for a list parameter given an array, the
// array's elements built into a list (held in *owned).
Datum ArgumentAt(ExecState& s, uint32_t reg, size_t i, const stdlib::FunctionDef& def, size_t k,
                 stdlib::EvalContext& ctx, std::unique_ptr<schema::ListValue>* owned) {
  const ScalarType t = s.TypeOf(reg);
  const stdlib::TypeSpec& param = def.params[std::min(k, def.params.size() - 1)];
  if (s.prog.regs[reg].kind != bytecode::RegKind::kArray) return DatumAt(s.V(reg), i, t);
  const ValueReg& arr = s.V(reg);
  if (arr.col == nullptr || arr.elems == nullptr || arr.col->IsNull(arr.At(i))) return Datum::Null(t);
  const size_t r = arr.At(i);
  std::vector<Datum> elems;
  for (uint32_t e = arr.col->offsets[r]; e < arr.col->offsets[r + 1]; ++e) {
    ValueReg view;
    view.col = arr.elems;
    elems.push_back(DatumAt(view, e, t));
  }
  if (param.kind == stdlib::TypeSpec::Kind::kList) {
    std::string error;
    *owned = stdlib::BuildInlineList(param, elems, &error);
    if (*owned == nullptr) return Datum::Null(t);
    Datum d = Datum::Null(t);
    d.valid = true;
    d.list = owned->get();
    return d;
  }
  Datum* stored = stdlib::ArenaDatums(ctx, elems.size()).data();
  std::copy(elems.begin(), elems.end(), stored);
  return Datum::Array(t, std::span<const Datum>(stored, elems.size()));
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
  const stdlib::FunctionDef& def = call.def();
  // Constant and list arguments once; arrays passed to list parameters become lists per row.
  std::vector<bool> per_row(in.extra_count, false);
  for (uint32_t k = 0; k < in.extra_count; ++k) {
    const uint32_t v = args[k];
    if (v & bytecode::kConstTag) {
      values[k] = s.pack.constant(v & ~bytecode::kConstTag);
    } else if (v & bytecode::kListTag) {
      const uint32_t list = v & ~bytecode::kListTag;
      values[k] = Datum::Null(ScalarType::kString);
      values[k].valid = s.pack.list_usable(list);
      values[k].list = &s.pack.ResolveList(list, s.tenant);
    } else {
      per_row[k] = true;
    }
  }
  const Column* ts = s.batch.column(schema::FieldId::kTs);
  const std::vector<uint32_t> rows = RowsOf(s, s.DomainOf(in.dst), n);
  // A single non-constant dictionary-encoded argument: evaluate once per distinct value.
  int dict_arg = -1;
  for (uint32_t k = 0; k < in.extra_count; ++k) {
    if (!per_row[k]) continue;
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
  std::vector<std::unique_ptr<schema::ListValue>> owned_lists(in.extra_count);
  const columnar::Bitmap* sel = s.Sel(in.sel);
  for (size_t i = 0; i < n; ++i) {
    if (sel != nullptr && !sel->Get(i)) {
      if (array_out) out->offsets[i + 1] = out->offsets[i];
      continue;
    }
    const Datum* r = &result;
    bool built_list = false;  // a list argument was built for this row (results may view it)
    const size_t row = rows.empty() ? i : rows[i];
    ctx.now_ms = (ts != nullptr && !ts->IsNull(row)) ? ts->i64[row] : 0;
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
        if (!per_row[k]) continue;
        owned_lists[k].reset();
        values[k] = ArgumentAt(s, args[k], i, def, k, ctx, &owned_lists[k]);
        built_list = built_list || owned_lists[k] != nullptr;
      }
      call.Eval(values, ctx, &result);
    }
    columnar::Arena* copy = built_list ? &s.arena : nullptr;
    if (array_out) {
      StoreArray(*r, *out, i, copy);
    } else {
      StoreDatum(*r, *out, i, copy);
    }
  }
}

void History(ExecState& s, const Instr& in) {
  const bytecode::HistorySite& site = s.pack.exe().history[in.a];
  const size_t n = s.SizeOf(in.dst);
  ValueReg& dst = s.V(in.dst);
  const bool first_seen = in.sub == 0;
  Column& out = Result(dst, first_seen ? ScalarType::kBool : ScalarType::kInt, n);
  const Column* ts = s.batch.column(schema::FieldId::kTs);
  const uint32_t* keys = s.prog.extra.data() + in.extra;
  if (s.tenant.history == nullptr || ts == nullptr) return;
  const std::vector<uint32_t> rows = RowsOf(s, s.DomainOf(in.dst), n);
  std::string key;
  for (size_t i = 0; i < n; ++i) {  // every element, in order: history records each event
    const size_t row = rows.empty() ? i : rows[i];
    if (ts->IsNull(row)) continue;
    key.clear();
    bool null_key = false;
    for (uint32_t k = 0; k < in.extra_count; ++k) {
      const uint32_t reg = keys[k];
      const Datum d = (reg & bytecode::kConstTag) ? s.pack.constant(reg & ~bytecode::kConstTag)
                                                  : DatumAt(s.V(reg), i, s.TypeOf(reg));
      null_key = null_key || !d.valid;
      if (k > 0) key += '\x1f';
      key += stdlib::FormatDatum(d);
    }
    if (null_key) continue;  // a null key: null, and nothing recorded
    if (first_seen) {
      out.SetInt(i, s.tenant.history->FirstSeen(in.a, key, ts->i64[row], site.over_ms) ? 1 : 0);
    } else {
      out.SetInt(i, s.tenant.history->Prevalence(in.a, key, ts->i64[row], site.over_ms));
    }
  }
}

}  // namespace kernels
}  // namespace vigil::vm

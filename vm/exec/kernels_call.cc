// kernels_call.cc: the Call kernel: a stdlib function applied to every selected element of a
// domain. When the only per-element argument is dictionary-encoded, the function runs once per
// distinct value, and a string result is dictionary-encoded too, so the kernels that read it
// (further calls, list lookups, comparisons, pattern scans) also run once per distinct value.
#include <algorithm>
#include <bit>
#include <string>

#include "stdlib/fn_util.h"
#include "stdlib/invoke.h"
#include "stdlib/lists/typed_lists.h"
#include "vm/exec/fill.h"
#include "vm/exec/kernels.h"

namespace vigil::vm::kernels {

using columnar::Column;
using columnar::Storage;
using schema::Datum;
using schema::ScalarType;

namespace {

// Writes a function result into out[i]. Strings are views; `copy` (when set) receives a copy of
// them, for results that may view into memory freed after the row (a list built for the row).
void StoreDatum(const Datum& d, Column& out, size_t i, columnar::Arena* copy) {
  if (!d.valid) return;
  switch (out.storage()) {
    case Storage::kI64:
      out.SetInt(i, d.i);
      break;
    case Storage::kF64:
      out.SetFloat(i, d.f);
      break;
    case Storage::kIp:
      out.SetIp(i, d.ip);
      break;
    case Storage::kFlatString:
      out.str[i] = copy != nullptr ? copy->Copy(d.s) : d.s;
      out.valid.Set(i);
      break;
    default:
      break;
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

// Argument k of a call at element i: a value, or for a list parameter given an array, the
// array's elements built into a list (held in *owned).
Datum ArgumentAt(ExecState& s, uint32_t reg, size_t i, const stdlib::FunctionDef& def, size_t k,
                 stdlib::EvalContext& ctx, std::unique_ptr<schema::ListValue>* owned) {
  const ScalarType t = s.TypeOf(reg);
  const stdlib::TypeSpec& param = def.params[std::min(k, def.params.size() - 1)];
  if (s.prog.regs[reg].kind != bytecode::RegKind::kArray) return DatumAt(s.V(reg), i, t);
  const ValueReg& arr = s.V(reg);
  if (arr.col == nullptr || arr.elems == nullptr || arr.col->IsNull(arr.At(i)))
    return Datum::Null(t);
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

// What a call site passes, bound for one kernel run: constants and lists once; `per_row`
// marks the arguments read per element.
struct BoundArgs {
  std::vector<Datum> values;
  std::vector<bool> per_row;
  // The one per-element argument when it is dictionary-encoded; -1 when there is none, -2 when
  // there are several or it is not.
  int dict_arg = -1;
};

BoundArgs BindArgs(ExecState& s, const Instr& in) {
  const uint32_t* args = s.prog.extra.data() + in.extra;
  BoundArgs b;
  b.values.resize(in.extra_count);
  b.per_row.assign(in.extra_count, false);
  for (uint32_t k = 0; k < in.extra_count; ++k) {
    const uint32_t v = args[k];
    if (v & bytecode::kConstTag) {
      b.values[k] = s.pack.constant(v & ~bytecode::kConstTag);
    } else if (v & bytecode::kListTag) {
      const uint32_t list = v & ~bytecode::kListTag;
      b.values[k] = Datum::Null(ScalarType::kString);
      b.values[k].valid = s.pack.list_usable(list);
      b.values[k].list = &s.pack.ResolveList(list, s.tenant);
    } else {
      b.per_row[k] = true;
      const ValueReg& r = s.V(v);
      const bool dict = r.col != nullptr && r.col->storage() == Storage::kDictString;
      b.dict_arg = (b.dict_arg == -1 && dict) ? static_cast<int>(k) : -2;
    }
  }
  return b;
}

// Results per code of the dictionary-encoded argument, each computed on first use.
class CodeMemo {
 public:
  void Reset(size_t distinct) {
    results_.resize(distinct);
    set_.assign(distinct, 0);
  }
  // The result for the element i of `arg` (non-null), whose code is `code`.
  const Datum& Get(const stdlib::PreparedCall& call, BoundArgs& b, const ValueReg& arg,
                   ScalarType type, size_t i, uint32_t code, stdlib::EvalContext& ctx) {
    if (!set_[code]) {
      b.values[b.dict_arg] = DatumAt(arg, i, type);
      call.Eval(b.values, ctx, &results_[code]);
      set_[code] = 1;
    }
    return results_[code];
  }

 private:
  std::vector<Datum> results_;
  std::vector<uint8_t> set_;
};

CodeMemo& ThreadMemo() {
  thread_local CodeMemo memo;
  return memo;
}

// The event time of element i's row (0 when null), which time functions read as "now".
int64_t NowOf(const Column* ts, const std::vector<uint32_t>& rows, size_t i) {
  const size_t row = rows.empty() ? i : rows[i];
  return (ts != nullptr && !ts->IsNull(row)) ? ts->i64[row] : 0;
}

Column& ArrayResult(ValueReg& dst, ScalarType type, size_t n) {
  if (!dst.owned || dst.owned->storage() != Storage::kOffsets) {
    dst.owned = std::make_unique<Column>(type, Storage::kOffsets);
    dst.owned->elements = std::make_unique<Column>(
        type, schema::IsStringLike(type) ? Storage::kFlatString : Storage::kI64);
  }
  dst.owned->Reset(n);
  dst.col = dst.owned.get();
  dst.elems = dst.owned->elements.get();
  dst.indexed = false;
  dst.size = n;
  return *dst.owned;
}

// What a call's results depend on besides its per-element argument and its constants: the
// tenant's time zone and the lists it is given.
std::string CallContext(const BoundArgs& b, std::string_view time_zone) {
  std::string c(time_zone);
  for (const Datum& v : b.values) {
    if (v.list != nullptr) c.append(reinterpret_cast<const char*>(&v.list), sizeof(v.list));
  }
  return c;
}

// Results of these types are kept across batches as KeptScalar (strings as KeptString).
bool KeepableScalar(ScalarType t) {
  return t == ScalarType::kBool || t == ScalarType::kInt || t == ScalarType::kFloat ||
         t == ScalarType::kTimestamp || t == ScalarType::kDuration;
}

// Where a call site keeps its results across batches, by the value ids of its argument
// register; all null when nothing is kept (ip results, or the register keeps no ids).
struct KeptCall {
  RegisterIds* ids = nullptr;
  IdResults<KeptScalar>* scalars = nullptr;
  IdResults<KeptString>* strings = nullptr;
};

KeptCall BindKept(ExecState& s, const Instr& in, uint32_t reg, const BoundArgs& b,
                  std::string_view time_zone) {
  const ScalarType type = s.TypeOf(in.dst);
  KeptCall k;
  if (!KeepableScalar(type) && !schema::IsStringLike(type)) return k;
  k.ids = &s.caches.IdsFor(reg);
  k.ids->Bind(*s.V(reg).col, s.caches.serial);
  if (!k.ids->keeping()) return k;
  const std::string context = CallContext(b, time_zone);
  if (schema::IsStringLike(type)) {
    k.strings = &s.caches.string_calls[s.IndexOf(in)];
    k.strings->Sync(*k.ids, context);
  } else {
    k.scalars = &s.caches.calls[s.IndexOf(in)];
    k.scalars->Sync(*k.ids, context);
  }
  return k;
}

// Rows ahead of the one stored whose kept result is prefetched: rows read kept results at
// scattered ids, each a likely cache miss.
constexpr size_t kKeptAhead = 8;

// Prefetches the kept result of `code` (any code; nothing when it has no id yet).
void PrefetchKept(const KeptCall& kept, uint32_t code) {
  if (kept.ids == nullptr) return;
  const uint32_t id = kept.ids->MappedId(code);
  if (id == RegisterIds::kUnmapped) return;
  if (kept.scalars != nullptr) __builtin_prefetch(&(*kept.scalars)[id]);
  if (kept.strings != nullptr) __builtin_prefetch(&(*kept.strings)[id]);
}

// The per-element argument of a CallPerDistinct site, bound for one kernel run.
struct DistinctArg {
  uint32_t reg;
  const ValueReg* arg;
  ScalarType type;
  const Column* ts;            // event times (now_ms of each evaluation)
  std::vector<uint32_t> rows;  // element -> row (empty: the rows domain)
};

DistinctArg BindDistinctArg(ExecState& s, const Instr& in, const BoundArgs& b, size_t n) {
  const uint32_t reg = s.prog.extra[in.extra + b.dict_arg];
  return DistinctArg{reg, &s.V(reg), s.TypeOf(reg), s.batch.column(schema::FieldId::kTs),
                     RowsOf(s, s.DomainOf(in.dst), n)};
}

// Evaluates the call for element i (its argument read from the element, null or not), at the
// element's event time.
void EvalAt(const stdlib::PreparedCall& call, BoundArgs& b, const DistinctArg& a, size_t i,
            stdlib::EvalContext& ctx, Datum* result) {
  ctx.now_ms = NowOf(a.ts, a.rows, i);
  b.values[b.dict_arg] = DatumAt(*a.arg, i, a.type);
  call.Eval(b.values, ctx, result);
}

// Per-code scalar results of one kernel run: state 0 unknown, 1 null, 2 valid with `bits`
// (the int, or the float's bit pattern).
struct ScalarCodes {
  std::vector<uint8_t> state;
  std::vector<int64_t> bits;
  void Reset(size_t codes) {
    state.assign(codes, 0);
    if (bits.size() < codes) bits.resize(codes);
  }
  void Set(uint32_t code, bool valid, int64_t i, double f, bool is_float) {
    state[code] = valid ? 2 : 1;
    bits[code] = is_float ? std::bit_cast<int64_t>(f) : i;
  }
};

void StoreBits(Column& out, size_t i, int64_t bits) {
  if (out.storage() == Storage::kF64) return out.SetFloat(i, std::bit_cast<double>(bits));
  out.SetInt(i, bits);
}

// CallPerDistinct for a non-string result: each code's result is resolved once per run (from
// the results kept across batches, else evaluated at its first element), then every element
// copies its code's result.
void CallPerDistinctScalar(ExecState& s, const Instr& in, BoundArgs& b, stdlib::EvalContext& ctx) {
  const stdlib::PreparedCall& call = s.pack.call(in.a);
  const size_t n = s.SizeOf(in.dst);
  const ScalarType type = s.TypeOf(in.dst);
  Column& out = ResultColumn(s.V(in.dst), type, n, false);
  const bool is_float = out.storage() == Storage::kF64;
  const DistinctArg a = BindDistinctArg(s, in, b, n);
  const ValueReg& arg = *a.arg;
  const uint32_t* codes = arg.col->code.data();
  thread_local ScalarCodes per_code;
  per_code.Reset(arg.col->dict.size());
  const KeptCall kept = BindKept(s, in, a.reg, b, ctx.time_zone);
  Datum result;
  auto resolve = [&](size_t i, uint32_t code) {
    if (kept.scalars == nullptr) {
      EvalAt(call, b, a, i, ctx, &result);
      return per_code.Set(code, result.valid, result.i, result.f, is_float);
    }
    KeptScalar& k = (*kept.scalars)[kept.ids->IdOf(code)];
    if (!k.known) {
      EvalAt(call, b, a, i, ctx, &result);
      k = KeptScalar{true, result.valid, result.i, result.f};
    }
    per_code.Set(code, k.valid, k.i, k.f, is_float);
  };
  ForEachSelected(n, s.Sel(in.sel), [&](size_t i) {
    if (i + kKeptAhead < n) {
      const uint32_t ahead = codes[arg.At(i + kKeptAhead)];
      if (ahead < per_code.state.size() && per_code.state[ahead] == 0) PrefetchKept(kept, ahead);
    }
    if (arg.IsNull(i)) {  // evaluated per element, for null-aware functions
      EvalAt(call, b, a, i, ctx, &result);
      return StoreDatum(result, out, i, nullptr);
    }
    const uint32_t code = codes[arg.At(i)];
    if (per_code.state[code] == 0) resolve(i, code);
    if (per_code.state[code] == 2) StoreBits(out, i, per_code.bits[code]);
  });
}

// CallPerDistinct for a string result: interned into the output's dictionary once per code
// (results kept across batches as strings).
void CallPerDistinctString(ExecState& s, const Instr& in, BoundArgs& b, stdlib::EvalContext& ctx) {
  const stdlib::PreparedCall& call = s.pack.call(in.a);
  const size_t n = s.SizeOf(in.dst);
  Column& out = ResultColumn(s.V(in.dst), s.TypeOf(in.dst), n, true);
  const DistinctArg a = BindDistinctArg(s, in, b, n);
  const ValueReg& arg = *a.arg;
  CodeMemo& memo = ThreadMemo();
  memo.Reset(arg.col->dict.size());
  constexpr uint32_t kUnknown = 0xfffffffeu;  // out_code: not computed yet (kMissing: null)
  constexpr uint32_t kNull = columnar::StringDict::kMissing;
  thread_local std::vector<uint32_t> out_code;
  out_code.assign(arg.col->dict.size(), kUnknown);
  const KeptCall kept = BindKept(s, in, a.reg, b, ctx.time_zone);
  auto result_of = [&](size_t i, uint32_t code) -> const Datum& {
    ctx.now_ms = NowOf(a.ts, a.rows, i);
    return memo.Get(call, b, arg, a.type, i, code, ctx);
  };
  // The output code of the value with code `code` (kNull for a null result).
  auto out_code_of = [&](size_t i, uint32_t code) {
    if (kept.strings == nullptr) {
      const Datum& d = result_of(i, code);
      return d.valid ? out.dict.Intern(d.s, s.arena) : kNull;
    }
    KeptString& k = (*kept.strings)[kept.ids->IdOf(code)];
    if (!k.known) {
      const Datum& d = result_of(i, code);
      k = KeptString{true, d.valid, d.valid ? std::string(d.s) : std::string()};
    }
    return k.valid ? out.dict.Intern(k.s, s.arena) : kNull;
  };
  Datum result;
  ForEachSelected(n, s.Sel(in.sel), [&](size_t i) {
    if (i + kKeptAhead < n) PrefetchKept(kept, arg.col->code[arg.At(i + kKeptAhead)]);
    uint32_t code = kNull;
    if (arg.IsNull(i)) {  // evaluated per element, for null-aware functions
      EvalAt(call, b, a, i, ctx, &result);
      if (result.valid) code = out.dict.Intern(result.s, s.arena);
    } else {
      const uint32_t c = arg.col->code[arg.At(i)];
      if (out_code[c] == kUnknown) out_code[c] = out_code_of(i, c);
      code = out_code[c];
    }
    if (code == kNull) return;
    out.code[i] = code;
    out.valid.Set(i);
  });
}

// CallPerDistinct for a result kept nowhere across batches (ip, cidr): once per code per run.
void CallPerDistinctMemo(ExecState& s, const Instr& in, BoundArgs& b, stdlib::EvalContext& ctx) {
  const stdlib::PreparedCall& call = s.pack.call(in.a);
  const size_t n = s.SizeOf(in.dst);
  Column& out = ResultColumn(s.V(in.dst), s.TypeOf(in.dst), n, false);
  const DistinctArg a = BindDistinctArg(s, in, b, n);
  CodeMemo& memo = ThreadMemo();
  memo.Reset(a.arg->col->dict.size());
  Datum result;
  ForEachSelected(n, s.Sel(in.sel), [&](size_t i) {
    if (a.arg->IsNull(i)) {  // evaluated per element, for null-aware functions
      EvalAt(call, b, a, i, ctx, &result);
      return StoreDatum(result, out, i, nullptr);
    }
    ctx.now_ms = NowOf(a.ts, a.rows, i);
    const uint32_t code = a.arg->col->code[a.arg->At(i)];
    StoreDatum(memo.Get(call, b, *a.arg, a.type, i, code, ctx), out, i, nullptr);
  });
}

// A call whose one per-element argument is dictionary-encoded: once per distinct value of the
// selected elements (a null value is evaluated per element, for null-aware functions), with
// results kept across batches by the argument's value ids. String results are interned into a
// dictionary column, once per distinct value.
void CallPerDistinct(ExecState& s, const Instr& in, BoundArgs& b, stdlib::EvalContext& ctx) {
  const ScalarType type = s.TypeOf(in.dst);
  if (schema::IsStringLike(type)) return CallPerDistinctString(s, in, b, ctx);
  if (KeepableScalar(type)) return CallPerDistinctScalar(s, in, b, ctx);
  CallPerDistinctMemo(s, in, b, ctx);
}

// Any call, element by element (arrays passed to list parameters become lists per element); a
// single dictionary-encoded per-element argument is still evaluated once per distinct value.
void CallPerElement(ExecState& s, const Instr& in, BoundArgs& b, stdlib::EvalContext& ctx) {
  const stdlib::PreparedCall& call = s.pack.call(in.a);
  const size_t n = s.SizeOf(in.dst);
  ValueReg& dst = s.V(in.dst);
  const bool array_out = s.prog.regs[in.dst].kind == bytecode::RegKind::kArray;
  Column* out =
      array_out ? &ArrayResult(dst, s.TypeOf(in.dst), n) : &ResultColumn(dst, s.TypeOf(in.dst), n);
  const uint32_t* args = s.prog.extra.data() + in.extra;
  const stdlib::FunctionDef& def = call.def();
  const Column* ts = s.batch.column(schema::FieldId::kTs);
  const std::vector<uint32_t> rows = RowsOf(s, s.DomainOf(in.dst), n);
  CodeMemo& memo = ThreadMemo();
  if (b.dict_arg >= 0) memo.Reset(s.V(args[b.dict_arg]).col->dict.size());
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
    ctx.now_ms = NowOf(ts, rows, i);
    if (b.dict_arg >= 0 && !s.V(args[b.dict_arg]).IsNull(i)) {
      const ValueReg& dr = s.V(args[b.dict_arg]);
      r = &memo.Get(call, b, dr, s.TypeOf(args[b.dict_arg]), i, dr.col->code[dr.At(i)], ctx);
    } else {
      for (uint32_t k = 0; k < in.extra_count; ++k) {
        if (!b.per_row[k]) continue;
        owned_lists[k].reset();
        b.values[k] = ArgumentAt(s, args[k], i, def, k, ctx, &owned_lists[k]);
        built_list = built_list || owned_lists[k] != nullptr;
      }
      call.Eval(b.values, ctx, &result);
    }
    columnar::Arena* copy = built_list ? &s.arena : nullptr;
    if (array_out) {
      StoreArray(*r, *out, i, copy);
    } else {
      StoreDatum(*r, *out, i, copy);
    }
  }
}

}  // namespace

void Call(ExecState& s, const Instr& in) {
  stdlib::EvalContext ctx;
  ctx.arena = &s.arena;
  ctx.time_zone = s.tenant.time_zone;
  BoundArgs b = BindArgs(s, in);
  const bool array_out = s.prog.regs[in.dst].kind == bytecode::RegKind::kArray;
  if (b.dict_arg >= 0 && !array_out) return CallPerDistinct(s, in, b, ctx);
  CallPerElement(s, in, b, ctx);
}

}  // namespace vigil::vm::kernels

// kernels_load.cc: kernels that bind columns, build quantifier domains and move values between
// domains: Field, Member, ToBool, IsNull, Const, Domain, Bcast, Index, IndexK.
#include <algorithm>

#include "vm/exec/fill.h"
#include "vm/exec/kernels.h"

namespace vigil::vm::kernels {

using bytecode::kNoReg;
using columnar::Column;

void Field(ExecState& s, const Instr& in) {
  ValueReg& dst = s.V(in.dst);
  const auto f = static_cast<schema::FieldId>(in.a);
  const schema::FieldInfo& info = schema::Field(f);
  dst.indexed = false;
  dst.size = s.batch.size();
  if (info.shape == schema::Shape::kMember) {
    dst.col = s.batch.column(info.parent);
    dst.elems = s.batch.column(f);
    if (dst.elems == nullptr) dst.col = nullptr;
    return;
  }
  dst.col = s.batch.column(f);
  dst.elems = dst.col != nullptr ? dst.col->elements.get() : nullptr;
}

void Member(ExecState& s, const Instr& in) {
  ValueReg& dst = s.V(in.dst);
  const DomainReg& d = s.D(in.b);
  dst.col = s.batch.column(static_cast<schema::FieldId>(in.a));
  dst.size = d.size;
  dst.indexed = !d.identity;
  if (dst.indexed) dst.index.assign(d.elem.begin(), d.elem.end());
}

void Elem(ExecState& s, const Instr& in) {
  ValueReg& dst = s.V(in.dst);
  const DomainReg& d = s.D(in.a);
  dst.col = d.elems;
  dst.elems = nullptr;
  dst.size = d.size;
  dst.indexed = !d.identity;
  if (dst.indexed) dst.index.assign(d.elem.begin(), d.elem.end());
}

void Splat(ExecState& s, const Instr& in) {
  ValueReg& dst = s.V(in.dst);
  const schema::Datum& k = s.pack.constant(in.a);
  const schema::ScalarType t = s.TypeOf(in.dst);
  columnar::Storage storage = columnar::Storage::kI64;
  if (t == schema::ScalarType::kFloat) storage = columnar::Storage::kF64;
  if (t == schema::ScalarType::kIp || t == schema::ScalarType::kCidr) storage = columnar::Storage::kIp;
  if (schema::IsStringLike(t)) storage = columnar::Storage::kFlatString;
  dst.owned = std::make_unique<Column>(t, storage);
  Column& c = *dst.owned;
  c.Reset(1);
  if (k.valid) {
    switch (storage) {
      case columnar::Storage::kF64: c.SetFloat(0, k.f); break;
      case columnar::Storage::kIp: c.SetIp(0, k.ip); break;
      case columnar::Storage::kFlatString:
        c.str[0] = k.s;
        c.valid.Set(0);
        break;
      default: c.SetInt(0, k.i); break;
    }
  }
  dst.col = &c;
  dst.elems = nullptr;
  dst.size = s.SizeOf(in.dst);
  dst.indexed = true;
  dst.index.assign(dst.size, 0);
}

void ToBool(ExecState& s, const Instr& in) {
  const ValueReg& a = s.V(in.a);
  const size_t n = s.SizeOf(in.dst);
  FillPredicate(
      s.B(in.dst), n, nullptr, [&](size_t w) { return ValidWord(a, w, n); },
      [&](size_t i) { return a.col->i64[a.At(i)] != 0; });
}

void IsNull(ExecState& s, const Instr& in) {
  const bool is_bool = s.prog.regs[in.a].kind == bytecode::RegKind::kBool;
  const ValueReg& a = s.V(in.a);
  const size_t n = s.SizeOf(in.dst);
  BoolReg& dst = s.B(in.dst);
  dst.Resize(n);
  for (size_t w = 0; w < dst.t.word_count(); ++w) {
    const uint64_t mask = TailMask(n, w);
    const uint64_t valid = (is_bool ? s.B(in.a).v.words()[w] : ValidWord(a, w, n)) & mask;
    dst.t.words()[w] = in.sub == 0 ? (~valid & mask) : valid;
    dst.v.words()[w] = mask;
  }
}

void Const(ExecState& s, const Instr& in) {
  BoolReg& dst = s.B(in.dst);
  const size_t n = s.SizeOf(in.dst);
  dst.Resize(n);
  if (in.sub != 2) dst.v.SetAll();
  if (in.sub == 1) dst.t.SetAll();
}

void Domain(ExecState& s, const Instr& in) {
  DomainReg& d = s.D(in.dst);
  const ValueReg& arr = s.V(in.a);
  const size_t parents = s.SizeOf(in.a);
  d.parent_domain = s.DomainOf(in.a);
  d.parent.clear();
  d.elem.clear();
  d.identity = true;
  d.elems = arr.elems;
  if (arr.col != nullptr) {
    for (size_t p = 0; p < parents; ++p) {
      const size_t r = arr.At(p);
      if (arr.col->IsNull(r)) continue;
      for (uint32_t k = arr.col->offsets[r]; k < arr.col->offsets[r + 1]; ++k) {
        if (k != d.elem.size()) d.identity = false;
        d.parent.push_back(static_cast<uint32_t>(p));
        d.elem.push_back(k);
      }
    }
  }
  d.size = d.elem.size();
}

namespace {

// For each element of domain `from`, its element in the ancestor domain `to`.
std::vector<uint32_t> AncestorMap(ExecState& s, uint32_t from, uint32_t to) {
  const size_t n = from == kNoReg ? s.batch.size() : s.D(from).size;
  std::vector<uint32_t> map(n);
  for (size_t i = 0; i < n; ++i) map[i] = static_cast<uint32_t>(i);
  for (uint32_t dom = from; dom != to && dom != kNoReg; dom = s.D(dom).parent_domain) {
    const DomainReg& d = s.D(dom);
    for (auto& m : map) m = d.parent[m];
  }
  return map;
}

}  // namespace

void Bcast(ExecState& s, const Instr& in) {
  const std::vector<uint32_t> map = AncestorMap(s, s.DomainOf(in.dst), s.DomainOf(in.a));
  const size_t n = map.size();
  if (s.prog.regs[in.dst].kind == bytecode::RegKind::kBool) {
    const BoolReg& a = s.B(in.a);
    BoolReg& dst = s.B(in.dst);
    dst.Resize(n);
    for (size_t i = 0; i < n; ++i) {
      if (a.t.Get(map[i])) dst.t.Set(i);
      if (a.v.Get(map[i])) dst.v.Set(i);
    }
    return;
  }
  const ValueReg& a = s.V(in.a);
  ValueReg& dst = s.V(in.dst);
  dst.col = a.col;
  dst.elems = a.elems;
  dst.size = n;
  dst.indexed = true;
  dst.index.resize(n);
  for (size_t i = 0; i < n; ++i) dst.index[i] = static_cast<uint32_t>(a.At(map[i]));
}

namespace {

// dst = element `index_of(p)` of array register a, per element p of dst's domain.
template <typename IndexFn>
void IndexInto(ExecState& s, const Instr& in, IndexFn&& index_of) {
  const ValueReg& a = s.V(in.a);
  ValueReg& dst = s.V(in.dst);
  const size_t n = s.SizeOf(in.dst);
  dst.size = n;
  dst.indexed = true;
  dst.index.assign(n, 0);
  dst.col = a.elems;
  std::vector<bool> null_at(n, true);
  for (size_t p = 0; p < n; ++p) {
    if (a.col == nullptr || a.elems == nullptr) continue;
    const size_t r = a.At(p);
    if (a.col->IsNull(r)) continue;
    int64_t k = 0;
    if (!index_of(p, &k)) continue;
    const int64_t len = a.col->offsets[r + 1] - a.col->offsets[r];
    if (k < 0 || k >= len) continue;
    dst.index[p] = a.col->offsets[r] + static_cast<uint32_t>(k);
    null_at[p] = false;
  }
  const bool any_null = std::find(null_at.begin(), null_at.end(), true) != null_at.end();
  if (!any_null || dst.col == nullptr) return;
  // Materialize: copy the selected elements and mark the rest null.
  const Column* src = dst.col;
  auto out = std::make_unique<Column>(src->type(), src->storage() == columnar::Storage::kDictString
                                                       ? columnar::Storage::kFlatString
                                                       : src->storage());
  out->Reset(n);
  for (size_t p = 0; p < n; ++p) {
    if (null_at[p] || src->IsNull(dst.index[p])) continue;
    const size_t e = dst.index[p];
    switch (src->storage()) {
      case columnar::Storage::kI64: out->SetInt(p, src->i64[e]); break;
      case columnar::Storage::kF64: out->SetFloat(p, src->f64[e]); break;
      case columnar::Storage::kIp: out->SetIp(p, src->ip[e]); break;
      default:
        out->str[p] = src->GetString(e);
        out->valid.Set(p);
    }
  }
  dst.owned = std::move(out);
  dst.col = dst.owned.get();
  dst.indexed = false;
}

}  // namespace

void Index(ExecState& s, const Instr& in) {
  const ValueReg& idx = s.V(in.b);
  IndexInto(s, in, [&](size_t p, int64_t* k) {
    if (idx.IsNull(p)) return false;
    *k = idx.col->i64[idx.At(p)];
    return true;
  });
}

void IndexK(ExecState& s, const Instr& in) {
  const int64_t k = s.pack.constant(in.b).i;
  IndexInto(s, in, [&](size_t, int64_t* out) {
    *out = k;
    return true;
  });
}

}  // namespace vigil::vm::kernels

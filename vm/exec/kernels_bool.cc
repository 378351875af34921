// kernels_bool.cc: Kleene logic on bitmaps (And, Or, Not), quantifier reductions (Reduce,
// Count) and the fused multi-pattern scan (Scan).
#include <algorithm>

#include "vm/exec/fill.h"
#include "vm/exec/kernels.h"

namespace vigil::vm::kernels {

using bytecode::ReduceOp;

// With T = true bits, F = valid & ~true: and: T = Ta & Tb, F = Fa | Fb; or: T = Ta | Tb,
// F = Fa & Fb; valid = T | F.
void And(ExecState& s, const Instr& in) {
  const BoolReg& a = s.B(in.a);
  const BoolReg& b = s.B(in.b);
  BoolReg& dst = s.B(in.dst);
  dst.ResizeToOverwrite(s.SizeOf(in.dst));
  for (size_t w = 0; w < dst.t.word_count(); ++w) {
    const uint64_t ta = a.t.words()[w], tb = b.t.words()[w];
    const uint64_t fa = a.v.words()[w] & ~ta, fb = b.v.words()[w] & ~tb;
    dst.t.words()[w] = ta & tb;
    dst.v.words()[w] = (ta & tb) | fa | fb;
  }
}

void Or(ExecState& s, const Instr& in) {
  const BoolReg& a = s.B(in.a);
  const BoolReg& b = s.B(in.b);
  BoolReg& dst = s.B(in.dst);
  dst.ResizeToOverwrite(s.SizeOf(in.dst));
  for (size_t w = 0; w < dst.t.word_count(); ++w) {
    const uint64_t ta = a.t.words()[w], tb = b.t.words()[w];
    const uint64_t fa = a.v.words()[w] & ~ta, fb = b.v.words()[w] & ~tb;
    dst.t.words()[w] = ta | tb;
    dst.v.words()[w] = ta | tb | (fa & fb);
  }
}

void Not(ExecState& s, const Instr& in) {
  const BoolReg& a = s.B(in.a);
  BoolReg& dst = s.B(in.dst);
  dst.ResizeToOverwrite(s.SizeOf(in.dst));
  for (size_t w = 0; w < dst.t.word_count(); ++w) {
    dst.t.words()[w] = a.v.words()[w] & ~a.t.words()[w];
    dst.v.words()[w] = a.v.words()[w];
  }
}

namespace {

// Verdict of a reduction from what its elements were (bit 0 a true, 1 a null, 2 a false
// element): bit 0 valid, bit 1 true.
constexpr uint8_t ReduceVerdict(ReduceOp op, uint8_t seen) {
  const bool any_true = seen & 1, any_null = seen & 2, any_false = seen & 4;
  int v;  // 0 false, 1 true, 2 null
  if (op == ReduceOp::kAll) {
    v = any_false ? 0 : (any_null ? 2 : 1);
  } else {
    v = any_true ? 1 : (any_null ? 2 : 0);
    if (op == ReduceOp::kNone && v != 2) v = 1 - v;
  }
  return v == 2 ? 0 : (v == 1 ? 3 : 1);
}

}  // namespace

void Reduce(ExecState& s, const Instr& in) {
  const BoolReg& a = s.B(in.a);
  const DomainReg& d = s.D(in.b);
  const size_t parents = s.SizeOf(in.dst);
  const auto op = static_cast<ReduceOp>(in.sub);
  // Per parent: saw a true (1) / a null (2) / a false (4) element; a word of elements at a time.
  thread_local std::vector<uint8_t> seen;
  seen.assign(parents, 0);
  const uint32_t* parent = d.parent.data();
  for (size_t w = 0; w * 64 < d.size; ++w) {
    const size_t base = w * 64, count = std::min<size_t>(64, d.size - base);
    const uint64_t t = a.t.words()[w], null = ~a.v.words()[w], f = a.v.words()[w] & ~t;
    for (size_t j = 0; j < count; ++j) {
      seen[parent[base + j]] |=
          static_cast<uint8_t>(((t >> j) & 1) | (((null >> j) & 1) << 1) | (((f >> j) & 1) << 2));
    }
  }
  uint8_t verdict[8];
  for (uint8_t k = 0; k < 8; ++k) verdict[k] = ReduceVerdict(op, k);
  BoolReg& dst = s.B(in.dst);
  dst.Resize(parents);
  for (size_t w = 0; w * 64 < parents; ++w) {
    const size_t count = std::min<size_t>(64, parents - w * 64);
    alignas(16) uint8_t t[64] = {}, v[64] = {};
    for (size_t j = 0; j < count; ++j) {
      const uint8_t r = verdict[seen[w * 64 + j]];
      v[j] = r & 1;
      t[j] = r >> 1;
    }
    dst.t.words()[w] = PackBits64(t);
    dst.v.words()[w] = PackBits64(v);
  }
}

void Count(ExecState& s, const Instr& in) {
  const DomainReg& d = s.D(in.b);
  const size_t parents = s.SizeOf(in.dst);
  ValueReg& dst = s.V(in.dst);
  if (!dst.owned)
    dst.owned =
        std::make_unique<columnar::Column>(schema::ScalarType::kInt, columnar::Storage::kI64);
  columnar::Column& out = *dst.owned;
  out.Reset(parents);
  for (size_t p = 0; p < parents; ++p) out.SetInt(p, 0);
  const BoolReg* pred = in.a == bytecode::kNoReg ? nullptr : &s.B(in.a);
  for (size_t e = 0; e < d.size; ++e) {
    if (pred == nullptr || pred->t.Get(e)) ++out.i64[d.parent[e]];
  }
  dst.col = &out;
  dst.indexed = false;
  dst.size = parents;
}

void Scan(ExecState& s, const Instr& in) {
  const ValueReg& a = s.V(in.a);
  const stdlib::PatternSet& set = s.pack.patterns(in.b);
  stdlib::PatternSet::Scratch& scratch = *s.scratch[in.b];
  const size_t n = s.SizeOf(in.a);
  const columnar::Bitmap* sel = s.Sel(in.sel);
  const uint32_t* outs = s.prog.extra.data() + in.extra;
  for (uint32_t k = 0; k < in.extra_count; ++k) s.B(outs[k]).Resize(n);
  if (a.col == nullptr) return;
  // Every output is valid exactly where the input is valid and selected.
  const size_t words = (n + 63) / 64;
  for (size_t w = 0; w < words; ++w) {
    const uint64_t live = SelWord(sel, w) & TailMask(n, w) & ValidWord(a, w, n);
    for (uint32_t k = 0; k < in.extra_count; ++k) s.B(outs[k]).v.words()[w] = live;
  }
  const bool any_of = in.flags & bytecode::kFlagAnyOf;
  auto mark = [&](size_t i, const std::vector<uint32_t>& hits) {
    for (uint32_t id : hits) {
      if (any_of) {
        s.B(outs[0]).t.Set(i);
      } else if (id < in.extra_count) {
        s.B(outs[id]).t.Set(i);
      }
    }
  };
  const columnar::Bitmap& live = s.B(outs[0]).v;
  thread_local std::vector<uint32_t> ids;
  if (a.col->storage() == columnar::Storage::kDictString) {
    // Scan each distinct value once; rows then copy their value's hits.
    // Hits are also kept across batches by the register's value ids.
    const auto& values = a.col->dict.values();
    thread_local std::vector<std::vector<uint32_t>> per_code;
    thread_local std::vector<const std::vector<uint32_t>*> hits_of;
    if (per_code.size() < values.size()) per_code.resize(values.size());
    hits_of.assign(values.size(), nullptr);
    RegisterIds& value_ids = s.caches.IdsFor(in.a);
    value_ids.Bind(*a.col, s.caches.serial);
    if (in.sel == bytecode::kNoReg) value_ids.MapEvery();
    IdResults<KeptHits>* kept = value_ids.keeping() ? &s.caches.scans[s.IndexOf(in)] : nullptr;
    if (kept != nullptr) kept->Sync(value_ids, {});
    auto hits = [&](uint32_t c) -> const std::vector<uint32_t>* {
      if (kept == nullptr) {
        set.Scan(values[c], scratch, &per_code[c]);
        return &per_code[c];
      }
      KeptHits& k = (*kept)[value_ids.IdOf(c)];
      if (!k.known) set.Scan(values[c], scratch, &k.hits);
      k.known = true;
      return &k.hits;
    };
    ForEachSelected(n, &live, [&](size_t i) {
      const uint32_t c = a.col->code[a.At(i)];
      if (hits_of[c] == nullptr) hits_of[c] = hits(c);
      mark(i, *hits_of[c]);
    });
    return;
  }
  // Flat texts (mostly distinct within the batch) are still kept across batches by value id,
  // while enough of them repeat. Texts are scattered through the batch's arena: fetch a few
  // elements ahead (a prefetch of a dead element's stale view is harmless).
  RegisterIds& value_ids = s.caches.IdsFor(in.a);
  value_ids.Bind(*a.col, s.caches.serial);
  IdResults<KeptHits>* kept = value_ids.keeping() ? &s.caches.scans[s.IndexOf(in)] : nullptr;
  if (kept != nullptr) kept->Sync(value_ids, {});
  constexpr size_t kAhead = 4;
  ForEachSelected(n, &live, [&](size_t i) {
    if (i + kAhead < n) __builtin_prefetch(a.col->str[a.At(i + kAhead)].data());
    const std::string_view text = a.col->str[a.At(i)];
    if (kept == nullptr) {
      set.Scan(text, scratch, &ids);
      return mark(i, ids);
    }
    KeptHits& k = (*kept)[value_ids.IdOfValue(text)];
    if (!k.known) set.Scan(text, scratch, &k.hits);
    k.known = true;
    mark(i, k.hits);
  });
}

}  // namespace vigil::vm::kernels

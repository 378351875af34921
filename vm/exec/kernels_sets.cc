// kernels_sets.cc: InSets, the grouped constant-set lookup: every `x in [...]` of the pack on one
// value answered by one decision per distinct value (a bit mask of the sets holding it), then
// the masks of 64 elements are transposed into one word per output.
#include <bit>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "vm/exec/fill.h"
#include "vm/exec/kernels.h"
#include "vm/exec/set_masks.h"

namespace vigil::vm::kernels {

using columnar::Storage;
using schema::ScalarType;

namespace {

#if defined(__SSE2__)
// Bit j of the result is bit k of rows[j], for 64 16-bit rows: each row's bit k shifted to its
// sign, 16 rows narrowed to bytes with their signs kept, one movemask per 16 rows.
inline uint64_t Column16(const uint16_t* rows, int k) {
  uint64_t bits = 0;
  for (int q = 0; q < 4; ++q) {
    const auto* p = reinterpret_cast<const __m128i*>(rows + 16 * q);
    const __m128i lo = _mm_slli_epi16(_mm_loadu_si128(p), 15 - k);
    const __m128i hi = _mm_slli_epi16(_mm_loadu_si128(p + 1), 15 - k);
    const auto m = static_cast<uint32_t>(_mm_movemask_epi8(_mm_packs_epi16(lo, hi)));
    bits |= static_cast<uint64_t>(m) << (16 * q);
  }
  return bits;
}
#endif

// The verdict words of block w of outputs 0..count-1 from the masks of its elements (`rows` of
// them, the rest read as 0): words[k] bit j is bit k of masks[j].
void BlockWords(const uint64_t* masks, size_t rows, uint32_t count, uint64_t words[64]) {
#if defined(__SSE2__)
  if (count <= 16) {
    alignas(16) uint16_t narrow[64] = {};
    for (size_t j = 0; j < rows; ++j) narrow[j] = static_cast<uint16_t>(masks[j]);
    for (uint32_t k = 0; k < count; ++k) words[k] = Column16(narrow, static_cast<int>(k));
    return;
  }
#endif
  std::copy(masks, masks + rows, words);
  std::fill(words + rows, words + 64, uint64_t{0});
  TransposeBits64(words);
}

// The outputs of `in`: for each element i < n, bit k of masks[i] is output k's verdict; elements
// that are null in `a` are null in every output. masks must hold n entries.
void WriteOutputs(ExecState& s, const Instr& in, const ValueReg& a, size_t n,
                  const uint64_t* masks) {
  const uint32_t count = in.extra_count;
  const uint32_t* outs = s.prog.extra.data() + in.extra;
  for (uint32_t k = 0; k < count; ++k) s.B(outs[k]).ResizeToOverwrite(n);
  uint64_t block[64];
  for (size_t w = 0; w < (n + 63) / 64; ++w) {
    const size_t base = w * 64, rows = std::min<size_t>(64, n - base);
    const uint64_t live = TailMask(n, w) & ValidWord(a, w, n);
    BlockWords(masks + base, rows, count, block);
    for (uint32_t k = 0; k < count; ++k) {
      BoolReg& dst = s.B(outs[k]);
      dst.t.words()[w] = block[k] & live;
      dst.v.words()[w] = live;
    }
  }
}

// Masks of a dictionary-encoded string register: one decision per distinct value the live
// elements read (kept across batches by the register's value ids), gathered by code.
void DictMasks(ExecState& s, const Instr& in, const ValueReg& a, const SetGroup& group, size_t n,
               std::vector<uint64_t>* masks) {
  const auto& values = a.col->dict.values();
  const ScalarType t = s.TypeOf(in.a);
  thread_local std::vector<uint64_t> table;
  table.assign(values.size() + 1, kUnknownMask);  // the last: a dead element's clamped code
  table.back() = 0;
  RegisterIds& ids = s.caches.IdsFor(in.a);
  ids.Bind(*a.col, s.caches.serial);
  IdResults<uint64_t>* kept = nullptr;
  if (ids.keeping()) {
    ids.MapEvery();
    kept = &s.caches.set_masks[s.IndexOf(in)];
    kept->Sync(ids, {});
  }
  auto decide = [&](uint32_t c) {
    if (kept == nullptr) return group.MaskOf(values[c], t);
    uint64_t& r = (*kept)[ids.IdOf(c)];
    if (r == 0) r = group.MaskOf(values[c], t) | kKnownMask;
    return r & ~kKnownMask;
  };
  const uint32_t* codes = a.col->code.data();
  const uint32_t* index = a.indexed ? a.index.data() : nullptr;
  const auto size = static_cast<uint32_t>(values.size());
  for (size_t w = 0; w < (n + 63) / 64; ++w) {
    for (uint64_t m = TailMask(n, w) & ValidWord(a, w, n); m != 0; m &= m - 1) {
      const uint32_t c = codes[a.At(w * 64 + static_cast<size_t>(std::countr_zero(m)))];
      if (table[c] == kUnknownMask) table[c] = decide(c);
    }
  }
  for (size_t i = 0; i < n; ++i) {
    const uint32_t c = codes[index != nullptr ? index[i] : i];
    (*masks)[i] = table[std::min(c, size)];
  }
}

}  // namespace

void InSets(ExecState& s, const Instr& in) {
  const ValueReg& a = s.V(in.a);
  const size_t n = s.SizeOf(s.prog.extra[in.extra]);
  if (a.col == nullptr) {
    for (uint32_t k = 0; k < in.extra_count; ++k) s.B(s.prog.extra[in.extra + k]).Resize(n);
    return;
  }
  const SetGroup& group = s.pack.set_group(in.b, in.extra_count);
  thread_local std::vector<uint64_t> masks;
  masks.assign(n, 0);
  const ScalarType t = s.TypeOf(in.a);
  if (t == ScalarType::kIp) {
    // Every slot below n holds some address, null or not: no branch per element.
    for (size_t i = 0; i < n; ++i) masks[i] = group.MaskOfIp(a.col->ip[a.At(i)]);
  } else if (a.col->storage() == Storage::kDictString) {
    DictMasks(s, in, a, group, n, &masks);
  } else {
    ForEachSelected(n, nullptr, [&](size_t i) {
      if (!a.IsNull(i)) masks[i] = group.MaskOf(a.col->str[a.At(i)], t);
    });
  }
  WriteOutputs(s, in, a, n, masks.data());
}

}  // namespace vigil::vm::kernels

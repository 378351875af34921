// fill.h: the generic loops kernels are written with. A kernel supplies a scalar routine for
// one element; these loops apply it to every element of a domain a word (64 elements) at a
// time, honoring the selection and the inputs' null masks, so each scalar op is written once.
#pragma once

#include <bit>
#include <cstdint>

#include "vm/columnar/bitmap.h"
#include "vm/exec/registers.h"

namespace vigil::vm {

// Validity of elements [64w, 64w+64) of r (bits past n are zero).
inline uint64_t ValidWord(const ValueReg& r, size_t w, size_t n) {
  if (r.col == nullptr) return 0;
  if (!r.indexed) return r.col->valid.words()[w];
  uint64_t bits = 0;
  const size_t end = std::min(n, w * 64 + 64);
  for (size_t i = w * 64; i < end; ++i) {
    if (r.col->valid.Get(r.index[i])) bits |= uint64_t{1} << (i - w * 64);
  }
  return bits;
}

inline uint64_t SelWord(const columnar::Bitmap* sel, size_t w) {
  return sel == nullptr ? ~uint64_t{0} : sel->words()[w];
}

inline uint64_t TailMask(size_t n, size_t w) {
  const size_t rem = n - w * 64;
  return rem >= 64 ? ~uint64_t{0} : (uint64_t{1} << rem) - 1;
}

// dst over n elements: where `valid_word(w)` and the selection allow, dst is valid and
// dst.t = f(i); elsewhere null.
template <typename ValidWordFn, typename F>
void FillPredicate(BoolReg& dst, size_t n, const columnar::Bitmap* sel, ValidWordFn&& valid_word,
                   F&& f) {
  dst.Resize(n);
  uint64_t* t = dst.t.words();
  uint64_t* v = dst.v.words();
  const size_t words = (n + 63) / 64;
  for (size_t w = 0; w < words; ++w) {
    uint64_t live = SelWord(sel, w) & TailMask(n, w);
    if (live == 0) continue;
    live &= valid_word(w);
    uint64_t bits = 0;
    for (uint64_t m = live; m != 0; m &= m - 1) {
      const size_t i = w * 64 + static_cast<size_t>(std::countr_zero(m));
      if (f(i)) bits |= uint64_t{1} << (i - w * 64);
    }
    t[w] = bits;
    v[w] = live;
  }
}

// Calls f(i) for every element i < n in the selection (all when sel is null).
template <typename F>
void ForEachSelected(size_t n, const columnar::Bitmap* sel, F&& f) {
  const size_t words = (n + 63) / 64;
  for (size_t w = 0; w < words; ++w) {
    for (uint64_t m = SelWord(sel, w) & TailMask(n, w); m != 0; m &= m - 1) {
      f(w * 64 + static_cast<size_t>(std::countr_zero(m)));
    }
  }
}

}  // namespace vigil::vm

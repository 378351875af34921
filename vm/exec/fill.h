// fill.h: the generic loops kernels are written with. A kernel supplies a scalar routine for
// one element; these loops apply it to every element of a domain a word (64 elements) at a
// time, honoring the selection and the inputs' null masks, so each scalar op is written once.
#pragma once

#include <algorithm>
#include <bit>
#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

// Bit j of the result is hits[j], for 64 bytes each 0 or 1: stores of bytes and one movemask
// per 16 instead of a shift and an or per element.
inline uint64_t PackBits64(const uint8_t* hits) {
#if defined(__SSE2__)
  uint64_t bits = 0;
  for (int q = 0; q < 4; ++q) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(hits + 16 * q));
    const auto m = static_cast<uint32_t>(_mm_movemask_epi8(_mm_slli_epi16(v, 7)));
    bits |= static_cast<uint64_t>(m) << (16 * q);
  }
  return bits;
#else
  uint64_t bits = 0;
  for (size_t j = 0; j < 64; ++j) bits |= static_cast<uint64_t>(hits[j]) << j;
  return bits;
#endif
}

// The loop the fills below share: dst over n elements, valid where `valid_word(w)` and the
// selection allow (null elsewhere); word_bits(w, live) gives the true bits of word w (bits
// outside `live` are masked off).
template <typename ValidWordFn, typename WordBitsFn>
void FillWords(BoolReg& dst, size_t n, const columnar::Bitmap* sel, ValidWordFn&& valid_word,
               WordBitsFn&& word_bits) {
  dst.ResizeToOverwrite(n);
  uint64_t* t = dst.t.words();
  uint64_t* v = dst.v.words();
  const size_t words = (n + 63) / 64;
  for (size_t w = 0; w < words; ++w) {
    uint64_t live = SelWord(sel, w) & TailMask(n, w);
    if (live != 0) live &= valid_word(w);
    t[w] = live == 0 ? 0 : word_bits(w, live) & live;
    v[w] = live;
  }
}

// dst over n elements: where `valid_word(w)` and the selection allow, dst is valid and
// dst.t = f(i); elsewhere null.
template <typename ValidWordFn, typename F>
void FillPredicate(BoolReg& dst, size_t n, const columnar::Bitmap* sel, ValidWordFn&& valid_word,
                   F&& f) {
  FillWords(dst, n, sel, valid_word, [&](size_t w, uint64_t live) {
    uint64_t bits = 0;
    for (uint64_t m = live; m != 0; m &= m - 1) {
      const size_t i = w * 64 + static_cast<size_t>(std::countr_zero(m));
      if (f(i)) bits |= uint64_t{1} << (i - w * 64);
    }
    return bits;
  });
}

// FillPredicate for an f that may read any element below n, null or not (a fixed-width value
// slot holds some value either way): f runs on every element of a live word without a branch,
// and the result is masked afterwards.
template <typename ValidWordFn, typename F>
void FillPredicateDense(BoolReg& dst, size_t n, const columnar::Bitmap* sel,
                        ValidWordFn&& valid_word, F&& f) {
  FillWords(dst, n, sel, valid_word, [&](size_t w, uint64_t) {
    const size_t base = w * 64, count = std::min<size_t>(64, n - base);
    alignas(16) uint8_t hits[64];
    if (count < 64) std::fill(hits + count, hits + 64, uint8_t{0});
    for (size_t j = 0; j < count; ++j) hits[j] = static_cast<uint8_t>(f(base + j));
    return PackBits64(hits);
  });
}

// dst over n elements from a per-code verdict table (0 unknown, 1 false, 2 true): element i
// reads code codes[index ? index[i] : i]; where `valid_word(w)` and the selection allow, dst is
// valid and true when the code's verdict is 2. Every live element's code must have a verdict.
// Codes of dead elements (null slots hold any value) are clamped to `table_size`, whose entry
// must be 0, so the loop reads every element without a branch.
template <typename ValidWordFn>
void FillFromTable(BoolReg& dst, size_t n, const columnar::Bitmap* sel, ValidWordFn&& valid_word,
                   const uint32_t* codes, const uint32_t* index, const uint8_t* table,
                   uint32_t table_size) {
  FillPredicateDense(dst, n, sel, valid_word, [&](size_t i) {
    const uint32_t c = codes[index != nullptr ? index[i] : i];
    return table[std::min(c, table_size)] >> 1;
  });
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

// bitmap.h: a fixed-length bit vector in 64-bit words; the VM's selection and validity format.
// Bits past size() are always zero (every operation keeps that invariant), including the bits
// of words kept past word_count() by ClearReserving for cheap appends.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace vigil::columnar {

class Bitmap {
 public:
  Bitmap() = default;
  explicit Bitmap(size_t n, bool value = false) { Resize(n, value); }

  // Sets the length to n bits, each new (and every existing) bit to `value`.
  void Resize(size_t n, bool value);
  // Grows by one bit with the given value.
  void PushBack(bool value);
  // Grows by n zero bits (no allocation while within the reserve of ClearReserving).
  void AppendZeros(size_t n) {
    size_ += n;
    if (words_.size() * 64 < size_) words_.resize((size_ + 63) / 64, 0);
  }
  // Sets the length to 0 and keeps zero words for `reserve` bits, so AppendZeros up to that
  // length only counts. Costs the words that held set bits.
  void ClearReserving(size_t reserve);
  size_t size() const { return size_; }
  size_t word_count() const { return (size_ + 63) / 64; }
  uint64_t* words() { return words_.data(); }
  const uint64_t* words() const { return words_.data(); }

  bool Get(size_t i) const { return (words_[i >> 6] >> (i & 63)) & 1; }
  void Set(size_t i) { words_[i >> 6] |= uint64_t{1} << (i & 63); }
  void Clear(size_t i) { words_[i >> 6] &= ~(uint64_t{1} << (i & 63)); }
  void SetTo(size_t i, bool v) { v ? Set(i) : Clear(i); }

  void SetAll();
  void ClearAll();
  size_t CountSet() const;
  bool AnySet() const;
  // Mask of valid bits of the last word (all ones when size_ is a multiple of 64).
  uint64_t TailMask() const;

 private:
  std::vector<uint64_t> words_;
  size_t size_ = 0;
};

}  // namespace vigil::columnar

// bitmap.cc: bulk bitmap operations.
#include "vm/columnar/bitmap.h"

#include <algorithm>
#include <bit>

namespace vigil::columnar {

void Bitmap::Resize(size_t n, bool value) {
  size_ = n;
  words_.assign((n + 63) / 64, value ? ~uint64_t{0} : 0);
  if (value && !words_.empty()) words_.back() &= TailMask();
}

void Bitmap::PushBack(bool value) {
  if (words_.size() * 64 == size_) words_.push_back(0);
  ++size_;
  SetTo(size_ - 1, value);
}

void Bitmap::ClearReserving(size_t reserve) {
  std::fill(words_.begin(), words_.begin() + static_cast<ptrdiff_t>(word_count()), 0);
  words_.resize(std::max(words_.size(), (reserve + 63) / 64), 0);
  size_ = 0;
}

uint64_t Bitmap::TailMask() const {
  const size_t r = size_ & 63;
  return r == 0 ? ~uint64_t{0} : (uint64_t{1} << r) - 1;
}

void Bitmap::SetAll() {
  const size_t n = word_count();
  for (size_t i = 0; i < n; ++i) words_[i] = ~uint64_t{0};
  if (n > 0) words_[n - 1] &= TailMask();
}

void Bitmap::ClearAll() {
  for (auto& w : words_) w = 0;
}

size_t Bitmap::CountSet() const {
  size_t n = 0;
  for (size_t i = 0; i < word_count(); ++i) n += static_cast<size_t>(std::popcount(words_[i]));
  return n;
}

bool Bitmap::AnySet() const {
  for (size_t i = 0; i < word_count(); ++i) {
    if (words_[i]) return true;
  }
  return false;
}

}  // namespace vigil::columnar

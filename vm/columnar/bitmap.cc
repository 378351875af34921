// bitmap.cc: bulk bitmap operations.
#include "vm/columnar/bitmap.h"

#include <bit>

namespace vigil::columnar {

void Bitmap::Resize(size_t n, bool value) {
  size_ = n;
  words_.assign((n + 63) / 64, value ? ~uint64_t{0} : 0);
  if (value && !words_.empty()) words_.back() &= TailMask();
}

void Bitmap::PushBack(bool value) {
  if ((size_ & 63) == 0) words_.push_back(0);
  ++size_;
  SetTo(size_ - 1, value);
}

uint64_t Bitmap::TailMask() const {
  const size_t r = size_ & 63;
  return r == 0 ? ~uint64_t{0} : (uint64_t{1} << r) - 1;
}

void Bitmap::SetAll() {
  for (auto& w : words_) w = ~uint64_t{0};
  if (!words_.empty()) words_.back() &= TailMask();
}

void Bitmap::ClearAll() {
  for (auto& w : words_) w = 0;
}

size_t Bitmap::CountSet() const {
  size_t n = 0;
  for (uint64_t w : words_) n += static_cast<size_t>(std::popcount(w));
  return n;
}

bool Bitmap::AnySet() const {
  for (uint64_t w : words_) {
    if (w) return true;
  }
  return false;
}

}  // namespace vigil::columnar

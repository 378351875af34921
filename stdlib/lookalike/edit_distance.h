// edit_distance.h: Levenshtein and Damerau (optimal string alignment) distances over Unicode
// code points, with an optional cutoff. Cost O(|a| * |b|); callers bound the lengths
// (kMaxEditLength) so no row can take more than ~1M cell updates.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vigil::stdlib {

// Longest input (in code points) the distance functions accept; longer gives null.
inline constexpr size_t kMaxEditLength = 1024;

// Code points of s; each byte of an ill-formed sequence becomes its own unit (0x110000 +
// byte) so distinct bytes stay distinct. With fold_ascii, A-Z are lower-cased.
std::u32string ToCodePoints(std::string_view s, bool fold_ascii = false);

// Edit distances. With a cutoff, any true distance >= cutoff may be reported as `cutoff`
// (the computation stops early); without one (SIZE_MAX) the value is exact.
size_t Levenshtein(std::u32string_view a, std::u32string_view b, size_t cutoff = SIZE_MAX);
size_t Damerau(std::u32string_view a, std::u32string_view b, size_t cutoff = SIZE_MAX);

// One string compared with many (a value with every key of a list): the exact Damerau (optimal
// string alignment) distance in O(|text|) word operations per comparison, by Hyyroe's
// bit-parallel algorithm (2003), for a pattern of at most kMaxPattern code points. Equal to
// Damerau(pattern, text) for every text.
class DamerauPattern {
 public:
  static constexpr size_t kMaxPattern = 64;
  // Requires pattern.size() <= kMaxPattern.
  explicit DamerauPattern(std::u32string_view pattern);
  size_t Distance(std::u32string_view text) const;
  size_t size() const { return size_; }

 private:
  // The positions of c in the pattern, one bit each.
  uint64_t Mask(char32_t c) const;

  size_t size_ = 0;
  std::array<uint64_t, 128> ascii_{};
  std::vector<std::pair<char32_t, uint64_t>> other_;  // non-ASCII code points, unsorted
};

}  // namespace vigil::stdlib

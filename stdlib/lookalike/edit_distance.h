// edit_distance.h: Levenshtein and Damerau (optimal string alignment) distances over Unicode
// code points, with an optional cutoff. Cost O(|a| * |b|); callers bound the lengths
// (kMaxEditLength) so no row can take more than ~1M cell updates.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

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

}  // namespace vigil::stdlib

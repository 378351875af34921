// strings.h: small string helpers shared by every stage (ASCII case folding, edit distance
// for "did you mean" hints, UTF-8 validation). No allocation unless a result is returned.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::base {

// ASCII-only lower-casing; bytes >= 0x80 are kept as they are.
std::string AsciiLower(std::string_view s);
void AsciiLowerInPlace(std::string& s);
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
bool StartsWith(std::string_view s, std::string_view prefix);
bool EndsWith(std::string_view s, std::string_view suffix);
std::string_view Trim(std::string_view s);

// Levenshtein distance between a and b, giving up (returning limit + 1) once it exceeds limit.
// Cost O(|a| * |b|) at most; callers bound the inputs (identifiers, domains).
size_t EditDistance(std::string_view a, std::string_view b, size_t limit);

// The candidate closest to `name` within a distance that scales with its length, or "" when
// none is close enough. Used for "did you mean" hints.
std::string ClosestMatch(std::string_view name, const std::vector<std::string>& candidates);

// True when s is well-formed UTF-8 (no overlongs, no surrogates, max U+10FFFF).
bool IsValidUtf8(std::string_view s);

// s with every ill-formed UTF-8 sequence replaced by U+FFFD.
std::string SanitizeUtf8(std::string_view s);

// Replaces every byte of an ill-formed UTF-8 sequence in s by `replacement` (byte offsets are
// kept). Returns the offset of the first replaced byte, or std::string::npos when s was valid.
size_t MaskInvalidUtf8(std::string& s, char replacement);

// Joins parts with sep.
std::string Join(const std::vector<std::string>& parts, std::string_view sep);

// 64-bit FNV-1a, stable across runs and platforms (used for deterministic ids, not security).
uint64_t Fnv1a64(std::string_view data, uint64_t seed = 0xcbf29ce484222325ULL);
// 64-bit XXH3 (libxxhash): stable across runs and platforms like Fnv1a64, and about 20x faster
// on records of hundreds of bytes; what the per-event hot paths hash with.
uint64_t Hash64(std::string_view data, uint64_t seed = 0);

}  // namespace vigil::base

// bytes.h: the string hash and short-string equality of the columnar dictionaries, inline so
// per-value hot paths (dictionary interning, ingest's key and domain tables) avoid libc calls.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace vigil::columnar {

inline uint64_t Load8(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

inline uint32_t Load4(const char* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}

// A fast 64-bit string hash (8 bytes per multiply); quality is enough for linear probing on
// the low bits because every step ends with a xor-shift of the high bits. Reads only s.
inline uint64_t HashBytes(std::string_view s) {
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
  const size_t len = s.size();
  const char* p = s.data();
  uint64_t h = kMul ^ (len * 0xbf58476d1ce4e5b9ull);
  for (size_t n = len; n > 8; p += 8, n -= 8) {
    h = (h ^ Load8(p)) * kMul;
    h ^= h >> 29;
  }
  // The last 1..8 bytes: one (possibly overlapping) load, or a register-built short tail.
  uint64_t tail = 0;
  if (len >= 8) {
    tail = Load8(s.data() + len - 8);
  } else {
    for (size_t i = 0; i < len; ++i) tail |= uint64_t{static_cast<unsigned char>(s[i])} << (8 * i);
  }
  h = (h ^ tail) * 0x94d049bb133111ebull;
  return h ^ (h >> 31);
}

// a == b, reading only the bytes of each (overlapping word loads; no call for short texts).
inline bool EqualBytes(std::string_view a, std::string_view b) {
  const size_t n = a.size();
  if (n != b.size()) return false;
  const char* x = a.data();
  const char* y = b.data();
  if (n >= 8) {
    for (size_t i = 0; i + 8 < n; i += 8) {
      if (Load8(x + i) != Load8(y + i)) return false;
    }
    return Load8(x + n - 8) == Load8(y + n - 8);
  }
  if (n >= 4) return Load4(x) == Load4(y) && Load4(x + n - 4) == Load4(y + n - 4);
  for (size_t i = 0; i < n; ++i) {
    if (x[i] != y[i]) return false;
  }
  return true;
}

// True when s holds an ASCII upper-case letter (16 bytes per step, else 8).
inline bool HasUpperAscii(std::string_view s) {
  const char* p = s.data();
  size_t n = s.size();
#if defined(__SSE2__)
  if (n >= 16) {
    // c + 0x3f lands in 0x80..0x99, the signed bytes below -102, exactly for 'A'..'Z'.
    const __m128i bias = _mm_set1_epi8(0x3f);
    const __m128i limit = _mm_set1_epi8(static_cast<char>(0x80 + 26));
    const auto upper = [&](const char* q) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q));
      return _mm_movemask_epi8(_mm_cmplt_epi8(_mm_add_epi8(v, bias), limit)) != 0;
    };
    for (; n >= 16; p += 16, n -= 16) {
      if (upper(p)) return true;
    }
    return n > 0 && upper(p + n - 16);  // the last bytes, in a block overlapping the one before
  }
#endif
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  for (; n >= 8; p += 8, n -= 8) {
    const uint64_t w = Load8(p);
    // Per byte b < 0x80: (b + (0x80 - 'A')) sets bit 7 when b >= 'A'; (b + (0x80 - 'Z' - 1))
    // sets it when b > 'Z'. Bytes >= 0x80 are masked out (not ASCII letters).
    const uint64_t ge_a = (w & ~(kOnes * 0x80)) + kOnes * (0x80 - 'A');
    const uint64_t gt_z = (w & ~(kOnes * 0x80)) + kOnes * (0x80 - 'Z' - 1);
    if ((ge_a & ~gt_z & ~w & (kOnes * 0x80)) != 0) return true;
  }
  for (; n > 0; ++p, --n) {
    if (*p >= 'A' && *p <= 'Z') return true;
  }
  return false;
}

}  // namespace vigil::columnar

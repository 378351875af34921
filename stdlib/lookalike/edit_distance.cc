// edit_distance.cc: two/three-row dynamic programming with early exit on a cutoff, and the
// bit-parallel Damerau distance of one short pattern to many texts.
#include "stdlib/lookalike/edit_distance.h"

#include <algorithm>
#include <vector>

namespace vigil::stdlib {

std::u32string ToCodePoints(std::string_view s, bool fold_ascii) {
  std::u32string out(s.size(), U'\0');
  size_t ascii = 0;  // all-ASCII prefix: widened in place
  for (; ascii < s.size(); ++ascii) {
    const auto c = static_cast<unsigned char>(s[ascii]);
    if (c >= 0x80) break;
    out[ascii] = fold_ascii && c >= 'A' && c <= 'Z' ? c + 32 : c;
  }
  out.resize(ascii);
  for (size_t i = ascii; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    bool ok = len > 0 && i + len <= s.size();
    for (int k = 1; ok && k < len; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      ok = (cc & 0xC0) == 0x80;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if (!ok) {
      out.push_back(0x110000 + c);
      ++i;
      continue;
    }
    if (fold_ascii && cp >= 'A' && cp <= 'Z') cp += 32;
    out.push_back(cp);
    i += len;
  }
  return out;
}

size_t Levenshtein(std::u32string_view a, std::u32string_view b, size_t cutoff) {
  if (a.size() < b.size()) std::swap(a, b);
  if (a.size() - b.size() >= cutoff) return cutoff;
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    size_t row_min = cur[0];
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min >= cutoff) return cutoff;
    std::swap(prev, cur);
  }
  return std::min(prev[b.size()], cutoff);
}

size_t Damerau(std::u32string_view a, std::u32string_view b, size_t cutoff) {
  if (a.size() < b.size()) std::swap(a, b);
  if (a.size() - b.size() >= cutoff) return cutoff;
  const size_t m = b.size();
  // Three rows, reused across calls (a list is compared entry after entry).
  thread_local std::vector<size_t> prev2, prev, cur;
  prev2.assign(m + 1, 0);
  prev.resize(m + 1);
  cur.assign(m + 1, 0);
  for (size_t j = 0; j <= m; ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    size_t row_min = cur[0];
    for (size_t j = 1; j <= m; ++j) {
      const size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      size_t v = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        v = std::min(v, prev2[j - 2] + 1);
      }
      cur[j] = v;
      row_min = std::min(row_min, v);
    }
    // A transposition reaches back two rows, so the early exit must hold for both.
    if (row_min >= cutoff && *std::min_element(prev.begin(), prev.end()) >= cutoff) return cutoff;
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return std::min(prev[m], cutoff);
}

DamerauPattern::DamerauPattern(std::u32string_view pattern) : size_(pattern.size()) {
  for (size_t i = 0; i < pattern.size(); ++i) {
    const uint64_t bit = uint64_t{1} << i;
    const char32_t c = pattern[i];
    if (c < ascii_.size()) {
      ascii_[c] |= bit;
      continue;
    }
    auto it =
        std::find_if(other_.begin(), other_.end(), [c](const auto& e) { return e.first == c; });
    if (it == other_.end()) {
      other_.emplace_back(c, bit);
    } else {
      it->second |= bit;
    }
  }
}

uint64_t DamerauPattern::Mask(char32_t c) const {
  if (c < ascii_.size()) return ascii_[c];
  for (const auto& [cp, mask] : other_) {
    if (cp == c) return mask;
  }
  return 0;
}

// Hyyroe, "A bit-vector algorithm for computing Levenshtein and Damerau edit distances" (2003):
// VP/VN hold the vertical +1/-1 deltas of the current DP column, D0 its diagonal zero-deltas,
// TR the transpositions; the distance is tracked at the pattern's last row.
size_t DamerauPattern::Distance(std::u32string_view text) const {
  if (size_ == 0) return text.size();
  const uint64_t last = uint64_t{1} << (size_ - 1);
  uint64_t vp = ~uint64_t{0}, vn = 0, d0 = 0, pm_prev = 0;
  size_t d = size_;
  for (const char32_t c : text) {
    const uint64_t pm = Mask(c);
    const uint64_t tr = (((~d0) & pm) << 1) & pm_prev;
    d0 = (((pm & vp) + vp) ^ vp) | pm | vn | tr;
    uint64_t hp = vn | ~(d0 | vp);
    const uint64_t hn = d0 & vp;
    d += (hp & last) != 0;
    d -= (hn & last) != 0;
    hp = (hp << 1) | 1;
    vp = (hn << 1) | ~(d0 | hp);
    vn = hp & d0;
    pm_prev = pm;
  }
  return d;
}

}  // namespace vigil::stdlib

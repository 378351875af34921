// wildcard.cc: wildcard parsing, the segment matcher (no `?`) and the NFA matcher (with `?`).
#include "stdlib/strings/wildcard.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace vigil::stdlib {
namespace {

constexpr bool IsContinuation(uint8_t c) { return (c & 0xC0) == 0x80; }

bool BytesEqual(std::string_view a, std::string_view b, bool caseless) {
  if (a.size() != b.size()) return false;
  if (!caseless) return a == b;
  for (size_t i = 0; i < a.size(); ++i) {
    if (FoldAscii(a[i]) != FoldAscii(b[i])) return false;
  }
  return true;
}

size_t Find(std::string_view hay, std::string_view needle, size_t from, bool caseless) {
  return caseless ? FindIgnoreCase(hay, needle, from) : hay.find(needle, from);
}

}  // namespace

size_t FindIgnoreCase(std::string_view hay, std::string_view needle, size_t from) {
  if (needle.empty()) return from <= hay.size() ? from : std::string_view::npos;
  if (hay.size() < needle.size() || from > hay.size() - needle.size())
    return std::string_view::npos;
  const uint8_t lower = FoldAscii(needle[0]);
  const uint8_t upper = (lower >= 'a' && lower <= 'z') ? lower - 32 : lower;
  const size_t last = hay.size() - needle.size();
  // Next occurrence at or after `at` of byte c among candidate start positions, or npos.
  auto next = [&](uint8_t c, size_t at) {
    const void* p = std::memchr(hay.data() + at, c, last - at + 1);
    return p == nullptr ? std::string_view::npos : static_cast<const char*>(p) - hay.data();
  };
  // Each memchr result is reused until passed, so the total scanning stays linear.
  size_t next_lower = next(lower, from);
  size_t next_upper = upper == lower ? std::string_view::npos : next(upper, from);
  while (true) {
    const size_t i = std::min(next_lower, next_upper);
    if (i == std::string_view::npos) return i;
    if (BytesEqual(hay.substr(i, needle.size()), needle, true)) return i;
    if (i == last) return std::string_view::npos;
    if (next_lower == i) next_lower = next(lower, i + 1);
    if (next_upper == i) next_upper = next(upper, i + 1);
  }
}

std::vector<WildcardToken> ParseWildcard(std::string_view pattern) {
  std::vector<WildcardToken> out;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    WildcardToken t;
    if (c == '*') {
      if (!out.empty() && out.back().kind == WildcardToken::Kind::kStar) continue;
      t.kind = WildcardToken::Kind::kStar;
    } else if (c == '?') {
      t.kind = WildcardToken::Kind::kAnyChar;
    } else {
      if (c == '\\' && i + 1 < pattern.size()) ++i;
      t.byte = static_cast<uint8_t>(pattern[i]);
    }
    out.push_back(t);
  }
  return out;
}

std::string WildcardToRegex(const std::vector<WildcardToken>& tokens, bool caseless) {
  // A leading or trailing star is the same as no anchor on that side; leaving both out lets
  // Vectorscan match the literal core instead of running an anchored automaton.
  const bool open_start = !tokens.empty() && tokens.front().kind == WildcardToken::Kind::kStar;
  const bool open_end = tokens.size() > (open_start ? 1u : 0u) &&
                        tokens.back().kind == WildcardToken::Kind::kStar;
  const size_t first = open_start ? 1 : 0;
  const size_t last = tokens.size() - (open_end ? 1 : 0);
  std::string re = open_start ? "" : "^";
  char buf[16];
  for (size_t i = first; i < last; ++i) {
    const WildcardToken& t = tokens[i];
    switch (t.kind) {
      case WildcardToken::Kind::kStar:
        re += "[\\x00-\\xff]*";
        break;
      case WildcardToken::Kind::kAnyChar:
        re += "[\\x00-\\x7f\\xc0-\\xff][\\x80-\\xbf]{0,3}";
        break;
      case WildcardToken::Kind::kByte: {
        const uint8_t lower = FoldAscii(t.byte);
        if (caseless && lower >= 'a' && lower <= 'z') {
          std::snprintf(buf, sizeof(buf), "[\\x%02x\\x%02x]", lower, lower - 32);
        } else {
          std::snprintf(buf, sizeof(buf), "\\x%02x", t.byte);
        }
        re += buf;
      }
    }
  }
  if (!open_end) re += "\\z";
  return re;
}

WildcardMatcher::WildcardMatcher(std::string_view pattern, bool caseless)
    : caseless_(caseless), tokens_(ParseWildcard(pattern)) {
  segments_.emplace_back();
  for (const WildcardToken& t : tokens_) {
    if (t.kind == WildcardToken::Kind::kAnyChar) has_any_char_ = true;
    if (t.kind == WildcardToken::Kind::kStar) {
      segments_.emplace_back();
    } else {
      segments_.back() += static_cast<char>(t.byte);
    }
  }
  if (has_any_char_) BuildNfa();
}

bool WildcardMatcher::Match(std::string_view text) const {
  if (!has_any_char_) return MatchSegments(text);
  return bit_parallel_ ? MatchBits(text) : MatchNfa(text);
}

// Pattern S0*S1*...*Sk: S0 is a prefix, Sk a suffix, and S1..Sk-1 occur in order in between.
// Taking each middle segment's leftmost occurrence is optimal, so one pass suffices.
bool WildcardMatcher::MatchSegments(std::string_view text) const {
  if (segments_.size() == 1) return BytesEqual(text, segments_[0], caseless_);
  const std::string& first = segments_.front();
  const std::string& last = segments_.back();
  if (text.size() < first.size() + last.size()) return false;
  if (!BytesEqual(text.substr(0, first.size()), first, caseless_)) return false;
  if (!BytesEqual(text.substr(text.size() - last.size()), last, caseless_)) return false;
  const std::string_view middle =
      text.substr(first.size(), text.size() - first.size() - last.size());
  size_t pos = 0;
  for (size_t i = 1; i + 1 < segments_.size(); ++i) {
    const size_t hit = Find(middle, segments_[i], pos, caseless_);
    if (hit == std::string_view::npos) return false;
    pos = hit + segments_[i].size();
  }
  return true;
}

void WildcardMatcher::BuildNfa() {
  for (const WildcardToken& t : tokens_) {
    const auto self = static_cast<uint32_t>(states_.size());
    if (t.kind == WildcardToken::Kind::kByte) {
      states_.push_back({Edge::kByte, caseless_ ? FoldAscii(t.byte) : t.byte, self + 1, 0});
    } else if (t.kind == WildcardToken::Kind::kStar) {
      states_.push_back({Edge::kStar, 0, self, self + 1});
    } else {
      const uint32_t after = self + 4;
      states_.push_back({Edge::kLead, 0, self + 1, 0});
      states_.push_back({Edge::kCont, 0, self + 2, after});
      states_.push_back({Edge::kCont, 0, self + 3, after});
      states_.push_back({Edge::kCont, 0, after, after});
    }
  }
  states_.push_back({Edge::kFinal, 0, 0, 0});
  if (states_.size() <= 64) BuildBitParallel();
}

void WildcardMatcher::BuildBitParallel() {
  bit_parallel_ = true;
  accept_.assign(256, 0);
  for (size_t s = 0; s < states_.size(); ++s) {
    const State& st = states_[s];
    const uint64_t bit = uint64_t{1} << s;
    for (int c = 0; c < 256; ++c) {
      const auto b = static_cast<uint8_t>(c);
      bool take = false;
      switch (st.edge) {
        case Edge::kByte:
          take = (caseless_ ? FoldAscii(b) : b) == st.byte;
          break;
        case Edge::kStar:
          take = true;
          break;
        case Edge::kLead:
          take = !IsContinuation(b);
          break;
        case Edge::kCont:
          take = IsContinuation(b);
          break;
        case Edge::kFinal:
          break;
      }
      if (take) accept_[c] |= bit;
    }
    if (st.edge == Edge::kStar) star_ |= bit;
    if (st.edge == Edge::kCont) {
      const uint32_t distance = st.epsilon - static_cast<uint32_t>(s);  // 3, 2 or 1
      (distance == 3 ? sub1_ : distance == 2 ? sub2_ : sub3_) |= bit;
    }
  }
  final_ = uint64_t{1} << (states_.size() - 1);
}

// Shift-And simulation: consuming edges go to s+1 (or stay, for stars); epsilon edges are
// applied to a fixed point (chains are at most a few links long).
bool WildcardMatcher::MatchBits(std::string_view text) const {
  auto close = [this](uint64_t x) {
    while (true) {
      const uint64_t y =
          x | ((x & star_) << 1) | ((x & sub1_) << 3) | ((x & sub2_) << 2) | ((x & sub3_) << 1);
      if (y == x) return x;
      x = y;
    }
  };
  uint64_t x = close(1);
  for (unsigned char c : text) {
    const uint64_t live = x & accept_[c];
    x = ((live & ~star_) << 1) | (live & star_);
    if (x == 0) return false;
    x = close(x);
  }
  return (x & final_) != 0;
}

// Thompson simulation over states_. Epsilon edges only point forward, so one ordered pass
// closes a state set.
bool WildcardMatcher::MatchNfa(std::string_view text) const {
  const size_t n = states_.size();
  thread_local std::vector<uint8_t> cur, next;
  cur.assign(n, 0);
  next.assign(n, 0);
  auto close = [&](std::vector<uint8_t>& set) {
    for (size_t s = 0; s < n; ++s) {
      if (set[s] && states_[s].epsilon != 0) set[states_[s].epsilon] = 1;
    }
  };
  cur[0] = 1;
  close(cur);
  for (unsigned char raw : text) {
    const uint8_t c = caseless_ ? FoldAscii(raw) : raw;
    std::fill(next.begin(), next.end(), 0);
    bool any = false;
    for (size_t s = 0; s < n; ++s) {
      if (!cur[s]) continue;
      const State& st = states_[s];
      bool take = false;
      switch (st.edge) {
        case Edge::kByte:
          take = st.byte == c;
          break;
        case Edge::kStar:
          take = true;
          break;
        case Edge::kLead:
          take = !IsContinuation(c);
          break;
        case Edge::kCont:
          take = IsContinuation(c);
          break;
        case Edge::kFinal:
          break;
      }
      if (take) {
        next[st.next] = 1;
        any = true;
      }
    }
    if (!any) return false;
    close(next);
    cur.swap(next);
  }
  return cur[n - 1] != 0;
}

}  // namespace vigil::stdlib

// wildcard.h: the `like` / `ilike` wildcard dialect and its linear-time matcher; also the
// translation of the same dialect to a byte-level regex for the fused PatternSet
// (stdlib/regex/pattern_set) so both give identical answers.
//
// Dialect: `*` matches any run of bytes (also empty); `?` matches one character, i.e. a byte
// that is not a UTF-8 continuation byte (0x80-0xBF) followed by up to three continuation
// bytes (exactly one code point on well-formed UTF-8); `\` escapes the next byte (`\*`, `\?`,
// `\\`), a trailing lone `\` is literal. The whole text must match. Caseless matching folds
// ASCII letters only.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::stdlib {

struct WildcardToken {
  enum class Kind : uint8_t { kByte, kAnyChar, kStar };
  Kind kind = Kind::kByte;
  uint8_t byte = 0;  // kByte only
};

// Tokens of a pattern; consecutive stars collapse into one.
std::vector<WildcardToken> ParseWildcard(std::string_view pattern);

// A regex over bytes (Vectorscan syntax, also valid for RE2 in Latin-1 mode) that matches
// exactly the texts the pattern matches, anchored at both ends (^...\z), every literal byte
// written as \xHH. Caseless patterns expand ASCII letters to [aA] classes, so the regex
// itself is case-sensitive.
std::string WildcardToRegex(const std::vector<WildcardToken>& tokens, bool caseless);

// A compiled pattern. Match costs O(|text| * |pattern|) at worst and O(|text|) for patterns
// without `?`; no backtracking.
class WildcardMatcher {
 public:
  WildcardMatcher(std::string_view pattern, bool caseless);
  bool Match(std::string_view text) const;

 private:
  bool MatchSegments(std::string_view text) const;
  bool MatchNfa(std::string_view text) const;

  // One NFA state per token boundary plus three continuation states after each `?`.
  enum class Edge : uint8_t { kByte, kStar, kLead, kCont, kFinal };
  struct State {
    Edge edge;
    uint8_t byte;      // kByte: the (folded) byte
    uint32_t next;     // target of the consuming edge
    uint32_t epsilon;  // target of the epsilon edge; 0 when none (state 0 is never a target)
  };
  void BuildNfa();
  void BuildBitParallel();
  bool MatchBits(std::string_view text) const;

  bool caseless_;
  bool has_any_char_ = false;
  std::vector<State> states_;
  // Bit-parallel form of the NFA when it has at most 64 states: bit s of accept_[c] is set
  // when state s consumes byte c; epsilon edges are the masks below (shift 1, 3, 2, 1).
  bool bit_parallel_ = false;
  std::vector<uint64_t> accept_;  // 256 entries
  uint64_t star_ = 0, sub1_ = 0, sub2_ = 0, sub3_ = 0, final_ = 0;
  std::vector<std::string> segments_;  // literal runs between stars (patterns without `?`)
  std::vector<WildcardToken> tokens_;
};

// ASCII case folding of one byte.
constexpr uint8_t FoldAscii(uint8_t c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }

// First position >= from of `needle` in `hay` folding ASCII case, or npos.
size_t FindIgnoreCase(std::string_view hay, std::string_view needle, size_t from = 0);

}  // namespace vigil::stdlib

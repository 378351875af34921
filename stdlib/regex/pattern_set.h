// pattern_set.h: the fused multi-pattern matcher the compiler emits for all the string
// patterns rules apply to one field. Literal-anchored patterns (contains, starts_with,
// ends_with, wildcard) go into one Vectorscan database, regexes into one RE2::Set (run only
// when the atoms of some regex occur in the text: regex_prefilter.h), exact equality into hash
// tables; one Scan reports every pattern that matches.
//
// Exactness contract: for every text, Scan reports pattern i iff evaluating that pattern alone
// with the stdlib function of its kind says true (equals/iequals, contains/icontains,
// starts_with/istarts_with, ends_with/iends_with, like/ilike, regex_search/iregex_search).
// Caseless literal kinds fold ASCII letters only, as those functions do; caseless regexes use
// RE2's case folding. Patterns Vectorscan rejects fall back to an RE2::Set over bytes.
#pragma once

#include <re2/re2.h>
#include <re2/set.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "stdlib/regex/regex_prefilter.h"
#include "stdlib/string_hash.h"

struct hs_database;
struct hs_scratch;

namespace vigil::stdlib {

class PatternSet {
 public:
  enum class Kind : uint8_t { kEquals, kContains, kStartsWith, kEndsWith, kWildcard, kRegex };

  struct Options {
    bool use_vectorscan = true;  // false: literal kinds go to the byte-level RE2::Set (tests)
  };

  // Engine assignment after Compile (for tests, benchmarks and explain output).
  struct Stats {
    size_t vectorscan = 0;  // in the Vectorscan database
    size_t regex_set = 0;   // in the UTF-8 RE2::Set (regex kind)
    size_t byte_set = 0;    // literal kinds Vectorscan could not take, in the byte RE2::Set
    size_t exact = 0;       // equality, in hash tables
    size_t always = 0;      // match every non-empty text (contains "", like "*")
  };

  // Per-thread scan state; create one per thread with NewScratch() after Compile().
  class Scratch {
   public:
    ~Scratch();
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;

   private:
    friend class PatternSet;
    Scratch() = default;
    hs_scratch* hs = nullptr;
    RegexPrefilter::Scratch prefilter;
    std::vector<int> hits;
    std::string folded;
  };

  explicit PatternSet(Options options);
  PatternSet();
  ~PatternSet();
  PatternSet(const PatternSet&) = delete;
  PatternSet& operator=(const PatternSet&) = delete;

  // Adds a pattern before Compile(); returns its id (0, 1, 2, ... in order of addition).
  uint32_t Add(Kind kind, std::string_view pattern, bool caseless);

  // Builds the engines. False with *error ("pattern 3: missing ): ...") when a regex is
  // invalid; the set is then unusable. Calling it again returns the first call's result.
  bool Compile(std::string* error);

  std::unique_ptr<Scratch> NewScratch() const;

  // Replaces *ids with the ids of the patterns matching `text`, ascending, each once.
  // Linear in |text| for a compiled set; thread-safe with one Scratch per thread.
  void Scan(std::string_view text, Scratch& scratch, std::vector<uint32_t>* ids) const;

  size_t size() const { return patterns_.size(); }
  const Stats& stats() const { return stats_; }

 private:
  struct Pattern {
    Kind kind;
    std::string text;
    bool caseless;
  };
  bool CompileOnce(std::string* error);
  bool MatchAlone(const Pattern& p, std::string_view text) const;
  bool BuildVectorscan(std::vector<uint32_t> ids);
  bool BuildByteSet(const std::vector<uint32_t>& ids, std::string* error);
  bool BuildRegexSet(const std::vector<uint32_t>& ids, std::string* error);
  void ScanSet(const RE2::Set& set, const std::vector<uint32_t>& ids, std::string_view text,
               Scratch& scratch, std::vector<uint32_t>* out) const;

  Options options_;
  bool compiled_ = false;
  bool compile_ok_ = false;
  std::vector<Pattern> patterns_;
  Stats stats_;
  std::vector<uint32_t> always_;                 // ids matching every non-empty text
  std::vector<uint32_t> empty_matches_;          // ids matching "" (precomputed)
  StringMap<std::vector<uint32_t>> exact_;       // case-sensitive
  StringMap<std::vector<uint32_t>> exact_fold_;  // ASCII-folded keys
  hs_database* hs_db_ = nullptr;
  std::unique_ptr<RE2::Set> regex_set_;        // regex kind (UTF-8)
  std::unique_ptr<RegexPrefilter> prefilter_;  // of regex_set_: skips it for most texts, or null
  std::vector<uint32_t> regex_ids_;            // set index -> pattern id
  std::vector<std::unique_ptr<RE2>> regexes_;  // per pattern id (regex kind), else null
  std::unique_ptr<RE2::Set> byte_set_;         // literal kinds Vectorscan rejected (Latin-1)
  std::vector<uint32_t> byte_ids_;
};

// The byte-level regex (Vectorscan syntax, also RE2 Latin-1) of a literal-kind pattern:
// contains -> lit, starts_with -> ^lit, ends_with -> lit\z, wildcard -> see wildcard.h.
// Every byte is written \xHH; caseless letters become [aA] classes.
std::string LiteralKindToRegex(PatternSet::Kind kind, std::string_view pattern, bool caseless);

}  // namespace vigil::stdlib

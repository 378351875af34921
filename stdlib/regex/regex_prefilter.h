// regex_prefilter.h: a necessary condition for the regexes of a PatternSet, checked before the
// RE2::Set runs: RE2's FilteredRE2 reduces each regex to the literal strings ("atoms") a
// matching text must contain, and one Vectorscan scan of the atoms decides whether any regex
// can match at all. Part of stdlib/regex; used by PatternSet::Scan only.
#pragma once

#include <re2/filtered_re2.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct hs_database;
struct hs_scratch;

namespace vigil::stdlib {

class RegexPrefilter {
 public:
  struct Regex {
    std::string text;
    bool caseless = false;
  };
  // Per-thread state of a scan (one per PatternSet::Scratch).
  struct Scratch {
    Scratch() = default;
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;
    ~Scratch();
    hs_scratch* hs = nullptr;
    std::vector<int> atoms;
    std::vector<int> potential;
  };

  // A prefilter for `regexes` (valid RE2 patterns), or nullptr when it could never rule a
  // text out (a regex without atoms, atoms that are not ASCII, a database that fails).
  static std::unique_ptr<RegexPrefilter> Build(const std::vector<Regex>& regexes);
  ~RegexPrefilter();
  RegexPrefilter(const RegexPrefilter&) = delete;
  RegexPrefilter& operator=(const RegexPrefilter&) = delete;

  // Allocates `scratch` for this prefilter.
  void Prepare(Scratch& scratch) const;
  // False only when no regex can match `text`. Texts with a byte outside ASCII always pass:
  // atoms are compared caselessly in ASCII, which equals RE2's lower-casing on ASCII text only.
  bool MayMatch(std::string_view text, Scratch& scratch) const;

 private:
  RegexPrefilter() = default;
  re2::FilteredRE2 filter_{kMinAtomLength};
  hs_database* db_ = nullptr;
  static constexpr int kMinAtomLength = 3;
};

}  // namespace vigil::stdlib

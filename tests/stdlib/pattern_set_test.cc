// pattern_set_test.cc: the fused matcher must be exact: on random patterns of every kind
// (caseless or not) and random texts, Scan reports exactly the patterns whose own stdlib
// function says true, with Vectorscan and with the all-RE2 fallback.
#include "stdlib/regex/pattern_set.h"

#include <gtest/gtest.h>

#include <random>

#include "tests/stdlib/example_eval.h"

namespace vigil::stdlib {
namespace {

using Kind = PatternSet::Kind;

// The stdlib function that evaluates a pattern of `kind` alone.
std::string_view FunctionFor(Kind kind, bool caseless) {
  switch (kind) {
    case Kind::kEquals:
      return caseless ? "iequals" : "";
    case Kind::kContains:
      return caseless ? "icontains" : "contains";
    case Kind::kStartsWith:
      return caseless ? "istarts_with" : "starts_with";
    case Kind::kEndsWith:
      return caseless ? "iends_with" : "ends_with";
    case Kind::kWildcard:
      return caseless ? "ilike" : "like";
    case Kind::kRegex:
      return caseless ? "iregex_search" : "regex_search";
  }
  return "";
}

struct Added {
  Kind kind;
  std::string pattern;
  bool caseless;
};

// The pattern's own stdlib function, prepared once (equals uses ==, which has no function).
std::unique_ptr<PreparedCall> Oracle(const Added& p) {
  if (p.kind == Kind::kEquals && !p.caseless) return nullptr;
  const Datum args[] = {Datum::String(""), Datum::String(p.pattern)};
  return PreparedCall::Prepare(*Registry::Get().Overloads(FunctionFor(p.kind, p.caseless))[0], args,
                               nullptr);
}

bool Alone(const Added& p, const PreparedCall* oracle, const std::string& text, EvalContext& ctx) {
  if (oracle == nullptr) return text == p.pattern;
  const Datum args[] = {Datum::String(text), Datum::String(p.pattern)};
  Datum out;
  oracle->Eval(args, ctx, &out);
  return out.AsBool();
}

// What Scan must report for the patterns `added`: those whose own function says true.
struct Oracles {
  explicit Oracles(const std::vector<Added>& patterns) : added(patterns) {
    for (const Added& p : added) calls.push_back(Oracle(p));
  }
  std::vector<uint32_t> Want(const std::string& text, EvalContext& ctx) const {
    std::vector<uint32_t> want;
    for (uint32_t id = 0; id < added.size(); ++id) {
      if (Alone(added[id], calls[id].get(), text, ctx)) want.push_back(id);
    }
    return want;
  }
  const std::vector<Added>& added;
  std::vector<std::unique_ptr<PreparedCall>> calls;
};

std::string Random(std::mt19937& rng, size_t max_len, std::string_view alphabet) {
  std::string s;
  for (size_t i = 0, n = rng() % (max_len + 1); i < n; ++i) s += alphabet[rng() % alphabet.size()];
  return s;
}

void CheckExact(bool use_vectorscan, uint32_t seed) {
  std::mt19937 rng(seed);
  // Bytes that stress case folding: ASCII pairs, Latin-1 É/é (0xC9/0xE9 as raw bytes), the
  // UTF-8 forms of é and the Kelvin sign (which RE2 folds to k), a stray continuation byte.
  const std::string alphabet = "abkAK.\xC9\xE9\x80";
  const std::vector<std::string> texts_extra = {"\xC3\xA9", "\xE2\x84\xAA", "K"};
  const std::vector<std::string> regexes = {"a+b", "^k", "b$", "[ab]{2}", "(?:ab|ba)k", "\\bk",
                                            "a.k", "é",  "^$", "x?",      "K",          "[^a]"};
  testing::ExampleEvaluator ev;
  for (int round = 0; round < 30; ++round) {
    PatternSet set(PatternSet::Options{use_vectorscan});
    std::vector<Added> added;
    for (int i = 0; i < 40; ++i) {
      const auto kind = static_cast<Kind>(rng() % 6);
      const bool caseless = rng() % 2;
      std::string pat = kind == Kind::kRegex      ? regexes[rng() % regexes.size()]
                        : kind == Kind::kWildcard ? Random(rng, 5, "ab*?K\xC9")
                                                  : Random(rng, 3, alphabet);
      set.Add(kind, pat, caseless);
      added.push_back({kind, pat, caseless});
    }
    std::string error;
    ASSERT_TRUE(set.Compile(&error)) << error;
    const Oracles oracles(added);
    auto scratch = set.NewScratch();
    std::vector<uint32_t> ids;
    for (int t = 0; t < 300; ++t) {
      std::string text = Random(rng, 8, alphabet);
      if (t % 10 == 0) text += texts_extra[rng() % texts_extra.size()];
      set.Scan(text, *scratch, &ids);
      const std::vector<uint32_t> want = oracles.Want(text, ev.ctx());
      ASSERT_EQ(ids, want) << "text=\"" << text << "\" vectorscan=" << use_vectorscan;
    }
  }
}

TEST(PatternSetTest, ExactAgainstSinglePatternEvaluationWithVectorscan) { CheckExact(true, 1); }

// Regex sets whose regexes all have atoms get a prefilter (FilteredRE2 atoms scanned by
// Vectorscan before the RE2::Set): it must never rule out a text a regex matches, in any ASCII
// case, nor texts with characters RE2 folds onto ASCII letters (the long s, the Kelvin sign).
TEST(PatternSetTest, RegexPrefilterKeepsEveryMatch) {
  std::mt19937 rng(3);
  const std::vector<std::string> regexes = {"sek",       "k[ae]s+e", "(?:kas|sak)e",
                                            "\\bsea\\b", "seas?k",   "ask.*kes"};
  const std::vector<std::string> pieces = {"s", "e", "k", "a",        "S",           "E",
                                           "K", "A", " ", "\xC5\xBF", "\xE2\x84\xAA"};
  testing::ExampleEvaluator ev;
  for (int round = 0; round < 60; ++round) {
    PatternSet set;
    std::vector<Added> added;
    for (size_t i = 0, n = 1 + rng() % 4; i < n; ++i) {
      added.push_back({Kind::kRegex, regexes[rng() % regexes.size()], rng() % 2 == 0});
      set.Add(Kind::kRegex, added.back().pattern, added.back().caseless);
    }
    std::string error;
    ASSERT_TRUE(set.Compile(&error)) << error;
    const Oracles oracles(added);
    auto scratch = set.NewScratch();
    std::vector<uint32_t> ids;
    for (int t = 0; t < 400; ++t) {
      std::string text;
      for (size_t k = 0, n = rng() % 9; k < n; ++k) text += pieces[rng() % pieces.size()];
      set.Scan(text, *scratch, &ids);
      const std::vector<uint32_t> want = oracles.Want(text, ev.ctx());
      ASSERT_EQ(ids, want) << "text=\"" << text << "\"";
    }
  }
}
TEST(PatternSetTest, ExactAgainstSinglePatternEvaluationWithRe2Only) { CheckExact(false, 2); }

TEST(PatternSetTest, EnginesAreAssignedByKind) {
  PatternSet set;
  set.Add(Kind::kEquals, "a", false);
  set.Add(Kind::kEquals, "B", true);
  set.Add(Kind::kContains, "x", true);
  set.Add(Kind::kWildcard, "*.exe", true);
  set.Add(Kind::kRegex, "a+b", false);
  set.Add(Kind::kContains, "", false);
  std::string error;
  ASSERT_TRUE(set.Compile(&error));
  EXPECT_EQ(set.stats().exact, 2u);
  EXPECT_EQ(set.stats().vectorscan, 1u);  // "x"
  EXPECT_EQ(set.stats().byte_set, 1u);    // "*.exe": end-anchored (see OverlappingSuffixes...)
  EXPECT_EQ(set.stats().regex_set, 1u);
  EXPECT_EQ(set.stats().always, 1u);
  auto scratch = set.NewScratch();
  std::vector<uint32_t> ids;
  set.Scan("b", *scratch, &ids);
  EXPECT_EQ(ids, (std::vector<uint32_t>{1, 5}));
  set.Scan("", *scratch, &ids);
  EXPECT_EQ(ids, (std::vector<uint32_t>{5}));
  set.Scan("XaabY.EXE", *scratch, &ids);
  EXPECT_EQ(ids, (std::vector<uint32_t>{2, 3, 4, 5}));
}

TEST(PatternSetTest, InvalidRegexNamesThePattern) {
  PatternSet set;
  set.Add(Kind::kContains, "x", false);
  set.Add(Kind::kRegex, "(unclosed", false);
  std::string error;
  EXPECT_FALSE(set.Compile(&error));
  EXPECT_EQ(error.substr(0, 10), "pattern 1:");
  EXPECT_FALSE(set.Compile(&error));  // a second call repeats the answer
  auto scratch = set.NewScratch();
  std::vector<uint32_t> ids = {7};
  set.Scan("x", *scratch, &ids);
  EXPECT_TRUE(ids.empty());  // a failed set matches nothing
}

TEST(PatternSetTest, EmptySetsCompileAndMatchNothing) {
  PatternSet set;
  std::string error;
  ASSERT_TRUE(set.Compile(&error));
  ASSERT_TRUE(set.Compile(&error));
  auto scratch = set.NewScratch();
  std::vector<uint32_t> ids;
  set.Scan("anything", *scratch, &ids);
  EXPECT_TRUE(ids.empty());
}

TEST(PatternSetTest, LargeTextsAndManyPatterns) {
  PatternSet set;
  for (int i = 0; i < 500; ++i) set.Add(Kind::kContains, "token" + std::to_string(i), true);
  std::string error;
  ASSERT_TRUE(set.Compile(&error));
  auto scratch = set.NewScratch();
  std::string text(1 << 20, 'z');
  text.replace(1000, 8, "TOKEN499");
  std::vector<uint32_t> ids;
  set.Scan(text, *scratch, &ids);
  EXPECT_EQ(ids, (std::vector<uint32_t>{4, 49, 499}));
}

}  // namespace
}  // namespace vigil::stdlib

namespace vigil::stdlib {
namespace {

// Seed 90416 of the differential test: Vectorscan 5.4.9 misses end-anchored matches in texts
// of 17-19 bytes when its database holds another pattern; such patterns use the byte set.
TEST(PatternSetTest, OverlappingSuffixesAllReport) {
  for (bool vectorscan : {true, false}) {
    PatternSet::Options o;
    o.use_vectorscan = vectorscan;
    PatternSet set(o);
    for (const char* p : {"evil.com", "om", " "}) set.Add(Kind::kEndsWith, p, false);
    std::string error;
    ASSERT_TRUE(set.Compile(&error)) << error;
    auto scratch = set.NewScratch();
    std::vector<uint32_t> ids;
    for (const char* text : {"invoice@invoice.com", "exe@bob.example.com", "mail.acme@mail.com",
                             "a@evil.com", "x@y.com"}) {
      set.Scan(text, *scratch, &ids);
      EXPECT_FALSE(ids.empty()) << text << (vectorscan ? " (vectorscan)" : " (re2)");
    }
  }
}

}  // namespace
}  // namespace vigil::stdlib

// lookalike_test.cc: edit distances (against a reference on random strings), lookalike keys
// for the attacks the docs promise to catch, closest-member lookup, script checks.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "stdlib/lookalike/confusables.h"
#include "stdlib/lookalike/edit_distance.h"
#include "tests/stdlib/example_eval.h"

namespace vigil::stdlib {
namespace {

class LookalikeTest : public ::testing::Test {
 protected:
  std::string Run(std::string_view call) { return ev_.Run(call); }
  testing::ExampleEvaluator ev_;
};

// Plain full-matrix distances; with_transpositions gives optimal string alignment.
size_t Reference(std::u32string_view a, std::u32string_view b, bool with_transpositions) {
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      d[i][j] =
          std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1])});
      if (with_transpositions && i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

TEST_F(LookalikeTest, DistancesMatchAReferenceAndHonourCutoffs) {
  std::mt19937 rng(5);
  for (int i = 0; i < 3000; ++i) {
    std::u32string a, b;
    for (int k = 0, n = rng() % 9; k < n; ++k) a += U"abcé"[rng() % 4];
    for (int k = 0, n = rng() % 9; k < n; ++k) b += U"abcé"[rng() % 4];
    const size_t osa = Reference(a, b, true), lev = Reference(a, b, false);
    ASSERT_EQ(Damerau(a, b), osa);
    ASSERT_EQ(Levenshtein(a, b), lev);
    const size_t cutoff = rng() % 5 + 1;
    ASSERT_EQ(Damerau(a, b, cutoff), std::min(osa, cutoff));
    ASSERT_EQ(Levenshtein(a, b, cutoff), std::min(lev, cutoff));
  }
}

// Random strings over a small alphabet (ASCII, non-ASCII and ill-formed-byte units), so that
// repeats and transpositions are frequent.
std::u32string RandomPoints(std::mt19937& rng, size_t max_len) {
  static constexpr char32_t kAlphabet[] = {U'a', U'b', U'c', U'.', U'é', U'а', 0x110000 + 0xFF};
  std::u32string s;
  for (size_t k = 0, n = rng() % (max_len + 1); k < n; ++k) s += kAlphabet[rng() % 7];
  return s;
}

TEST_F(LookalikeTest, BitParallelDamerauMatchesTheReferenceUpTo64CodePoints) {
  std::mt19937 rng(11);
  for (int i = 0; i < 20000; ++i) {
    const std::u32string p = RandomPoints(rng, i % 4 == 0 ? 64 : 12);
    const DamerauPattern pattern(p);
    for (int k = 0; k < 3; ++k) {
      const std::u32string t = RandomPoints(rng, k == 0 ? 70 : 14);
      ASSERT_EQ(pattern.Distance(t), Reference(p, t, true));
    }
  }
  const std::u32string full(64, U'x');
  EXPECT_EQ(DamerauPattern(full).Distance(U""), 64u);
  EXPECT_EQ(DamerauPattern(full).Distance(full), 0u);
  EXPECT_EQ(DamerauPattern(U"").Distance(U"abc"), 3u);
  EXPECT_EQ(DamerauPattern(U"paypal.com").Distance(U"papyal.com"), 1u);
}

TEST_F(LookalikeTest, DistanceFunctions) {
  EXPECT_EQ(Run(R"(levenshtein("", ""))"), "0");
  EXPECT_EQ(Run(R"(levenshtein("", "abc"))"), "3");
  EXPECT_EQ(Run(R"(levenshtein("ab", "ba"))"), "2");
  EXPECT_EQ(Run(R"(damerau("ab", "ba"))"), "1");
  EXPECT_EQ(Run(R"(levenshtein("日本", "日本語"))"), "1");  // characters, not bytes
  EXPECT_EQ(Run(R"(ilevenshtein("ABC", "abd"))"), "1");
  EXPECT_EQ(ToCodePoints("\xFF"
                         "a")
                .size(),
            2u);
  const std::string big(2000, 'a');
  EXPECT_FALSE(ev_.MustCall("levenshtein", {Datum::String(big), Datum::String("a")}).valid);
  EXPECT_EQ(ev_.MustCall("damerau", {Datum::String(big.substr(0, 1024)), Datum::String("")}).i,
            1024);
}

TEST_F(LookalikeTest, KeysCatchDigitCyrillicCaseAndRnAttacks) {
  std::string a, b;
  for (const char* spoof :
       {"paypa1.com", "PAYPAL.COM", "p\xD0\xB0ypal.com", "paypaI.com", "xn--pypal-4ve.com"}) {
    ASSERT_TRUE(LookalikeKey(spoof, &a));
    ASSERT_TRUE(LookalikeKey("paypal.com", &b));
    EXPECT_EQ(a, b) << spoof;
  }
  ASSERT_TRUE(LookalikeKey("arnazon.com", &a));
  ASSERT_TRUE(LookalikeKey("amazon.com", &b));
  EXPECT_EQ(a, b);
  ASSERT_TRUE(LookalikeKey("g00gle.com", &a));
  ASSERT_TRUE(LookalikeKey("google.com", &b));
  EXPECT_EQ(a, b);
  EXPECT_TRUE(LookalikeKey("", &a));
  EXPECT_TRUE(LookalikeKey("\xFF\xFE", &a));  // ill-formed bytes: U+FFFD, no failure
  EXPECT_FALSE(LookalikeKey(std::string(5000, 'a'), &a));
  EXPECT_EQ(Run(R"(is_confusable("paypal.com", "PayPal.com"))"), "false");  // same text
  EXPECT_EQ(Run(R"(is_confusable("paypa1.com", "paypal.com"))"), "true");
  EXPECT_EQ(Run(R"(is_confusable("example.com", "paypal.com"))"), "false");
}

// All-ASCII text is keyed from a per-byte table; its keys must be ICU's: every string of one
// and two ASCII bytes (any pair of neighbours), random hosts and words with digits, case and
// symbols, and "xn--" hosts (which the table leaves to ICU).
TEST_F(LookalikeTest, AsciiKeysAreIcuKeys) {
  std::string fast, icu;
  auto check = [&](const std::string& s) {
    const bool a = LookalikeKey(s, &fast), b = LookalikeKeyIcu(s, &icu);
    ASSERT_EQ(a, b) << s;
    if (a) {
      ASSERT_EQ(fast, icu) << s;
    }
  };
  for (int x = 0; x < 128; ++x) {
    check(std::string(1, static_cast<char>(x)));
    for (int y = 0; y < 128; ++y) check(std::string{static_cast<char>(x), static_cast<char>(y)});
  }
  std::mt19937 rng(17);
  const std::string alphabet =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_|!@ ";
  for (int i = 0; i < 5000; ++i) {
    std::string s(1 + rng() % 40, 'a');
    for (char& c : s) c = alphabet[rng() % alphabet.size()];
    check(s);
  }
  for (const char* host : {"xn--pypal-4ve.com", "XN--PYPAL-4VE.COM", "mail.xn--80ak6aa92e.com",
                           "arnazon.com", "rnicrosoft-0nline.co.uk", "vv1ndows.net"}) {
    check(host);
  }
}

TEST_F(LookalikeTest, ClosestListMember) {
  EXPECT_EQ(Run(R"(lookalike("paypal.com", ["amazon.com", "paypal.com"]))"), R"("paypal.com")");
  EXPECT_EQ(Run(R"(lookalike_distance("paypal.com", ["amazon.com", "paypal.com"]))"), "0");
  EXPECT_EQ(Run(R"(lookalike_distance("pаypa1.com", ["paypal.com"]))"), "0");
  EXPECT_EQ(Run(R"(lookalike("x.com", []))"), "null");
  EXPECT_EQ(Run(R"(lookalike("ab.com", ["aa.com", "bb.com"]))"), R"("aa.com")");  // tie: first
  std::string error;
  Datum out;
  EXPECT_TRUE(ev_.Eval(R"(lookalike_distance("a.com", ["b.com"]))", nullptr, &out, &error));
  EXPECT_EQ(out.i, 1);
}

// The closest entry (pruned by length, bit-parallel up to 64 code points, DP beyond) is the
// first entry at the least unpruned full-matrix distance between lookalike keys.
TEST_F(LookalikeTest, ClosestListMemberMatchesAnExhaustiveSearch) {
  std::mt19937 rng(3);
  auto domain = [&](size_t max_chars) {  // labels of up to 20 characters
    std::string s;
    for (size_t k = 0, n = rng() % max_chars + 1; k < n; ++k) {
      s += (k % 20 == 19 ? "." : "") + std::string(1, "abmnrl10o"[rng() % 9]);
    }
    return s + ".com";
  };
  for (int i = 0; i < 400; ++i) {
    const std::string value = domain(i % 10 == 0 ? 90 : 12);
    std::vector<std::string> entries;
    for (size_t k = 0, n = rng() % 6 + 1; k < n; ++k) entries.push_back(domain(12));
    std::string call = "lookalike_distance(\"" + value + "\", [";
    std::string key;
    ASSERT_TRUE(LookalikeKey(value, &key));
    size_t best = SIZE_MAX;
    for (const std::string& e : entries) {
      call += (e == entries.front() ? "\"" : ", \"") + e + "\"";
      std::string entry_key;
      ASSERT_TRUE(LookalikeKey(e, &entry_key));
      best = std::min(best, Reference(ToCodePoints(key), ToCodePoints(entry_key), true));
    }
    ASSERT_EQ(Run(call + "])"), std::to_string(best)) << call;
  }
}

TEST_F(LookalikeTest, ScriptChecks) {
  EXPECT_EQ(Run(R"(is_mixed_script("paypal.com"))"), "false");
  EXPECT_EQ(Run(R"(is_mixed_script("пример.рф"))"), "false");
  EXPECT_EQ(Run(R"(is_mixed_script("日本語のテキスト"))"), "false");  // Japanese is one set
  EXPECT_EQ(Run(R"(is_mixed_script("hello world! 123"))"), "false");
  EXPECT_EQ(Run(R"(is_mixed_script("pаypal"))"), "true");
  EXPECT_EQ(Run(R"(is_mixed_script(""))"), "false");
  EXPECT_EQ(Run(R"(has_homoglyphs("paypal.com"))"), "false");
  EXPECT_EQ(Run(R"(has_homoglyphs("пример"))"), "true");  // Cyrillic р, е, ... look Latin
  EXPECT_EQ(Run(R"(has_homoglyphs("日本"))"), "false");
  EXPECT_EQ(Run(R"(has_homoglyphs("ｐａｙｐａｌ"))"), "true");  // fullwidth
  EXPECT_EQ(ev_.MustCall("has_homoglyphs", {Datum::String("\xFF\xC3")}).AsBool(), false);
}

TEST_F(LookalikeTest, MegabyteInputs) {
  const std::string big(1 << 20, 'a');
  EXPECT_FALSE(ev_.MustCall("confusable_skeleton", {Datum::String(big)}).valid);
  EXPECT_FALSE(ev_.MustCall("is_mixed_script", {Datum::String(big)}).AsBool());
  EXPECT_FALSE(ev_.MustCall("has_homoglyphs", {Datum::String(big)}).AsBool());
}

}  // namespace
}  // namespace vigil::stdlib

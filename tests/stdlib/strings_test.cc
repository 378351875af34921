// strings_test.cc: the string family: case, length, search, split/trim/replace/substr/concat,
// entropy, decoders and character classes, with empty, null, non-ASCII and 1 MB inputs.
#include "base/strings.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <random>
#include <string>

#include "stdlib/value_print.h"
#include "tests/stdlib/example_eval.h"

namespace vigil::stdlib {
namespace {

using testing::ExampleEvaluator;

class StringsTest : public ::testing::Test {
 protected:
  std::string Run(std::string_view call) { return ev_.Run(call); }
  Datum Call(std::string_view name, std::vector<Datum> args) { return ev_.MustCall(name, args); }
  ExampleEvaluator ev_;
};

// QuoteString (how values print in rule tests, keys and diagnostics) copies runs of plain bytes
// at once; it must escape exactly as byte-by-byte quoting does: quotes, backslashes, newlines,
// tabs, control bytes, DEL, and every byte >= 0x80 when the text is not valid UTF-8.
TEST(QuoteStringTest, EscapesAsByteByByteQuoting) {
  auto reference = [](std::string_view s) {
    std::string out = "\"";
    const bool valid = base::IsValidUtf8(s);
    for (const unsigned char c : s) {
      if (c == '"') {
        out += "\\\"";
      } else if (c == '\\') {
        out += "\\\\";
      } else if (c == '\n') {
        out += "\\n";
      } else if (c == '\t') {
        out += "\\t";
      } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && !valid)) {
        char buf[8];
        std::snprintf(buf, sizeof(buf), "\\x%02X", c);
        out += buf;
      } else {
        out += static_cast<char>(c);
      }
    }
    return out + '"';
  };
  EXPECT_EQ(QuoteString(""), "\"\"");
  EXPECT_EQ(QuoteString("a\"b\\c\nd\te\x01\x7f"), "\"a\\\"b\\\\c\\nd\\te\\x01\\x7F\"");
  EXPECT_EQ(QuoteString("caf\xC3\xA9"), "\"caf\xC3\xA9\"");
  EXPECT_EQ(QuoteString("caf\xC3"), "\"caf\\xC3\"");
  std::mt19937 rng(5);
  const std::string alphabet = "ab\"\\\n\t\x01\x7f\xC3\xA9\xFF ";
  for (int i = 0; i < 20000; ++i) {
    // Short strings of any bytes of the alphabet, and long mostly plain ones with a rare
    // special byte anywhere (the 16-byte scan and its tail).
    const bool long_plain = i % 2 == 1;
    std::string s(rng() % (long_plain ? 70 : 12), ' ');
    for (char& c : s) {
      c = long_plain && rng() % 40 != 0 ? static_cast<char>('!' + rng() % 94)
                                        : alphabet[rng() % alphabet.size()];
    }
    ASSERT_EQ(QuoteString(s), reference(s)) << i;
    std::string appended = "k\x1f";  // AppendQuoted appends, as key texts are built
    AppendQuoted(s, &appended);
    ASSERT_EQ(appended, "k\x1f" + reference(s)) << i;
  }
}

// AppendDatum appends exactly FormatDatum's text, for strings (its own path) and the rest.
TEST(QuoteStringTest, AppendDatumAppendsFormatDatum) {
  const std::vector<Datum> values = {Datum::String("plain@example.com"),
                                     Datum::String("a\"b"),
                                     Datum::String("caf\xC3", schema::ScalarType::kEmail),
                                     Datum::Null(schema::ScalarType::kString),
                                     Datum::Int(-42),
                                     Datum::Float(2.5)};
  for (const Datum& d : values) {
    std::string out = "x";
    AppendDatum(d, &out);
    EXPECT_EQ(out, "x" + FormatDatum(d));
  }
}

TEST_F(StringsTest, CaseMappingIsUnicodeAware) {
  EXPECT_EQ(Run(R"(lower(""))"), R"("")");
  EXPECT_EQ(Run(R"(lower("ÀÉÎ ПРИВЕТ"))"), R"("àéî привет")");
  EXPECT_EQ(Run(R"(upper("ß"))"), R"("SS")");
  EXPECT_EQ(Run(R"(lower(null))"), "null");
  // Ill-formed UTF-8 survives unchanged around mapped letters.
  Datum d = Call("lower", {Datum::String("A\xFF"
                                         "B")});
  EXPECT_EQ(d.s,
            "a\xFF"
            "b");
}

TEST_F(StringsTest, LengthCountsCodePoints) {
  EXPECT_EQ(Run(R"(length(""))"), "0");
  EXPECT_EQ(Run(R"(length("日本語"))"), "3");
  EXPECT_EQ(Run(R"(byte_length("日本語"))"), "9");
}

TEST_F(StringsTest, SearchFunctions) {
  EXPECT_EQ(Run(R"(contains("abc", ""))"), "true");
  EXPECT_EQ(Run(R"(contains("", "a"))"), "false");
  EXPECT_EQ(Run(R"(contains("abc", "C"))"), "false");
  EXPECT_EQ(Run(R"(icontains("abc", "C"))"), "true");
  EXPECT_EQ(Run(R"(icontains("ÉCOLE", "école"))"), "false");  // ASCII folding only
  EXPECT_EQ(Run(R"(icontains("aaaaaaaab", "AAB"))"), "true");
  EXPECT_EQ(Run(R"(istarts_with("a", "ab"))"), "false");
  EXPECT_EQ(Run(R"(iends_with("x.EXE", ".exe"))"), "true");
  EXPECT_EQ(Run(R"(ends_with("", ""))"), "true");
  EXPECT_EQ(Run(R"(iequals("ABC", "abd"))"), "false");
  EXPECT_EQ(Run(R"(contains(null, "a"))"), "null");
}

TEST_F(StringsTest, LikeIsAnchoredAndHandlesEscapes) {
  EXPECT_EQ(Run(R"(like("abc", "a*"))"), "true");
  EXPECT_EQ(Run(R"(like("abc", "b*"))"), "false");
  EXPECT_EQ(Run(R"(like("", "*"))"), "true");
  EXPECT_EQ(Run(R"(like("", "?"))"), "false");
  EXPECT_EQ(Run(R"(like("a*c", "a\\*c"))"), "true");
  EXPECT_EQ(Run(R"(like("abc", "a\\*c"))"), "false");
  EXPECT_EQ(Run(R"(like("résumé", "r?sum?"))"), "true");  // ? is one character
  EXPECT_EQ(Run(R"(like("ab", "a??"))"), "false");
  EXPECT_EQ(Run(R"(ilike("INVOICE.PDF", "*.pdf"))"), "true");
}

TEST_F(StringsTest, LikeNeedsAConstantPattern) {
  const FunctionDef& like = *Registry::Get().Overloads("like")[0];
  std::string error;
  const Datum args[] = {Datum::String("x"), Datum::Null(ScalarType::kString)};
  EXPECT_EQ(PreparedCall::Prepare(like, args, &error), nullptr);
  EXPECT_NE(error.find("constant"), std::string::npos);
}

TEST_F(StringsTest, SplitTrimReplaceSubstrConcat) {
  EXPECT_EQ(Run(R"(split("", ","))"), R"([""])");
  EXPECT_EQ(Run(R"(split("abc", ""))"), R"(["abc"])");
  EXPECT_EQ(Run(R"(split("a--b--", "--"))"), R"(["a", "b", ""])");
  EXPECT_EQ(Run(R"(trim(" \t\n "))"), R"("")");
  EXPECT_EQ(Run(R"(trim(" a b "))"), R"("a b")");
  EXPECT_EQ(Run(R"(replace("aaa", "a", "bb"))"), R"("bbbbbb")");
  EXPECT_EQ(Run(R"(replace("aaa", "", "x"))"), R"("aaa")");
  EXPECT_EQ(Run(R"(replace("aaaa", "aa", "a"))"), R"("aa")");
  EXPECT_EQ(Run(R"(substr("héllo", 1, 3))"), R"("éll")");
  EXPECT_EQ(Run(R"(substr("abc", 5, 1))"), R"("")");
  EXPECT_EQ(Run(R"(substr("abc", -10, 2))"), R"("ab")");
  EXPECT_EQ(Run(R"(substr("abc", 1, -1))"), R"("")");
  EXPECT_EQ(Run(R"(substr("abc", 1, 100))"), R"("bc")");
  EXPECT_EQ(Run(R"(concat("", ""))"), R"("")");
  EXPECT_EQ(Run(R"(concat("a", "b", "c", "d"))"), R"("abcd")");
  EXPECT_EQ(Run(R"(concat("a", null))"), "null");
}

TEST_F(StringsTest, SplitCapsThePartCount) {
  std::string s;
  for (int i = 0; i < 5000; ++i) s += "x,";
  const Datum d = Call("split", {Datum::String(s), Datum::String(",")});
  ASSERT_TRUE(d.is_array);
  ASSERT_EQ(d.elems.size(), 4096u);
  EXPECT_EQ(d.elems[0].s, "x");
  EXPECT_EQ(d.elems.back().s.size(), s.size() - 4095 * 2);  // the unsplit rest
}

TEST_F(StringsTest, EntropyAndDecoders) {
  EXPECT_EQ(Run(R"(entropy(""))"), "0.0");
  EXPECT_EQ(Run(R"(entropy("aaaa"))"), "0.0");
  EXPECT_EQ(Run(R"(entropy("abcd"))"), "2.0");
  EXPECT_EQ(Run(R"(base64_decode(""))"), R"("")");
  EXPECT_EQ(Run(R"(base64_decode("aGk"))"), R"("hi")");
  EXPECT_EQ(Run(R"(base64_decode("aGk="))"), R"("hi")");
  EXPECT_EQ(Run(R"(base64_decode("aGk=="))"), "null");
  EXPECT_EQ(Run(R"(base64_decode("a"))"), "null");
  EXPECT_EQ(Run(R"(base64_decode("aG k="))"), "null");
  EXPECT_EQ(Run(R"(base64_decode("_-8"))"), R"("\xFF\xEF")");
  EXPECT_EQ(Run(R"(hex_decode("4A4b"))"), R"("JK")");
  EXPECT_EQ(Run(R"(hex_decode("4"))"), "null");
  EXPECT_EQ(Run(R"(hex_decode("zz"))"), "null");
  EXPECT_EQ(Run(R"(hex_decode(""))"), R"("")");
}

TEST_F(StringsTest, CharacterClasses) {
  EXPECT_EQ(Run(R"(count_chars("a1b22", "digit"))"), "3");
  EXPECT_EQ(Run(R"(count_chars("AbC", "upper"))"), "2");
  EXPECT_EQ(Run(R"(count_chars("日本a", "non_ascii"))"), "2");
  EXPECT_EQ(Run(R"(count_chars("a b\tc", "space"))"), "2");
  EXPECT_EQ(Run(R"(count_chars("a.b!", "punct"))"), "2");
  EXPECT_EQ(Run(R"(count_chars("", "alpha"))"), "0");
  EXPECT_EQ(Run(R"(count_chars("x", "digits"))").substr(0, 31), "error: unknown character class ");
  Datum d = Call("count_chars", {Datum::String("\x80\x80"
                                               "a\xC3"),
                                 Datum::String("non_ascii")});
  EXPECT_EQ(d.i, 2);  // a stray continuation run counts once, a lone lead byte once
}

// A test-only encoder: standard or URL-safe alphabet, with or without padding.
std::string Base64Encode(std::string_view in, bool url_safe, bool pad) {
  const char* abc = url_safe ? "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
                             : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  size_t i = 0;
  for (; i + 3 <= in.size(); i += 3) {
    const uint32_t v = (uint8_t(in[i]) << 16) | (uint8_t(in[i + 1]) << 8) | uint8_t(in[i + 2]);
    for (int k = 18; k >= 0; k -= 6) out += abc[(v >> k) & 63];
  }
  const size_t rest = in.size() - i;
  if (rest > 0) {
    uint32_t v = uint8_t(in[i]) << 16;
    if (rest == 2) v |= uint8_t(in[i + 1]) << 8;
    out += abc[(v >> 18) & 63];
    out += abc[(v >> 12) & 63];
    if (rest == 2) out += abc[(v >> 6) & 63];
    if (pad) out += rest == 1 ? "==" : "=";
  }
  return out;
}

TEST_F(StringsTest, DecodersRoundTripRandomBytesAndRejectGarbage) {
  std::mt19937 rng(4);
  for (int i = 0; i < 5000; ++i) {
    std::string bytes(rng() % 50, '\0');
    for (char& c : bytes) c = static_cast<char>(rng() % 256);
    const std::string b64 = Base64Encode(bytes, rng() % 2, rng() % 2);
    Datum d = Call("base64_decode", {Datum::String(b64)});
    ASSERT_TRUE(d.valid) << b64;
    ASSERT_EQ(d.s, bytes);
    static constexpr char kHex[] = "0123456789abcdefABCDEF";
    std::string hex;
    for (unsigned char c : bytes) {
      hex += kHex[c >> 4];
      hex += kHex[c & 15];
    }
    d = Call("hex_decode", {Datum::String(hex)});
    ASSERT_TRUE(d.valid);
    ASSERT_EQ(d.s, bytes);
    // Garbage: random text over the alphabet plus junk never crashes; a valid decode of it
    // re-encodes to the same characters (canonical encoding only).
    std::string junk(rng() % 20, '\0');
    for (char& c : junk) c = "AZaz09+/-_= .\xff"[rng() % 15];
    d = Call("base64_decode", {Datum::String(junk)});
    if (d.valid && junk.find('=') == std::string::npos &&
        junk.find_first_of("-_") == std::string::npos) {
      ASSERT_EQ(Base64Encode(d.s, false, false), junk);
    }
  }
}

// Every function of the family on a 1 MB input finishes (linear) and stays well-formed.
TEST_F(StringsTest, MegabyteInputs) {
  std::string big(1 << 20, 'a');
  big[500000] = 'Z';
  const Datum s = Datum::String(big);
  EXPECT_EQ(Call("length", {s}).i, 1 << 20);
  EXPECT_EQ(Call("lower", {s}).s.size(), big.size());
  EXPECT_TRUE(Call("icontains", {s, Datum::String("aZa")}).AsBool());
  EXPECT_EQ(Call("entropy", {s}).f > 0, true);
  EXPECT_FALSE(Call("base64_decode", {Datum::String(big + "!")}).valid);
  EXPECT_EQ(Call("hex_decode", {Datum::String(std::string(1 << 20, 'f'))}).s.size(), 1u << 19);
  EXPECT_EQ(Call("count_chars", {s, Datum::String("upper")}).i, 1);
  EXPECT_EQ(Call("replace", {s, Datum::String("a"), Datum::String("bc")}).s.size(),
            2 * big.size() - 1);
  EXPECT_EQ(Call("substr", {s, Datum::Int(-3), Datum::Int(3)}).s, "aaa");
  EXPECT_TRUE(Call("like", {s, Datum::String("*a?a*a")}).AsBool());
  EXPECT_FALSE(Call("like", {s, Datum::String("*a*a*a*a*a*a*b")}).AsBool());
}

}  // namespace
}  // namespace vigil::stdlib

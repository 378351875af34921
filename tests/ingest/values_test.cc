// values_test.cc: the scalar coercions of normalization: timestamps in every shape the
// samples use, loose booleans and integers, the fields.def vocabularies and the bare-address
// scan.
#include "ingest/values.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "ingest/normalized_json.h"

namespace vigil::ingest {
namespace {

constexpr int64_t k20211018T080243 = 1634544163000;  // 2021-10-18T08:02:43Z

TEST(ParseTimestampTest, Api1OffsetWithoutColon) {
  EXPECT_EQ(ParseTimestamp("2021-10-18T09:02:43+0100"), k20211018T080243);
  EXPECT_EQ(ParseTimestamp("2021-10-18T04:02:43-0400"), k20211018T080243);
  EXPECT_EQ(ParseTimestamp("2021-10-18T08:02:43+0000"), k20211018T080243);
}

TEST(ParseTimestampTest, ColonOffsetsZuluAndNoZone) {
  EXPECT_EQ(ParseTimestamp("2021-10-18T09:02:43+01:00"), k20211018T080243);
  EXPECT_EQ(ParseTimestamp("2021-10-18T08:02:43Z"), k20211018T080243);
  EXPECT_EQ(ParseTimestamp("2021-10-18 08:02:43"), k20211018T080243);
  EXPECT_EQ(ParseTimestamp("2021-10-29T15:07:26.653Z"), 1635520046653);
}

TEST(ParseTimestampTest, EpochMillisecondsAndSeconds) {
  EXPECT_EQ(ParseTimestamp("1731499059314"), 1731499059314);
  EXPECT_EQ(ParseTimestamp("1634544163"), k20211018T080243);
  EXPECT_EQ(EpochToMs(1731499059314), 1731499059314);
}

TEST(ParseTimestampTest, LongDigitRunsAreRejectedWithoutOverflow) {
  // Found by ingest_fuzz: an unbounded month field overflowed int (UBSan).
  EXPECT_EQ(ParseTimestamp("17314990591731499059/28/2025, 9:30:45 AM"), std::nullopt);
  EXPECT_EQ(ParseTimestamp("10/28/2025, 1731499059:30:45 AM"), std::nullopt);
}

TEST(ParseTimestampTest, SentinelExportText) {
  EXPECT_EQ(ParseTimestamp("7/30/2024, 9:03:43 PM"), 1722373423000);
  EXPECT_EQ(ParseTimestamp("10/28/2025, 9:30:45.297 AM"), 1761643845297);
  EXPECT_EQ(ParseTimestamp("7/31/2024, 12:57:59 AM"), 1722387479000);
}

TEST(ParseTimestampTest, RejectsGarbage) {
  for (std::string_view bad :
       {"", "yesterday", "2021-13-01T00:00:00Z", "2021-10-18T25:00:00Z", "2021-10-18T08:02:43+2500",
        "13/45/2024, 1:00:00 PM", "2021-10-18T08:02:43 nonsense", "99999999999999999999"}) {
    EXPECT_FALSE(ParseTimestamp(bad).has_value()) << bad;
  }
}

TEST(FormatTimestampTest, RoundTripsWithParse) {
  EXPECT_EQ(FormatTimestamp(k20211018T080243), "2021-10-18T08:02:43.000Z");
  EXPECT_EQ(FormatTimestamp(1761643845297), "2025-10-28T09:30:45.297Z");
  EXPECT_EQ(ParseTimestamp(FormatTimestamp(1731499059314)), 1731499059314);
}

TEST(ParseLooseBoolTest, AcceptsMimecastSpellings) {
  for (std::string_view t : {"true", "True", "TRUE", "yes", "Yes", "1", "Hit"}) {
    EXPECT_EQ(ParseLooseBool(t), true) << t;
  }
  for (std::string_view f : {"false", "FALSE", "No", "0", "No Hit"}) {
    EXPECT_EQ(ParseLooseBool(f), false) << f;
  }
  EXPECT_FALSE(ParseLooseBool("maybe").has_value());
}

TEST(ParseLooseIntTest, NumbersAsStringsAndTruncatedFractions) {
  EXPECT_EQ(ParseLooseInt("31363"), 31363);
  EXPECT_EQ(ParseLooseInt(" -5 "), -5);
  EXPECT_EQ(ParseLooseInt("12.08"), 12);
  EXPECT_EQ(ParseLooseInt("1e3"), 1000);
  EXPECT_FALSE(ParseLooseInt("abc").has_value());
  EXPECT_FALSE(ParseLooseInt("12abc").has_value());
  EXPECT_FALSE(ParseLooseInt("1e300").has_value());
}

TEST(VocabularyTest, ActionsHoldReasonsDirections) {
  EXPECT_EQ(ActionWord("Acc"), "accept");
  EXPECT_EQ(ActionWord("Sdbx"), "sandbox");
  EXPECT_EQ(ActionWord("Hold"), "");
  EXPECT_EQ(HoldReasonWord("Spm"), "spam");
  EXPECT_EQ(HoldReasonWord("RcptLimit"), "recipient_limit");
  EXPECT_EQ(HoldReasonWord("Exp"), "exp");
  EXPECT_EQ(DirectionWord("INBOUND"), "inbound");
  EXPECT_EQ(DirectionWord("Internal"), "internal");
  EXPECT_EQ(DirectionWord("Office365"), "");
}

TEST(VocabularyTest, AuthResults) {
  EXPECT_EQ(AuthWord("SPF_FAIL"), "fail");
  EXPECT_EQ(AuthWord("ALLOW"), "pass");
  EXPECT_EQ(AuthWord("allow"), "pass");
  EXPECT_EQ(AuthWord("DKIM_UNKNOWN"), "unknown");
  EXPECT_EQ(AuthWord("NONE"), "none");
  EXPECT_EQ(AuthWord("SPF_SOFTFAIL"), "softfail");
  EXPECT_EQ(AuthWord("RBL listed"), "");
}

TEST(VocabularyTest, IdentifiersAndExtensions) {
  EXPECT_EQ(kIdentifierWords[IdentifierIndex("targeted_threat_dictionary")], "threat_dictionary");
  EXPECT_EQ(kIdentifierWords[IdentifierIndex("newly_observed_domain")], "new_domain");
  EXPECT_EQ(IdentifierIndex("something_else"), -1);
  EXPECT_EQ(FileExtension("a.tar.GZ"), "GZ");
  EXPECT_EQ(FileExtension("Invoice Attached for payment"), "");
  EXPECT_EQ(FileExtension("trailing."), "");
}

TEST(IsNullTextTest, Placeholders) {
  for (std::string_view s : {"", "  ", "null", "NULL", "N/A", "NA", "-"}) {
    EXPECT_TRUE(IsNullText(s)) << s;
  }
  EXPECT_FALSE(IsNullText("0"));
}

}  // namespace
}  // namespace vigil::ingest

namespace vigil::ingest {
namespace {

// The byte-at-a-time definition BareAddressAt must match.
size_t ReferenceBareAddressAt(std::string_view t) {
  size_t at = std::string_view::npos;
  for (size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    if (c == ' ' || c == '<' || c == '>' || c == ',' || c == '\0') return kNotBareAddress;
    if (c == '@') at = i;
  }
  return at;
}

TEST(BareAddressAtTest, MatchesTheBytewiseDefinitionAtEveryLengthAndPosition) {
  std::mt19937 rng(7);
  constexpr char kBytes[] = {'a', 'Z', '.', '@', '@', ' ', '<', '>', ',', '\0', '\xc3'};
  for (int n = 0; n < 20000; ++n) {
    const size_t len = rng() % 70;
    std::string s(len, 'x');
    // Mostly plain bytes, a few specials: bare addresses with one or more '@' are common.
    for (char& c : s) c = rng() % 6 == 0 ? kBytes[rng() % std::size(kBytes)] : 'a' + rng() % 26;
    ASSERT_EQ(BareAddressAt(s), ReferenceBareAddressAt(s)) << n << " " << s;
  }
  EXPECT_EQ(BareAddressAt("user@example.com"), 4u);
  EXPECT_EQ(BareAddressAt("a.very.long.local.part@sub.example.co.uk"), 22u);
  EXPECT_EQ(BareAddressAt("Name <user@example.com>"), kNotBareAddress);
  EXPECT_EQ(BareAddressAt("no-at-sign-in-this-long-text"), std::string_view::npos);
}

}  // namespace
}  // namespace vigil::ingest

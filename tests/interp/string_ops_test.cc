// string_ops_test.cc: the string operators of the reference interpreter: contains,
// starts_with, ends_with, like, matches, their i-forms and `not` forms, lists on the right
// (any of), case-insensitivity of email/domain operands, and hostile inputs.
#include "tests/interp/interp_fixture.h"

namespace vigil::interp::testing {
namespace {

using StringOpsTest = InterpTest;

TEST_F(StringOpsTest, LiteralOperatorsAreCaseSensitive) {
  const Fill f = Subject("Invoice 42");
  EXPECT_EQ(Truth("subject contains \"voice\"", f), kTrue);
  EXPECT_EQ(Truth("subject contains \"VOICE\"", f), kFalse);
  EXPECT_EQ(Truth("subject starts_with \"Inv\"", f), kTrue);
  EXPECT_EQ(Truth("subject starts_with \"inv\"", f), kFalse);
  EXPECT_EQ(Truth("subject ends_with \"42\"", f), kTrue);
  EXPECT_EQ(Truth("subject ends_with \"Invoice 42!\"", f), kFalse);
  EXPECT_EQ(Truth("subject contains \"\"", f), kTrue);
}

TEST_F(StringOpsTest, IFormsFoldAscii) {
  const Fill f = Subject("Invoice 42");
  EXPECT_EQ(Truth("subject icontains \"VOICE\"", f), kTrue);
  EXPECT_EQ(Truth("subject istarts_with \"iNV\"", f), kTrue);
  EXPECT_EQ(Truth("subject iends_with \"ICE 42\"", f), kTrue);
  EXPECT_EQ(Truth("subject ilike \"inv*42\"", f), kTrue);
  EXPECT_EQ(Truth("subject imatches \"^INVOICE\"", f), kTrue);
  // ASCII folding only: É is not é.
  EXPECT_EQ(Truth("subject icontains \"\xc3\xa9\"", Subject("\xc3\x89")), kFalse);
}

TEST_F(StringOpsTest, LikeMatchesTheWholeValue) {
  const Fill f = Subject("Invoice 42");
  EXPECT_EQ(Truth("subject like \"Inv*\"", f), kTrue);
  EXPECT_EQ(Truth("subject like \"Inv\"", f), kFalse);
  EXPECT_EQ(Truth("subject like \"?nvoice 4?\"", f), kTrue);
  EXPECT_EQ(Truth("subject like \"*voice*\"", f), kTrue);
  EXPECT_EQ(Truth("subject like \"a\\\\*b\"", Subject("a*b")), kTrue);
  EXPECT_EQ(Truth("subject like \"a\\\\*b\"", Subject("axb")), kFalse);
  EXPECT_EQ(Truth("subject like \"?\"", Subject("\xc3\xa9")), kTrue);  // one code point
  EXPECT_EQ(Truth("subject like \"\"", Subject("")), kTrue);
}

TEST_F(StringOpsTest, MatchesSearchesUnanchored) {
  const Fill f = Subject("Invoice 42");
  EXPECT_EQ(Truth("subject matches \"voice\"", f), kTrue);
  EXPECT_EQ(Truth("subject matches \"^voice\"", f), kFalse);
  EXPECT_EQ(Truth("subject matches \"^Inv[a-z]+ [0-9]+$\"", f), kTrue);
  EXPECT_EQ(Truth("subject matches \"INVOICE\"", f), kFalse);
}

TEST_F(StringOpsTest, EmailAndDomainOperandsAreCaseless) {
  const Fill f = [](auto& b) {
    b.SetString(FieldId::kSender, "bob@example.com");
    b.SetString(FieldId::kSenderDomain, "mail.example.com");
  };
  EXPECT_EQ(Truth("sender.domain ends_with \"EXAMPLE.COM\"", f), kTrue);
  EXPECT_EQ(Truth("sender starts_with \"BOB@\"", f), kTrue);
  EXPECT_EQ(Truth("sender contains \"@Example\"", f), kTrue);
  EXPECT_EQ(Truth("sender like \"BOB@*.COM\"", f), kTrue);
  EXPECT_EQ(Truth("sender matches \"^BOB@\"", f), kTrue);
  EXPECT_EQ(Truth("subject contains sender.domain",
                  [](auto& b) {
                    b.SetString(FieldId::kSubject, "from MAIL.EXAMPLE.COM");
                    b.SetString(FieldId::kSenderDomain, "mail.example.com");
                  }),
            kTrue);
}

TEST_F(StringOpsTest, ListOnTheRightMeansAnyOf) {
  const Fill f = Subject("Payment due");
  EXPECT_EQ(Truth("subject icontains [\"invoice\", \"PAYMENT\"]", f), kTrue);
  EXPECT_EQ(Truth("subject contains [\"invoice\", \"PAYMENT\"]", f), kFalse);
  EXPECT_EQ(Truth("subject like [\"x*\", \"*due\"]", f), kTrue);
  EXPECT_EQ(Truth("subject matches [\"^x\", \"d.e$\"]", f), kTrue);
  EXPECT_EQ(Truth("subject starts_with [\"Pay\"]", f), kTrue);
}

TEST_F(StringOpsTest, NegatedFormsAreKleeneNot) {
  EXPECT_EQ(Truth("subject not contains \"x\"", Subject("abc")), kTrue);
  EXPECT_EQ(Truth("subject not contains \"b\"", Subject("abc")), kFalse);
  EXPECT_EQ(Truth("subject not contains \"x\""), kNull);
  EXPECT_EQ(Truth("subject not like \"a*\"", Subject("abc")), kFalse);
  EXPECT_EQ(Truth("subject not imatches [\"B\"]", Subject("abc")), kFalse);
}

TEST_F(StringOpsTest, NullOperandsGiveNull) {
  EXPECT_EQ(Truth("subject contains \"a\""), kNull);
  EXPECT_EQ(Truth("subject like [\"a*\"]"), kNull);
  EXPECT_EQ(Truth("subject contains from.name", Subject("abc")), kNull);
}

TEST_F(StringOpsTest, NonConstantRightSide) {
  const Fill f = [](auto& b) {
    b.SetString(FieldId::kSubject, "Hello Bob Smith");
    b.SetString(FieldId::kFromName, "Bob");
  };
  EXPECT_EQ(Truth("subject contains from.name", f), kTrue);
  EXPECT_EQ(Truth("subject ends_with from.name", f), kFalse);
}

TEST_F(StringOpsTest, HostileStringsDoNotBreakMatching) {
  std::string huge(1 << 20, 'a');
  huge += "needle";
  const Fill f = Subject(huge);
  EXPECT_EQ(Truth("subject contains \"needle\"", f), kTrue);
  EXPECT_EQ(Truth("subject like \"*a*a*a*a*needle\"", f), kTrue);
  EXPECT_EQ(Truth("subject like \"*a?a*b\"", f), kFalse);
  EXPECT_EQ(Truth("subject matches \"(a|aa)+needle$\"", f), kTrue);
  const std::string bad("\xff\xfe\x00\xc3(", 5);
  EXPECT_EQ(Truth("subject matches \"[(]$\"", Subject(bad)), kTrue);
  EXPECT_EQ(Truth("subject matches \"^.\"", Subject(bad)), kFalse);  // RE2: \xff is no char
  EXPECT_EQ(Truth("subject like \"*(\"", Subject(bad)), kTrue);
  EXPECT_EQ(Truth("subject icontains \"\\0\"", Subject(bad)), kTrue);
}

}  // namespace
}  // namespace vigil::interp::testing

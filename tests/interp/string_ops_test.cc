// string_ops_test.cc: the string operators of the reference interpreter: contains,
// starts_with, ends_with, like, matches, their i-forms and `not` forms, lists on the right
// (any of), case-insensitivity of email/domain operands, and hostile inputs.
#include "tests/interp/interp_fixture.h"

namespace vigil::interp::testing {
namespace {

using StringOpsTest = InterpTest;

TEST_F(StringOpsTest, LiteralOperatorsAreCaseSensitive) {
  const Case cases[] = {
      {R"(subject contains "voice")", kTrue},  {R"(subject contains "VOICE")", kFalse},
      {R"(subject starts_with "Inv")", kTrue}, {R"(subject starts_with "inv")", kFalse},
      {R"(subject ends_with "42")", kTrue},    {R"(subject ends_with "Invoice 42!")", kFalse},
      {R"(subject contains "")", kTrue},
  };
  ExpectCases(Subject("Invoice 42"), cases);
}

TEST_F(StringOpsTest, IFormsFoldAscii) {
  const Case cases[] = {
      {R"(subject icontains "VOICE")", kTrue},   {R"(subject istarts_with "iNV")", kTrue},
      {R"(subject iends_with "ICE 42")", kTrue}, {R"(subject ilike "inv*42")", kTrue},
      {R"(subject imatches "^INVOICE")", kTrue},
  };
  ExpectCases(Subject("Invoice 42"), cases);
  // ASCII folding only: É is not é.
  ExpectCases(Subject("\xc3\x89"), {{"subject icontains \"\xc3\xa9\"", kFalse}});
}

TEST_F(StringOpsTest, LikeMatchesTheWholeValue) {
  const Case cases[] = {
      {R"(subject like "Inv*")", kTrue},
      {R"(subject like "Inv")", kFalse},
      {R"(subject like "?nvoice 4?")", kTrue},
      {R"(subject like "*voice*")", kTrue},
  };
  ExpectCases(Subject("Invoice 42"), cases);
  ExpectCases(Subject("a*b"), {{R"(subject like "a\\*b")", kTrue}});
  ExpectCases(Subject("axb"), {{R"(subject like "a\\*b")", kFalse}});
  ExpectCases(Subject("\xc3\xa9"), {{R"(subject like "?")", kTrue}});  // one code point
  ExpectCases(Subject(""), {{R"(subject like "")", kTrue}});
}

TEST_F(StringOpsTest, MatchesSearchesUnanchored) {
  const Case cases[] = {
      {R"(subject matches "voice")", kTrue},
      {R"(subject matches "^voice")", kFalse},
      {R"(subject matches "^Inv[a-z]+ [0-9]+$")", kTrue},
      {R"(subject matches "INVOICE")", kFalse},
  };
  ExpectCases(Subject("Invoice 42"), cases);
}

TEST_F(StringOpsTest, EmailAndDomainOperandsAreCaseless) {
  const Fill f = Both(Str(FieldId::kSender, "bob@example.com"),
                      Str(FieldId::kSenderDomain, "mail.example.com"));
  const Case cases[] = {
      {R"(sender.domain ends_with "EXAMPLE.COM")", kTrue},
      {R"(sender starts_with "BOB@")", kTrue},
      {R"(sender contains "@Example")", kTrue},
      {R"(sender like "BOB@*.COM")", kTrue},
      {R"(sender matches "^BOB@")", kTrue},
  };
  ExpectCases(f, cases);
  const Fill g =
      Both(Subject("from MAIL.EXAMPLE.COM"), Str(FieldId::kSenderDomain, "mail.example.com"));
  ExpectCases(g, {{"subject contains sender.domain", kTrue}});
}

TEST_F(StringOpsTest, ListOnTheRightMeansAnyOf) {
  const Case cases[] = {
      {R"(subject icontains ["invoice", "PAYMENT"])", kTrue},
      {R"(subject contains ["invoice", "PAYMENT"])", kFalse},
      {R"(subject like ["x*", "*due"])", kTrue},
      {R"(subject matches ["^x", "d.e$"])", kTrue},
      {R"(subject starts_with ["Pay"])", kTrue},
  };
  ExpectCases(Subject("Payment due"), cases);
}

TEST_F(StringOpsTest, NegatedFormsAreKleeneNot) {
  const Case cases[] = {
      {R"(subject not contains "x")", kTrue},
      {R"(subject not contains "b")", kFalse},
      {R"(subject not like "a*")", kFalse},
      {R"(subject not imatches ["B"])", kFalse},
  };
  ExpectCases(Subject("abc"), cases);
  ExpectCases(nullptr, {{R"(subject not contains "x")", kNull}});
}

TEST_F(StringOpsTest, NullOperandsGiveNull) {
  const Case cases[] = {
      {R"(subject contains "a")", kNull},
      {R"(subject like ["a*"])", kNull},
  };
  ExpectCases(nullptr, cases);
  ExpectCases(Subject("abc"), {{"subject contains from.name", kNull}});
}

TEST_F(StringOpsTest, NonConstantRightSide) {
  const Fill f = Both(Subject("Hello Bob Smith"), Str(FieldId::kFromName, "Bob"));
  const Case cases[] = {
      {"subject contains from.name", kTrue},
      {"subject ends_with from.name", kFalse},
  };
  ExpectCases(f, cases);
}

TEST_F(StringOpsTest, HostileStringsDoNotBreakMatching) {
  std::string huge(1 << 20, 'a');
  huge += "needle";
  const Case cases[] = {
      {R"(subject contains "needle")", kTrue},
      {R"(subject like "*a*a*a*a*needle")", kTrue},
      {R"(subject like "*a?a*b")", kFalse},
      {R"(subject matches "(a|aa)+needle$")", kTrue},
  };
  ExpectCases(Subject(huge), cases);
  const Case cases2[] = {
      {R"(subject matches "[(]$")", kTrue},
      {R"(subject matches "^.")", kFalse},  // RE2 (UTF-8): \xff is no character
      {R"(subject like "*(")", kTrue},
      {R"(subject icontains "\0")", kTrue},
  };
  ExpectCases(Subject(std::string("\xff\xfe\x00\xc3(", 5)), cases2);
}

}  // namespace
}  // namespace vigil::interp::testing

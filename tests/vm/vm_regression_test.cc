// vm_regression_test.cc: mismatches between the VM and the reference interpreter found by the
// differential test (tests/diff), one test each: the VM (and the interpreter) must give the
// result docs/language.md and interp/interpreter.h define.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "tests/vm/both_engines.h"

namespace vigil::testing {
namespace {

using schema::EventType;
using schema::FieldId;

TEST(VmRegressionTest, HistoryKeysMayBeConstants) {
  const auto r = RunBoth("receipt", "prevalence(\"k\", sender) over 1d == 1",
                         {Both(Ts(kTenAm), Str(FieldId::kSender, "a@x.com")),
                          Both(Ts(kTenAm + 1), Str(FieldId::kSender, "a@x.com"))});
  ExpectBoth(r, V{1});
}

// History is recorded once per event, so the front end refuses it per quantifier element (the
// engines used to disagree on how often such a site was recorded).
TEST(VmRegressionTest, HistoryInsideAQuantifierIsRejected) {
  compiler::LoadOptions opts;
  const auto load = compiler::LoadSource(
      "t.vgl",
      "rule t.r { title \"t\" description \"d\" class expel severity low on process\n"
      "  when any(a in attachments: first_seen(a.name) over 1d) }\n",
      opts);
  ASSERT_EQ(load.errors, 1u);
  bool e0309 = false;
  for (const auto& d : load.diagnostics) e0309 = e0309 || d.code == compiler::DiagCode::kE0309;
  EXPECT_TRUE(e0309);
}

TEST(VmRegressionTest, ComparingConditionsNumbersHistorySitesOnce) {
  const auto r = RunBoth("receipt", "(first_seen(sender) over 1d) != false",
                         {Both(Ts(kTenAm), Str(FieldId::kSender, "a@x.com"))});
  ExpectBoth(r, V{0});
  EXPECT_EQ(r.vm_sites, (std::set<uint32_t>{0}));
  EXPECT_EQ(r.interp_sites, (std::set<uint32_t>{0}));
}

TEST(VmRegressionTest, InlineListEntriesAreFoldedConstants) {
  const std::vector<Fill> rows = {Score(-1), Score(3), Score(4), Score(INT64_MIN)};
  ExpectBoth(RunBoth("receipt", "spam.score in [-1, 3]", rows), V{0, 1});
  ExpectBoth(RunBoth("receipt", "spam.score in [(-9223372036854775807 - 1)]", rows), V{3});
  auto ip = [](const char* text) {
    return [=](BatchBuilder& w) { w.SetIp(FieldId::kSenderIp, *base::ParseIp(text)); };
  };
  ExpectBoth(RunBoth("receipt", "sender_ip in [ip(\"2001:db8::1\"), 10.0.0.0/8]",
                     {ip("2001:db8::1"), ip("2001:db8::2"), ip("10.1.2.3")}),
             V{0, 2});
  ExpectBoth(RunBoth("receipt", "subject contains [lower(\"ABC\")]",
                     {Str(FieldId::kSubject, "xabcx"), Str(FieldId::kSubject, "xyz")}),
             V{0});
}

TEST(VmRegressionTest, IntsInInlineListsWithFloatsCompareAsNumbers) {
  ExpectBoth(RunBoth("receipt", "spam.score in [0.5, 2]", {Score(0), Score(2)}), V{1});
}

TEST(VmRegressionTest, IntListsLoadAndCompareIntsAndFloats) {
  ExpectBoth(RunBoth("receipt", "spam.score in $n", {Score(0), Score(5)}, "list n: int = [2, 5]"),
             V{1});
  ExpectBoth(
      RunBoth("receipt", "(spam.score * 1.0) in $n", {Score(5), Score(3)}, "list n: int = [2, 5]"),
      V{0});
}

TEST(VmRegressionTest, StringOperatorsFoldCaseForEmailAndDomainListsAndUseNormalizedEntries) {
  const std::string decls = "list e: email = [\"Bob@X.com\"]\nlist d: domain = [\"Example.COM.\"]";
  ExpectBoth(
      RunBoth("receipt", "subject starts_with $e",
              {Str(FieldId::kSubject, "BOB@X.COM hi"), Str(FieldId::kSubject, "bob@y.com")}, decls),
      V{0});
  ExpectBoth(
      RunBoth("receipt", "subject ends_with $d",
              {Str(FieldId::kSubject, "mail.example.com"), Str(FieldId::kSubject, "example.com.")},
              decls),
      V{0});
}

TEST(VmRegressionTest, FunctionsOfTheTenantTimeZoneOrEventTimeAreNotFolded) {
  columnar::TenantContext tokyo;
  tokyo.time_zone = "Asia/Tokyo";
  ExpectBoth(RunBoth("receipt", "hour_of_day(2024-05-01T22:30:00Z) == 7", {Ts(kTenAm)}, "", tokyo),
             V{0});
  ExpectBoth(
      RunBoth("receipt", "time_since(2024-05-01T09:00:00Z) == 1h", {Ts(kTenAm), Ts(kTenAm + 1)}),
      V{0});
}

TEST(VmRegressionTest, FloatResultsFollowIeeeAndIntRemainderByMinusOneIsZero) {
  ExpectBoth(RunBoth("receipt", "(spam.score * 1.0e300) * 1.0e300 > 1.0", {Score(1), Score(0)}),
             V{0});
  ExpectBoth(RunBoth("receipt", "(1.0e300 * 1.0e300) > 8 and spam.score == 1", {Score(1)}), V{0});
  ExpectBoth(
      RunBoth("receipt", "not ((1.0e300 * 1.0e300 * 0.0) <= 1.0) and spam.score == 1", {Score(1)}),
      V{0});
  ExpectBoth(RunBoth("receipt", "spam.score % (-1) == 0", {Score(INT64_MIN), Score(7)}), V{0, 1});
  ExpectBoth(RunBoth("receipt", "((-9223372036854775807 - 1) % (-1)) == spam.score", {Score(0)}),
             V{0});
}

TEST(VmRegressionTest, AnInlineListArgumentWithABadEntryIsNull) {
  ExpectBoth(
      RunBoth("receipt", "lookalike(sender.domain, [\"not a domain\", \"acme.com\"]) is null",
              {Str(FieldId::kSenderDomain, "acrne.com")}),
      V{0});
}

TEST(VmRegressionTest, CallResultsOutliveTheListsBuiltForTheirRow) {
  auto row = [](const char* subject, const char* brand) {
    return [=](BatchBuilder& w) {
      w.SetString(FieldId::kSubject, subject);
      w.AppendArrayString(FieldId::kIdentifiers, brand);
    };
  };
  ExpectBoth(RunBoth("process", "lookalike(subject, identifiers) == \"paypal.com\"",
                     {row("paypa1.com", "paypal.com"), row("rnicrosoft.com", "microsoft.com"),
                      row("paypal.co", "paypal.com")}),
             V{0, 2});
}

TEST(VmRegressionTest, ANullPatternGivesNull) {
  ExpectBoth(RunBoth("receipt", "(subject starts_with email_address(\"ACME\")) is null",
                     {Str(FieldId::kSubject, "x")}),
             V{0});
  ExpectBoth(RunBoth("receipt", "(subject contains null) is null", {Str(FieldId::kSubject, "x")}),
             V{0});
}

TEST(VmRegressionTest, SkippedInstructionsLeaveNoStaleArraysForLaterBatches) {
  // split() is evaluated under the selection `spam.score > 5`; in the second batch nothing is
  // selected, and the quantifier's domain must not read the first batch's arrays.
  auto c =
      CompileCondition("receipt", "spam.score > 5 and any(x in split(subject, \",\"): x == \"a\")");
  ASSERT_NE(c, nullptr);
  auto batch = [](size_t n, int64_t score) {
    auto b = std::make_unique<columnar::Batch>(EventType::kReceipt, n);
    BatchBuilder w(b.get());
    for (size_t i = 0; i < n; ++i) {
      w.BeginRow({});
      w.SetInt(FieldId::kSpamScore, score);
      w.SetString(FieldId::kSubject, i % 2 ? "a,b" : "b,c");
    }
    return b;
  };
  EXPECT_EQ(Matches(*c, *batch(3, 9)), (V{1}));
  EXPECT_EQ(Matches(*c, *batch(2000, 1)), V{});
  EXPECT_EQ(Matches(*c, *batch(4, 9)), (V{1, 3}));
}

}  // namespace
}  // namespace vigil::testing

// operators_test.cc: arithmetic (int/float mixing, overflow and division by zero as null,
// timestamps and durations), comparisons and the case rules of the reference interpreter.
#include <limits>

#include "tests/interp/interp_fixture.h"

namespace vigil::interp::testing {
namespace {

constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
constexpr int64_t kMin = std::numeric_limits<int64_t>::min();

Fill ScoreLimit(int64_t s, int64_t l) { return Both(Score(s), Int(FieldId::kSpamLimit, l)); }
Fill Sender(std::string s) { return Str(FieldId::kSender, std::move(s)); }

using ArithmeticTest = InterpTest;

TEST_F(ArithmeticTest, IntegerOperators) {
  const Case cases[] = {
      {"spam.score + 1 == 6", kTrue},      {"spam.score - 7 == -2", kTrue},
      {"spam.score * 3 == 15", kTrue},     {"-spam.score == -5", kTrue},
      {"spam.score + 2 * 3 == 11", kTrue},
  };
  ExpectCases(Score(5), cases);
}

TEST_F(ArithmeticTest, DivisionTruncatesTowardZeroAndModTakesDividendSign) {
  const Case cases[] = {
      {"spam.score / 2 == -2", kTrue},
      {"spam.score % 3 == -2", kTrue},
  };
  ExpectCases(Score(-5), cases);
  ExpectCases(Score(5), {{"spam.score % -3 == 2", kTrue}});
}

TEST_F(ArithmeticTest, OverflowIsNull) {
  ExpectCases(Score(kMax), {{"spam.score + 1 > 0", kNull}});
  ExpectCases(Score(kMin), {{"spam.score - 1 < 0", kNull}});
  ExpectCases(Score(kMax / 2 + 1), {{"spam.score * 2 > 0", kNull}});
  ExpectCases(Score(kMin), {{"-spam.score > 0", kNull}});
  const Case cases[] = {
      {"spam.score / spam.limit > 0", kNull},
      {"spam.score % spam.limit == 0", kTrue},
  };
  ExpectCases(ScoreLimit(kMin, -1), cases);
  ExpectCases(Score(-1), {{"spam.score * 2 == -2", kTrue}});
}

TEST_F(ArithmeticTest, DivisionByZeroIsNull) {
  const Case cases[] = {
      {"spam.score / spam.limit == 0", kNull},
      {"spam.score % spam.limit == 0", kNull},
  };
  ExpectCases(ScoreLimit(5, 0), cases);
  const Case cases2[] = {
      {"spam.score / 0.0 > 0", kNull},
      {"1.5 % (spam.score * 0.0) > 0", kNull},
  };
  ExpectCases(Score(5), cases2);
  ExpectCases(ScoreLimit(5, 0), {{"not (spam.score / spam.limit == 0)", kNull}});
}

TEST_F(ArithmeticTest, IntAndFloatMix) {
  const Case cases[] = {
      {"spam.score * 1.5 == 7.5", kTrue}, {"spam.score / 2.0 == 2.5", kTrue},
      {"spam.score == 5.0", kTrue},       {"spam.score < 5.5", kTrue},
      {"spam.score % 2.5 == 0.0", kTrue}, {"-(spam.score * 0.5) == -2.5", kTrue},
  };
  ExpectCases(Score(5), cases);
  ExpectCases(ScoreLimit(5, 5), {{"spam.score + 0.25 > spam.limit", kTrue}});
}

TEST_F(ArithmeticTest, NullOperandGivesNull) {
  const Case cases[] = {
      {"spam.score + 1 == 1", kNull},
      {"-spam.score == 0", kNull},
      {"spam.score * 1.5 > 0.0", kNull},
  };
  ExpectCases(nullptr, cases);
}

TEST_F(ArithmeticTest, TimestampsAndDurations) {
  constexpr int64_t kMay1 = 1714521600000;  // 2024-05-01T00:00:00Z
  const Fill at = [](auto& b) { b.SetTimestamp(FieldId::kTs, kMay1 + 3600000); };
  const Case cases[] = {
      {"ts - 2024-05-01T00:00:00Z == 1h", kTrue}, {"ts - 30m < 2024-05-01T01:00:00Z", kTrue},
      {"ts + 1h == 2024-05-01T02:00:00Z", kTrue}, {"1h + ts == 2024-05-01T02:00:00Z", kTrue},
      {"ts > 2024-05-01T00:59:59Z", kTrue},
  };
  ExpectCases(at, cases);
  ExpectCases([](auto& b) { b.SetTimestamp(FieldId::kTs, kMax); }, {{"ts + 1ms > ts", kNull}});
}

TEST_F(ArithmeticTest, DurationArithmetic) {
  const Fill f = [](auto& b) {
    b.SetDuration(FieldId::kLatency, 5000);
    b.SetInt(FieldId::kAttempts, 0);
  };
  const Case cases[] = {
      {"latency * 2 == 10s", kTrue},      {"latency / 2 == 2500ms", kTrue},
      {"latency + 1m == 65s", kTrue},     {"-latency < 0s", kTrue},
      {"latency / attempts > 0s", kNull},
  };
  ExpectCases(f, cases, "delivery");
}

using CompareTest = InterpTest;

TEST_F(CompareTest, StringsCompareBytewise) {
  const Case cases[] = {
      {"subject == \"Hello\"", kFalse},
      {"subject == \"hello\"", kTrue},
  };
  ExpectCases(Subject("hello"), cases);
  const Case cases2[] = {
      {"subject < \"b\"", kTrue},
      {"subject < \"B\"", kFalse},
  };
  ExpectCases(Subject("a"), cases2);
  EXPECT_EQ(Truth("subject > \"z\"", Subject("\xc3\xa9")), kTrue);  // unsigned bytes
  ExpectCases(Subject("ab"), {{"subject >= \"ab\"", kTrue}});
  ExpectCases(Subject("a"), {{"subject < \"ab\"", kTrue}});
}

TEST_F(CompareTest, EmailAndDomainCompareIgnoringCase) {
  ExpectCases(Sender("bob@example.com"), {{"sender == \"Bob@Example.COM\"", kTrue}});
  ExpectCases(Sender("Bob@Example.com"), {{"sender != \"BOB@example.com\"", kFalse}});
  ExpectCases(Sender("b@x"), {{"sender < \"C@x\"", kTrue}});
  EXPECT_EQ(Truth("sender.domain == \"EXAMPLE.com\"",
                  [](auto& b) { b.SetString(FieldId::kSenderDomain, "example.com"); }),
            kTrue);
}

TEST_F(CompareTest, StringAgainstEmailIgnoresCase) {
  const Fill f = [](auto& b) {
    b.SetString(FieldId::kFromName, "BOB@EXAMPLE.COM");
    b.SetString(FieldId::kSender, "bob@example.com");
  };
  const Case cases[] = {
      {"from.name == sender", kTrue},
      {"from.name == \"bob@example.com\"", kFalse},
  };
  ExpectCases(f, cases);
}

TEST_F(CompareTest, BoolsAndIps) {
  ExpectCases([](auto& b) { b.SetBool(FieldId::kTlsUsed, true); }, {{"tls.used == true", kTrue}});
  EXPECT_EQ(Truth("tls.used != spam.grey",
                  [](auto& b) {
                    b.SetBool(FieldId::kTlsUsed, true);
                    b.SetBool(FieldId::kSpamGrey, false);
                  }),
            kTrue);
  const Fill ip = [](auto& b) { b.SetIp(FieldId::kSenderIp, *base::ParseIp("10.1.2.3")); };
  const Case cases[] = {
      {"sender_ip == 10.1.2.3", kTrue},
      {"sender_ip != 10.1.2.4", kTrue},
      {"sender_ip == ip(\"::ffff:10.1.2.3\")", kTrue},
      {"sender_ip == ip(\"2001:db8::1\")", kFalse},
  };
  ExpectCases(ip, cases);
}

TEST_F(CompareTest, FloatNanIsUnorderedAndUnequal) {
  // 0.0 / 0.0 is division by zero (null); NaN comes from inf - inf.
  EXPECT_EQ(Truth("spam.score * 1.0e308 * 10.0 > 1.0", Score(1)), kTrue);  // inf
  const std::string nan = "(spam.score * 1.0e308 * 10.0 - spam.score * 1.0e308 * 10.0)";
  const Case cases[] = {
      {nan + " == " + nan, kFalse},
      {nan + " != " + nan, kTrue},
  };
  ExpectCases(Score(1), cases);
  EXPECT_EQ(Truth(nan + " < 1.0", Score(1)), kFalse);
  EXPECT_EQ(Truth(nan + " >= 1.0", Score(1)), kFalse);
}

}  // namespace
}  // namespace vigil::interp::testing

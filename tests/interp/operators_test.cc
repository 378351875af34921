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
  EXPECT_EQ(Truth("spam.score + 1 == 6", Score(5)), kTrue);
  EXPECT_EQ(Truth("spam.score - 7 == -2", Score(5)), kTrue);
  EXPECT_EQ(Truth("spam.score * 3 == 15", Score(5)), kTrue);
  EXPECT_EQ(Truth("-spam.score == -5", Score(5)), kTrue);
  EXPECT_EQ(Truth("spam.score + 2 * 3 == 11", Score(5)), kTrue);
}

TEST_F(ArithmeticTest, DivisionTruncatesTowardZeroAndModTakesDividendSign) {
  EXPECT_EQ(Truth("spam.score / 2 == -2", Score(-5)), kTrue);
  EXPECT_EQ(Truth("spam.score % 3 == -2", Score(-5)), kTrue);
  EXPECT_EQ(Truth("spam.score % -3 == 2", Score(5)), kTrue);
}

TEST_F(ArithmeticTest, OverflowIsNull) {
  EXPECT_EQ(Truth("spam.score + 1 > 0", Score(kMax)), kNull);
  EXPECT_EQ(Truth("spam.score - 1 < 0", Score(kMin)), kNull);
  EXPECT_EQ(Truth("spam.score * 2 > 0", Score(kMax / 2 + 1)), kNull);
  EXPECT_EQ(Truth("-spam.score > 0", Score(kMin)), kNull);
  EXPECT_EQ(Truth("spam.score / spam.limit > 0", ScoreLimit(kMin, -1)), kNull);
  EXPECT_EQ(Truth("spam.score % spam.limit == 0", ScoreLimit(kMin, -1)), kTrue);
  EXPECT_EQ(Truth("spam.score * 2 == -2", Score(-1)), kTrue);
}

TEST_F(ArithmeticTest, DivisionByZeroIsNull) {
  EXPECT_EQ(Truth("spam.score / spam.limit == 0", ScoreLimit(5, 0)), kNull);
  EXPECT_EQ(Truth("spam.score % spam.limit == 0", ScoreLimit(5, 0)), kNull);
  EXPECT_EQ(Truth("spam.score / 0.0 > 0", Score(5)), kNull);
  EXPECT_EQ(Truth("1.5 % (spam.score * 0.0) > 0", Score(5)), kNull);
  EXPECT_EQ(Truth("not (spam.score / spam.limit == 0)", ScoreLimit(5, 0)), kNull);
}

TEST_F(ArithmeticTest, IntAndFloatMix) {
  EXPECT_EQ(Truth("spam.score * 1.5 == 7.5", Score(5)), kTrue);
  EXPECT_EQ(Truth("spam.score / 2.0 == 2.5", Score(5)), kTrue);
  EXPECT_EQ(Truth("spam.score == 5.0", Score(5)), kTrue);
  EXPECT_EQ(Truth("spam.score < 5.5", Score(5)), kTrue);
  EXPECT_EQ(Truth("spam.score % 2.5 == 0.0", Score(5)), kTrue);
  EXPECT_EQ(Truth("-(spam.score * 0.5) == -2.5", Score(5)), kTrue);
  EXPECT_EQ(Truth("spam.score + 0.25 > spam.limit", ScoreLimit(5, 5)), kTrue);
}

TEST_F(ArithmeticTest, NullOperandGivesNull) {
  EXPECT_EQ(Truth("spam.score + 1 == 1"), kNull);
  EXPECT_EQ(Truth("-spam.score == 0"), kNull);
  EXPECT_EQ(Truth("spam.score * 1.5 > 0.0"), kNull);
}

TEST_F(ArithmeticTest, TimestampsAndDurations) {
  constexpr int64_t kMay1 = 1714521600000;  // 2024-05-01T00:00:00Z
  const Fill at = [](auto& b) { b.SetTimestamp(FieldId::kTs, kMay1 + 3600000); };
  EXPECT_EQ(Truth("ts - 2024-05-01T00:00:00Z == 1h", at), kTrue);
  EXPECT_EQ(Truth("ts - 30m < 2024-05-01T01:00:00Z", at), kTrue);
  EXPECT_EQ(Truth("ts + 1h == 2024-05-01T02:00:00Z", at), kTrue);
  EXPECT_EQ(Truth("1h + ts == 2024-05-01T02:00:00Z", at), kTrue);
  EXPECT_EQ(Truth("ts > 2024-05-01T00:59:59Z", at), kTrue);
  EXPECT_EQ(Truth("ts + 1ms > ts", [](auto& b) { b.SetTimestamp(FieldId::kTs, kMax); }), kNull);
}

TEST_F(ArithmeticTest, DurationArithmetic) {
  const Fill f = [](auto& b) {
    b.SetDuration(FieldId::kLatency, 5000);
    b.SetInt(FieldId::kAttempts, 0);
  };
  EXPECT_EQ(Truth("latency * 2 == 10s", f, "delivery"), kTrue);
  EXPECT_EQ(Truth("latency / 2 == 2500ms", f, "delivery"), kTrue);
  EXPECT_EQ(Truth("latency + 1m == 65s", f, "delivery"), kTrue);
  EXPECT_EQ(Truth("-latency < 0s", f, "delivery"), kTrue);
  EXPECT_EQ(Truth("latency / attempts > 0s", f, "delivery"), kNull);
}

using CompareTest = InterpTest;

TEST_F(CompareTest, StringsCompareBytewise) {
  EXPECT_EQ(Truth("subject == \"Hello\"", Subject("hello")), kFalse);
  EXPECT_EQ(Truth("subject == \"hello\"", Subject("hello")), kTrue);
  EXPECT_EQ(Truth("subject < \"b\"", Subject("a")), kTrue);
  EXPECT_EQ(Truth("subject < \"B\"", Subject("a")), kFalse);
  EXPECT_EQ(Truth("subject > \"z\"", Subject("\xc3\xa9")), kTrue);  // unsigned bytes
  EXPECT_EQ(Truth("subject >= \"ab\"", Subject("ab")), kTrue);
  EXPECT_EQ(Truth("subject < \"ab\"", Subject("a")), kTrue);
}

TEST_F(CompareTest, EmailAndDomainCompareIgnoringCase) {
  EXPECT_EQ(Truth("sender == \"Bob@Example.COM\"", Sender("bob@example.com")), kTrue);
  EXPECT_EQ(Truth("sender != \"BOB@example.com\"", Sender("Bob@Example.com")), kFalse);
  EXPECT_EQ(Truth("sender < \"C@x\"", Sender("b@x")), kTrue);
  EXPECT_EQ(Truth("sender.domain == \"EXAMPLE.com\"",
                  [](auto& b) { b.SetString(FieldId::kSenderDomain, "example.com"); }),
            kTrue);
}

TEST_F(CompareTest, StringAgainstEmailIgnoresCase) {
  const Fill f = [](auto& b) {
    b.SetString(FieldId::kFromName, "BOB@EXAMPLE.COM");
    b.SetString(FieldId::kSender, "bob@example.com");
  };
  EXPECT_EQ(Truth("from.name == sender", f), kTrue);
  EXPECT_EQ(Truth("from.name == \"bob@example.com\"", f), kFalse);
}

TEST_F(CompareTest, BoolsAndIps) {
  EXPECT_EQ(Truth("tls.used == true", [](auto& b) { b.SetBool(FieldId::kTlsUsed, true); }), kTrue);
  EXPECT_EQ(Truth("tls.used != spam.grey",
                  [](auto& b) {
                    b.SetBool(FieldId::kTlsUsed, true);
                    b.SetBool(FieldId::kSpamGrey, false);
                  }),
            kTrue);
  const Fill ip = [](auto& b) { b.SetIp(FieldId::kSenderIp, *base::ParseIp("10.1.2.3")); };
  EXPECT_EQ(Truth("sender_ip == 10.1.2.3", ip), kTrue);
  EXPECT_EQ(Truth("sender_ip != 10.1.2.4", ip), kTrue);
  EXPECT_EQ(Truth("sender_ip == ip(\"::ffff:10.1.2.3\")", ip), kTrue);
  EXPECT_EQ(Truth("sender_ip == ip(\"2001:db8::1\")", ip), kFalse);
}

TEST_F(CompareTest, FloatNanIsUnorderedAndUnequal) {
  // 0.0 / 0.0 is division by zero (null); NaN comes from inf - inf.
  EXPECT_EQ(Truth("spam.score * 1.0e308 * 10.0 > 1.0", Score(1)), kTrue);  // inf
  const std::string nan = "(spam.score * 1.0e308 * 10.0 - spam.score * 1.0e308 * 10.0)";
  EXPECT_EQ(Truth(nan + " == " + nan, Score(1)), kFalse);
  EXPECT_EQ(Truth(nan + " != " + nan, Score(1)), kTrue);
  EXPECT_EQ(Truth(nan + " < 1.0", Score(1)), kFalse);
  EXPECT_EQ(Truth(nan + " >= 1.0", Score(1)), kFalse);
}

}  // namespace
}  // namespace vigil::interp::testing

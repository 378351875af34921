// time_test.cc: calendar arithmetic (against known dates and a round trip over random
// instants), time zones with daylight saving, timestamp parsing, arithmetic and overflow.
#include <gtest/gtest.h>

#include <random>

#include "stdlib/time/civil.h"
#include "stdlib/time/zone.h"
#include "tests/stdlib/example_eval.h"

namespace vigil::stdlib {
namespace {

class TimeTest : public ::testing::Test {
 protected:
  std::string Run(std::string_view call) { return ev_.Run(call); }
  testing::ExampleEvaluator ev_;
};

TEST_F(TimeTest, CivilTimeOfExtremeInstantsIsInRange) {
  for (int64_t ms : {INT64_MIN, INT64_MIN + 1, int64_t{-1}, int64_t{0}, INT64_MAX}) {
    const CivilTime t = CivilFromMs(ms);
    EXPECT_TRUE(t.hour >= 0 && t.hour < 24) << ms;
    EXPECT_TRUE(t.minute >= 0 && t.minute < 60) << ms;
    EXPECT_TRUE(t.millis >= 0 && t.millis < 1000) << ms;
    EXPECT_TRUE(t.weekday >= 1 && t.weekday <= 7) << ms;
  }
  EXPECT_EQ(CivilFromMs(-1).hour, 23);
  EXPECT_EQ(CivilFromMs(-1).millis, 999);
}

TEST_F(TimeTest, CivilDatesRoundTrip) {
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(DaysFromCivil(2000, 3, 1), 11017);
  EXPECT_EQ(DaysFromCivil(1969, 12, 31), -1);
  const CivilTime t = CivilFromMs(-1);
  EXPECT_EQ(t.year, 1969);
  EXPECT_EQ(t.second, 59);
  EXPECT_EQ(t.millis, 999);
  EXPECT_EQ(t.weekday, 3);  // Wednesday
  std::mt19937_64 rng(9);
  for (int i = 0; i < 100000; ++i) {
    const int64_t ms = static_cast<int64_t>(rng() % 8000000000000000ULL) - 4000000000000000LL;
    const CivilTime c = CivilFromMs(ms);
    ASSERT_TRUE(IsValidDate(c.year, c.month, c.day));
    const int64_t back = DaysFromCivil(c.year, c.month, c.day) * kMsPerDay + c.hour * kMsPerHour +
                         c.minute * kMsPerMinute + c.second * kMsPerSecond + c.millis;
    ASSERT_EQ(back, ms);
  }
}

TEST_F(TimeTest, ParseAndFormat) {
  int64_t ms = 0;
  EXPECT_TRUE(ParseTimestamp("2024-02-29T23:59:59.999Z", &ms));
  EXPECT_EQ(FormatTimestamp(ms), "2024-02-29T23:59:59.999Z");
  EXPECT_FALSE(ParseTimestamp("2023-02-29", &ms));
  EXPECT_FALSE(ParseTimestamp("2024-01-01T25:00:00Z", &ms));
  EXPECT_FALSE(ParseTimestamp("2024-01-01T10:00:00Zjunk", &ms));
  EXPECT_FALSE(ParseTimestamp("", &ms));
  EXPECT_TRUE(ParseTimestamp("2024-01-01t10:00:00.5-05:30", &ms));
  EXPECT_EQ(FormatTimestamp(ms), "2024-01-01T15:30:00.500Z");
  EXPECT_EQ(Run(R"(parse_timestamp("2024-05-01"))"), "2024-05-01T00:00:00Z");
  EXPECT_EQ(Run(R"(parse_timestamp("yesterday"))"), "null");
  EXPECT_EQ(Run(R"(parse_timestamp("2024-05-01T10:00:00.123456789+00:00"))"),
            "2024-05-01T10:00:00.123Z");
}

TEST_F(TimeTest, ZonesFollowDaylightSaving) {
  // New York: EST (-5) in January, EDT (-4) in July.
  EXPECT_EQ(Run(R"(hour_of_day(2024-01-15T12:00:00Z, "America/New_York"))"), "7");
  EXPECT_EQ(Run(R"(hour_of_day(2024-07-15T12:00:00Z, "America/New_York"))"), "8");
  // The instant of the 2024 US spring-forward change (07:00Z = 03:00 EDT).
  EXPECT_EQ(Run(R"(hour_of_day(2024-03-10T06:59:59Z, "America/New_York"))"), "1");
  EXPECT_EQ(Run(R"(hour_of_day(2024-03-10T07:00:00Z, "America/New_York"))"), "3");
  EXPECT_EQ(Run(R"(format_timestamp(2024-01-15T12:00:00Z, "UTC"))"), R"("2024-01-15T12:00:00Z")");
  EXPECT_EQ(Run(R"(format_timestamp(2024-07-01T00:00:00Z, "America/St_Johns"))"),
            R"("2024-06-30T21:30:00-02:30")");
  EXPECT_EQ(Run(R"(start_of_day(2024-03-10T12:00:00Z, "America/New_York"))"),
            "2024-03-10T05:00:00Z");
}

TEST_F(TimeTest, UnknownZonesAreCompileErrorsWithAHint) {
  const std::string r = Run(R"(hour_of_day(2024-01-15T12:00:00Z, "Europe/Londn"))");
  EXPECT_NE(r.find("unknown time zone \"Europe/Londn\""), std::string::npos) << r;
  EXPECT_NE(r.find("did you mean \"Europe/London\""), std::string::npos) << r;
  EXPECT_EQ(FindZone("Not/AZone"), nullptr);
  EXPECT_NE(FindZone("UTC"), nullptr);
}

TEST_F(TimeTest, TenantZoneFromTheContext) {
  ev_.ctx().time_zone = "Asia/Tokyo";
  EXPECT_EQ(Run(R"(hour_of_day(2024-01-15T20:00:00Z))"), "5");
  EXPECT_EQ(Run(R"(weekday(2024-01-14T20:00:00Z))"), "1");  // Monday in Tokyo
  ev_.ctx().time_zone = "Bogus/Zone";
  EXPECT_EQ(Run(R"(hour_of_day(2024-01-15T20:00:00Z))"), "null");
}

TEST_F(TimeTest, DatePartsAndArithmetic) {
  EXPECT_EQ(Run(R"(date_part(2024-12-31T23:59:59.250Z, "millisecond"))"), "250");
  EXPECT_EQ(Run(R"(date_part(2024-12-31T00:00:00Z, "day_of_year"))"), "366");
  EXPECT_EQ(Run(R"(date_part(1969-07-20T20:17:00Z, "year"))"), "1969");
  EXPECT_EQ(Run(R"(date_part(2024-01-01T00:00:00Z, "fortnight"))").substr(0, 24),
            "error: unknown date part");
  EXPECT_EQ(Run(R"(time_diff(2024-05-01T08:30:00Z, 2024-05-01T10:00:00Z))"), "-1h30m");
  EXPECT_EQ(Run(R"(time_trunc(1969-12-31T23:59:00Z, 1h))"), "1969-12-31T23:00:00Z");
  EXPECT_EQ(Run(R"(time_trunc(2024-05-01T10:00:00Z, 0s))"), "null");
  EXPECT_EQ(Run(R"(to_seconds(500ms))"), "0.5");
  EXPECT_EQ(Run(R"(seconds(-90))"), "-1m30s");
  const int64_t max = std::numeric_limits<int64_t>::max();
  EXPECT_FALSE(ev_.MustCall("time_add", {Datum::Timestamp(max), Datum::Duration(1)}).valid);
  EXPECT_FALSE(ev_.MustCall("seconds", {Datum::Int(max / 10)}).valid);
  ev_.ctx().now_ms = 86400000;
  EXPECT_EQ(Run(R"(time_since(1970-01-01T00:00:00Z))"), "1d");
}

}  // namespace
}  // namespace vigil::stdlib

// time_fns.cc: the time family: local hour/weekday/date parts in the tenant's time zone
// (EvalContext::time_zone) or an explicit IANA zone, timestamp parsing and formatting,
// timestamp arithmetic and duration conversions. Timestamps and durations are milliseconds.
#include <memory>
#include <string>

#include "stdlib/families.h"
#include "stdlib/fn_util.h"
#include "stdlib/time/zone.h"

namespace vigil::stdlib {
namespace {

using Args = std::span<const Datum>;

enum class Part : uint8_t {
  kYear,
  kMonth,
  kDay,
  kHour,
  kMinute,
  kSecond,
  kMillisecond,
  kWeekday,
  kDayOfYear
};
constexpr std::string_view kPartNames[] = {
    "year", "month", "day", "hour", "minute", "second", "millisecond", "weekday", "day_of_year"};

int64_t PartOf(const CivilTime& t, Part p) {
  switch (p) {
    case Part::kYear:
      return t.year;
    case Part::kMonth:
      return t.month;
    case Part::kDay:
      return t.day;
    case Part::kHour:
      return t.hour;
    case Part::kMinute:
      return t.minute;
    case Part::kSecond:
      return t.second;
    case Part::kMillisecond:
      return t.millis;
    case Part::kWeekday:
      return t.weekday;
    case Part::kDayOfYear:
      return t.day_of_year;
  }
  return 0;
}

// Call-site state: the part (date_part) and the explicit zone name ("" = the context's).
struct TimeState : FnState {
  Part part = Part::kHour;
  std::string zone;
};

// prepare for (ts, [part], [zone]) signatures: `part_arg`/`zone_arg` are parameter indexes or -1.
template <Part kPart, int kPartArg, int kZoneArg>
std::unique_ptr<FnState> PrepareTime(Args c, std::string* error) {
  auto st = std::make_unique<TimeState>();
  st->part = kPart;
  if constexpr (kPartArg >= 0) {
    bool ok = false;
    for (size_t i = 0; c[kPartArg].valid && i < std::size(kPartNames); ++i) {
      if (kPartNames[i] == c[kPartArg].s) {
        st->part = static_cast<Part>(i);
        ok = true;
      }
    }
    if (!ok) {
      *error =
          "unknown date part; expected one of: year, month, day, hour, minute, second, "
          "millisecond, weekday, day_of_year";
      return nullptr;
    }
  }
  if constexpr (kZoneArg >= 0) {
    if (!c[kZoneArg].valid) {
      *error = "the time zone must be a constant string";
      return nullptr;
    }
    if (!CheckZoneName(c[kZoneArg].s, error)) return nullptr;
    st->zone = std::string(c[kZoneArg].s);
  }
  return st;
}

const Zone* ZoneFor(const FnState* st, const EvalContext& ctx) {
  const TimeState& ts = StateAs<TimeState>(st);
  return FindZone(ts.zone.empty() ? ctx.time_zone : std::string_view(ts.zone));
}

void DatePart(Args a, const FnState* st, EvalContext& ctx, Datum* out) {
  const Zone* zone = ZoneFor(st, ctx);
  if (zone == nullptr) {
    SetNull(out, ScalarType::kInt);
    return;
  }
  SetInt(out, PartOf(LocalTime(a[0].i, *zone), StateAs<TimeState>(st).part));
}

void StartOfDay(Args a, const FnState* st, EvalContext& ctx, Datum* out) {
  const Zone* zone = ZoneFor(st, ctx);
  if (zone == nullptr) {
    SetNull(out, ScalarType::kTimestamp);
    return;
  }
  const int64_t local = a[0].i + zone->OffsetAt(a[0].i);
  const int64_t midnight_local = FloorDiv(local, kMsPerDay) * kMsPerDay;
  int64_t guess = midnight_local - zone->OffsetAt(a[0].i);
  guess = midnight_local - zone->OffsetAt(guess);  // the offset in force at midnight itself
  *out = Datum::Timestamp(guess);
}

void Format(Args a, const FnState* st, EvalContext& ctx, Datum* out) {
  const Zone* zone = ZoneFor(st, ctx);
  if (zone == nullptr) {
    SetNull(out, ScalarType::kString);
    return;
  }
  SetString(out, ArenaCopy(ctx, FormatLocal(a[0].i, *zone)));
}

void Parse(Args a, const FnState*, EvalContext&, Datum* out) {
  int64_t ms = 0;
  *out = ParseTimestamp(a[0].s, &ms) ? Datum::Timestamp(ms) : Datum::Null(ScalarType::kTimestamp);
}

void Add(Args a, const FnState*, EvalContext&, Datum* out) {
  int64_t r = 0;
  *out = __builtin_add_overflow(a[0].i, a[1].i, &r) ? Datum::Null(ScalarType::kTimestamp)
                                                    : Datum::Timestamp(r);
}
void Sub(Args a, const FnState*, EvalContext&, Datum* out) {
  int64_t r = 0;
  *out = __builtin_sub_overflow(a[0].i, a[1].i, &r) ? Datum::Null(ScalarType::kTimestamp)
                                                    : Datum::Timestamp(r);
}
void Diff(Args a, const FnState*, EvalContext&, Datum* out) {
  int64_t r = 0;
  *out = __builtin_sub_overflow(a[0].i, a[1].i, &r) ? Datum::Null(ScalarType::kDuration)
                                                    : Datum::Duration(r);
}
void Since(Args a, const FnState*, EvalContext& ctx, Datum* out) {
  int64_t r = 0;
  *out = __builtin_sub_overflow(ctx.now_ms, a[0].i, &r) ? Datum::Null(ScalarType::kDuration)
                                                        : Datum::Duration(r);
}
void Trunc(Args a, const FnState*, EvalContext&, Datum* out) {
  *out = a[1].i <= 0 ? Datum::Null(ScalarType::kTimestamp)
                     : Datum::Timestamp(FloorDiv(a[0].i, a[1].i) * a[1].i);
}

template <int64_t kUnitMs>
void ToUnits(Args a, const FnState*, EvalContext&, Datum* out) {
  SetFloat(out, static_cast<double>(a[0].i) / static_cast<double>(kUnitMs));
}
void Seconds(Args a, const FnState*, EvalContext&, Datum* out) {
  int64_t r = 0;
  *out = __builtin_mul_overflow(a[0].i, kMsPerSecond, &r) ? Datum::Null(ScalarType::kDuration)
                                                          : Datum::Duration(r);
}

}  // namespace

void RegisterTimeArithmetic(Registry& r, std::string_view f);

void RegisterTime(Registry& r) {
  const std::string_view f = "time";
  constexpr auto kHour = PrepareTime<Part::kHour, -1, -1>;
  constexpr auto kHourZ = PrepareTime<Part::kHour, -1, 1>;
  constexpr auto kWeekday = PrepareTime<Part::kWeekday, -1, -1>;
  constexpr auto kWeekdayZ = PrepareTime<Part::kWeekday, -1, 1>;
  r.Add({.name = "hour_of_day",
         .params = {kTimestampT},
         .result = kIntT,
         .family = f,
         .doc = "The hour (0-23) in the tenant's time zone.",
         .example = R"(hour_of_day(2024-05-01T22:30:00Z))",
         .example_result = "22",
         .prepare = kHour,
         .eval = DatePart,
         .param_names = {"ts"}});
  r.Add({.name = "hour_of_day",
         .params = {kTimestampT, kStringT},
         .result = kIntT,
         .const_params = ConstParam(1),
         .family = f,
         .doc = "The hour (0-23) in the given IANA time zone (daylight saving included).",
         .example = R"(hour_of_day(2024-07-01T22:30:00Z, "Europe/London"))",
         .example_result = "23",
         .prepare = kHourZ,
         .eval = DatePart,
         .param_names = {"ts", "zone"}});
  r.Add({.name = "weekday",
         .params = {kTimestampT},
         .result = kIntT,
         .family = f,
         .doc = "ISO weekday (1 = Monday ... 7 = Sunday) in the tenant's time zone.",
         .example = R"(weekday(2024-05-04T12:00:00Z))",
         .example_result = "6",
         .prepare = kWeekday,
         .eval = DatePart,
         .param_names = {"ts"}});
  r.Add({.name = "weekday",
         .params = {kTimestampT, kStringT},
         .result = kIntT,
         .const_params = ConstParam(1),
         .family = f,
         .doc = "ISO weekday (1 = Monday ... 7 = Sunday) in the given IANA time zone.",
         .example = R"(weekday(2024-05-04T23:30:00Z, "Asia/Tokyo"))",
         .example_result = "7",
         .prepare = kWeekdayZ,
         .eval = DatePart,
         .param_names = {"ts", "zone"}});
  r.Add({.name = "date_part",
         .params = {kTimestampT, kStringT},
         .result = kIntT,
         .const_params = ConstParam(1),
         .family = f,
         .doc = "One field of the local date in the tenant's time zone: year, month, day, hour, "
                "minute, second, millisecond, weekday or day_of_year.",
         .example = R"(date_part(2024-05-01T10:00:00Z, "day_of_year"))",
         .example_result = "122",
         .prepare = PrepareTime<Part::kHour, 1, -1>,
         .eval = DatePart,
         .param_names = {"ts", "part"}});
  r.Add({.name = "date_part",
         .params = {kTimestampT, kStringT, kStringT},
         .result = kIntT,
         .const_params = ConstParam(1) | ConstParam(2),
         .family = f,
         .doc = "date_part() in the given IANA time zone.",
         .example = R"(date_part(2024-12-31T23:00:00Z, "year", "Europe/Berlin"))",
         .example_result = "2025",
         .prepare = PrepareTime<Part::kHour, 1, 2>,
         .eval = DatePart,
         .param_names = {"ts", "part", "zone"}});
  r.Add({.name = "start_of_day",
         .params = {kTimestampT, kStringT},
         .result = kTimestampT,
         .const_params = ConstParam(1),
         .family = f,
         .doc = "The instant local midnight began on the timestamp's day in the given zone.",
         .example = R"(start_of_day(2024-05-01T10:00:00Z, "America/New_York"))",
         .example_result = "2024-05-01T04:00:00Z",
         .prepare = PrepareTime<Part::kHour, -1, 1>,
         .eval = StartOfDay,
         .param_names = {"ts", "zone"}});
  r.Add({.name = "format_timestamp",
         .params = {kTimestampT, kStringT},
         .result = kStringT,
         .const_params = ConstParam(1),
         .family = f,
         .doc = "RFC 3339 text of the timestamp in the given zone, with its UTC offset (for "
                "alert titles and evidence).",
         .example = R"(format_timestamp(2024-05-01T10:00:00Z, "Asia/Kolkata"))",
         .example_result = R"("2024-05-01T15:30:00+05:30")",
         .prepare = PrepareTime<Part::kHour, -1, 1>,
         .eval = Format,
         .param_names = {"ts", "zone"}});
  r.Add({.name = "parse_timestamp",
         .params = {kStringT},
         .result = kTimestampT,
         .family = f,
         .doc = "Parses RFC 3339 / ISO 8601 text (\"T\" or space, optional fraction, \"Z\" or "
                "±hh:mm or ±hhmm, none = UTC) or a bare date; null otherwise.",
         .example = R"(parse_timestamp("2021-03-05 10:00:00+0100"))",
         .example_result = "2021-03-05T09:00:00Z",
         .eval = Parse,
         .param_names = {"s"}});
  RegisterTimeArithmetic(r, f);
}

void RegisterTimeArithmetic(Registry& r, std::string_view f) {
  r.Add({.name = "time_add",
         .params = {kTimestampT, kDurationT},
         .result = kTimestampT,
         .family = f,
         .doc = "The timestamp moved by the duration; null on overflow.",
         .example = R"(time_add(2024-05-01T23:00:00Z, 2h))",
         .example_result = "2024-05-02T01:00:00Z",
         .eval = Add,
         .param_names = {"ts", "d"}});
  r.Add({.name = "time_sub",
         .params = {kTimestampT, kDurationT},
         .result = kTimestampT,
         .family = f,
         .doc = "The timestamp moved back by the duration; null on overflow.",
         .example = R"(time_sub(2024-05-01T00:30:00Z, 1h))",
         .example_result = "2024-04-30T23:30:00Z",
         .eval = Sub,
         .param_names = {"ts", "d"}});
  r.Add({.name = "time_diff",
         .params = {kTimestampT, kTimestampT},
         .result = kDurationT,
         .family = f,
         .doc = "a - b as a duration (negative when a is earlier).",
         .example = R"(time_diff(2024-05-01T10:00:00Z, 2024-05-01T08:30:00Z))",
         .example_result = "1h30m",
         .eval = Diff,
         .param_names = {"a", "b"}});
  r.Add({.name = "time_since",
         .params = {kTimestampT},
         .result = kDurationT,
         .family = f,
         .doc = "The event time minus the timestamp (e.g. the age of a first-seen date).",
         .example = R"(time_since(1970-01-01T00:00:00Z))",
         .example_result = "0s",
         .eval = Since,
         .param_names = {"ts"}});
  r.Add({.name = "time_trunc",
         .params = {kTimestampT, kDurationT},
         .result = kTimestampT,
         .family = f,
         .doc = "The timestamp rounded down to a multiple of the duration since the epoch "
                "(UTC buckets); null for a duration <= 0.",
         .example = R"(time_trunc(2024-05-01T10:47:12Z, 15m))",
         .example_result = "2024-05-01T10:45:00Z",
         .eval = Trunc,
         .param_names = {"ts", "d"}});
  r.Add({.name = "to_seconds",
         .params = {kDurationT},
         .result = kFloatT,
         .family = f,
         .doc = "The duration in seconds.",
         .example = R"(to_seconds(1m30s))",
         .example_result = "90.0",
         .eval = ToUnits<kMsPerSecond>,
         .param_names = {"d"}});
  r.Add({.name = "to_hours",
         .params = {kDurationT},
         .result = kFloatT,
         .family = f,
         .doc = "The duration in hours.",
         .example = R"(to_hours(1h30m))",
         .example_result = "1.5",
         .eval = ToUnits<kMsPerHour>,
         .param_names = {"d"}});
  r.Add({.name = "to_days",
         .params = {kDurationT},
         .result = kFloatT,
         .family = f,
         .doc = "The duration in days.",
         .example = R"(to_days(36h))",
         .example_result = "1.5",
         .eval = ToUnits<kMsPerDay>,
         .param_names = {"d"}});
  r.Add({.name = "seconds",
         .params = {kIntT},
         .result = kDurationT,
         .family = f,
         .doc = "A duration of n seconds (for computed amounts; literals write 90s).",
         .example = R"(seconds(5400))",
         .example_result = "1h30m",
         .eval = Seconds,
         .param_names = {"n"}});
}

}  // namespace vigil::stdlib

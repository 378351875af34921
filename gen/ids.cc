// ids.cc: identifier and timestamp shapes of ids.h.
#include "gen/ids.h"

#include <fmt/format.h>

#include <array>

namespace vigil::gen {
namespace {

struct Civil {
  int64_t year;
  unsigned month, day, hour, minute, second, millis;
};

// Howard Hinnant's days-to-civil; exact for every int64 day count we use.
Civil ToCivil(int64_t ts_ms) {
  int64_t secs = ts_ms / 1000;
  unsigned millis = static_cast<unsigned>(ts_ms % 1000);
  int64_t days = secs / 86400;
  int64_t rem = secs % 86400;
  if (rem < 0) {
    rem += 86400;
    --days;
  }
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return Civil{m <= 2 ? y + 1 : y,
               m,
               d,
               static_cast<unsigned>(rem / 3600),
               static_cast<unsigned>(rem % 3600 / 60),
               static_cast<unsigned>(rem % 60),
               millis};
}

// Provider prefixes for outside senders (mail hosting, clouds, ISPs).
constexpr std::array<std::array<int, 2>, 24> kPrefixes = {
    {{209, 85}, {40, 92},  {52, 101},  {104, 47}, {185, 70}, {91, 198}, {198, 2},  {167, 89},
     {149, 72}, {64, 233}, {173, 194}, {66, 102}, {74, 125}, {23, 83},  {54, 240}, {13, 111},
     {35, 190}, {212, 82}, {81, 2},    {77, 88},  {5, 45},   {45, 14},  {103, 21}, {159, 135}}};

}  // namespace

std::string ACode(Rng& rng) { return rng.Base64Url(22); }

std::string AggregateId(Rng& rng, int64_t ts_ms) {
  return rng.Base64Url(22) + "_" + std::to_string(ts_ms / 1000);
}

std::string ProcessingId(Rng& rng, int64_t ts_ms) {
  return rng.Base64Url(43) + "_" + std::to_string(ts_ms / 1000);
}

std::string MessageId(Rng& rng, int64_t ts_ms, const std::string& domain, int style) {
  switch (style % 5) {
    case 0:  // Outlook / Exchange Online
      return fmt::format("<{}{}@{}.namprd{:02}.prod.outlook.com>", "SN6PR", rng.Hex(20),
                         "SN6PR" + rng.Digits(2) + "MB" + rng.Digits(4), rng.Range(1, 22));
    case 1:  // Gmail
      return "<CA" + rng.Base64Url(40) + "@mail.gmail.com>";
    case 2:  // bulk mailer
      return fmt::format("<{}.{}.{}@{}>", rng.Hex(16), rng.Digits(6), ts_ms, domain);
    case 3:  // UUID style
      return fmt::format("<{}-{}-{}-{}-{}@{}>", rng.Hex(8), rng.Hex(4), rng.Hex(4), rng.Hex(4),
                         rng.Hex(12), domain);
    default:  // Mimecast-generated notifications
      return fmt::format("<{}-{}@us-mta-{}.us.mimecast.lan>", rng.Digits(9), ts_ms,
                         rng.Range(1, 300));
  }
}

std::string MToken(Rng& rng) { return "MTOKEN:eNq" + rng.Base64Url(93); }

std::string EventToken(Rng& rng) { return "eNq" + rng.Base64Url(145); }

std::string PublicIp(Rng& rng) {
  const auto& p = kPrefixes[rng.Below(kPrefixes.size())];
  return fmt::format("{}.{}.{}.{}", p[0], p[1], rng.Range(0, 255), rng.Range(1, 254));
}

std::string StableIp(const std::string& seed) {
  Rng r(HashText(seed));
  return PublicIp(r);
}

std::string DomainOf(const std::string& address) {
  const size_t at = address.find('@');
  return at == std::string::npos ? "" : address.substr(at + 1);
}

std::string TenantIp(size_t tenant_index, int host) {
  return fmt::format("198.51.{}.{}", 10 + tenant_index % 200, host);
}

std::string Iso8601(int64_t ts_ms, bool colon_offset) {
  const Civil c = ToCivil(ts_ms);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}", c.year, c.month, c.day, c.hour,
                     c.minute, c.second, colon_offset ? "+00:00" : "+0000");
}

std::string DatePart(int64_t ts_ms) {
  const Civil c = ToCivil(ts_ms);
  return fmt::format("{:04}-{:02}-{:02}", c.year, c.month, c.day);
}

std::string TimePart(int64_t ts_ms) {
  const Civil c = ToCivil(ts_ms);
  return fmt::format("{:02}:{:02}:{:02}", c.hour, c.minute, c.second);
}

std::string FileStamp(int64_t ts_ms) {
  const Civil c = ToCivil(ts_ms);
  return fmt::format("{:04}{:02}{:02}{:02}{:02}{:02}{:03}", c.year, c.month, c.day, c.hour,
                     c.minute, c.second, c.millis);
}

std::string ChunkStamp(int64_t ts_ms) {
  const Civil c = ToCivil(ts_ms);
  return fmt::format("{:04}-{:02}-{:02}T{:02}{:02}", c.year, c.month, c.day, c.hour, c.minute);
}

}  // namespace vigil::gen

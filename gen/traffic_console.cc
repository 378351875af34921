// traffic_console.cc: the benign console background of a tenant: administrators logging on
// from the office (now and then after one mistyped password), directory syncs, message
// tracking searches and case reviews.
#include <fmt/format.h>

#include "gen/audit_text.h"
#include "gen/traffic.h"

namespace vigil::gen {
namespace {

constexpr int64_t kSecond = 1000, kHour = 3600 * kSecond;

}  // namespace

void Traffic::Logon(size_t t, const Person& admin, int64_t ts, bool fail_first,
                    TenantTraffic* out) {
  const std::string& ip = world_.tenants[t].office_ip;
  if (fail_first) {
    out->audit.push_back(
        LogonEvent(LogonStep::kFailure, admin, ts - rng_.Range(20, 90) * kSecond, ip));
  }
  out->audit.push_back(LogonEvent(LogonStep::kChallenge, admin, ts, ip));
  out->audit.push_back(
      LogonEvent(LogonStep::kSuccess, admin, ts + rng_.Range(4, 25) * kSecond, ip));
}

void Traffic::Background(size_t t, int64_t t0, int64_t t1, TenantTraffic* out) {
  const TenantModel& tm = world_.tenants[t];
  const double hours = static_cast<double>(t1 - t0) / static_cast<double>(kHour);
  auto at = [&] { return t0 + static_cast<int64_t>(rng_.Below(static_cast<uint64_t>(t1 - t0))); };
  for (size_t a : tm.admins) {
    if (rng_.Chance(hours * 2.0 / 24.0)) {
      Logon(t, tm.users[a], at(), rng_.Chance(0.08), out);
    }
  }
  for (int64_t h = (t0 + kHour - 1) / kHour * kHour; h < t1; h += kHour) {
    if (h / kHour % 4 == 0) {
      out->audit.push_back(
          DirectorySyncEvent(h + rng_.Range(5, 90) * kSecond,
                             rng_.Chance(0.7) ? 0 : static_cast<int>(rng_.Range(1, 12))));
    }
  }
  if (rng_.Chance(hours * 0.25)) {
    const Person& admin = tm.users[rng_.Pick(tm.admins)];
    const Person& user = rng_.Pick(tm.users);
    SearchEvent s;
    s.ts = at();
    s.user = admin.email;
    s.description = "Message Tracking Search";
    s.text = rng_.Chance(0.5) ? fmt::format("[User : {}]", user.email) : user.email;
    out->searches.push_back(s);
  }
  if (rng_.Chance(hours * 0.1)) {
    const Person& admin = tm.users[rng_.Pick(tm.admins)];
    out->audit.push_back(SearchActionEvent(admin, at(), tm.office_ip, rng_.Pick(tm.users).last));
  }
  if (rng_.Chance(hours * 0.08)) {
    const Person& admin = tm.users[rng_.Pick(tm.admins)];
    const Person& user = rng_.Pick(tm.users);
    out->audit.push_back(MessageActionEvent(admin, at(), tm.office_ip, user.email, user.email,
                                            Subject(vocab::InternalSubjects())));
  }
}

}  // namespace vigil::gen

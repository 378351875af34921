// scenarios.cc: the catalog, the planning of instances over tenants and time, and the building
// blocks the planting functions share.
#include "gen/scenarios.h"

#include <algorithm>

#include "gen/files.h"

namespace vigil::gen {
namespace {

constexpr int64_t kMinute = 60'000, kHour = 60 * kMinute;

using C = ScenarioClass;

}  // namespace

std::string_view ClassName(ScenarioClass c) {
  switch (c) {
    case C::kVendor:
      return "vendor";
    case C::kExpel:
      return "expel";
    case C::kDuet:
      return "duet";
    case C::kOptIn:
      break;
  }
  return "opt_in";
}

const std::vector<ScenarioKind>& ScenarioKinds() {
  static const std::vector<ScenarioKind> kKinds = [] {
    std::vector<ScenarioKind> all;
    for (auto family : {VendorScenarios, ImpersonationScenarios, AttachmentScenarios,
                        BurstAndConsoleScenarios, DuetAndOptInScenarios}) {
      for (ScenarioKind& k : family()) all.push_back(std::move(k));
    }
    return all;
  }();
  return kKinds;
}

std::vector<std::string> Planter::EnabledOptIns(size_t t) const {
  std::vector<std::string> out;
  if (t != 0) return out;
  for (const ScenarioKind& k : ScenarioKinds()) {
    if (k.cls == C::kOptIn) {
      for (std::string_view r : k.rules) out.emplace_back(r);
    }
  }
  return out;
}

void Planter::Plan(const std::vector<size_t>& messages, int64_t start, int64_t end) {
  const int64_t lo = start + 30 * kMinute;
  const int64_t hi = std::max(lo + kHour, end - 3 * kHour);
  auto at = [&] { return lo + static_cast<int64_t>(rng_.Below(static_cast<uint64_t>(hi - lo))); };
  const auto& kinds = ScenarioKinds();
  for (size_t t = 0; t < messages.size(); ++t) {
    for (size_t k = 0; k < kinds.size(); ++k) {
      const bool control = kinds[k].cls == C::kOptIn && t != 0;
      if (control && t != 1) continue;  // one control tenant is enough
      size_t n = 1;
      if (kinds[k].per_1000 > 0) {
        n = std::max<size_t>(
            1, static_cast<size_t>(kinds[k].per_1000 * static_cast<double>(messages[t]) / 1000.0));
      }
      for (size_t i = 0; i < n; ++i) {
        ScenarioInstance s;
        s.kind = k;
        s.tenant = t;
        s.ts = at();
        s.expect_alert = !control;
        if (kinds[k].name == "optin_after_hours_vip") {  // 02:30 local time on the first day
          const int64_t local = 150 - 60 * UtcOffsetHours(traffic_.tenant(t).time_zone);
          s.ts = start + ((local % 1440) + 1440) % 1440 * kMinute;
        }
        instances_.push_back(s);
      }
    }
  }
  std::stable_sort(
      instances_.begin(), instances_.end(),
      [](const ScenarioInstance& a, const ScenarioInstance& b) { return a.ts < b.ts; });
  for (size_t i = 0; i < instances_.size(); ++i) instances_[i].id = static_cast<int>(i);
}

void Planter::PlantWindow(size_t t, int64_t t0, int64_t t1, TenantTraffic* out) {
  for (ScenarioInstance& s : instances_) {
    if (s.tenant == t && s.ts >= t0 && s.ts < t1) ScenarioKinds()[s.kind].plant(*this, s, out);
  }
}

const Person& Planter::AnyUser(const ScenarioInstance& s) {
  const TenantModel& t = T(s);
  for (;;) {
    const Person& p = rng_.Pick(t.users);
    if (!p.vip && !p.admin) return p;
  }
}

const Person& Planter::Vip(const ScenarioInstance& s) { return T(s).users[rng_.Pick(T(s).vips)]; }
const Person& Planter::Admin(const ScenarioInstance& s) {
  return T(s).users[rng_.Pick(T(s).admins)];
}
const Person& Planter::Finance(const ScenarioInstance& s) {
  return T(s).users[rng_.Pick(T(s).finance)];
}

std::string Planter::NewExternalDomain() {
  static constexpr std::string_view kWords[] = {"secure", "docs",  "portal", "invoice", "files",
                                                "cloud",  "share", "online", "verify",  "billing"};
  return std::string(kWords[rng_.Below(std::size(kWords))]) + "-" +
         std::string(kWords[rng_.Below(std::size(kWords))]) + rng_.Digits(3) + ".com";
}

Message Planter::Inbound(const ScenarioInstance& s, const std::string& sender,
                         const std::string& rcpt, const std::string& subject, int64_t ts) {
  return traffic_.NewMessage(s.tenant, Dir::kInbound, ts, sender, {rcpt}, subject);
}

Message Planter::FromNewDomain(const ScenarioInstance& s, std::string_view local,
                               const std::string& subject) {
  return Inbound(s, std::string(local) + "@" + NewExternalDomain(), AnyUser(s).email, subject,
                 s.ts);
}

size_t Planter::AddWithFile(ScenarioInstance& s, Message m, const std::string& file, int64_t size,
                            TenantTraffic* out) {
  m.attachments.push_back(MakeFile(file, size, rng_.Next()));
  return Add(s, std::move(m), out);
}

std::string Planter::PartnerContact(const ScenarioInstance& s) {
  return traffic_.PersonAt(rng_.Pick(T(s).partners));
}

Message Planter::Outbound(const ScenarioInstance& s, const Person& from, const std::string& rcpt,
                          const std::string& subject, int64_t ts) {
  Message m = traffic_.NewMessage(s.tenant, Dir::kOutbound, ts, from.email, {rcpt}, subject);
  m.from_name = from.display;
  return m;
}

size_t Planter::Add(ScenarioInstance& s, Message m, TenantTraffic* out) {
  traffic_.Complete(s.tenant, m);
  m.scenario = s.id;
  s.message_ids.push_back(m.message_id);
  out->messages.push_back(std::move(m));
  return out->messages.size() - 1;
}

ReleaseEvent& Planter::Release(ScenarioInstance& s, size_t msg, int64_t ts, const std::string& op,
                               const HoldInfo& hold, TenantTraffic* out) {
  ReleaseEvent r;
  r.msg = msg;
  r.ts = ts;
  r.op = op;
  r.held_reason = std::string(hold.held_reason);
  r.held_group = std::string(hold.held_group);
  r.policy = std::string(hold.policy);
  r.message_info = std::string(hold.message_info);
  r.scenario = s.id;
  out->releases.push_back(r);
  traffic_.Redeliver(s.tenant, out->messages[msg], ts + 2000);
  return out->releases.back();
}

ApVerdict& Planter::Sandbox(ScenarioInstance& s, size_t msg, int64_t ts, std::string_view result,
                            std::string_view details, TenantTraffic* out) {
  ApVerdict v;
  v.msg = msg;
  v.ts = ts;
  v.file = out->messages[msg].attachments[0];
  v.result = std::string(result);
  v.details = std::string(details);
  if (result == "safe") {
    v.definition = "Inbound - Safe file with On-Demand Sandbox";
  } else {
    v.action_triggered = "none";
  }
  v.scenario = s.id;
  out->ap.push_back(v);
  return out->ap.back();
}

UrlClick& Planter::Click(ScenarioInstance& s, size_t msg, int64_t ts, const std::string& url,
                         TenantTraffic* out) {
  UrlClick c;
  c.msg = msg;
  c.ts = ts;
  c.url = url;
  c.scenario = s.id;
  out->clicks.push_back(c);
  return out->clicks.back();
}

ImpVerdict& Planter::Impersonation(ScenarioInstance& s, size_t msg, const ImpFlags& flags,
                                   const std::string& similar, const std::string& similar_string,
                                   TenantTraffic* out) {
  ImpVerdict v;
  v.msg = msg;
  v.ts = out->messages[msg].ts + 650;
  v.flags = flags;
  v.similar = similar;
  v.similar_string = similar_string;
  v.scenario = s.id;
  out->imp.push_back(v);
  return out->imp.back();
}

void Planter::Audit(ScenarioInstance& s, AuditEvent e, TenantTraffic* out) {
  e.scenario = s.id;
  out->audit.push_back(std::move(e));
}

}  // namespace vigil::gen

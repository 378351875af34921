// scenarios.h: the planted attack scenarios. A catalog row per kind (one or more detections of
// the rule pack): the rule ids that must fire on its records, those that may fire too, a
// description and the function that plants an instance. The planter places instances in
// tenants and time and writes their messages and events, each tagged with its instance id so
// the writer can list its records in the ground truth. Vendor verdicts come at natural rates
// per 1,000 messages, the other kinds once per tenant; opt-in kinds fire in the first tenant,
// which enables them, and are planted as a silent control in the second.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "gen/model.h"
#include "gen/traffic.h"

namespace vigil::gen {

enum class ScenarioClass { kVendor, kExpel, kDuet, kOptIn };
std::string_view ClassName(ScenarioClass c);

struct ScenarioInstance {
  int id = 0;
  size_t kind = 0;
  size_t tenant = 0;
  int64_t ts = 0;
  bool expect_alert = true;  // false: an opt-in control in a tenant that did not enable it
  std::vector<std::string> message_ids;
};

class Planter;
using PlantFn = void (*)(Planter& p, ScenarioInstance& s, TenantTraffic* out);

struct ScenarioKind {
  std::string_view name;
  ScenarioClass cls;
  std::vector<std::string_view> rules;     // must fire on the scenario's records
  std::vector<std::string_view> may_also;  // allowed to fire on them too
  double per_1000;                         // vendor verdicts: instances per 1,000 messages
  std::string_view description;
  PlantFn plant;
};
const std::vector<ScenarioKind>& ScenarioKinds();

// The rows of each family (scenarios_<family>.cc).
std::vector<ScenarioKind> VendorScenarios();
std::vector<ScenarioKind> ImpersonationScenarios();
std::vector<ScenarioKind> AttachmentScenarios();
std::vector<ScenarioKind> BurstAndConsoleScenarios();
std::vector<ScenarioKind> DuetAndOptInScenarios();

class Planter {
 public:
  Planter(Traffic& traffic, Rng rng) : traffic_(traffic), rng_(rng) {}

  // Places the instances: `messages[t]` benign messages of tenant t over [start, end).
  void Plan(const std::vector<size_t>& messages, int64_t start, int64_t end);
  // The instances of tenant `t` starting in [t0, t1), planted into `out`.
  void PlantWindow(size_t t, int64_t t0, int64_t t1, TenantTraffic* out);

  const std::vector<ScenarioInstance>& instances() const { return instances_; }
  // Indicators planted per tenant (file hashes, IPs, domains) for its IOC list.
  const std::map<size_t, std::vector<std::string>>& iocs() const { return iocs_; }
  // The opt-in rules tenant `t` enables.
  std::vector<std::string> EnabledOptIns(size_t t) const;

  // --- building blocks of the planting functions ---
  Traffic& traffic() { return traffic_; }
  Rng& rng() { return rng_; }
  const TenantModel& T(const ScenarioInstance& s) const { return traffic_.tenant(s.tenant); }
  // A user who is neither a VIP nor an administrator.
  const Person& AnyUser(const ScenarioInstance& s);
  const Person& Vip(const ScenarioInstance& s);
  const Person& Admin(const ScenarioInstance& s);
  const Person& Finance(const ScenarioInstance& s);
  // A domain nobody has mailed from before ("secure-docs417.com").
  std::string NewExternalDomain();
  Message Inbound(const ScenarioInstance& s, const std::string& sender, const std::string& rcpt,
                  const std::string& subject, int64_t ts);
  // Inbound mail from `local`@(a new domain) to an ordinary user, at the instance's time.
  Message FromNewDomain(const ScenarioInstance& s, std::string_view local,
                        const std::string& subject);
  // `m` with an attachment `file` of `size` bytes, added; returns its index.
  size_t AddWithFile(ScenarioInstance& s, Message m, const std::string& file, int64_t size,
                     TenantTraffic* out);
  // A person at one of the tenant's partners.
  std::string PartnerContact(const ScenarioInstance& s);
  Message Outbound(const ScenarioInstance& s, const Person& from, const std::string& rcpt,
                   const std::string& subject, int64_t ts);
  // Completes `m` (deliveries), tags it with the instance and appends it; returns its index.
  size_t Add(ScenarioInstance& s, Message m, TenantTraffic* out);
  // What a release log says about the hold.
  struct HoldInfo {
    std::string_view held_reason, held_group, policy, message_info;
  };
  // Held message `msg` released by `op` at `ts`, then delivered.
  ReleaseEvent& Release(ScenarioInstance& s, size_t msg, int64_t ts, const std::string& op,
                        const HoldInfo& hold, TenantTraffic* out);
  // An Attachment Protect verdict on the first attachment of message `msg`.
  ApVerdict& Sandbox(ScenarioInstance& s, size_t msg, int64_t ts, std::string_view result,
                     std::string_view details, TenantTraffic* out);
  // A click on `url` in message `msg` by its first recipient (clean and allowed until changed).
  UrlClick& Click(ScenarioInstance& s, size_t msg, int64_t ts, const std::string& url,
                  TenantTraffic* out);
  // An Impersonation Protect verdict (SIEM line and log) on message `msg`.
  ImpVerdict& Impersonation(ScenarioInstance& s, size_t msg, const ImpFlags& flags,
                            const std::string& similar, const std::string& similar_string,
                            TenantTraffic* out);
  void Audit(ScenarioInstance& s, AuditEvent e, TenantTraffic* out);
  void AddIoc(const ScenarioInstance& s, const std::string& value) {
    iocs_[s.tenant].push_back(value);
  }

 private:
  Traffic& traffic_;
  Rng rng_;
  std::vector<ScenarioInstance> instances_;
  std::map<size_t, std::vector<std::string>> iocs_;
};

}  // namespace vigil::gen

// traffic.h: benign traffic of one tenant: messages in the three directions with realistic
// senders (Zipf-popular outside organisations, partners, free webmail), recipients, subjects,
// attachments, spam scores, authentication and TLS; the security-product events benign mail
// produces (safe sandbox verdicts, clean clicks, single-identifier impersonation hits, spam
// holds, administrator releases); and the console background (logons, searches, syncs).
// Every benign event is built to stay clear of the rule pack (see docs/detections.md). The
// message builders are shared with the planted scenarios.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "gen/model.h"
#include "gen/prng.h"
#include "gen/vocab.h"

namespace vigil::gen {

class Traffic {
 public:
  Traffic(const World& world, Rng rng);

  // One benign message of tenant `t` received at `ts`, with the events it causes.
  void Benign(size_t t, int64_t ts, TenantTraffic* out);
  // The benign console and archive events of tenant `t` in [t0, t1).
  void Background(size_t t, int64_t t0, int64_t t1, TenantTraffic* out);

  // A message with ids, IPs, TLS, authentication and size filled for its direction; the
  // process outcome is "Acc" and nothing is delivered until Complete() runs.
  Message NewMessage(size_t t, Dir dir, int64_t ts, const std::string& sender,
                     std::vector<std::string> rcpts, const std::string& subject);
  // Fills the delivery attempts (none when rejected or held) and the journal flag.
  void Complete(size_t t, Message& m);
  // Delivers held message `m` (after a release) at `ts` to the tenant's mail server.
  void Redeliver(size_t t, Message& m, int64_t ts);
  // Marks `m` rejected at receipt because its IP is on an RBL.
  static void RejectRbl(Message& m);
  // "first.last@domain" of a made-up person.
  std::string PersonAt(const std::string& domain);
  // A subject from `pool` with its placeholders filled.
  std::string Subject(vocab::Words pool);
  // A sender address of an outside organisation.
  std::string SenderOf(const ExternalOrg& org);
  // A free-webmail address for a person's name.
  std::string FreemailAddress(const std::string& first, const std::string& last);
  // A URL on `host` with a benign path.
  std::string UrlOn(const std::string& host);

  Rng& rng() { return rng_; }
  const World& world() const { return world_; }
  const TenantModel& tenant(size_t t) const { return world_.tenants[t]; }

 private:
  // Who sends a benign inbound message and what it says.
  struct Sender {
    std::string address, first, last, display, subject, ip;
    const ExternalOrg* org = nullptr;  // null for partners and free webmail
  };
  Sender PickSender(size_t t);
  // Spam score, verdict, and the receipt or hold outcome by kind of sender.
  void Score(Message& m, OrgKind kind);
  void Inbound(size_t t, int64_t ts, TenantTraffic* out);
  void Outbound(size_t t, int64_t ts, TenantTraffic* out);
  void InternalMail(size_t t, int64_t ts, TenantTraffic* out);
  void AfterDelivery(size_t msg, OrgKind kind, TenantTraffic* out);
  void SpamHold(size_t t, size_t msg, bool release, TenantTraffic* out);
  // Recipients of an inbound message; VIPs only when `vip_ok`.
  std::vector<std::string> Recipients(size_t t, bool vip_ok);
  // A sender of outbound or internal mail at `ts`: VIPs only in local business hours.
  const Person& InternalSender(size_t t, int64_t ts);
  void Logon(size_t t, const Person& admin, int64_t ts, bool fail_first, TenantTraffic* out);

  const World& world_;
  Rng rng_;
  Zipf org_pop_;
  std::vector<std::set<std::string>> seen_;  // per tenant: outside senders already accepted
};

bool IsFreemail(const std::string& domain);
// A sending IP of a free-webmail provider (Google's or Microsoft's ranges where known).
std::string FreemailIp(Rng& rng, const std::string& domain);

// The tenant's UTC offset in hours (fixed, no daylight saving) for its time zone.
int UtcOffsetHours(const std::string& zone);

}  // namespace vigil::gen

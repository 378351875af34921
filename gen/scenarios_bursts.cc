// scenarios_bursts.cc: volume and console scenarios: RBL rejection bursts, directory harvests,
// email bombing, an internal account mass-mailing outside or having its outbound spam held,
// console logon brute force, password spraying, new-IP administrator logons, API application
// changes, mailbox exports and restored remediations.
#include <fmt/format.h>

#include "gen/audit_text.h"
#include "gen/ids.h"
#include "gen/scenarios.h"

namespace vigil::gen {
namespace {

constexpr int64_t kSecond = 1000, kMinute = 60 * kSecond;
using C = ScenarioClass;
using S = ScenarioInstance;
using TT = TenantTraffic;

// `n` inbound connections from one IP, `gap` apart, rejected at receipt.
void Rejections(Planter& p, S& s, int n, int64_t gap, bool harvest, TT* out) {
  const std::string ip = PublicIp(p.rng());
  const std::string domain = "mailer" + p.rng().Digits(3) + ".top";
  for (int i = 0; i < n; ++i) {
    const std::string rcpt = harvest ? fmt::format("{}{}@{}", p.rng().Pick(vocab::FirstNames()),
                                                   p.rng().Digits(2), p.T(s).domains[0])
                                     : p.rng().Pick(p.T(s).users).email;
    Message m = p.Inbound(s, std::string(p.rng().Hex(8)) + "@" + domain, rcpt,
                          std::string(p.rng().Pick(vocab::SpamSubjects())), s.ts + i * gap);
    m.sender_ip = ip;
    if (harvest) {
      m.receipt_act = "Rej";
      m.rej_type = "Invalid Recipient Address";
      m.rej_code = "550";
      m.rej_info = "Recipient address rejected: User unknown";
    } else {
      Traffic::RejectRbl(m);
    }
    p.Add(s, std::move(m), out);
  }
}

void Volume(std::vector<ScenarioKind>* k) {
  k->push_back({"rbl_rejection_burst",
                C::kExpel,
                {"mimecast.expel.rbl_rejection_burst", "mimecast.expel.directory_harvest"},
                {},
                0,
                "40 connections from one IP rejected as RBL-listed within six minutes, to many "
                "recipients.",
                [](Planter& p, S& s, TT* out) { Rejections(p, s, 40, 9 * kSecond, false, out); }});
  k->push_back({"directory_harvest",
                C::kExpel,
                {"mimecast.expel.directory_harvest"},
                {},
                0,
                "35 guessed addresses from one IP rejected as unknown recipients within eight "
                "minutes.",
                [](Planter& p, S& s, TT* out) { Rejections(p, s, 35, 13 * kSecond, true, out); }});
  k->push_back({"email_bombing",
                C::kExpel,
                {"mimecast.expel.email_bombing"},
                {},
                0,
                "60 sign-up confirmations from 60 senders to one user in eight minutes "
                "(subscription bombing to bury a real alert).",
                [](Planter& p, S& s, TT* out) {
                  const std::string rcpt = p.AnyUser(s).email;
                  for (int i = 0; i < 60; ++i) {
                    p.Add(s,
                          p.Inbound(s, "welcome@" + p.NewExternalDomain(), rcpt,
                                    "Please confirm your subscription", s.ts + i * 8 * kSecond),
                          out);
                  }
                }});
  k->push_back({"internal_mass_mailing",
                C::kExpel,
                {"mimecast.expel.internal_mass_mailing_external"},
                {},
                0,
                "An internal account mailed 90 outside addresses in 12 minutes.",
                [](Planter& p, S& s, TT* out) {
                  const Person& u = p.AnyUser(s);
                  for (int i = 0; i < 45; ++i) {
                    std::vector<std::string> to;
                    for (int j = 0; j < 2; ++j)
                      to.push_back(p.traffic().PersonAt(p.NewExternalDomain()));
                    Message m = p.traffic().NewMessage(
                        s.tenant, Dir::kOutbound, s.ts + i * 16 * kSecond, u.email, to,
                        "Shared document: " + p.traffic().Subject(vocab::SubjectTopics()));
                    m.from_name = u.display;
                    p.Add(s, std::move(m), out);
                  }
                }});
  k->push_back({"outbound_spam_burst",
                C::kExpel,
                {"mimecast.expel.outbound_rejected_burst"},
                {},
                0,
                "An internal account's outbound mail scored as spam and held, 12 times in ten "
                "minutes.",
                [](Planter& p, S& s, TT* out) {
                  const Person& u = p.AnyUser(s);
                  for (int i = 0; i < 12; ++i) {
                    Message m = p.Outbound(s, u, p.traffic().PersonAt(p.NewExternalDomain()),
                                           std::string(p.rng().Pick(vocab::SpamSubjects())),
                                           s.ts + i * 50 * kSecond);
                    m.spam_score = static_cast<int>(p.rng().Range(8, 25));
                    m.process_act = "Hld";
                    m.hold_reason = "Spm";
                    p.Add(s, std::move(m), out);
                  }
                }});
}

void Console(std::vector<ScenarioKind>* k) {
  k->push_back({"logon_failures_then_success",
                C::kExpel,
                {"mimecast.expel.logon_failures_then_success", "mimecast.expel.logon_failure_burst",
                 "mimecast.expel.admin_login_new_ip"},
                {},
                0,
                "Seven failed console logons of an administrator from one IP, then a success.",
                [](Planter& p, S& s, TT* out) {
                  const Person& admin = p.Admin(s);
                  const std::string ip = PublicIp(p.rng());
                  int64_t ts = s.ts;
                  for (int i = 0; i < 7; ++i, ts += p.rng().Range(40, 80) * kSecond) {
                    p.Audit(s, LogonEvent(LogonStep::kFailure, admin, ts, ip), out);
                  }
                  p.Audit(s, LogonEvent(LogonStep::kChallenge, admin, ts, ip), out);
                  p.Audit(s, LogonEvent(LogonStep::kSuccess, admin, ts + 9 * kSecond, ip), out);
                }});
  k->push_back({"password_spray",
                C::kExpel,
                {"mimecast.expel.password_spray_from_ip"},
                {},
                0,
                "One IP failing console logons for six different users within 20 minutes.",
                [](Planter& p, S& s, TT* out) {
                  const std::string ip = PublicIp(p.rng());
                  for (int i = 0; i < 6; ++i) {
                    p.Audit(s,
                            LogonEvent(LogonStep::kFailure,
                                       p.T(s).users[static_cast<size_t>(i) * 7 + 5],
                                       s.ts + i * 190 * kSecond, ip),
                            out);
                  }
                }});
  k->push_back({"admin_login_new_ip",
                C::kExpel,
                {"mimecast.expel.admin_login_new_ip"},
                {},
                0,
                "An administrator logged on to the console from an IP never seen before.",
                [](Planter& p, S& s, TT* out) {
                  const Person& admin = p.Admin(s);
                  const std::string ip = PublicIp(p.rng());
                  p.Audit(s, LogonEvent(LogonStep::kChallenge, admin, s.ts, ip), out);
                  p.Audit(s, LogonEvent(LogonStep::kSuccess, admin, s.ts + 11 * kSecond, ip), out);
                }});
  k->push_back({"api_application_changed",
                C::kExpel,
                {"mimecast.expel.api_application_changed"},
                {},
                0,
                "An API application's keys were regenerated and its permissions widened.",
                [](Planter& p, S& s, TT* out) {
                  Rng& r = p.rng();
                  p.Audit(s,
                          ApiApplicationEvent(
                              p.Admin(s), s.ts, p.T(s).office_ip, "SIEM Collector",
                              fmt::format("{}-{}-{}-{}", r.Hex(8), r.Hex(4), r.Hex(4), r.Hex(12)),
                              "updated: keys regenerated, permissions set to Full Access"),
                          out);
                }});
  k->push_back({"mailbox_export",
                C::kExpel,
                {"mimecast.expel.mailbox_export_downloaded"},
                {},
                0,
                "An archive mailbox export was downloaded by an administrator who is not an "
                "approved exporter.",
                [](Planter& p, S& s, TT* out) {
                  p.Audit(s,
                          MailboxExportEvent(p.Admin(s), s.ts, p.T(s).office_ip,
                                             "eNq" + p.rng().Base64Url(120)),
                          out);
                }});
  k->push_back({"remediation_restored",
                C::kExpel,
                {"mimecast.expel.remediated_messages_restored"},
                {},
                0,
                "Messages removed by a threat remediation incident were restored to mailboxes.",
                [](Planter& p, S& s, TT* out) {
                  const Person& admin = p.Admin(s);
                  AuditEvent e;
                  e.ts = s.ts;
                  e.user = admin.email;
                  e.type = "Remediation Incident Adjustment";
                  e.category = "account_logs";
                  e.info = fmt::format(
                      "Restore Remediation Incident Created -  TR-{0}-0{1}-R, type : restore, "
                      "search criteria : "
                      "{{\"unremediateCode\":\"TR-{0}-0{1}-M\"}}, Date: {2}, Time: {3}+0000, IP: "
                      "{4}, Application: "
                      "Administration Console",
                      p.T(s).account, p.rng().Digits(4), DatePart(s.ts), TimePart(s.ts),
                      p.T(s).office_ip);
                  p.Audit(s, std::move(e), out);
                }});
}

}  // namespace

std::vector<ScenarioKind> BurstAndConsoleScenarios() {
  std::vector<ScenarioKind> k;
  Volume(&k);
  Console(&k);
  return k;
}

}  // namespace vigil::gen

// scenarios_duet.cc: the questions to the customer (large files to personal webmail, users
// releasing held mail, forwarding to webmail, DLP notifications, sensitive console changes,
// benign-looking warnings clicked through, data exports, Mimecast support logons) and the
// opt-in cases, which fire in the first tenant and are silent controls in the second.
#include <fmt/format.h>

#include "gen/audit_text.h"
#include "gen/files.h"
#include "gen/ids.h"
#include "gen/scenarios.h"

namespace vigil::gen {
namespace {

constexpr int64_t kSecond = 1000, kMinute = 60 * kSecond;
using C = ScenarioClass;
using S = ScenarioInstance;
using TT = TenantTraffic;

// A message held on arrival, then released by its recipient.
void UserRelease(Planter& p, S& s, bool malicious, TT* out) {
  const Person& u = p.AnyUser(s);
  Message m =
      p.Inbound(s, (malicious ? "docs@" : "offers@") + p.NewExternalDomain(), u.email,
                malicious ? "Your document is ready to view" : "Exclusive member offer", s.ts);
  m.process_act = "Hld";
  m.hold_reason = malicious ? "Url" : "Spm";
  if (!malicious) {
    m.spam_score = 31;
    m.verdict = "SPAM";
    m.risk = "MEDIUM";
  }
  const size_t i = p.Add(s, std::move(m), out);
  p.Release(s, i, s.ts + p.rng().Range(10, 60) * kMinute, u.email,
            {malicious ? "Malicious URL Detected" : "Spam Signature", "User",
             malicious ? "Default Inbound URL Protect Definition" : "Moderate Spam Detection",
             "Released by user from digest"},
            out);
}

void Duet(std::vector<ScenarioKind>* k) {
  k->push_back({"large_attachment_to_own_webmail",
                C::kDuet,
                {"mimecast.duet.large_attachment_to_personal_webmail",
                 "mimecast.duet.mail_to_own_personal_address"},
                {},
                0,
                "A user sent 24 MB of attachments to a webmail address in their own name.",
                [](Planter& p, S& s, TT* out) {
                  const Person& u = p.AnyUser(s);
                  Message m =
                      p.Outbound(s, u, p.traffic().FreemailAddress(u.first, u.last), "files", s.ts);
                  m.attachments.push_back(
                      MakeFile("backup_" + p.rng().Digits(4) + ".zip", 13'400'000, p.rng().Next()));
                  p.AddWithFile(s, std::move(m), "pipeline_2025.xlsx", 11'200'000, out);
                }});
  k->push_back({"forwarding_to_freemail",
                C::kDuet,
                {"mimecast.duet.new_forwarding_to_freemail"},
                {},
                0,
                "A user forwarded six messages (FW: ...) to one personal webmail address in two "
                "hours.",
                [](Planter& p, S& s, TT* out) {
                  const Person& u = p.AnyUser(s);
                  const std::string personal = p.traffic().FreemailAddress(u.first, u.last);
                  for (int i = 0; i < 6; ++i) {
                    p.Add(s,
                          p.Outbound(s, u, personal,
                                     "FW: " + p.traffic().Subject(vocab::BusinessSubjects()),
                                     s.ts + i * 19 * kMinute),
                          out);
                  }
                }});
  k->push_back({"user_released_held",
                C::kDuet,
                {"mimecast.duet.user_released_held_message"},
                {},
                0,
                "A user released a medium-risk spam message from their own hold queue.",
                [](Planter& p, S& s, TT* out) { UserRelease(p, s, false, out); }});
  k->push_back(
      {"user_released_malicious",
       C::kDuet,
       {"mimecast.duet.user_released_malicious_hold", "mimecast.expel.malicious_hold_delivered"},
       {},
       0,
       "A user released a message held for a malicious URL; it was delivered.",
       [](Planter& p, S& s, TT* out) { UserRelease(p, s, true, out); }});
  k->push_back(
      {"dlp_notification",
       C::kDuet,
       {"mimecast.duet.dlp_notification"},
       {},
       0,
       "A DLP notification-level policy hit on an outbound message.",
       [](Planter& p, S& s, TT* out) {
         DlpEvent d;
         d.msg = p.Add(
             s, p.Outbound(s, p.AnyUser(s), p.PartnerContact(s), "Salary review 2025", s.ts), out);
         d.ts = s.ts + 600;
         d.policy = "Confidential";
         d.action = "notification";
         d.scenario = s.id;
         out->dlp.push_back(d);
       }});
  k->push_back({"url_warning_clickthrough",
                C::kDuet,
                {"mimecast.duet.url_warning_clickthrough"},
                {},
                0,
                "A user continued past an awareness warning on a link URL Protect did not find "
                "malicious.",
                [](Planter& p, S& s, TT* out) {
                  const std::string domain = p.NewExternalDomain();
                  const size_t i = p.Add(s,
                                         p.Inbound(s, "team@" + domain, p.AnyUser(s).email,
                                                   "Your trial is ready", s.ts),
                                         out);
                  UrlClick& c = p.Click(s, i, s.ts + p.rng().Range(5, 50) * kMinute,
                                        fmt::format("https://app.{}/start", domain), out);
                  c.category = "Computers & Technology";
                  c.action = "warn";
                  c.actions = "Warn";
                  c.awareness = "Continue";
                  c.definition = "Inbound URL 'Aggressive'";
                }});
}

void DuetConsole(std::vector<ScenarioKind>* k) {
  k->push_back({"sensitive_admin_change",
                C::kDuet,
                {"mimecast.duet.sensitive_admin_change"},
                {},
                0,
                "An administrator created a connector that exports mail to an outside application.",
                [](Planter& p, S& s, TT* out) {
                  AuditEvent e;
                  e.ts = s.ts;
                  e.user = p.Admin(s).email;
                  e.type = "Connectors Management";
                  e.category = "integrations_and_apis";
                  e.info = fmt::format(
                      "Connector creation for Microsoft O365\nName: Mail Export - 365, "
                      "Description: null, Product: "
                      "Sync and Recover, App (provider): Microsoft O365\nSuccess: true, Date: {}, "
                      "Time: {}+0000, IP: "
                      "{}, Application: Administration Console",
                      DatePart(s.ts), TimePart(s.ts), p.T(s).office_ip);
                  p.Audit(s, std::move(e), out);
                }});
  k->push_back(
      {"page_data_export",
       C::kDuet,
       {"mimecast.duet.mailbox_restore_or_data_export"},
       {},
       0,
       "A console page (the user list) was exported to a spreadsheet.",
       [](Planter& p, S& s, TT* out) {
         p.Audit(s, PageExportEvent(p.Admin(s), s.ts, p.T(s).office_ip, "user_list", 48'211), out);
       }});
  k->push_back({"mimecast_support_login",
                C::kDuet,
                {"mimecast.duet.mimecast_support_login"},
                {},
                0,
                "Mimecast support logged into the tenant's account.",
                [](Planter& p, S& s, TT* out) {
                  const std::string who = "support" + p.rng().Digits(3) + "@mimecast.local";
                  AuditEvent e;
                  e.ts = s.ts;
                  e.user = who;
                  e.type = "Mimecast Support Login";
                  e.category = "mimecast_access_logs";
                  e.info = fmt::format(
                      "Action Performed - {0} logged into this account. by {0}<{0}> Date: {1} "
                      "Time: {2} +0000 IP: {3} "
                      "Application: Administration Console",
                      who, DatePart(s.ts), TimePart(s.ts), PublicIp(p.rng()));
                  p.Audit(s, std::move(e), out);
                }});
}

void OptIns(std::vector<ScenarioKind>* k) {
  k->push_back({"optin_new_domain_attachment",
                C::kOptIn,
                {"mimecast.expel.new_sender_domain_with_attachment"},
                {},
                0,
                "A newly observed domain (Impersonation Protect) sending a PDF catalogue.",
                [](Planter& p, S& s, TT* out) {
                  const std::string domain = p.NewExternalDomain();
                  Message m =
                      p.Inbound(s, "sales@" + domain, p.AnyUser(s).email, "Our catalogue", s.ts);
                  m.attachments.push_back(MakeFile("catalogue_" + p.rng().Digits(4) + ".pdf",
                                                   1'250'000, p.rng().Next()));
                  m.imp.new_domain = m.imp_flags_logged = true;
                  const size_t i = p.Add(s, std::move(m), out);
                  p.Impersonation(s, i, ImpFlags{.new_domain = true}, domain, domain, out);
                }});
  k->push_back({"optin_graymail_burst",
                C::kOptIn,
                {"mimecast.expel.graymail_burst"},
                {},
                0,
                "25 graymail newsletters to one recipient in 30 minutes.",
                [](Planter& p, S& s, TT* out) {
                  const std::string rcpt = p.AnyUser(s).email;
                  for (int i = 0; i < 25; ++i) {
                    Message m = p.Inbound(s, "news@" + p.NewExternalDomain(), rcpt,
                                          p.traffic().Subject(vocab::NewsletterSubjects()),
                                          s.ts + i * 70 * kSecond);
                    m.grey = true;
                    m.spam_score = static_cast<int>(p.rng().Range(8, 18));
                    p.Add(s, std::move(m), out);
                  }
                }});
  k->push_back({"optin_after_hours_vip",
                C::kOptIn,
                {"mimecast.expel.after_hours_vip_mail"},
                {},
                0,
                "A VIP sending mail at 02:30 local time.",
                [](Planter& p, S& s, TT* out) {
                  p.Add(s, p.Outbound(s, p.Vip(s), p.PartnerContact(s), "Re: term sheet", s.ts),
                        out);
                }});
  k->push_back({"optin_shortened_url_click",
                C::kOptIn,
                {"mimecast.expel.shortened_url_click"},
                {},
                0,
                "A click on a URL-shortener link.",
                [](Planter& p, S& s, TT* out) {
                  const size_t i = p.Add(s, p.FromNewDomain(s, "promo", "You're invited"), out);
                  p.Click(s, i, s.ts + p.rng().Range(5, 40) * kMinute,
                          "https://bit.ly/" + p.rng().Base64Url(7), out);
                }});
  k->push_back({"optin_macro_attachment",
                C::kOptIn,
                {"mimecast.expel.macro_attachment_external"},
                {},
                0,
                "A macro-enabled workbook from an outside sender, delivered.",
                [](Planter& p, S& s, TT* out) {
                  Message m = p.FromNewDomain(s, "reports", "Monthly figures");
                  p.AddWithFile(s, std::move(m), "figures_" + p.rng().Digits(4) + ".xlsm", 96'000,
                                out);
                }});
  k->push_back({"optin_archive_first_time_sender",
                C::kOptIn,
                {"mimecast.expel.archive_attachment_first_time_sender"},
                {"mimecast.expel.new_sender_domain_with_attachment"},
                0,
                "A ZIP archive from a first-time sender.",
                [](Planter& p, S& s, TT* out) {
                  Message m = p.FromNewDomain(s, "shipping", "Tracking documents");
                  p.AddWithFile(s, std::move(m), "tracking_" + p.rng().Digits(5) + ".zip", 310'000,
                                out);
                }});
  k->push_back({"optin_partner_without_tls",
                C::kOptIn,
                {"mimecast.expel.partner_mail_without_tls"},
                {},
                0,
                "Mail to a partner delivered without TLS.",
                [](Planter& p, S& s, TT* out) {
                  Message m = p.Outbound(s, p.AnyUser(s), p.PartnerContact(s),
                                         "Contract draft for review", s.ts);
                  m.tls_version.clear();
                  m.cipher.clear();
                  p.Add(s, std::move(m), out);
                }});
  k->push_back({"optin_sensitive_archive_search",
                C::kOptIn,
                {"mimecast.duet.archive_search_sensitive_terms"},
                {},
                0,
                "An administrator searched the archive for salary data.",
                [](Planter& p, S& s, TT* out) {
                  SearchEvent e;
                  e.ts = s.ts;
                  e.user = p.Admin(s).email;
                  e.description = "Message Tracking Search";
                  e.text = "salary review 2025";
                  e.scenario = s.id;
                  out->searches.push_back(e);
                }});
  k->push_back({"optin_first_time_sender_to_vip",
                C::kOptIn,
                {"mimecast.expel.first_time_sender_to_vip"},
                {},
                0,
                "A first-time outside sender writing to a VIP.",
                [](Planter& p, S& s, TT* out) {
                  p.Add(s,
                        p.Inbound(s, "partnerships@" + p.NewExternalDomain(), p.Vip(s).email,
                                  "Introduction", s.ts),
                        out);
                }});
}

}  // namespace

std::vector<ScenarioKind> DuetAndOptInScenarios() {
  std::vector<ScenarioKind> k;
  Duet(&k);
  DuetConsole(&k);
  OptIns(&k);
  return k;
}

}  // namespace vigil::gen

// scenarios_content.cc: what a message carries: risky attachments (containers, HTML finance
// lures, free-webmail payloads, double extensions, right-to-left override names, IOC hashes),
// malicious holds released and delivered, a malicious attachment followed by a click, and
// risky clicks (on an IP host, on an internal sender's malicious link).
#include <fmt/format.h>

#include "gen/files.h"
#include "gen/scenarios.h"

namespace vigil::gen {
namespace {

constexpr int64_t kSecond = 1000, kMinute = 60 * kSecond;
using C = ScenarioClass;
using S = ScenarioInstance;
using TT = TenantTraffic;

constexpr std::string_view kFirstTime = "mimecast.expel.risky_attachment_first_time_sender";

// A delivered message from `sender` (a new domain when empty) carrying `file`.
size_t Carrying(Planter& p, S& s, std::string sender, const std::string& subject,
                const std::string& file, TT* out) {
  if (sender.empty()) sender = "payments@" + p.NewExternalDomain();
  Message m = p.Inbound(s, sender, p.AnyUser(s).email, subject, s.ts);
  m.attachments.push_back(MakeFile(file, p.rng().Range(20'000, 1'400'000), p.rng().Next()));
  return p.Add(s, std::move(m), out);
}

void Attachments(std::vector<ScenarioKind>* k) {
  k->push_back({"container_attachment_new_sender",
                C::kExpel,
                {"mimecast.expel.container_attachment_external", kFirstTime},
                {},
                0,
                "A OneNote, ISO or LNK attachment from a first-time outside sender, delivered.",
                [](Planter& p, S& s, TT* out) {
                  static constexpr std::string_view kFiles[] = {"Meeting_Notes_{}.one",
                                                                "Invoice_{}.iso", "Scan_{}.lnk"};
                  Carrying(p, s, "", "Documents for review",
                           fmt::format(fmt::runtime(kFiles[s.tenant % std::size(kFiles)]),
                                       p.rng().Digits(5)),
                           out);
                }});
  k->push_back({"html_attachment_finance_lure",
                C::kExpel,
                {"mimecast.expel.html_attachment_finance_lure", kFirstTime},
                {},
                0,
                "An HTML attachment with a remittance subject from a first-time sender.",
                [](Planter& p, S& s, TT* out) {
                  Carrying(p, s, "", "Remittance advice " + p.rng().Digits(6),
                           "Remittance_" + p.rng().Digits(5) + ".html", out);
                }});
  k->push_back({"freemail_risky_attachment",
                C::kExpel,
                {"mimecast.expel.freemail_risky_attachment", kFirstTime},
                {},
                0,
                "A disk image from a free-webmail address, delivered.",
                [](Planter& p, S& s, TT* out) {
                  Carrying(
                      p, s,
                      p.traffic().FreemailAddress(std::string(p.rng().Pick(vocab::FirstNames())),
                                                  std::string(p.rng().Pick(vocab::LastNames()))),
                      "photos from the weekend", "photos_" + p.rng().Digits(4) + ".iso", out);
                }});
  k->push_back({"double_extension",
                C::kExpel,
                {"mimecast.expel.double_extension_attachment", kFirstTime},
                {},
                0,
                "An executable named like a PDF (Invoice_12345.pdf.exe).",
                [](Planter& p, S& s, TT* out) {
                  Carrying(p, s, "", "Your invoice", "Invoice_" + p.rng().Digits(5) + ".pdf.exe",
                           out);
                }});
  k->push_back({"rtlo_attachment",
                C::kExpel,
                {"mimecast.expel.rtlo_attachment_name", kFirstTime},
                {},
                0,
                "An executable whose name hides its extension with a right-to-left override "
                "(Invoice_1234<U+202E>fdp.exe shows as Invoice_1234exe.pdf).",
                [](Planter& p, S& s, TT* out) {
                  Carrying(p, s, "", "Invoice",
                           "Invoice_" + p.rng().Digits(4) + "\u202e" + "fdp.exe", out);
                }});
  k->push_back({"ioc_file_hash",
                C::kExpel,
                {"mimecast.expel.ioc_file_hash"},
                {},
                0,
                "An attachment whose SHA-256 is on the tenant's IOC list (the sandbox said safe).",
                [](Planter& p, S& s, TT* out) {
                  const size_t i =
                      Carrying(p, s, "orders@" + p.NewExternalDomain(), "Purchase order",
                               "PO_" + p.rng().Digits(6) + ".pdf", out);
                  p.AddIoc(s, out->messages[i].attachments[0].sha256);
                  p.Sandbox(s, i, s.ts + 30 * kSecond, "safe",
                            "Safe                                              \r\nTime taken: 0 "
                            "hrs, 0 min, 5 sec",
                            out);
                }});
}

void Holds(std::vector<ScenarioKind>* k) {
  k->push_back({"held_malicious_released_by_admin",
                C::kExpel,
                {"mimecast.expel.malicious_hold_released_by_admin",
                 "mimecast.expel.malicious_hold_delivered"},
                {},
                0,
                "A message held by Impersonation Protect, released by an administrator and "
                "delivered.",
                [](Planter& p, S& s, TT* out) {
                  const Person& vip = p.Vip(s);
                  Message m = p.FromNewDomain(s, "advisor", "Confidential: acquisition documents");
                  m.process_act = "Hld";
                  m.hold_reason = "Imp";
                  m.imp.internal_name = true;
                  const size_t i = p.Add(s, std::move(m), out);
                  ImpVerdict& v = p.Impersonation(s, i, ImpFlags{.internal_name = true},
                                                  fmt::format("{} <{}>", vip.display, vip.email),
                                                  vip.display, out);
                  v.action = "Hold";
                  v.definition = "IP - 1 hit (Hold for Review / User Hold)";
                  p.Release(s, i, s.ts + p.rng().Range(20, 90) * kMinute, p.Admin(s).email,
                            {"High-Confidence Impersonation Protection", "Administrators",
                             "Default Impersonation Definition", "Released by administrator"},
                            out);
                }});
  k->push_back(
      {"malicious_attachment_then_click",
       C::kExpel,
       {"mimecast.expel.malicious_attachment_then_click", "mimecast.vendor.attachment_malicious"},
       {},
       0,
       "Attachment Protect found a delivered attachment malicious, then the same recipient "
       "clicked a link.",
       [](Planter& p, S& s, TT* out) {
         const size_t i = Carrying(p, s, "", "Shipping documents " + p.rng().Digits(6),
                                   "Shipping_Docs_" + p.rng().Digits(5) + ".pdf", out);
         p.Sandbox(s, i, s.ts + 50 * kSecond, "malicious",
                   "[MALICIOUS_ACTIVITY: Dropper: Downloads an executable\r\nTime taken: 0 hrs, 1 "
                   "min, 4 sec]",
                   out);
         p.Click(s, i, s.ts + p.rng().Range(15, 50) * kMinute,
                 fmt::format("https://{}/track/{}", p.NewExternalDomain(), p.rng().Hex(16)), out);
       }});
}

void Clicks(std::vector<ScenarioKind>* k) {
  k->push_back({"url_ip_host_click",
                C::kExpel,
                {"mimecast.expel.url_ip_host_click"},
                {},
                0,
                "A click, allowed, on a link to a bare IP address.",
                [](Planter& p, S& s, TT* out) {
                  const size_t i = p.Add(s, p.FromNewDomain(s, "delivery", "Parcel on hold"), out);
                  p.Click(s, i, s.ts + p.rng().Range(5, 40) * kMinute,
                          fmt::format("http://{}.{}.{}.{}/track.php", p.rng().Range(45, 190),
                                      p.rng().Range(1, 254), p.rng().Range(1, 254),
                                      p.rng().Range(1, 254)),
                          out)
                      .category = "Uncategorized";
                }});
  k->push_back({"internal_sender_malicious_url",
                C::kExpel,
                {"mimecast.expel.internal_sender_malicious_url"},
                {},
                0,
                "URL Protect's entry scan found a malicious link in mail an internal account sent "
                "outside (a compromised mailbox).",
                [](Planter& p, S& s, TT* out) {
                  const Person& u = p.AnyUser(s);
                  const size_t i =
                      p.Add(s, p.Outbound(s, u, p.PartnerContact(s), "FW: document", s.ts), out);
                  UrlClick& c = p.Click(
                      s, i, s.ts + 2 * kSecond,
                      fmt::format("https://{}/doc/{}", p.NewExternalDomain(), p.rng().Hex(8)), out);
                  c.scan_result = "malicious";
                  c.category = "Phishing & Fraud";
                  c.action = "warn";
                  c.actions = "Hold, None";
                  c.creation = "Entry Scan";
                  c.definition = "Default Internal URL Protect Definition";
                }});
}

}  // namespace

std::vector<ScenarioKind> AttachmentScenarios() {
  std::vector<ScenarioKind> k;
  Attachments(&k);
  Holds(&k);
  Clicks(&k);
  return k;
}

}  // namespace vigil::gen

// scenarios_vendor.cc: Mimecast's own verdicts, planted at natural rates: URL Protect clicks
// (blocked, allowed, warned, dangerous downloads), Attachment Protect (malicious, released by
// the user, suspicious), Impersonation Protect (held on two identifiers, tagged but not held),
// anti-virus (outside and internal senders, EICAR), receipt viruses and QR codes, Internal
// Email Protect, DLP blocks and holds, high-risk spam delivered or released.
#include <fmt/format.h>

#include "gen/files.h"
#include "gen/scenarios.h"

namespace vigil::gen {
namespace {

constexpr int64_t kSecond = 1000, kMinute = 60 * kSecond;
using C = ScenarioClass;
using S = ScenarioInstance;
using TT = TenantTraffic;

// A phishing message from a new domain to an ordinary user, delivered.
size_t Phish(Planter& p, S& s, const std::string& domain, const std::string& subject, TT* out) {
  return p.Add(s, p.Inbound(s, "notice@" + domain, p.AnyUser(s).email, subject, s.ts), out);
}

// A click on a phishing link minutes after the message arrived.
UrlClick& PhishClick(Planter& p, S& s, TT* out, std::string_view path = "/login/") {
  const std::string domain = p.NewExternalDomain();
  const size_t i = Phish(p, s, domain, "Action required: review the shared document", out);
  UrlClick& c = p.Click(s, i, s.ts + p.rng().Range(3, 40) * kMinute,
                        fmt::format("https://{}{}{}", domain, path, p.rng().Hex(12)), out);
  c.scan_result = "malicious";
  c.category = "Phishing & Fraud";
  return c;
}

// An inbound message with one attachment, held for sandboxing when `held`.
size_t WithFile(Planter& p, S& s, const std::string& file, int64_t size, bool held, TT* out) {
  Message m = p.FromNewDomain(s, "accounts", "Payment advice " + p.rng().Digits(6));
  m.attachments.push_back(MakeFile(file, size, p.rng().Next()));
  if (held) {
    m.process_act = "Hld";
    m.hold_reason = "Sbx";
  }
  return p.Add(s, std::move(m), out);
}

// A later click by the same user completes malicious_attachment_then_click.
constexpr std::string_view kThenClick = "mimecast.expel.malicious_attachment_then_click";

constexpr std::string_view kExploit =
    "[MALICIOUS_ACTIVITY: Exploit: Attempting to exploit CVE-2010-1240\r\nTime taken: 0 hrs, 0 "
    "min, 2 sec]";

void AvHitOn(Planter& p, S& s, Message m, std::string file, int64_t size, std::string virus,
             TT* out) {
  m.attachments.push_back(MakeFile(file, size, p.rng().Next()));
  m.process_act = "Hld";
  m.hold_reason = "Oth";
  AvHit a;
  a.file = m.attachments[0];
  a.msg = p.Add(s, std::move(m), out);
  a.ts = s.ts + 500;
  a.virus = std::move(virus);
  a.scenario = s.id;
  out->av.push_back(a);
}

void Dlp(Planter& p, S& s, bool block, TT* out) {
  const Person& u = p.AnyUser(s);
  Message m = p.Outbound(s, u, p.PartnerContact(s), "Customer list export", s.ts);
  m.attachments.push_back(
      MakeFile("customers_" + p.rng().Digits(4) + ".xlsx", 512'000, p.rng().Next()));
  m.process_act = block ? "Bnc" : "Hld";
  if (!block) m.hold_reason = "Dpp";
  DlpEvent d;
  d.msg = p.Add(s, std::move(m), out);
  d.ts = s.ts + 700;
  d.policy = block ? "Confidential" : "Content Inspection - PII";
  d.action = block ? "block" : "hold";
  d.scenario = s.id;
  out->dlp.push_back(d);
}

// High-risk spam from a permitted sender.
Message HighRiskSpam(Planter& p, S& s) {
  Message m = p.Inbound(s, "offers@" + p.NewExternalDomain(), p.AnyUser(s).email,
                        std::string(p.rng().Pick(vocab::SpamSubjects())), s.ts);
  m.spam_score = static_cast<int>(p.rng().Range(35, 60));
  m.verdict = "SPAM";
  m.risk = "HIGH";
  return m;
}

}  // namespace

std::vector<ScenarioKind> VendorScenarios() {
  return {
      {"url_click_blocked",
       C::kVendor,
       {"mimecast.vendor.url_click_blocked"},
       {},
       1.5,
       "A user clicked a rewritten link that URL Protect blocked as malicious: the click log "
       "(action block) and the SIEM url protect line.",
       [](Planter& p, S& s, TT* out) {
         UrlClick& c = PhishClick(p, s, out);
         c.action = "block";
         c.actions = "Block";
         c.tag_type = "Phishing & Fraud";
         c.siem_line = true;
       }},
      {"url_click_malicious_allowed",
       C::kVendor,
       {"mimecast.vendor.url_click_malicious"},
       {},
       0.5,
       "A click on a URL scanned malicious that was let through (action allow).",
       [](Planter& p, S& s, TT* out) { PhishClick(p, s, out); }},
      {"url_warning_bypassed_malicious",
       C::kVendor,
       {"mimecast.vendor.url_warning_bypassed_malicious"},
       {},
       0.5,
       "A Phishing & Fraud URL behind an awareness warning; the user chose Continue.",
       [](Planter& p, S& s, TT* out) {
         UrlClick& c = PhishClick(p, s, out);
         c.action = "warn";
         c.actions = "Warn";
         c.awareness = "Continue";
       }},
      {"url_dangerous_file_download",
       C::kVendor,
       {"mimecast.vendor.url_dangerous_file_download", "mimecast.expel.executable_download_click"},
       {},
       0.5,
       "A click, allowed, on a link that downloads an .exe (Dangerous file extension).",
       [](Planter& p, S& s, TT* out) {
         UrlClick& c = PhishClick(p, s, out, "/download/setup_");
         c.url += ".exe";
         c.scan_result = "clean";
         c.category = "Dangerous file extension";
       }},
      {"attachment_malicious",
       C::kVendor,
       {"mimecast.vendor.attachment_malicious"},
       {kThenClick},
       1.0,
       "Attachment Protect judged a sandboxed PDF malicious; the message stayed held.",
       [](Planter& p, S& s, TT* out) {
         const size_t i =
             WithFile(p, s, "Payment_Advice_" + p.rng().Digits(5) + ".pdf", 184'322, true, out);
         p.Sandbox(s, i, s.ts + 40 * kSecond, "malicious", kExploit, out);
       }},
      {"attachment_malicious_user_released",
       C::kVendor,
       {"mimecast.vendor.attachment_malicious_user_released",
        "mimecast.expel.malicious_hold_delivered"},
       {kThenClick},
       0.3,
       "A user released the original of an attachment Attachment Protect found malicious; the "
       "message held for sandboxing was then delivered.",
       [](Planter& p, S& s, TT* out) {
         const size_t i =
             WithFile(p, s, "Statement_" + p.rng().Digits(5) + ".pdf", 122'004, true, out);
         p.Sandbox(s, i, s.ts + 40 * kSecond, "malicious", kExploit, out).action_triggered =
             "user release, none";
         p.traffic().Redeliver(s.tenant, out->messages[i], s.ts + 25 * kMinute);
       }},
      {"attachment_suspicious",
       C::kVendor,
       {"mimecast.vendor.attachment_suspicious"},
       {},
       0.3,
       "Attachment Protect judged a sandboxed document suspicious.",
       [](Planter& p, S& s, TT* out) {
         const size_t i = WithFile(p, s, "Order_" + p.rng().Digits(5) + ".docx", 64'220, true, out);
         p.Sandbox(
             s, i, s.ts + 35 * kSecond, "suspicious",
             "[SUSPICIOUS_ACTIVITY: Obfuscated macro code\r\nTime taken: 0 hrs, 0 min, 9 sec]",
             out);
       }},
      {"impersonation_held_two_identifiers",
       C::kVendor,
       {"mimecast.vendor.impersonation_multiple_identifiers_held"},
       {},
       1.0,
       "Impersonation Protect tagged a message malicious on two identifiers (VIP name, threat "
       "dictionary) and held it.",
       [](Planter& p, S& s, TT* out) {
         const Person& vip = p.Vip(s);
         Message m = p.FromNewDomain(s, "ceo.office", "Urgent wire request");
         m.process_act = "Hld";
         m.hold_reason = "Imp";
         m.imp = ImpFlags{.internal_name = true, .threat_dictionary = true};
         m.imp_flags_logged = true;
         const size_t i = p.Add(s, std::move(m), out);
         ImpVerdict& v =
             p.Impersonation(s, i, ImpFlags{.internal_name = true, .threat_dictionary = true},
                             fmt::format("{} <{}>", vip.display, vip.email), vip.display, out);
         v.action = "Hold";
         v.definition = "IP - 2 hits (Hold for Review / User Hold)";
         v.tagged_malicious = true;
       }},
      {"impersonation_tagged_not_held",
       C::kVendor,
       {"mimecast.vendor.impersonation_malicious_not_held"},
       {},
       0.5,
       "Impersonation Protect tagged a message malicious (one hit, tag only) and let it through.",
       [](Planter& p, S& s, TT* out) {
         const Person& fin = p.Finance(s);
         Message m = p.FromNewDomain(s, "treasury", "Request from " + fin.display);
         m.imp.internal_name = m.imp_flags_logged = true;
         const size_t i = p.Add(s, std::move(m), out);
         ImpVerdict& v =
             p.Impersonation(s, i, ImpFlags{.internal_name = true},
                             fmt::format("{} <{}>", fin.display, fin.email), fin.display, out);
         v.definition = "IP - 1 hit (Tag email)";
         v.tagged_malicious = true;
       }},
      {"av_detection",
       C::kVendor,
       {"mimecast.vendor.av_detection"},
       {},
       1.0,
       "The anti-virus engine found a macro workbook in an inbound message.",
       [](Planter& p, S& s, TT* out) {
         AvHitOn(p, s, p.FromNewDomain(s, "billing", "Invoice " + p.rng().Digits(6)),
                 "Invoice_" + p.rng().Digits(6) + ".xlsm", 88'412, "Anomali:Phishing", out);
       }},
      {"av_internal_sender",
       C::kVendor,
       {"mimecast.vendor.av_internal_sender"},
       {},
       0.3,
       "An internal account sent a document the anti-virus engine flags (a compromised host).",
       [](Planter& p, S& s, TT* out) {
         const Person& u = p.AnyUser(s);
         AvHitOn(p, s, p.Outbound(s, u, p.PartnerContact(s), "Updated figures", s.ts),
                 "figures_" + p.rng().Digits(4) + ".docm", 142'880, "W97M.Downloader", out);
       }},
      {"av_eicar_global_ioc",
       C::kVendor,
       {"mimecast.vendor.av_detection", "mimecast.expel.ioc_file_hash"},
       {},
       0,
       "The EICAR test file, found by anti-virus and on the pack's global IOC list.",
       [](Planter& p, S& s, TT* out) {
         Message m = p.FromNewDomain(s, "qa", "AV test");
         m.process_act = "Hld";
         m.hold_reason = "Oth";
         AvHit a;
         a.file.name = "eicar.com";
         a.file.ext = "com";
         a.file.mime = "application/octet-stream";
         a.file.size = 68;
         a.file.md5 = "44d88612fea8a8f36de82e1278abb02f";
         a.file.sha1 = "3395856ce81f2b7382dee72602f798b642f14140";
         a.file.sha256 = "275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f";
         m.attachments.push_back(a.file);
         a.msg = p.Add(s, std::move(m), out);
         a.ts = s.ts + 400;
         a.virus = "EICAR-Test-File (not a virus)";
         a.scenario = s.id;
         out->av.push_back(a);
       }},
      {"receipt_virus",
       C::kVendor,
       {"mimecast.vendor.receipt_virus", "mimecast.vendor.virus_signature_rejection"},
       {},
       0.5,
       "A message rejected at receipt on a virus signature.",
       [](Planter& p, S& s, TT* out) {
         Message m = p.FromNewDomain(s, "scanner", "Scan");
         m.receipt_act = "Rej";
         m.virus = "Win.Trojan.Agent-" + p.rng().Digits(7);
         m.rej_type = "Virus Signature Detection";
         m.rej_code = "554";
         m.rej_info = "Message contains a virus: " + m.virus;
         p.Add(s, std::move(m), out);
       }},
      {"qr_code_rejection",
       C::kVendor,
       {"mimecast.vendor.malicious_qrcode_rejected"},
       {},
       0.5,
       "A message rejected at receipt for a malicious QR code.",
       [](Planter& p, S& s, TT* out) {
         const std::string domain = p.NewExternalDomain();
         const std::string url = fmt::format("https://{}/m/{}", domain, p.rng().Hex(10));
         Message m = p.Inbound(s, "hr@" + domain, p.AnyUser(s).email, "Benefits enrolment", s.ts);
         m.receipt_act = "Rej";
         m.rej_type = "Malicious QRCode Detection";
         m.rej_code = "554";
         m.rej_info = fmt::format(
             "[Type: [Phishing & Fraud],Url: [{}],UrlBlock: [ORIGINAL:{} (Blocked as PHISHING)]]",
             url, url);
         m.receipt_error = "Malicious QRCode detected in email: UrlReputationScan";
         p.Add(s, std::move(m), out);
       }},
      {"iep_malicious_url",
       C::kVendor,
       {"mimecast.vendor.iep_malicious_url"},
       {},
       0.5,
       "Internal Email Protect found a phishing URL in mail between two internal users.",
       [](Planter& p, S& s, TT* out) {
         const Person& from = p.AnyUser(s);
         Message m = p.traffic().NewMessage(s.tenant, Dir::kInternal, s.ts, from.email,
                                            {p.AnyUser(s).email}, "Management changes");
         IepHit h;
         h.msg = p.Add(s, std::move(m), out);
         h.ts = s.ts + 900;
         h.url = fmt::format("https://{}/sso/login", p.NewExternalDomain());
         h.category = "Phishing & Fraud";
         h.scan_info = "Blocked URL Category";
         h.scenario = s.id;
         out->iep.push_back(h);
       }},
      {"iep_dangerous_file",
       C::kVendor,
       {"mimecast.vendor.iep_dangerous_file"},
       {},
       0.3,
       "Internal Email Protect stopped a DLL sent between two internal users.",
       [](Planter& p, S& s, TT* out) {
         Message m = p.traffic().NewMessage(s.tenant, Dir::kInternal, s.ts, p.AnyUser(s).email,
                                            {p.AnyUser(s).email}, "tool you asked for");
         IepHit h;
         h.msg = p.Add(s, std::move(m), out);
         h.ts = s.ts + 900;
         h.category = "Uncategorized";
         h.scan_info = "Restricted File Type - Found executable extension: dll";
         h.scenario = s.id;
         out->iep.push_back(h);
       }},
      {"dlp_block",
       C::kVendor,
       {"mimecast.vendor.dlp_block_outbound"},
       {},
       0.5,
       "A DLP policy blocked an outbound message.",
       [](Planter& p, S& s, TT* out) { Dlp(p, s, true, out); }},
      {"dlp_hold",
       C::kVendor,
       {"mimecast.vendor.dlp_hold_outbound"},
       {},
       0.5,
       "A DLP policy held an outbound message for review.",
       [](Planter& p, S& s, TT* out) { Dlp(p, s, false, out); }},
      {"spam_high_risk_delivered",
       C::kVendor,
       {"mimecast.vendor.high_risk_spam_delivered"},
       {},
       0.5,
       "High-risk spam from a permitted sender, accepted and delivered.",
       [](Planter& p, S& s, TT* out) {
         const size_t i = p.Add(s, HighRiskSpam(p, s), out);
         out->spam.push_back({i, 0, s.ts + 400, s.id});
       }},
      {"spam_high_risk_released",
       C::kVendor,
       {"mimecast.vendor.high_risk_spam_released"},
       {"mimecast.vendor.high_risk_spam_delivered"},
       0.3,
       "High-risk spam held, then released by an administrator.",
       [](Planter& p, S& s, TT* out) {
         Message m = HighRiskSpam(p, s);
         m.process_act = "Hld";
         m.hold_reason = "Spm";
         const size_t i = p.Add(s, std::move(m), out);
         out->spam.push_back({i, 0, s.ts + 400, s.id});
         p.Release(s, i, s.ts + p.rng().Range(20, 120) * kMinute, p.Admin(s).email,
                   {"Spam Signature", "Administrators", "Moderate Spam Detection",
                    "Released by administrator"},
                   out);
       }},
  };
}

}  // namespace vigil::gen

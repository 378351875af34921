// rule_gen.cc: the templates and vocabularies of the benchmark rule generator.
#include "bench/common/rule_gen.h"

#include <array>
#include <functional>
#include <span>
#include <string_view>
#include <vector>

namespace vigil::bench {
namespace {

using SV = std::string_view;

constexpr SV kBrands[] = {
    "paypal.com",          "microsoft.com", "docusign.net",   "dropbox.com",    "adobe.com",
    "wellsfargo.com",      "chase.com",     "amazon.com",     "apple.com",      "dhl.com",
    "fedex.com",           "ups.com",       "linkedin.com",   "netflix.com",    "office.com",
    "sharepoint.com",      "zoom.us",       "okta.com",       "salesforce.com", "intuit.com",
    "americanexpress.com", "hsbc.com",      "barclays.co.uk", "coinbase.com",   "binance.com",
    "wetransfer.com",      "box.com",       "godaddy.com",    "servicenow.com", "workday.com"};

constexpr SV kKeywords[] = {"invoice",
                            "overdue",
                            "payment",
                            "wire transfer",
                            "remittance",
                            "urgent",
                            "action required",
                            "verify",
                            "suspended",
                            "password",
                            "expire",
                            "voicemail",
                            "fax",
                            "shared a file",
                            "document",
                            "signature",
                            "docusign",
                            "purchase order",
                            "quote",
                            "statement",
                            "refund",
                            "tax",
                            "w-2",
                            "payroll",
                            "direct deposit",
                            "gift card",
                            "bank details",
                            "account update",
                            "security alert",
                            "unusual sign-in",
                            "mailbox full",
                            "quota",
                            "delivery failure",
                            "parcel",
                            "shipment",
                            "tracking",
                            "contract",
                            "agreement",
                            "proposal",
                            "confidential",
                            "salary",
                            "bonus",
                            "benefits",
                            "hr policy",
                            "compliance",
                            "audit",
                            "lawsuit",
                            "subpoena",
                            "court",
                            "crypto",
                            "bitcoin",
                            "wallet",
                            "reset",
                            "mfa",
                            "2fa",
                            "login attempt",
                            "locked",
                            "reactivate",
                            "final notice",
                            "past due"};

constexpr SV kRegexes[] = {R"(invoice\s*#?\s*[0-9]{4,})",
                           R"(po[-_ ]?[0-9]{5,})",
                           R"(ref(erence)?:?\s*[a-z0-9]{8,})",
                           R"(payment\s+(advice|confirmation))",
                           R"(your\s+(account|mailbox)\s+(will|has))",
                           R"(\bdocu-?sign\b)",
                           R"(shared\s+.*\s+with\s+you)",
                           R"(voice\s*mail\s+from\s+\+?[0-9])",
                           R"(action\s+required:?)",
                           R"(\bw-?2\b.*\b20[0-9]{2}\b)",
                           R"(wire\s+(transfer|instructions))",
                           R"(password\s+(expir|reset))"};

constexpr SV kExtGroups[][4] = {{"exe", "scr", "com", "pif"},     {"js", "jse", "vbs", "wsf"},
                                {"iso", "img", "vhd", "vhdx"},    {"lnk", "url", "hta", "cpl"},
                                {"docm", "xlsm", "pptm", "dotm"}, {"html", "htm", "svg", "shtml"},
                                {"zip", "rar", "7z", "ace"},      {"one", "onepkg", "chm", "msi"}};

constexpr SV kNameWords[] = {"invoice",   "payment",   "remittance", "scan",
                             "statement", "order",     "receipt",    "contract",
                             "fax",       "voicemail", "document",   "urgent"};

constexpr SV kTlds[] = {".xyz", ".top",  ".click", ".zip", ".mov",     ".live",  ".online", ".site",
                        ".icu", ".buzz", ".rest",  ".cam", ".monster", ".quest", ".sbs",    ".cfd"};

constexpr SV kUrlWords[] = {"/wp-admin/", "/wp-content/", "login",     "signin",  "verify",
                            "/owa/",      "office365",    "secure",    "account", "webscr",
                            "/cgi-bin/",  "index.php?",   "redirect=", "/auth/",  "onedrive",
                            "sharepoint", "docs.google",  "ipfs",      "@",       "bit.ly"};

constexpr SV kAuditTypes[] = {"User Logged On",
                              "Logon Authentication Failed",
                              "Application Settings Updated",
                              "Policy Changed",
                              "Account Updated",
                              "Group Membership Changed",
                              "Message Released",
                              "Message Rejected",
                              "API Application Created",
                              "Archive Search",
                              "Held Message Viewed",
                              "Connector Updated",
                              "Permanent Delete",
                              "Role Assigned",
                              "Directory Sync Updated",
                              "Mimecast Support Login"};

constexpr SV kPartnerDomains[] = {"lanternmedia.com",  "wavelength.ca",       "lumen.org",
                                  "nexusventures.net", "javelinventures.com", "wisdomcapital.net",
                                  "northwind.example", "contoso.example",     "fabrikam.example",
                                  "tailspin.example",  "adatum.example",      "litware.example"};

constexpr SV kDisplayWords[] = {"support",  "helpdesk", "it service", "payroll",   "hr team",
                                "security", "admin",    "billing",    "accounts",  "ceo",
                                "director", "finance",  "no-reply",   "postmaster"};

constexpr SV kIdentifiers[] = {
    "internal_user_name",      "new_domain",        "reply_mismatch",  "similar_internal_domain",
    "similar_external_domain", "threat_dictionary", "custom_name_list"};

constexpr SV kMitre[] = {"T1566", "T1566.001", "T1566.002", "T1534", "T1598",
                         "T1656", "T1204.001", "T1204.002", "T1078", "T1586.002"};

constexpr SV kSeverities[] = {"low", "medium", "medium", "high", "critical"};

// splitmix64: small, fast and fully determined by the seed.
class Prng {
 public:
  explicit Prng(uint64_t seed) : s_(seed ^ 0x9E3779B97F4A7C15ull) {}
  uint64_t Next() {
    uint64_t z = (s_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }
  template <typename T, size_t N>
  const T& Pick(const T (&a)[N]) {
    return a[Below(N)];
  }

 private:
  uint64_t s_;
};

std::string Quote(SV s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// `n` distinct entries of `a` as a vgl list literal of quoted strings.
template <size_t N>
std::string QuotedList(Prng& r, const SV (&a)[N], size_t n, SV prefix = "") {
  std::vector<size_t> idx;
  while (idx.size() < n && idx.size() < N) {
    const size_t i = r.Below(N);
    bool seen = false;
    for (size_t j : idx) seen = seen || j == i;
    if (!seen) idx.push_back(i);
  }
  std::string out = "[";
  for (size_t k = 0; k < idx.size(); ++k) {
    out += (k ? ", " : "") + Quote(std::string(prefix) + std::string(a[idx[k]]));
  }
  return out + "]";
}

std::string Networks(Prng& r, size_t n) {
  std::string out = "[";
  for (size_t k = 0; k < n; ++k) {
    const bool wide = r.Below(3) == 0;
    out += (k ? ", " : "") + std::to_string(23 + r.Below(200)) + "." +
           std::to_string(r.Below(256)) + "." +
           (wide ? "0.0/16" : std::to_string(r.Below(256)) + ".0/24");
  }
  return out + "]";
}

struct Template {
  SV name;
  SV on;
  // The condition; `r` draws its constants.
  std::function<std::string(Prng& r)> when;
  SV evidence;
};

const std::vector<Template>& Templates() {
  static const std::vector<Template> kTemplates = {
      {"brand_lookalike", "receipt",
       [](Prng& r) {
         return "inbound and action == \"accept\"\n    and looks_like(from.root_domain, " +
                QuotedList(r, kBrands, 2 + r.Below(4)) + ")";
       },
       "from, sender, subject"},
      {"subject_keywords_freemail", "receipt",
       [](Prng& r) {
         return "inbound and sender.root_domain in $freemail\n    and subject icontains " +
                QuotedList(r, kKeywords, 3 + r.Below(6));
       },
       "sender, recipient, subject"},
      {"subject_regex", "process",
       [](Prng& r) {
         return "action == \"accept\" and external_sender\n    and subject imatches " +
                Quote(r.Pick(kRegexes));
       },
       "sender, subject"},
      {"sender_network", "receipt",
       [](Prng& r) {
         return "inbound and action == \"accept\" and sender_ip in " + Networks(r, 1 + r.Below(4));
       },
       "sender, sender_ip, subject"},
      {"attachment_ext", "process",
       [](Prng& r) {
         return "action == \"accept\" and external_sender\n    and any(a in attachments: a.ext "
                "in " +
                QuotedList(r, kExtGroups[r.Below(std::size(kExtGroups))], 2 + r.Below(3)) + ")";
       },
       "sender, recipient, subject"},
      {"attachment_name", "process",
       [](Prng& r) {
         return "external_sender\n    and any(a in attachments: a.name ilike " +
                Quote("*" + std::string(r.Pick(kNameWords)) + "*." +
                      std::string(kExtGroups[r.Below(std::size(kExtGroups))][r.Below(4)])) +
                ")";
       },
       "sender, subject"},
      {"url_tld_click", "url_protect",
       [](Prng& r) {
         return "inbound and user_click and action != \"block\"\n    and url.host ends_with " +
                QuotedList(r, kTlds, 2 + r.Below(4));
       },
       "recipient, url, url.category"},
      {"url_path_words", "url_protect",
       [](Prng& r) {
         return "user_click and (scan_result is null or scan_result != \"malicious\")\n    and url "
                "icontains " +
                QuotedList(r, kUrlWords, 2 + r.Below(3)) + " and url.host not in $url_shorteners";
       },
       "recipient, url"},
      {"audit_type", "audit",
       [](Prng& r) {
         return "audit.type == " + Quote(r.Pick(kAuditTypes)) +
                "\n    and (client_ip is null or client_ip not in $admin_networks)";
       },
       "user, client_ip, audit.type"},
      {"delivery_partner", "delivery",
       [](Prng& r) {
         return "outbound and delivered == true and org_sender\n    and recipient.domain in " +
                QuotedList(r, kPartnerDomains, 2 + r.Below(3)) +
                " and attachments_size >= " + std::to_string((1 + r.Below(20)) * 1048576);
       },
       "sender, recipient, attachments_size"},
      {"ioc_sender", "receipt",
       [](Prng& r) {
         return r.Below(2) ? "inbound and (ioc_value(sender.domain) or ioc_ip(sender_ip))"
                           : "inbound and ioc_value(from.domain) and action == \"accept\"";
       },
       "sender, sender_ip, from"},
      {"spam_auth", "receipt",
       [](Prng& r) {
         return "inbound and action == \"accept\" and spam.score >= " +
                std::to_string(2 + r.Below(8)) +
                "\n    and (auth.dmarc == \"fail\" or auth.spf in [\"fail\", \"softfail\"])";
       },
       "sender, spam.score, auth.dmarc"},
      {"display_name", "receipt",
       [](Prng& r) {
         return "inbound and from.root_domain in $freemail\n    and from.name icontains " +
                QuotedList(r, kDisplayWords, 2 + r.Below(3));
       },
       "from, from.name, subject"},
      {"impersonation_identifiers", "impersonation",
       [](Prng& r) {
         return Quote(r.Pick(kIdentifiers)) + " in identifiers and " + Quote(r.Pick(kIdentifiers)) +
                " in identifiers\n    and (recipient in $vips or recipient in $finance_team)";
       },
       "sender, recipient, similar_domain"},
      {"sandbox_verdict", "attachment_protect",
       [](Prng& r) {
         return "scan_result == \"malicious\" and file.ext in " +
                QuotedList(r, kExtGroups[r.Below(std::size(kExtGroups))], 2 + r.Below(3));
       },
       "recipient, file.name, file.ext"},
      {"vip_lure", "receipt",
       [](Prng& r) {
         return "inbound and recipient in $vips and external_sender\n    and subject icontains " +
                QuotedList(r, kKeywords, 2 + r.Below(4)) + " and sender.root_domain not in " +
                QuotedList(r, kPartnerDomains, 2);
       },
       "sender, recipient, subject"},
  };
  return kTemplates;
}

}  // namespace

size_t RuleTemplateCount() { return Templates().size(); }

std::string GenerateRules(size_t count, const RuleGenOptions& options) {
  Prng r(options.seed);
  std::string out = "// Generated by bench/common/rule_gen.cc (" + std::to_string(count) +
                    " rules, seed " + std::to_string(options.seed) + ").\n";
  if (!options.import_path.empty()) out += "import " + Quote(options.import_path) + "\n";
  const auto& templates = Templates();
  for (size_t i = options.first_index; i < options.first_index + count; ++i) {
    const Template& t = templates[i % templates.size()];
    const std::string id = options.id_prefix + "." + std::string(t.name) + "_" + std::to_string(i);
    out += "\nrule " + id + " {\n  title \"" + std::string(t.name) + " " + std::to_string(i) +
           "\"\n  description \"Generated benchmark rule (" + std::string(t.name) +
           ").\"\n  class expel\n  severity " + std::string(r.Pick(kSeverities)) + "\n  mitre [" +
           Quote(r.Pick(kMitre)) + "]\n  on " + std::string(t.on) + "\n  when " + t.when(r) +
           "\n  evidence { " + std::string(t.evidence) + " }\n}\n";
  }
  return out;
}

}  // namespace vigil::bench

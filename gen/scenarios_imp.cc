// scenarios_imp.cc: impersonation and spoofing scenarios: lookalikes (confusable, one edit,
// homoglyph IDN) of the tenant's and its partners' domains, mail to a lookalike, VIP display
// names from free webmail and new domains, reply-to mismatches to finance, BEC lures, own-domain
// authentication failures, and the IOC matches on senders and clicks.
#include <fmt/format.h>

#include "gen/ids.h"
#include "gen/punycode.h"
#include "gen/scenarios.h"

namespace vigil::gen {
namespace {

constexpr int64_t kMinute = 60'000;
using C = ScenarioClass;
using S = ScenarioInstance;
using TT = TenantTraffic;

std::pair<std::string, std::string> SplitDomain(const std::string& domain) {
  const size_t dot = domain.find('.');
  return {domain.substr(0, dot), domain.substr(dot)};
}

// A lookalike: a confusable character swap (0 for o, 1 for l or i, rn for m) when `confusable`
// and the label has one, else two neighbouring letters transposed.
std::string Lookalike(const std::string& domain, bool confusable) {
  auto [label, rest] = SplitDomain(domain);
  if (confusable) {
    for (auto [from, to] :
         {std::pair{'o', "0"}, std::pair{'l', "1"}, std::pair{'i', "1"}, std::pair{'m', "rn"}}) {
      const size_t at = label.rfind(from);
      if (at != std::string::npos && at > 0)
        return label.substr(0, at) + to + label.substr(at + 1) + rest;
    }
  }
  size_t at = label.size() / 2;
  while (at + 2 < label.size() && label[at] == label[at + 1]) ++at;  // "sierra": swap e and r
  std::swap(label[at], label[at + 1]);
  return label + rest;
}

// The domain with its first 'a', 'e', 'o' or 'c' replaced by the Cyrillic lookalike, as the
// IDNA (punycode) form a mail system logs.
std::string Homoglyph(const std::string& domain) {
  auto [label, rest] = SplitDomain(domain);
  static constexpr std::pair<char, char32_t> kSwaps[] = {
      {'a', U'\u0430'}, {'e', U'\u0435'}, {'o', U'\u043e'}, {'c', U'\u0441'}};
  std::u32string wide(label.begin(), label.end());
  for (auto [from, to] : kSwaps) {
    const size_t at = label.find(from);
    if (at != std::string::npos) {
      wide[at] = to;
      break;
    }
  }
  return "xn--" + PunycodeEncode(wide) + rest;
}

// An inbound message from `from_address` shown as `name`, delivered.
Message Spoof(Planter& p, S& s, const std::string& from_address, const std::string& name,
              const std::string& rcpt, const std::string& subject) {
  Message m = p.Inbound(s, from_address, rcpt, subject, s.ts);
  m.from_name = name;
  return m;
}

void Lookalikes(std::vector<ScenarioKind>* k) {
  k->push_back({"lookalike_org_domain",
                C::kExpel,
                {"mimecast.expel.lookalike_org_domain_accepted"},
                {},
                0,
                "A delivered message from a confusable lookalike of the tenant's own domain "
                "(harb0rline.com).",
                [](Planter& p, S& s, TT* out) {
                  const std::string look = Lookalike(p.T(s).domains[0], true);
                  Message m = p.Inbound(s, "it-support@" + look, p.AnyUser(s).email,
                                        "Password expiry notice", s.ts);
                  m.imp.similar_internal = m.imp_flags_logged = true;
                  const size_t i = p.Add(s, std::move(m), out);
                  p.Impersonation(s, i, ImpFlags{.similar_internal = true}, p.T(s).domains[0],
                                  p.T(s).domains[0], out);
                }});
  k->push_back({"lookalike_partner_domain",
                C::kExpel,
                {"mimecast.expel.lookalike_partner_domain_accepted"},
                {},
                0,
                "A delivered message from a one-edit lookalike of a partner's domain.",
                [](Planter& p, S& s, TT* out) {
                  const std::string look = Lookalike(p.rng().Pick(p.T(s).partners), false);
                  p.Add(s,
                        p.Inbound(s, "accounts.receivable@" + look, p.AnyUser(s).email,
                                  "Statement of account", s.ts),
                        out);
                }});
  k->push_back(
      {"homoglyph_org_domain",
       C::kExpel,
       {"mimecast.expel.homoglyph_sender_domain", "mimecast.expel.lookalike_org_domain_accepted"},
       {},
       0,
       "A delivered message from the tenant's domain spelt with a Cyrillic letter (IDN).",
       [](Planter& p, S& s, TT* out) {
         p.Add(s,
               p.Inbound(s, "helpdesk@" + Homoglyph(p.T(s).domains[0]), p.AnyUser(s).email,
                         "Action required: verify your mailbox", s.ts),
               out);
       }});
  k->push_back(
      {"outbound_to_lookalike",
       C::kExpel,
       {"mimecast.expel.outbound_to_lookalike_domain"},
       {},
       0,
       "A user answered a partner lookalike: outbound mail to a one-edit copy of a partner's "
       "domain.",
       [](Planter& p, S& s, TT* out) {
         const std::string look = Lookalike(p.rng().Pick(p.T(s).partners), false);
         p.Add(s, p.Outbound(s, p.Finance(s), "ap@" + look, "RE: Updated remittance details", s.ts),
               out);
       }});
}

void DisplayNames(std::vector<ScenarioKind>* k) {
  k->push_back(
      {"vip_display_name_freemail",
       C::kExpel,
       {"mimecast.expel.vip_display_name_freemail",
        "mimecast.expel.vip_name_impersonation_freemail"},
       {},
       0,
       "A free-webmail sender showing a VIP's display name; Impersonation Protect names the "
       "VIP (internal user name hit).",
       [](Planter& p, S& s, TT* out) {
         const Person& vip = p.Vip(s);
         Message m = Spoof(p, s, p.traffic().FreemailAddress(vip.first, vip.last), vip.display,
                           p.AnyUser(s).email, "Quick favour - are you at your desk?");
         m.sender_ip = fmt::format("209.85.{}.{}", p.rng().Range(128, 255), p.rng().Range(1, 254));
         m.imp.internal_name = m.imp_flags_logged = true;
         const size_t i = p.Add(s, std::move(m), out);
         p.Impersonation(s, i, ImpFlags{.internal_name = true},
                         fmt::format("{} <{}>", vip.display, vip.email), vip.display, out);
       }});
  k->push_back({"vip_display_name_new_domain",
                C::kExpel,
                {"mimecast.expel.vip_display_name_new_domain"},
                {},
                0,
                "A VIP's display name on mail from a domain never seen before.",
                [](Planter& p, S& s, TT* out) {
                  const Person& vip = p.Vip(s);
                  p.Add(s,
                        Spoof(p, s, "office@" + p.NewExternalDomain(), vip.display,
                              p.AnyUser(s).email, "Confidential request"),
                        out);
                }});
  k->push_back(
      {"reply_to_mismatch_finance",
       C::kExpel,
       {"mimecast.expel.reply_to_mismatch_new_domain_to_finance"},
       {},
       0,
       "A newly observed domain with a reply-to mismatch mailing a finance user about bank "
       "details (two identifiers, not held).",
       [](Planter& p, S& s, TT* out) {
         const std::string domain = p.NewExternalDomain();
         Message m = p.Inbound(s, "billing@" + domain, p.Finance(s).email,
                               "Updated bank details for invoice " + p.rng().Digits(6), s.ts);
         m.imp = ImpFlags{.new_domain = true, .reply_mismatch = true};
         m.imp_flags_logged = true;
         const size_t i = p.Add(s, std::move(m), out);
         p.Impersonation(s, i, ImpFlags{.new_domain = true, .reply_mismatch = true}, domain, domain,
                         out);
       }});
  k->push_back(
      {"reply_to_mismatch_first_seen_domain",
       C::kExpel,
       {"mimecast.expel.reply_to_mismatch_first_seen_domain"},
       {"mimecast.expel.first_time_sender_to_vip"},
       0,
       "A reply-to mismatch to a VIP from a domain this tenant has never seen (Mimecast did "
       "not flag the domain as new).",
       [](Planter& p, S& s, TT* out) {
         const std::string domain = p.NewExternalDomain();
         Message m = p.Inbound(s, "events@" + domain, p.Vip(s).email, "Speaker invitation", s.ts);
         m.imp.reply_mismatch = m.imp_flags_logged = true;
         const size_t i = p.Add(s, std::move(m), out);
         p.Impersonation(s, i, ImpFlags{.reply_mismatch = true}, domain, domain, out);
       }});
  k->push_back({"bec_finance_lure_freemail",
                C::kExpel,
                {"mimecast.expel.bec_finance_lure_freemail"},
                {},
                0,
                "A free-webmail sender asking finance for an urgent payment to new bank details.",
                [](Planter& p, S& s, TT* out) {
                  p.Add(
                      s,
                      p.Inbound(s, p.traffic().FreemailAddress("accounts", "dept"),
                                p.Finance(s).email, "Urgent payment - updated bank details", s.ts),
                      out);
                }});
  k->push_back(
      {"own_domain_auth_fail",
       C::kExpel,
       {"mimecast.expel.own_domain_auth_fail_accepted"},
       {},
       0,
       "Mail with the tenant's own domain in the header From, failing SPF and DMARC from an "
       "outside IP, accepted and delivered.",
       [](Planter& p, S& s, TT* out) {
         Message m = p.FromNewDomain(s, "bounce", "Mailbox quota exceeded");
         m.from = "it-support@" + p.T(s).domains[0];
         m.auth.spf = "SPF_FAIL";
         m.auth.dmarc = "DMARC_FAIL";
         p.Add(s, std::move(m), out);
       }});
}

void Iocs(std::vector<ScenarioKind>* k) {
  k->push_back({"ioc_sender_ip",
                C::kExpel,
                {"mimecast.expel.ioc_sender_ip_accepted"},
                {},
                0,
                "A message accepted from an IP on the tenant's IOC list.",
                [](Planter& p, S& s, TT* out) {
                  Message m = p.FromNewDomain(s, "info", "Introduction");
                  m.sender_ip = PublicIp(p.rng());
                  p.AddIoc(s, m.sender_ip);
                  p.Add(s, std::move(m), out);
                }});
  k->push_back({"ioc_sender_domain",
                C::kExpel,
                {"mimecast.expel.ioc_sender_domain_accepted"},
                {},
                0,
                "A message accepted from a domain on the tenant's IOC list.",
                [](Planter& p, S& s, TT* out) {
                  const std::string domain = p.NewExternalDomain();
                  p.AddIoc(s, domain);
                  p.Add(s, p.Inbound(s, "sales@" + domain, p.AnyUser(s).email, "Partnership", s.ts),
                        out);
                }});
  k->push_back(
      {"ioc_url_domain",
       C::kExpel,
       {"mimecast.expel.ioc_url_clicked"},
       {},
       0,
       "A click on a URL whose domain is on the tenant's IOC list (URL Protect said clean).",
       [](Planter& p, S& s, TT* out) {
         const std::string bad = p.NewExternalDomain();
         p.AddIoc(s, bad);
         const size_t i = p.Add(s, p.FromNewDomain(s, "news", "Industry report"), out);
         p.Click(s, i, s.ts + p.rng().Range(5, 30) * kMinute,
                 fmt::format("https://cdn.{}/dl/{}", bad, p.rng().Hex(10)), out);
       }});
}

}  // namespace

std::vector<ScenarioKind> ImpersonationScenarios() {
  std::vector<ScenarioKind> k;
  Lookalikes(&k);
  DisplayNames(&k);
  Iocs(&k);
  return k;
}

}  // namespace vigil::gen

// domain_fns.cc: the domain family: registered domain and public suffix (libpsl, ICANN
// section of Debian's publicsuffix list), subdomain, labels, IDN conversion, subdomain test.
// Every function first normalizes its host: ASCII lower-case, one trailing dot removed.
#include <string>

#include "stdlib/domain/idna.h"
#include "stdlib/domain/psl.h"
#include "stdlib/families.h"
#include "stdlib/fn_util.h"

namespace vigil::stdlib {
namespace {

using Args = std::span<const Datum>;

std::string_view Host(const Datum& d, EvalContext& ctx) {
  std::string_view h = d.s;
  if (!h.empty() && h.back() == '.') h.remove_suffix(1);
  return ArenaLower(ctx, h);
}

void SetDomainOrNull(Datum* out, std::string_view v, EvalContext& ctx) {
  if (v.empty()) {
    SetNull(out, ScalarType::kDomain);
  } else {
    SetString(out, ArenaCopy(ctx, v), ScalarType::kDomain);
  }
}

void Registered(Args a, const FnState*, EvalContext& ctx, Datum* out) {
  SetDomainOrNull(out, RegisteredDomain(Host(a[0], ctx)), ctx);
}
void Suffix(Args a, const FnState*, EvalContext& ctx, Datum* out) {
  SetDomainOrNull(out, PublicSuffix(Host(a[0], ctx)), ctx);
}

// host minus "." + registered domain ("" when host is the registered domain itself).
void Subdomain(Args a, const FnState*, EvalContext& ctx, Datum* out) {
  const std::string_view h = Host(a[0], ctx);
  const std::string rd = RegisteredDomain(h);
  if (rd.empty()) {
    SetNull(out, ScalarType::kString);
    return;
  }
  const size_t keep = h.size() > rd.size() ? h.size() - rd.size() - 1 : 0;
  SetString(out, h.substr(0, keep));
}

// The registered domain's label left of the public suffix ("example" in example.co.uk).
void Sld(Args a, const FnState*, EvalContext& ctx, Datum* out) {
  const std::string rd = RegisteredDomain(Host(a[0], ctx));
  if (rd.empty()) {
    SetNull(out, ScalarType::kString);
    return;
  }
  SetString(out, ArenaCopy(ctx, std::string_view(rd).substr(0, rd.find('.'))));
}

void Tld(Args a, const FnState*, EvalContext& ctx, Datum* out) {
  const std::string_view h = Host(a[0], ctx);
  const size_t dot = h.rfind('.');
  SetString(out, dot == std::string_view::npos ? h : h.substr(dot + 1));
}

void LabelCount(Args a, const FnState*, EvalContext& ctx, Datum* out) {
  const std::string_view h = Host(a[0], ctx);
  int64_t n = h.empty() ? 0 : 1;
  for (char c : h) n += c == '.';
  SetInt(out, n);
}

void ToUnicode(Args a, const FnState*, EvalContext& ctx, Datum* out) {
  std::string u;
  if (!IdnToUnicode(Host(a[0], ctx), &u)) {
    SetNull(out, ScalarType::kDomain);
    return;
  }
  SetString(out, ArenaCopy(ctx, u), ScalarType::kDomain);
}
void ToAscii(Args a, const FnState*, EvalContext& ctx, Datum* out) {
  std::string u;
  if (!IdnToAscii(Host(a[0], ctx), &u)) {
    SetNull(out, ScalarType::kDomain);
    return;
  }
  SetString(out, ArenaCopy(ctx, u), ScalarType::kDomain);
}
void HasPunycode(Args a, const FnState*, EvalContext&, Datum* out) {
  SetBool(out, HasPunycodeLabel(a[0].s));
}

void IsSubdomainOf(Args a, const FnState*, EvalContext& ctx, Datum* out) {
  const std::string_view h = Host(a[0], ctx), p = Host(a[1], ctx);
  const bool yes =
      !p.empty() &&
      (h == p || (h.size() > p.size() && h.ends_with(p) && h[h.size() - p.size() - 1] == '.'));
  SetBool(out, yes);
}

}  // namespace

void RegisterDomains(Registry& r) {
  const std::string_view f = "domain";
  r.Add({.name = "registered_domain",
         .params = {kStringT},
         .result = kDomainT,
         .family = f,
         .doc = "The registered domain (eTLD+1) by the ICANN public suffix list; null for a "
                "public suffix, an IP or a non-host.",
         .example = R"(registered_domain("login.Secure.Example.co.uk"))",
         .example_result = R"("example.co.uk")",
         .eval = Registered,
         .param_names = {"host"}});
  r.Add({.name = "public_suffix",
         .params = {kStringT},
         .result = kDomainT,
         .family = f,
         .doc = "The public suffix (eTLD) of the host; null when it has none.",
         .example = R"(public_suffix("a.example.co.uk"))",
         .example_result = R"("co.uk")",
         .eval = Suffix,
         .param_names = {"host"}});
  r.Add({.name = "subdomain",
         .params = {kStringT},
         .result = kStringT,
         .family = f,
         .doc = "The labels left of the registered domain (\"\" when none); null when the host "
                "has no registered domain.",
         .example = R"(subdomain("login.secure.example.com"))",
         .example_result = R"("login.secure")",
         .eval = Subdomain,
         .param_names = {"host"}});
  r.Add({.name = "sld",
         .params = {kStringT},
         .result = kStringT,
         .family = f,
         .doc = "The registered domain's own label, without the public suffix; null when the "
                "host has no registered domain.",
         .example = R"(sld("mail.example.co.uk"))",
         .example_result = R"("example")",
         .eval = Sld,
         .param_names = {"host"}});
  r.Add({.name = "tld",
         .params = {kStringT},
         .result = kStringT,
         .family = f,
         .doc = "The last label of the host (the whole host when it has no dot).",
         .example = R"(tld("Example.CO.UK."))",
         .example_result = R"("uk")",
         .eval = Tld,
         .param_names = {"host"}});
  r.Add({.name = "label_count",
         .params = {kStringT},
         .result = kIntT,
         .family = f,
         .doc = "Number of dot-separated labels (0 for \"\"; a trailing dot is ignored).",
         .example = R"(label_count("a.b.example.com"))",
         .example_result = "4",
         .eval = LabelCount,
         .param_names = {"host"}});
  r.Add({.name = "idn_to_unicode",
         .params = {kStringT},
         .result = kDomainT,
         .family = f,
         .doc = "The Unicode form of an IDN host (punycode labels decoded, UTS #46); null when "
                "the host is not valid IDNA.",
         .example = R"(idn_to_unicode("xn--80ak6aa92e.com"))",
         .example_result = R"("аррӏе.com")",
         .eval = ToUnicode,
         .param_names = {"host"}});
  r.Add({.name = "idn_to_ascii",
         .params = {kStringT},
         .result = kDomainT,
         .family = f,
         .doc = "The ASCII (punycode) form of a host (UTS #46 mapping); null when the host is "
                "not valid IDNA.",
         .example = R"(idn_to_ascii("bücher.example"))",
         .example_result = R"("xn--bcher-kva.example")",
         .eval = ToAscii,
         .param_names = {"host"}});
  r.Add({.name = "has_punycode",
         .params = {kStringT},
         .result = kBoolT,
         .family = f,
         .doc = "True when some label of the host starts with \"xn--\".",
         .example = R"(has_punycode("xn--80ak6aa92e.com"))",
         .example_result = "true",
         .eval = HasPunycode,
         .param_names = {"host"}});
  r.Add({.name = "is_subdomain_of",
         .params = {kStringT, kStringT},
         .result = kBoolT,
         .family = f,
         .doc = "True when `host` equals `parent` or ends with \".\" + parent "
                "(case-insensitive).",
         .example = R"(is_subdomain_of("login.example.com", "Example.com"))",
         .example_result = "true",
         .eval = IsSubdomainOf,
         .param_names = {"host", "parent"}});
}

}  // namespace vigil::stdlib

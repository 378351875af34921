// email_fns.cc: the email family: address parts as Mimecast logs carry them ("a@b.com",
// "<a@b.com>", "Name <a@b.com>"), plus-address tags and the freemail check.
#include "stdlib/email/address.h"
#include "stdlib/email/freemail.h"
#include "stdlib/families.h"
#include "stdlib/fn_util.h"

namespace vigil::stdlib {
namespace {

using Args = std::span<const Datum>;

// Parses the address or yields null (of type t) for text without a usable address.
bool Split(const Datum& in, ScalarType t, AddressParts* p, Datum* out) {
  *p = SplitAddress(in.s);
  if (!p->valid) SetNull(out, t);
  return p->valid;
}

void Local(Args a, const FnState*, EvalContext&, Datum* out) {
  AddressParts p;
  if (Split(a[0], ScalarType::kString, &p, out)) SetString(out, p.local);
}
void DomainOf(Args a, const FnState*, EvalContext& ctx, Datum* out) {
  AddressParts p;
  if (Split(a[0], ScalarType::kDomain, &p, out)) {
    SetString(out, ArenaLower(ctx, p.domain), ScalarType::kDomain);
  }
}
void Display(Args a, const FnState*, EvalContext&, Datum* out) {
  AddressParts p;
  if (Split(a[0], ScalarType::kString, &p, out)) SetString(out, p.display);
}
void Tag(Args a, const FnState*, EvalContext&, Datum* out) {
  AddressParts p;
  if (Split(a[0], ScalarType::kString, &p, out)) SetString(out, PlusTag(p.local));
}
void Address(Args a, const FnState*, EvalContext& ctx, Datum* out) {
  AddressParts p;
  if (Split(a[0], ScalarType::kEmail, &p, out)) {
    SetString(out, ArenaLower(ctx, p.address), ScalarType::kEmail);
  }
}
void IsValid(Args a, const FnState*, EvalContext&, Datum* out) {
  SetBool(out, SplitAddress(a[0].s).valid);
}

// The domain part of an address, or the text itself when it has no '@'.
std::string_view DomainPart(std::string_view s) {
  if (s.find('@') == std::string_view::npos) return s;
  const AddressParts p = SplitAddress(s);
  return p.valid ? p.domain : std::string_view();
}

std::string_view ProviderOf(std::string_view s, EvalContext& ctx) {
  std::string_view d = DomainPart(s);
  if (!d.empty() && d.back() == '.') d.remove_suffix(1);
  return d.empty() ? std::string_view() : FreemailProvider(ArenaLower(ctx, d));
}
void IsFreemail(Args a, const FnState*, EvalContext& ctx, Datum* out) {
  SetBool(out, !ProviderOf(a[0].s, ctx).empty());
}
void Provider(Args a, const FnState*, EvalContext& ctx, Datum* out) {
  const std::string_view p = ProviderOf(a[0].s, ctx);
  if (p.empty()) {
    SetNull(out, ScalarType::kString);
  } else {
    SetString(out, p);
  }
}

}  // namespace

void RegisterEmail(Registry& r) {
  const std::string_view f = "email";
  r.Add({.name = "email_local",
         .params = {kStringT},
         .result = kStringT,
         .family = f,
         .doc = "The local part (before the last '@') as written; null when the text holds no "
                "address.",
         .example = R"(email_local("Bob <bob+news@Example.com>"))",
         .example_result = R"("bob+news")",
         .eval = Local,
         .param_names = {"address"}});
  r.Add({.name = "email_domain",
         .params = {kStringT},
         .result = kDomainT,
         .family = f,
         .doc = "The domain part (after the last '@'), lower-cased; null when the text holds "
                "no address.",
         .example = R"(email_domain("Bob <bob@Mail.Example.com>"))",
         .example_result = R"("mail.example.com")",
         .eval = DomainOf,
         .param_names = {"address"}});
  r.Add({.name = "email_display_name",
         .params = {kStringT},
         .result = kStringT,
         .family = f,
         .doc = "The display name without quotes (\"\" when absent); null when the text holds "
                "no address.",
         .example = R"(email_display_name("\"PayPal Support\" <help@paypa1.com>"))",
         .example_result = R"("PayPal Support")",
         .eval = Display,
         .param_names = {"address"}});
  r.Add({.name = "email_plus_tag",
         .params = {kStringT},
         .result = kStringT,
         .family = f,
         .doc = "The plus-addressing tag of the local part (after the first '+'; \"\" when "
                "none); null when the text holds no address.",
         .example = R"(email_plus_tag("bob+invoices@example.com"))",
         .example_result = R"("invoices")",
         .eval = Tag,
         .param_names = {"address"}});
  r.Add({.name = "email_address",
         .params = {kStringT},
         .result = kEmailT,
         .family = f,
         .doc = "The bare address (no display name or angle brackets), lower-cased; null "
                "when the text holds no address.",
         .example = R"(email_address("Bob <Bob@Example.COM>"))",
         .example_result = R"("bob@example.com")",
         .eval = Address,
         .param_names = {"address"}});
  r.Add({.name = "is_valid_email",
         .params = {kStringT},
         .result = kBoolT,
         .family = f,
         .doc = "True when the text holds exactly one usable address (\"<>\", \"\" and text "
                "without '@' are not).",
         .example = R"(is_valid_email("<>"))",
         .example_result = "false",
         .eval = IsValid,
         .param_names = {"address"}});
  r.Add({.name = "is_freemail",
         .params = {kStringT},
         .result = kBoolT,
         .family = f,
         .doc = "True when the address's domain (or the domain given) is on vigil's built-in "
                "list of free webmail providers, or a subdomain of one.",
         .example = R"(is_freemail("ceo.office@gmail.com"))",
         .example_result = "true",
         .eval = IsFreemail,
         .param_names = {"address_or_domain"}});
  r.Add({.name = "freemail_provider",
         .params = {kStringT},
         .result = kStringT,
         .family = f,
         .doc = "The provider name for a freemail address or domain (\"Google Gmail\"); null "
                "when it is not on the built-in list.",
         .example = R"(freemail_provider("outlook.com"))",
         .example_result = R"("Microsoft Outlook.com")",
         .eval = Provider,
         .param_names = {"address_or_domain"}});
}

}  // namespace vigil::stdlib

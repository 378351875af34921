// list_fns.cc: the list family: membership in typed lists (the list's declared type decides
// the semantics), the matched entry for evidence, and IOC lookups returning metadata.
#include "stdlib/families.h"
#include "stdlib/fn_util.h"
#include "stdlib/lists/list_value.h"

namespace vigil::stdlib {
namespace {

using Args = std::span<const Datum>;

int64_t FindIn(Args a) { return a[1].list == nullptr ? -1 : a[1].list->Find(a[0]); }

void InList(Args a, const FnState*, EvalContext&, Datum* out) { SetBool(out, FindIn(a) >= 0); }

void Match(Args a, const FnState*, EvalContext&, Datum* out) {
  const int64_t i = FindIn(a);
  if (i < 0) {
    SetNull(out, ScalarType::kString);
    return;
  }
  SetString(out, a[1].list->entries()[i]);
}

void Lookup(Args a, const FnState*, EvalContext&, Datum* out) {
  const int64_t i = FindIn(a);
  if (i < 0) {
    SetNull(out, ScalarType::kString);
    return;
  }
  SetString(out, a[1].list->Metadata(static_cast<size_t>(i)));
}

}  // namespace

void RegisterLists(Registry& r) {
  const std::string_view f = "list";
  r.Add({.name = "in_list",
         .params = {kStringT, kStringListT},
         .result = kBoolT,
         .family = f,
         .doc = "True when the value matches the list: equality for list<string> (caseless for "
                "list<email>), itself-or-subdomain for list<domain>, any pattern for regex and "
                "glob lists, any indicator for IOC lists.",
         .example = R"(in_list("bob@example.com", ["alice@example.com", "bob@example.com"]))",
         .example_result = "true",
         .eval = InList,
         .param_names = {"value", "list"}});
  r.Add({.name = "in_list",
         .params = {kIpT, kCidrListT},
         .result = kBoolT,
         .family = f,
         .doc = "True when the address lies in one of the list's networks (prefix trie: cost "
                "independent of the list size).",
         .example = R"(in_list(10.1.2.3, [10.0.0.0/8, 192.168.0.0/16]))",
         .example_result = "true",
         .eval = InList,
         .param_names = {"addr", "list"}});
  r.Add({.name = "list_match",
         .params = {kStringT, kStringListT},
         .result = kStringT,
         .family = f,
         .doc = "The list entry the value matched (the most specific domain, the first "
                "pattern), for alert evidence; null when none.",
         .example = R"(list_match("bob@example.com", ["alice@example.com", "bob@example.com"]))",
         .example_result = R"("bob@example.com")",
         .eval = Match,
         .param_names = {"value", "list"}});
  r.Add({.name = "list_match",
         .params = {kIpT, kCidrListT},
         .result = kStringT,
         .family = f,
         .doc = "The most specific network of the list containing the address; null when "
                "none.",
         .example = R"(list_match(10.1.2.3, [10.0.0.0/8, 10.1.0.0/16]))",
         .example_result = R"("10.1.0.0/16")",
         .eval = Match,
         .param_names = {"addr", "list"}});
  r.Add({.name = "ioc_lookup",
         .params = {kStringT, kStringListT},
         .result = kStringT,
         .family = f,
         .doc = "The matching indicator's metadata as a JSON object (indicator, type, source, "
                "severity, description, first_seen, ...) for evidence; null when no match. "
                "Hashes, IPs, URLs, emails and domains (with subdomains) are recognized by "
                "their text.",
         .example = R"(ioc_lookup("evil.example", ["evil.example"]))",
         .example_result = R"("{\"indicator\":\"evil.example\"}")",
         .eval = Lookup,
         .param_names = {"value", "iocs"}});
  r.Add({.name = "ioc_lookup",
         .params = {kIpT, kStringListT},
         .result = kStringT,
         .family = f,
         .doc = "ioc_lookup() for an address: the metadata of the most specific IP or network "
                "indicator containing it.",
         .example = R"(ioc_lookup(203.0.113.9, ["203.0.113.9"]))",
         .example_result = R"("{\"indicator\":\"203.0.113.9\"}")",
         .eval = Lookup,
         .param_names = {"addr", "iocs"}});
}

}  // namespace vigil::stdlib

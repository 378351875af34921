// families.cc: the family sections of docs/stdlib.md: ids, titles and the conventions each
// family's functions share.
#include "stdlib/families.h"

namespace vigil::stdlib {

const std::vector<FamilyInfo>& Families() {
  static const std::vector<FamilyInfo> kFamilies = {
      {"string", "Strings",
       "Strings are UTF-8 bytes. `length` and `substr` count characters (code points); the "
       "`i`-prefixed functions and `ilike` fold ASCII letters A-Z only (use `lower` for full "
       "Unicode case mapping). Wildcards: `*` any run, `?` one character, `\\` escapes; the "
       "whole string must match, in time linear in its length. `contains`, `starts_with`, "
       "`ends_with`, `like` and their `i` forms are also operators (`subject icontains "
       "\"invoice\"`, where the pattern must be a constant or a list of them and is fused "
       "into one scan per field); the call forms accept any string as the substring, prefix "
       "or suffix (`contains(subject, sender.local)`)."},
      {"regex", "Regular expressions",
       "RE2 syntax only: linear time, no backreferences or lookaround. Patterns are constants, "
       "compiled and validated when the rule pack compiles (an invalid pattern is a compile "
       "error). The compiler fuses every literal, wildcard and regex pattern applied to one "
       "field into one Vectorscan database plus RE2::Sets, scanned once per distinct value. "
       "End-anchored patterns (`ends_with` and wildcards without a trailing `*`) go to an "
       "RE2::Set too: Vectorscan 5.4.9, the Debian 12 version, misses end-anchored matches in "
       "texts of some lengths when its database holds other patterns."},
      {"email", "Email addresses",
       "Accepts addresses as logs carry them: `a@b.com`, `<a@b.com>`, `Name <a@b.com>`, quoted "
       "display names. Text without a usable address (`\"\"`, `<>`) gives null."},
      {"domain", "Domains",
       "Hosts are lower-cased (ASCII) and lose one trailing dot first. Registered domains and "
       "public suffixes come from libpsl with Debian's publicsuffix list, ICANN section only "
       "(private suffixes such as github.io are ignored). IDN conversion follows UTS #46."},
      {"lookalike", "Lookalikes",
       "Edit distances count characters. The lookalike key folds visually confusable "
       "characters with Unicode UTS #39 data (ICU): punycode decoded, then "
       "skeleton(lower(skeleton(s))), so `paypa1.com`, `PAYPAL.COM` and `pаypal.com` (Cyrillic "
       "а) share the key of `paypal.com`."},
      {"url", "URLs",
       "Parsed with uriparser (RFC 3986). Raw spaces and non-ASCII bytes are tolerated, and "
       "text without a scheme reads as `http://` + text. Unparsable text gives null."},
      {"network", "Network addresses",
       "IPv4 literals are written bare (`10.1.2.3`, `10.0.0.0/8`), IPv6 through `ip(\"::1\")` "
       "and `cidr(\"2001:db8::/32\")`. IPv4-mapped IPv6 addresses count as IPv4. Special ranges "
       "follow the IANA special-purpose registries."},
      {"file", "Files and MIME types",
       "Attachment names and MIME types map to one class each from built-in tables (listed at "
       "the end of this page)."},
      {"time", "Time",
       "Timestamps are instants (ms since the Unix epoch, UTC); durations are ms. Without an "
       "explicit zone, local fields use the tenant's IANA time zone. Zones come from ICU's tz "
       "data, daylight saving included; an unknown constant zone is a compile error."},
      {"list", "Lists and threat intelligence",
       "Lists are typed and resolved at load: `list<string>` (exact), `list<email>` (caseless), "
       "`list<domain>` (entries match themselves and their subdomains), `list<cidr>` (prefix "
       "trie), regex and glob lists (one fused matcher each) and IOC lists (hashes, IPs, "
       "networks, domains, URLs, emails with metadata). Lookups never scan the list. An inline "
       "list literal passed to a list parameter becomes a list of that parameter's type."},
  };
  return kFamilies;
}

}  // namespace vigil::stdlib

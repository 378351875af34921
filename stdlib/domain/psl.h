// psl.h: registered domain (eTLD+1) and public suffix via libpsl with Debian's publicsuffix
// list (/usr/share/publicsuffix). Thread-safe; the list loads once per process.
#pragma once

#include <string>
#include <string_view>

namespace vigil::stdlib {

// The registered domain of a lower-case host name ("a.b.example.co.uk" -> "example.co.uk"),
// or "" when the host is itself a public suffix, an IP literal or not a domain. Private
// (non-ICANN) suffixes are ignored, so "x.github.io" -> "github.io".
std::string RegisteredDomain(std::string_view host);

// The public suffix of a lower-case host ("a.example.co.uk" -> "co.uk"), or "" when none.
std::string PublicSuffix(std::string_view host);

// True when `host` is exactly a public suffix ("co.uk", "com").
bool IsPublicSuffix(std::string_view host);

// Where the list came from, e.g. "/usr/share/publicsuffix/public_suffix_list.dafsa".
std::string_view PslSource();

}  // namespace vigil::stdlib

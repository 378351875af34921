// url.h: URL parsing for the url family with uriparser (RFC 3986), tolerant of what logs
// hold: raw non-ASCII and unsafe bytes are percent-encoded before parsing (and mapped back),
// and text without a scheme is read as "http://" + text. Also percent-decoding, query
// parameters and the built-in URL-shortener host list.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace vigil::stdlib {

struct UrlParts {
  std::string_view scheme;    // as written; views point into the parsed text
  std::string_view userinfo;  // "user:pass" before '@'
  std::string host;           // percent-decoded, ASCII lower-case, IPv6 without brackets
  std::string_view port;      // digits as written, "" when absent
  std::string_view path;      // from the first '/' after the authority up to '?' or '#'
  std::string_view query;     // after '?', without '#...'
  std::string_view fragment;  // after '#'
  bool host_is_ip = false;    // IPv4/IPv6 literal, or a numeric host a browser reads as IPv4
                              // ("3232235777", "0x7f.1", "127.1")
};

// Parses `url`; false when uriparser rejects it (also after the tolerant fixes above) or it
// is over kMaxUrlLength bytes. Views in *out point into `url`.
inline constexpr size_t kMaxUrlLength = 16 << 20;
bool ParseUrl(std::string_view url, UrlParts* out);

// %XX sequences decoded (invalid ones kept as written); with plus_as_space '+' becomes ' '.
std::string PercentDecode(std::string_view s, bool plus_as_space = false);

// The first value of parameter `name` in a query string ("a=1&b=2"; '&' or ';' separated),
// decoded with '+' as space; "" for a bare "name". False when absent.
bool QueryParam(std::string_view query, std::string_view name, std::string* value);

// The built-in list of public URL-shortener hosts (lower-case).
const std::vector<std::string_view>& UrlShortenerHosts();
// True when host (lower-case) or its "www." form is on the shortener list.
bool IsShortenerHost(std::string_view host);

// Default port of a scheme (http 80, https 443, ftp 21, ws 80, wss 443), or -1.
int DefaultPort(std::string_view scheme);

}  // namespace vigil::stdlib

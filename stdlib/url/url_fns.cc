// url_fns.cc: the url family: components of a URL (uriparser), query parameters,
// percent-decoding, IP-literal hosts and the URL-shortener check. Unparsable text gives null.
#include <charconv>
#include <string>

#include "stdlib/families.h"
#include "stdlib/fn_util.h"
#include "stdlib/url/url.h"

namespace vigil::stdlib {
namespace {

using Args = std::span<const Datum>;

bool Parse(const Datum& in, ScalarType t, UrlParts* p, Datum* out) {
  if (ParseUrl(in.s, p)) return true;
  SetNull(out, t);
  return false;
}

void Scheme(Args a, const FnState*, EvalContext& ctx, Datum* out) {
  UrlParts p;
  if (Parse(a[0], ScalarType::kString, &p, out)) SetString(out, ArenaLower(ctx, p.scheme));
}
void Host(Args a, const FnState*, EvalContext& ctx, Datum* out) {
  UrlParts p;
  if (!Parse(a[0], ScalarType::kDomain, &p, out)) return;
  if (p.host.empty()) {
    SetNull(out, ScalarType::kDomain);
  } else {
    SetString(out, ArenaCopy(ctx, p.host), ScalarType::kDomain);
  }
}
void Port(Args a, const FnState*, EvalContext&, Datum* out) {
  UrlParts p;
  if (!Parse(a[0], ScalarType::kInt, &p, out)) return;
  int port = DefaultPort(p.scheme);
  if (!p.port.empty()) {
    auto [end, ec] = std::from_chars(p.port.data(), p.port.data() + p.port.size(), port);
    if (ec != std::errc() || end != p.port.data() + p.port.size() || port > 65535) port = -1;
  }
  if (port < 0) {
    SetNull(out, ScalarType::kInt);
  } else {
    SetInt(out, port);
  }
}
void Path(Args a, const FnState*, EvalContext&, Datum* out) {
  UrlParts p;
  if (Parse(a[0], ScalarType::kString, &p, out)) SetString(out, p.path);
}
void Query(Args a, const FnState*, EvalContext&, Datum* out) {
  UrlParts p;
  if (Parse(a[0], ScalarType::kString, &p, out)) SetString(out, p.query);
}
void Param(Args a, const FnState*, EvalContext& ctx, Datum* out) {
  UrlParts p;
  if (!Parse(a[0], ScalarType::kString, &p, out)) return;
  std::string v;
  if (!QueryParam(p.query, a[1].s, &v)) {
    SetNull(out, ScalarType::kString);
    return;
  }
  SetString(out, ArenaCopy(ctx, v));
}
void Decode(Args a, const FnState*, EvalContext& ctx, Datum* out) {
  if (a[0].s.find('%') == std::string_view::npos) {
    SetString(out, a[0].s);
    return;
  }
  SetString(out, ArenaCopy(ctx, PercentDecode(a[0].s)));
}
void IsIpHost(Args a, const FnState*, EvalContext&, Datum* out) {
  UrlParts p;
  if (Parse(a[0], ScalarType::kBool, &p, out)) SetBool(out, p.host_is_ip);
}
void IsShortener(Args a, const FnState*, EvalContext&, Datum* out) {
  UrlParts p;
  if (Parse(a[0], ScalarType::kBool, &p, out)) SetBool(out, IsShortenerHost(p.host));
}

}  // namespace

void RegisterUrls(Registry& r) {
  const std::string_view f = "url";
  r.Add({.name = "url_scheme",
         .params = {kStringT},
         .result = kStringT,
         .family = f,
         .doc = "The scheme, lower-cased (text without one reads as http://text); null when "
                "the URL cannot be parsed.",
         .example = R"(url_scheme("HTTPS://example.com/a"))",
         .example_result = R"("https")",
         .eval = Scheme,
         .param_names = {"url"}});
  r.Add({.name = "url_host",
         .params = {kStringT},
         .result = kDomainT,
         .family = f,
         .doc = "The host, percent-decoded and lower-cased, IPv6 without brackets; null when "
                "there is none or the URL cannot be parsed.",
         .example = R"(url_host("https://user@Login.Example.com:8443/x?y=1"))",
         .example_result = R"("login.example.com")",
         .eval = Host,
         .param_names = {"url"}});
  r.Add({.name = "url_port",
         .params = {kStringT},
         .result = kIntT,
         .family = f,
         .doc = "The explicit port, else the scheme's default (http/ws 80, https/wss 443, ftp "
                "21); null otherwise.",
         .example = R"(url_port("https://example.com/x"))",
         .example_result = "443",
         .eval = Port,
         .param_names = {"url"}});
  r.Add({.name = "url_path",
         .params = {kStringT},
         .result = kStringT,
         .family = f,
         .doc = "The path as written (still percent-encoded), \"\" when empty.",
         .example = R"(url_path("https://example.com/a/b%20c?x=1#top"))",
         .example_result = R"("/a/b%20c")",
         .eval = Path,
         .param_names = {"url"}});
  r.Add({.name = "url_query",
         .params = {kStringT},
         .result = kStringT,
         .family = f,
         .doc = "The query string after '?' as written, without the fragment.",
         .example = R"(url_query("https://example.com/a?x=1&y=2#top"))",
         .example_result = R"("x=1&y=2")",
         .eval = Query,
         .param_names = {"url"}});
  r.Add({.name = "url_query_param",
         .params = {kStringT, kStringT},
         .result = kStringT,
         .family = f,
         .doc = "The first value of query parameter `name`, percent-decoded with '+' as space; "
                "null when absent.",
         .example = R"(url_query_param("https://x.com/r?url=https%3A%2F%2Fevil.com&a=1", "url"))",
         .example_result = R"("https://evil.com")",
         .eval = Param,
         .param_names = {"url", "name"}});
  r.Add({.name = "url_decode",
         .params = {kStringT},
         .result = kStringT,
         .family = f,
         .doc = "The text with %XX sequences decoded (malformed ones kept; '+' unchanged).",
         .example = R"(url_decode("a%20b%2Fc%zz"))",
         .example_result = R"("a b/c%zz")",
         .eval = Decode,
         .param_names = {"s"}});
  r.Add({.name = "url_is_ip_host",
         .params = {kStringT},
         .result = kBoolT,
         .family = f,
         .doc = "True when the host is an IPv4/IPv6 literal, including numeric forms browsers "
                "read as IPv4 (http://3232235777/, http://0x7f.1/).",
         .example = R"(url_is_ip_host("http://192.168.10.5/login"))",
         .example_result = "true",
         .eval = IsIpHost,
         .param_names = {"url"}});
  r.Add({.name = "url_is_shortener",
         .params = {kStringT},
         .result = kBoolT,
         .family = f,
         .doc = "True when the host is a public URL shortener on vigil's built-in list "
                "(bit.ly, tinyurl.com, t.co, ...; see below).",
         .example = R"(url_is_shortener("https://bit.ly/3xYz"))",
         .example_result = "true",
         .eval = IsShortener,
         .param_names = {"url"}});
}

}  // namespace vigil::stdlib

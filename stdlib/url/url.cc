// url.cc: uriparser-based URL splitting with offset mapping back to the caller's text.
#include "stdlib/url/url.h"

#include <arpa/inet.h>
#include <uriparser/Uri.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <unordered_set>

#include "base/strings.h"

namespace vigil::stdlib {
namespace {

bool NeedsEscape(unsigned char c) {
  return c >= 0x7F || c <= 0x20 || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' ||
         c == '`' || c == '{' || c == '|' || c == '}';
}

int Hex(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool LonePercent(std::string_view url, size_t i) {
  return url[i] == '%' && !(i + 2 < url.size() && Hex(url[i + 1]) >= 0 && Hex(url[i + 2]) >= 0);
}

// The text uriparser sees: the input itself when it needs no fixing (identity), else a copy
// with a scheme and/or escapes added, and for each of its bytes the input offset it came from.
struct Prepared {
  std::string_view text;
  bool identity = true;
  std::string storage;
  std::vector<uint32_t> origin;  // size text.size() + 1 unless identity
};

void Prepare(std::string_view url, bool add_scheme, Prepared* p) {
  bool clean = !add_scheme;
  for (size_t i = 0; clean && i < url.size(); ++i) {
    clean = !NeedsEscape(static_cast<unsigned char>(url[i])) && !LonePercent(url, i);
  }
  if (clean) {
    p->text = url;
    return;
  }
  static constexpr char kDigits[] = "0123456789ABCDEF";
  p->identity = false;
  p->storage.reserve(url.size() + 16);
  if (add_scheme) {
    p->storage = "http://";
    p->origin.assign(7, 0);
  }
  for (size_t i = 0; i < url.size(); ++i) {
    const auto c = static_cast<unsigned char>(url[i]);
    if (NeedsEscape(c) || LonePercent(url, i)) {
      p->storage += '%';
      p->storage += kDigits[c >> 4];
      p->storage += kDigits[c & 15];
      p->origin.insert(p->origin.end(), 3, static_cast<uint32_t>(i));
    } else {
      p->storage += static_cast<char>(c);
      p->origin.push_back(static_cast<uint32_t>(i));
    }
  }
  p->origin.push_back(static_cast<uint32_t>(url.size()));
  p->text = p->storage;
}

// Offsets [from, to) of the prepared text mapped back onto the input.
std::string_view Map(std::string_view url, const Prepared& p, size_t from, size_t to) {
  if (to <= from) return {};
  if (p.identity) return url.substr(from, to - from);
  const uint32_t a = p.origin[from], b = p.origin[to];
  return url.substr(a, b - a);
}

bool NumericIpv4(std::string_view host) {
  if (host.empty() || host.size() > 64) return false;
  for (char c : host) {
    if (!std::isxdigit(static_cast<unsigned char>(c)) && c != '.' && c != 'x' && c != 'X')
      return false;
  }
  const std::string h(host);
  in_addr a;
  return inet_aton(h.c_str(), &a) != 0;
}

bool Fill(std::string_view url, const Prepared& p, const UriUriA& uri, UrlParts* out) {
  const char* base = p.text.data();
  auto off = [&](const char* ptr) { return static_cast<size_t>(ptr - base); };
  auto range = [&](const UriTextRangeA& r) {
    return r.first == nullptr ? std::string_view() : Map(url, p, off(r.first), off(r.afterLast));
  };
  out->scheme = range(uri.scheme);
  out->userinfo = range(uri.userInfo);
  out->port = range(uri.portText);
  out->query = range(uri.query);
  out->fragment = range(uri.fragment);
  if (uri.hostText.first != nullptr) {
    out->host = base::AsciiLower(PercentDecode(
        std::string_view(uri.hostText.first, uri.hostText.afterLast - uri.hostText.first)));
  }
  out->host_is_ip =
      uri.hostData.ip4 != nullptr || uri.hostData.ip6 != nullptr || NumericIpv4(out->host);
  // Path: after the authority ("scheme://authority") up to '?' or '#'.
  const std::string_view t = p.text;
  size_t start = uri.scheme.first != nullptr ? off(uri.scheme.afterLast) + 1 : 0;
  if (t.substr(start, 2) == "//") start = std::min(t.find_first_of("/?#", start + 2), t.size());
  const size_t end = std::min(t.find_first_of("?#", start), t.size());
  out->path = Map(url, p, start, end);
  return true;
}

bool ParseOnce(std::string_view url, bool add_scheme, UrlParts* out, bool* has_scheme) {
  Prepared p;
  Prepare(url, add_scheme, &p);
  UriUriA uri;
  const char* error_pos = nullptr;
  if (uriParseSingleUriExA(&uri, p.text.data(), p.text.data() + p.text.size(), &error_pos) !=
      URI_SUCCESS) {
    uriFreeUriMembersA(&uri);
    *has_scheme = true;  // do not retry a text uriparser cannot read
    return false;
  }
  *has_scheme = uri.scheme.first != nullptr;
  const bool ok = *has_scheme && Fill(url, p, uri, out);
  if (ok && add_scheme) out->scheme = "http";
  uriFreeUriMembersA(&uri);
  return ok;
}

}  // namespace

bool ParseUrl(std::string_view url, UrlParts* out) {
  *out = UrlParts();
  url = base::Trim(url);
  if (url.empty() || url.size() > kMaxUrlLength) return false;
  bool has_scheme = false;
  if (ParseOnce(url, false, out, &has_scheme)) return true;
  if (has_scheme || url.front() == '/') return false;
  return ParseOnce(url, true, out, &has_scheme);
}

std::string PercentDecode(std::string_view s, bool plus_as_space) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '%' && i + 2 < s.size() && Hex(s[i + 1]) >= 0 && Hex(s[i + 2]) >= 0) {
      out += static_cast<char>(Hex(s[i + 1]) * 16 + Hex(s[i + 2]));
      i += 2;
    } else {
      out += (plus_as_space && c == '+') ? ' ' : c;
    }
  }
  return out;
}

bool QueryParam(std::string_view query, std::string_view name, std::string* value) {
  size_t start = 0;
  while (start <= query.size()) {
    size_t end = query.find_first_of("&;", start);
    if (end == std::string_view::npos) end = query.size();
    const std::string_view pair = query.substr(start, end - start);
    const size_t eq = pair.find('=');
    if (PercentDecode(pair.substr(0, eq), true) == name) {
      *value =
          eq == std::string_view::npos ? std::string() : PercentDecode(pair.substr(eq + 1), true);
      return true;
    }
    start = end + 1;
  }
  return false;
}

const std::vector<std::string_view>& UrlShortenerHosts() {
  static const std::vector<std::string_view> kHosts = {
      "bit.ly",      "bitly.com", "tinyurl.com", "t.co",       "goo.gl",       "ow.ly",
      "is.gd",       "v.gd",      "buff.ly",     "rebrand.ly", "cutt.ly",      "shorturl.at",
      "tiny.cc",     "rb.gy",     "bit.do",      "t.ly",       "lnkd.in",      "s.id",
      "x.co",        "urlz.fr",   "qrco.de",     "shorte.st",  "adf.ly",       "bl.ink",
      "short.io",    "tiny.one",  "u.to",        "clck.ru",    "soo.gd",       "n9.cl",
      "trib.al",     "dlvr.it",   "ift.tt",      "surl.li",    "shorturl.com", "1url.com",
      "hyperurl.co", "t2m.io",    "2no.co",      "linktr.ee",  "tinu.be",      "kutt.it",
  };
  return kHosts;
}

bool IsShortenerHost(std::string_view host) {
  static const auto* index = new std::unordered_set<std::string_view>(UrlShortenerHosts().begin(),
                                                                      UrlShortenerHosts().end());
  if (host.starts_with("www.")) host.remove_prefix(4);
  return index->count(host) != 0;
}

int DefaultPort(std::string_view scheme) {
  const std::string s = base::AsciiLower(scheme);
  if (s == "http" || s == "ws") return 80;
  if (s == "https" || s == "wss") return 443;
  if (s == "ftp") return 21;
  return -1;
}

}  // namespace vigil::stdlib

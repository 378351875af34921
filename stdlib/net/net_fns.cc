// net_fns.cc: the network family: IP and CIDR parsing (also how IPv6 literals are written:
// ip("::1"), cidr("2001:db8::/32")), address family, special ranges, CIDR membership.
// Membership in CIDR *lists* is in_list (stdlib/lists), backed by a prefix trie.
#include "stdlib/families.h"
#include "stdlib/fn_util.h"
#include "stdlib/net/ip_ranges.h"

namespace vigil::stdlib {
namespace {

using Args = std::span<const Datum>;

void Ip(Args a, const FnState*, EvalContext&, Datum* out) {
  const auto ip = base::ParseIp(a[0].s);
  *out = ip ? Datum::Ip(*ip) : Datum::Null(ScalarType::kIp);
}
void Cidr(Args a, const FnState*, EvalContext&, Datum* out) {
  const auto c = base::ParseCidr(a[0].s);
  *out = c ? Datum::Cidr(*c) : Datum::Null(ScalarType::kCidr);
}
void IsV4(Args a, const FnState*, EvalContext&, Datum* out) { SetBool(out, a[0].ip.IsV4()); }
void IsV6(Args a, const FnState*, EvalContext&, Datum* out) { SetBool(out, !a[0].ip.IsV4()); }
void Version(Args a, const FnState*, EvalContext&, Datum* out) {
  SetInt(out, a[0].ip.IsV4() ? 4 : 6);
}

template <IpRange kRange>
void InRange(Args a, const FnState*, EvalContext&, Datum* out) {
  SetBool(out, ClassifyIp(a[0].ip) == kRange);
}

void InCidr(Args a, const FnState*, EvalContext&, Datum* out) {
  SetBool(out, base::Cidr{a[1].ip, a[1].prefix}.Contains(a[0].ip));
}

void Network(Args a, const FnState*, EvalContext&, Datum* out) {
  const int64_t max = a[0].ip.IsV4() ? 32 : 128;
  if (a[1].i < 0 || a[1].i > max) {
    SetNull(out, ScalarType::kCidr);
    return;
  }
  base::Cidr c{a[0].ip, static_cast<uint8_t>(a[0].ip.IsV4() ? 96 + a[1].i : a[1].i)};
  for (int bit = c.prefix; bit < 128; ++bit) {
    c.addr.bytes[bit / 8] &= static_cast<uint8_t>(~(0x80 >> (bit % 8)));
  }
  *out = Datum::Cidr(c);
}

}  // namespace

void RegisterNetwork(Registry& r) {
  const std::string_view f = "network";
  r.Add({.name = "ip",
         .params = {kStringT},
         .result = kIpT,
         .family = f,
         .doc = "Parses a dotted IPv4 or textual IPv6 address; null when the text is not one.",
         .example = R"(ip("2001:db8::1"))",
         .example_result = R"(ip("2001:db8::1"))",
         .eval = Ip,
         .param_names = {"s"}});
  r.Add({.name = "cidr",
         .params = {kStringT},
         .result = kCidrT,
         .family = f,
         .doc = "Parses \"address/len\" (a bare address is a host network); null when invalid "
                "or when host bits are set.",
         .example = R"(cidr("2001:db8::/32"))",
         .example_result = R"(cidr("2001:db8::/32"))",
         .eval = Cidr,
         .param_names = {"s"}});
  r.Add({.name = "is_ipv4",
         .params = {kIpT},
         .result = kBoolT,
         .family = f,
         .doc = "True for an IPv4 address (IPv4-mapped IPv6 counts as IPv4).",
         .example = R"(is_ipv4(10.1.2.3))",
         .example_result = "true",
         .eval = IsV4,
         .param_names = {"addr"}});
  r.Add({.name = "is_ipv6",
         .params = {kIpT},
         .result = kBoolT,
         .family = f,
         .doc = "True for an IPv6 address that is not IPv4-mapped.",
         .example = R"(is_ipv6(ip("::1")))",
         .example_result = "true",
         .eval = IsV6,
         .param_names = {"addr"}});
  r.Add({.name = "ip_version",
         .params = {kIpT},
         .result = kIntT,
         .family = f,
         .doc = "4 or 6.",
         .example = R"(ip_version(ip("fe80::1")))",
         .example_result = "6",
         .eval = Version,
         .param_names = {"addr"}});
  r.Add({.name = "is_private_ip",
         .params = {kIpT},
         .result = kBoolT,
         .family = f,
         .doc = "True in RFC 1918 space (10/8, 172.16/12, 192.168/16) or IPv6 unique-local "
                "fc00::/7.",
         .example = R"(is_private_ip(172.20.1.9))",
         .example_result = "true",
         .eval = InRange<IpRange::kPrivate>,
         .param_names = {"addr"}});
  r.Add({.name = "is_loopback_ip",
         .params = {kIpT},
         .result = kBoolT,
         .family = f,
         .doc = "True in 127.0.0.0/8 or for ::1.",
         .example = R"(is_loopback_ip(127.0.0.53))",
         .example_result = "true",
         .eval = InRange<IpRange::kLoopback>,
         .param_names = {"addr"}});
  r.Add({.name = "is_link_local_ip",
         .params = {kIpT},
         .result = kBoolT,
         .family = f,
         .doc = "True in 169.254.0.0/16 or fe80::/10.",
         .example = R"(is_link_local_ip(169.254.10.1))",
         .example_result = "true",
         .eval = InRange<IpRange::kLinkLocal>,
         .param_names = {"addr"}});
  r.Add({.name = "is_reserved_ip",
         .params = {kIpT},
         .result = kBoolT,
         .family = f,
         .doc = "True in a special-purpose range that is neither private, loopback nor link "
                "local: this-network, CGNAT, documentation, benchmarking, multicast, 240/4, "
                "unspecified, discard, site-local.",
         .example = R"(is_reserved_ip(203.0.113.7))",
         .example_result = "true",
         .eval = InRange<IpRange::kReserved>,
         .param_names = {"addr"}});
  r.Add({.name = "is_public_ip",
         .params = {kIpT},
         .result = kBoolT,
         .family = f,
         .doc = "True when the address is in none of the special-purpose ranges (globally "
                "routable unicast).",
         .example = R"(is_public_ip(8.8.8.8))",
         .example_result = "true",
         .eval = InRange<IpRange::kPublic>,
         .param_names = {"addr"}});
  r.Add({.name = "in_cidr",
         .params = {kIpT, kCidrT},
         .result = kBoolT,
         .family = f,
         .doc = "True when the address lies in the network.",
         .example = R"(in_cidr(10.20.30.40, 10.0.0.0/8))",
         .example_result = "true",
         .eval = InCidr,
         .param_names = {"addr", "net"}});
  r.Add({.name = "ip_network",
         .params = {kIpT, kIntT},
         .result = kCidrT,
         .family = f,
         .doc = "The network of `prefix` bits containing the address (prefix 0-32 for IPv4, "
                "0-128 for IPv6; null otherwise), e.g. to group by /24.",
         .example = R"(ip_network(192.168.7.99, 24))",
         .example_result = "192.168.7.0/24",
         .eval = Network,
         .param_names = {"addr", "prefix"}});
}

}  // namespace vigil::stdlib

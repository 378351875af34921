// ip_ranges.cc: the special-purpose range table and its trie.
#include "stdlib/net/ip_ranges.h"

#include "base/check.h"
#include "stdlib/net/cidr_trie.h"

namespace vigil::stdlib {

const std::vector<IpRangeEntry>& SpecialIpRanges() {
  static const std::vector<IpRangeEntry> kRanges = {
      {"10.0.0.0/8", IpRange::kPrivate, "RFC 1918"},
      {"172.16.0.0/12", IpRange::kPrivate, "RFC 1918"},
      {"192.168.0.0/16", IpRange::kPrivate, "RFC 1918"},
      {"fc00::/7", IpRange::kPrivate, "unique local (RFC 4193)"},
      {"127.0.0.0/8", IpRange::kLoopback, "loopback"},
      {"::1/128", IpRange::kLoopback, "loopback"},
      {"169.254.0.0/16", IpRange::kLinkLocal, "link local"},
      {"fe80::/10", IpRange::kLinkLocal, "link local"},
      {"0.0.0.0/8", IpRange::kReserved, "this network"},
      {"100.64.0.0/10", IpRange::kReserved, "shared address space (CGNAT)"},
      {"192.0.0.0/24", IpRange::kReserved, "IETF protocol assignments"},
      {"192.0.2.0/24", IpRange::kReserved, "documentation (TEST-NET-1)"},
      {"198.18.0.0/15", IpRange::kReserved, "benchmarking"},
      {"198.51.100.0/24", IpRange::kReserved, "documentation (TEST-NET-2)"},
      {"203.0.113.0/24", IpRange::kReserved, "documentation (TEST-NET-3)"},
      {"224.0.0.0/4", IpRange::kReserved, "multicast"},
      {"240.0.0.0/4", IpRange::kReserved, "reserved, limited broadcast"},
      {"::/128", IpRange::kReserved, "unspecified"},
      {"100::/64", IpRange::kReserved, "discard only"},
      {"2001:db8::/32", IpRange::kReserved, "documentation"},
      {"fec0::/10", IpRange::kReserved, "site local (deprecated)"},
      {"ff00::/8", IpRange::kReserved, "multicast"},
  };
  return kRanges;
}

IpRange ClassifyIp(const base::IpAddr& ip) {
  static const CidrTrie* trie = [] {
    auto* t = new CidrTrie();
    for (const IpRangeEntry& e : SpecialIpRanges()) {
      const auto c = base::ParseCidr(e.cidr);
      VIGIL_CHECK_MSG(c.has_value(), e.cidr);
      t->Insert(*c, static_cast<uint32_t>(e.range));
    }
    return t;
  }();
  const int64_t v = trie->LongestMatch(ip);
  return v < 0 ? IpRange::kPublic : static_cast<IpRange>(v);
}

}  // namespace vigil::stdlib

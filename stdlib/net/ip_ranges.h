// ip_ranges.h: the special-purpose address ranges (IANA IPv4/IPv6 special-purpose registries)
// behind is_private_ip / is_loopback_ip / is_link_local_ip / is_reserved_ip / is_public_ip.
#pragma once

#include <string_view>
#include <vector>

#include "base/ip.h"

namespace vigil::stdlib {

enum class IpRange : uint8_t {
  kPublic,     // none of the ranges below: globally routable unicast
  kPrivate,    // RFC 1918, RFC 4193 unique-local fc00::/7
  kLoopback,   // 127.0.0.0/8, ::1
  kLinkLocal,  // 169.254.0.0/16, fe80::/10
  kReserved,   // unspecified, "this network", shared CGNAT, documentation, benchmarking,
               // multicast, 240/4 and broadcast, IETF protocol, discard, site-local
};

struct IpRangeEntry {
  std::string_view cidr;
  IpRange range;
  std::string_view note;
};
// The table, for docs and tests.
const std::vector<IpRangeEntry>& SpecialIpRanges();

// The range an address falls in (a prefix-trie lookup).
IpRange ClassifyIp(const base::IpAddr& ip);

}  // namespace vigil::stdlib

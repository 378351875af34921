// ip.h: IPv4/IPv6 addresses and networks as fixed-size values (v4 stored v4-mapped), shared by
// ingest, the VM, the stdlib and the compiler's literal checking.
#pragma once

#include <array>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vigil::base {

// 16 bytes in network order; IPv4 is stored as ::ffff:a.b.c.d.
struct IpAddr {
  std::array<uint8_t, 16> bytes{};
  bool IsV4() const;
  auto operator<=>(const IpAddr&) const = default;
};

// A network: address (host bits zeroed) and prefix length over the 128-bit form
// (an IPv4 /8 is stored as prefix 96 + 8).
struct Cidr {
  IpAddr addr;
  uint8_t prefix = 0;
  bool Contains(const IpAddr& ip) const;
  auto operator<=>(const Cidr&) const = default;
};

// Parses dotted IPv4 or textual IPv6 (no zone ids). Returns nullopt on anything else.
std::optional<IpAddr> ParseIp(std::string_view s);
// Parses "addr/len"; a bare address is a host network. Host bits must be zero unless `lenient`.
std::optional<Cidr> ParseCidr(std::string_view s, bool lenient = false);
std::string FormatIp(const IpAddr& ip);
std::string FormatCidr(const Cidr& c);

}  // namespace vigil::base

// ip.cc: parsing and formatting of IP addresses and networks (inet_pton/inet_ntop based).
#include "base/ip.h"

#include <arpa/inet.h>

#include <charconv>
#include <cstring>

namespace vigil::base {
namespace {
constexpr std::array<uint8_t, 12> kV4Prefix = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
}  // namespace

bool IpAddr::IsV4() const { return std::memcmp(bytes.data(), kV4Prefix.data(), 12) == 0; }

bool Cidr::Contains(const IpAddr& ip) const {
  const int full = prefix / 8, rest = prefix % 8;
  if (std::memcmp(ip.bytes.data(), addr.bytes.data(), full) != 0) return false;
  if (rest == 0) return true;
  const auto mask = static_cast<uint8_t>(0xff << (8 - rest));
  return (ip.bytes[full] & mask) == addr.bytes[full];
}

std::optional<IpAddr> ParseIp(std::string_view s) {
  if (s.empty() || s.size() > 45) return std::nullopt;
  char buf[46];
  std::memcpy(buf, s.data(), s.size());
  buf[s.size()] = 0;
  IpAddr ip;
  if (s.find(':') == std::string_view::npos) {
    in_addr a4;
    if (inet_pton(AF_INET, buf, &a4) != 1) return std::nullopt;
    std::memcpy(ip.bytes.data(), kV4Prefix.data(), 12);
    std::memcpy(ip.bytes.data() + 12, &a4, 4);
    return ip;
  }
  in6_addr a6;
  if (inet_pton(AF_INET6, buf, &a6) != 1) return std::nullopt;
  std::memcpy(ip.bytes.data(), &a6, 16);
  return ip;
}

std::optional<Cidr> ParseCidr(std::string_view s, bool lenient) {
  const size_t slash = s.find('/');
  auto ip = ParseIp(s.substr(0, slash));
  if (!ip) return std::nullopt;
  const int max_len = ip->IsV4() ? 32 : 128;
  int len = max_len;
  if (slash != std::string_view::npos) {
    std::string_view l = s.substr(slash + 1);
    auto [p, ec] = std::from_chars(l.data(), l.data() + l.size(), len);
    if (ec != std::errc() || p != l.data() + l.size() || len < 0 || len > max_len) {
      return std::nullopt;
    }
  }
  Cidr c;
  c.prefix = static_cast<uint8_t>(ip->IsV4() ? 96 + len : len);
  c.addr = *ip;
  for (int bit = c.prefix; bit < 128; ++bit) {
    c.addr.bytes[bit / 8] &= static_cast<uint8_t>(~(0x80 >> (bit % 8)));
  }
  if (!lenient && c.addr != *ip) return std::nullopt;
  return c;
}

std::string FormatIp(const IpAddr& ip) {
  char buf[INET6_ADDRSTRLEN];
  if (ip.IsV4()) {
    inet_ntop(AF_INET, ip.bytes.data() + 12, buf, sizeof(buf));
  } else {
    inet_ntop(AF_INET6, ip.bytes.data(), buf, sizeof(buf));
  }
  return buf;
}

std::string FormatCidr(const Cidr& c) {
  const int len = c.addr.IsV4() ? c.prefix - 96 : c.prefix;
  return FormatIp(c.addr) + "/" + std::to_string(len);
}

}  // namespace vigil::base

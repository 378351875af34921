// cidr_trie.h: a binary prefix trie over 128-bit addresses (IPv4 as v4-mapped) answering
// "which listed network contains this address" in at most 128 steps, whatever the list size.
// Backs CIDR lists, the IP side of IOC lists and the special-range checks.
#pragma once

#include <cstdint>
#include <vector>

#include "base/ip.h"

namespace vigil::stdlib {

class CidrTrie {
 public:
  CidrTrie();

  // Associates `value` with the network; a network inserted twice keeps its first value.
  void Insert(const base::Cidr& net, uint32_t value);

  // The value of the longest (most specific) listed network containing ip, or -1.
  int64_t LongestMatch(const base::IpAddr& ip) const;

  // The value of the shortest (least specific) listed network containing ip, or -1.
  int64_t ShortestMatch(const base::IpAddr& ip) const;

  size_t node_count() const { return nodes_.size(); }

 private:
  static constexpr uint32_t kNone = UINT32_MAX;
  struct Node {
    uint32_t child[2] = {kNone, kNone};
    uint32_t value = kNone;
  };
  std::vector<Node> nodes_;
};

}  // namespace vigil::stdlib

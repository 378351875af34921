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
  // Walks from `node` at bit `depth`; returns the last (longest) or first value seen.
  int64_t Walk(const base::IpAddr& ip, uint32_t node, int depth, int64_t best, bool longest) const;
  void IndexV4Prefix();

  std::vector<Node> nodes_;
  // IPv4 shortcut: the node reached by the 96-bit ::ffff:0:0 prefix every IPv4 address
  // shares (kNone when the trie has none), and the longest / shortest values met on the way.
  uint32_t v4_node_ = kNone;
  int64_t v4_longest_ = -1;
  int64_t v4_shortest_ = -1;
};

}  // namespace vigil::stdlib

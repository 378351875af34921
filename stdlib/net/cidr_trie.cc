// cidr_trie.cc: uncompressed binary trie; node 0 is the root (the /0 network).
#include "stdlib/net/cidr_trie.h"

namespace vigil::stdlib {
namespace {
int Bit(const base::IpAddr& ip, int i) { return (ip.bytes[i / 8] >> (7 - i % 8)) & 1; }
}  // namespace

CidrTrie::CidrTrie() : nodes_(1) {}

void CidrTrie::Insert(const base::Cidr& net, uint32_t value) {
  uint32_t node = 0;
  for (int i = 0; i < net.prefix; ++i) {
    const int b = Bit(net.addr, i);
    if (nodes_[node].child[b] == kNone) {
      nodes_[node].child[b] = static_cast<uint32_t>(nodes_.size());
      nodes_.emplace_back();
    }
    node = nodes_[node].child[b];
  }
  if (nodes_[node].value == kNone) nodes_[node].value = value;
  IndexV4Prefix();
}

int64_t CidrTrie::Walk(const base::IpAddr& ip, uint32_t node, int depth, int64_t best,
                       bool longest) const {
  for (int i = depth;; ++i) {
    if (nodes_[node].value != kNone) {
      if (!longest) return nodes_[node].value;
      best = nodes_[node].value;
    }
    if (i == 128) break;
    node = nodes_[node].child[Bit(ip, i)];
    if (node == kNone) break;
  }
  return best;
}

void CidrTrie::IndexV4Prefix() {
  base::IpAddr v4;
  v4.bytes[10] = v4.bytes[11] = 0xFF;
  v4_longest_ = v4_shortest_ = -1;
  uint32_t node = 0;
  for (int i = 0;; ++i) {
    if (nodes_[node].value != kNone) {
      v4_longest_ = nodes_[node].value;
      if (v4_shortest_ < 0) v4_shortest_ = nodes_[node].value;
    }
    if (i == 96) break;
    node = nodes_[node].child[Bit(v4, i)];
    if (node == kNone) break;
  }
  v4_node_ = node;
}

int64_t CidrTrie::LongestMatch(const base::IpAddr& ip) const {
  if (!ip.IsV4()) return Walk(ip, 0, 0, -1, true);
  if (v4_node_ == kNone) return v4_longest_;
  return Walk(ip, v4_node_, 96, v4_longest_, true);
}

int64_t CidrTrie::ShortestMatch(const base::IpAddr& ip) const {
  if (!ip.IsV4()) return Walk(ip, 0, 0, -1, false);
  if (v4_shortest_ >= 0) return v4_shortest_;
  return v4_node_ == kNone ? -1 : Walk(ip, v4_node_, 96, -1, false);
}

}  // namespace vigil::stdlib

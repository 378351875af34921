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
}

int64_t CidrTrie::LongestMatch(const base::IpAddr& ip) const {
  int64_t best = -1;
  uint32_t node = 0;
  for (int i = 0;; ++i) {
    if (nodes_[node].value != kNone) best = nodes_[node].value;
    if (i == 128) break;
    node = nodes_[node].child[Bit(ip, i)];
    if (node == kNone) break;
  }
  return best;
}

int64_t CidrTrie::ShortestMatch(const base::IpAddr& ip) const {
  uint32_t node = 0;
  for (int i = 0;; ++i) {
    if (nodes_[node].value != kNone) return nodes_[node].value;
    if (i == 128) break;
    node = nodes_[node].child[Bit(ip, i)];
    if (node == kNone) break;
  }
  return -1;
}

}  // namespace vigil::stdlib

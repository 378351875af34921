// domain_trie.h: a trie of domain labels read right to left, so "is this host a listed
// domain or a subdomain of one" costs one hash probe per label of the host (linear in its
// length), whatever the list size. Backs domain lists and the domain side of IOC lists.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace vigil::stdlib {

class DomainTrie {
 public:
  DomainTrie();

  // Associates `value` with a lower-case domain ("example.com"); the first value wins.
  void Insert(std::string_view domain, uint32_t value);

  // The value of the most specific listed domain equal to host or a parent of it, or -1.
  // host must be lower-case without a trailing dot.
  int64_t FindSuffix(std::string_view host) const;
  // The value of host itself, or -1.
  int64_t FindExact(std::string_view host) const;

 private:
  static constexpr uint32_t kNone = UINT32_MAX;
  struct Key {
    uint32_t parent;
    std::string_view label;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    size_t operator()(const Key& k) const;
  };
  // Walks host's labels from the right; calls visit(value) at every listed node passed.
  template <typename Visit>
  bool Walk(std::string_view host, Visit visit) const;

  std::unordered_map<Key, uint32_t, KeyHash> children_;  // (node, label) -> child node
  std::vector<uint32_t> values_;                         // per node; kNone when unlisted
  std::deque<std::string> labels_;                       // owns the labels keys point into
};

}  // namespace vigil::stdlib

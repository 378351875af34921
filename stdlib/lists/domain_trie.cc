// domain_trie.cc: label trie over a flat hash map keyed by (parent node, label).
#include "stdlib/lists/domain_trie.h"

#include <functional>

namespace vigil::stdlib {

DomainTrie::DomainTrie() : values_(1, kNone) {}

size_t DomainTrie::KeyHash::operator()(const Key& k) const {
  return std::hash<std::string_view>{}(k.label) * 31 + k.parent;
}

void DomainTrie::Insert(std::string_view domain, uint32_t value) {
  uint32_t node = 0;
  size_t end = domain.size();
  while (true) {
    const size_t dot = domain.rfind('.', end == 0 ? 0 : end - 1);
    const size_t begin = (dot == std::string_view::npos || end == 0) ? 0 : dot + 1;
    const std::string_view label = domain.substr(begin, end - begin);
    auto it = children_.find(Key{node, label});
    if (it == children_.end()) {
      labels_.emplace_back(label);
      const auto child = static_cast<uint32_t>(values_.size());
      values_.push_back(kNone);
      it = children_.emplace(Key{node, labels_.back()}, child).first;
    }
    node = it->second;
    if (begin == 0) break;
    end = begin - 1;
  }
  if (values_[node] == kNone) values_[node] = value;
}

template <typename Visit>
bool DomainTrie::Walk(std::string_view host, Visit visit) const {
  uint32_t node = 0;
  size_t end = host.size();
  while (true) {
    const size_t dot = end == 0 ? std::string_view::npos : host.rfind('.', end - 1);
    const size_t begin = dot == std::string_view::npos ? 0 : dot + 1;
    auto it = children_.find(Key{node, host.substr(begin, end - begin)});
    if (it == children_.end()) return false;
    node = it->second;
    const bool whole = begin == 0;
    if (values_[node] != kNone) visit(values_[node], whole);
    if (whole) return true;
    end = begin - 1;
  }
}

int64_t DomainTrie::FindSuffix(std::string_view host) const {
  int64_t best = -1;
  Walk(host, [&](uint32_t v, bool) { best = v; });
  return best;
}

int64_t DomainTrie::FindExact(std::string_view host) const {
  int64_t found = -1;
  Walk(host, [&](uint32_t v, bool whole) {
    if (whole) found = v;
  });
  return found;
}

}  // namespace vigil::stdlib

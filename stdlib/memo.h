// memo.h: a bounded, per-thread memo of a pure function of one string, for the stdlib
// functions whose cost is an ICU call per value (IDNA conversion, confusable skeletons): a
// batch evaluates them once per distinct value, and the same domains come back batch after
// batch. At most `kMax` values are kept per function and thread; then the memo starts over.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace vigil::stdlib {

template <typename V, size_t kMax = (1 << 14)>
class StringMemo {
 public:
  // compute(V*) -> bool fills the value; the result (and the value) are remembered.
  template <typename Compute>
  bool Get(std::string_view key, V* out, Compute compute) {
    std::string k(key);
    if (auto it = map_.find(k); it != map_.end()) {
      *out = it->second.second;
      return it->second.first;
    }
    V v{};
    const bool ok = compute(&v);
    if (map_.size() >= kMax) map_.clear();
    *out = v;
    map_.emplace(std::move(k), std::make_pair(ok, std::move(v)));
    return ok;
  }

 private:
  std::unordered_map<std::string, std::pair<bool, V>> map_;
};

}  // namespace vigil::stdlib

// string_dict.cc: open-addressing intern table.
#include "vm/columnar/string_dict.h"

#include <functional>

namespace vigil::columnar {

uint32_t StringDict::Find(std::string_view s) const {
  if (slots_.empty()) return kMissing;
  const uint64_t h = std::hash<std::string_view>{}(s);
  const size_t mask = slots_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    const uint32_t code = slots_[i];
    if (code == kMissing) return kMissing;
    if (hashes_[code] == h && values_[code] == s) return code;
  }
}

uint32_t StringDict::Intern(std::string_view s, Arena& arena) {
  if ((values_.size() + 1) * 2 > slots_.size()) Grow();
  const uint64_t h = std::hash<std::string_view>{}(s);
  const size_t mask = slots_.size() - 1;
  size_t i = h & mask;
  for (;; i = (i + 1) & mask) {
    const uint32_t code = slots_[i];
    if (code == kMissing) break;
    if (hashes_[code] == h && values_[code] == s) return code;
  }
  const auto code = static_cast<uint32_t>(values_.size());
  values_.push_back(arena.Copy(s));
  hashes_.push_back(h);
  slots_[i] = code;
  return code;
}

void StringDict::Grow() {
  const size_t n = slots_.empty() ? 64 : slots_.size() * 2;
  slots_.assign(n, kMissing);
  const size_t mask = n - 1;
  for (uint32_t code = 0; code < values_.size(); ++code) {
    size_t i = hashes_[code] & mask;
    while (slots_[i] != kMissing) i = (i + 1) & mask;
    slots_[i] = code;
  }
}

void StringDict::Clear() {
  values_.clear();
  hashes_.clear();
  for (auto& s : slots_) s = kMissing;
}

}  // namespace vigil::columnar

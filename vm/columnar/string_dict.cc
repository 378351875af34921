// string_dict.cc: open-addressing intern table.
#include "vm/columnar/string_dict.h"

#include <algorithm>

namespace vigil::columnar {

size_t StringDict::Probe(std::string_view s, uint32_t hash) const {
  const size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const uint64_t slot = slots_[i];
    if (slot == kEmpty) return i;
    if (static_cast<uint32_t>(slot >> 32) == hash &&
        EqualBytes(values_[static_cast<uint32_t>(slot)], s)) {
      return i;
    }
  }
}

uint32_t StringDict::Find(std::string_view s) const {
  if (slots_.empty()) return kMissing;
  const uint64_t slot = slots_[Probe(s, Hash(s))];
  return slot == kEmpty ? kMissing : static_cast<uint32_t>(slot);
}

uint32_t StringDict::InternHashed(std::string_view s, uint32_t hash, Arena& arena) {
  if ((values_.size() + 1) * 2 > slots_.size()) Grow();
  const size_t i = Probe(s, hash);
  if (slots_[i] != kEmpty) return last_ = static_cast<uint32_t>(slots_[i]);
  const auto code = static_cast<uint32_t>(values_.size());
  values_.push_back(arena.Copy(s));
  hashes_.push_back(hash);
  slots_[i] = uint64_t{hash} << 32 | code;
  return last_ = code;
}

uint32_t StringDict::InternStaticMiss(std::string_view s, Arena& arena) {
  const uint32_t code = Intern(s, arena);
  if (statics_used_ < kMaxStatics && s.size() <= UINT32_MAX) {
    statics_[statics_used_++] = {s.data(), static_cast<uint32_t>(s.size()), code};
  }
  return code;
}

void StringDict::Grow() {
  const size_t n = slots_.empty() ? 64 : slots_.size() * 2;
  std::vector<uint64_t> old(n, kEmpty);
  old.swap(slots_);
  const size_t mask = n - 1;
  for (uint64_t slot : old) {
    if (slot == kEmpty) continue;
    size_t i = (slot >> 32) & mask;
    while (slots_[i] != kEmpty) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

void StringDict::Clear() {
  last_ = kMissing;
  statics_used_ = 0;
  values_.clear();
  hashes_.clear();
  std::fill(slots_.begin(), slots_.end(), kEmpty);
}

}  // namespace vigil::columnar

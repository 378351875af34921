// set_masks.cc: building set groups: the masks of string values, the address runs of networks.
#include "vm/exec/set_masks.h"

#include <algorithm>

#include "base/check.h"
#include "vm/exec/loaded_pack.h"

namespace vigil::vm {

using bytecode::ConstSet;

SetGroup::SetGroup(std::vector<const RuntimeSet*> sets) : sets_(std::move(sets)) {
  VIGIL_CHECK(!sets_.empty() && sets_.size() <= bytecode::kMaxGroupedSets);
  if (sets_[0]->kind != ConstSet::Kind::kNetworks) return;
  // A run starts at address 0 and right after the end of every range; each run's mask is
  // what holds its first address (no range starts or ends inside a run).
  starts_.push_back({0, 0});
  for (const RuntimeSet* s : sets_) {
    for (const auto& [first, last] : s->ranges) {
      starts_.push_back(first);
      const RuntimeSet::Address next{last.first + (last.second == ~uint64_t{0}), last.second + 1};
      if (next != RuntimeSet::Address{0, 0}) starts_.push_back(next);  // else: ends at the top
    }
  }
  std::sort(starts_.begin(), starts_.end());
  starts_.erase(std::unique(starts_.begin(), starts_.end()), starts_.end());
  for (const auto& start : starts_) {
    uint64_t mask = 0;
    for (size_t k = 0; k < sets_.size(); ++k) {
      for (const auto& [first, last] : sets_[k]->ranges) {
        if (!(start < first) && !(last < start)) mask |= uint64_t{1} << k;
      }
    }
    masks_.push_back(mask);
  }
}

uint64_t SetGroup::MaskOf(std::string_view v, schema::ScalarType t) const {
  const schema::Datum d = schema::Datum::String(v, t);
  uint64_t mask = 0;
  for (size_t k = 0; k < sets_.size(); ++k) {
    if (sets_[k]->Contains(d)) mask |= uint64_t{1} << k;
  }
  return mask;
}

std::pair<uint64_t, uint64_t> SetGroup::Address(const base::IpAddr& ip) {
  return RuntimeSet::AddressOf(ip);
}

}  // namespace vigil::vm

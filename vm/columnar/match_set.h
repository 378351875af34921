// match_set.h: what evaluating a pack over one batch yields: for each rule of the pack (by its
// index in the pack), the batch rows where the rule's condition is true, ascending. Produced by
// the VM and by the reference interpreter alike, so the two can be compared exactly.
#pragma once

#include <cstdint>
#include <vector>

namespace vigil::columnar {

struct MatchSet {
  std::vector<std::vector<uint32_t>> rows;  // rows[rule] = matching rows, ascending

  void Reset(size_t rule_count) {
    rows.resize(rule_count);
    for (auto& r : rows) r.clear();
  }
  size_t total() const {
    size_t n = 0;
    for (const auto& r : rows) n += r.size();
    return n;
  }
  bool operator==(const MatchSet&) const = default;
};

}  // namespace vigil::columnar

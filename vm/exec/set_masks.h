// set_masks.h: constant sets grouped for InSets (the sets b..b+count-1 of one instruction):
// which of them hold a value, as a bit mask, from one decision per value. Built by LoadedPack
// when the pack loads (immutable, shared by threads); read by kernels_sets.cc.
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "base/ip.h"
#include "schema/datum.h"

namespace vigil::vm {

struct RuntimeSet;

// Kept per-value masks: bit 63 marks a known mask (a group has at most 63 sets).
inline constexpr uint64_t kKnownMask = uint64_t{1} << 63;
// A mask no group produces (every bit set): "not decided yet" in per-batch tables.
inline constexpr uint64_t kUnknownMask = ~uint64_t{0};

class SetGroup {
 public:
  // `sets` (1 to 63) must outlive the group and be all string sets or all network sets.
  explicit SetGroup(std::vector<const RuntimeSet*> sets);
  // Bit k: set k holds string value v of type t.
  uint64_t MaskOf(std::string_view v, schema::ScalarType t) const;
  // Bit k: a network of set k holds ip (network groups).
  uint64_t MaskOfIp(const base::IpAddr& ip) const {
    const auto a = Address(ip);
    // The last start at or before a (starts_[0] is address 0), without a branch per step.
    const std::pair<uint64_t, uint64_t>* at = starts_.data();
    for (size_t len = starts_.size(); len > 1;) {
      const size_t half = len / 2;
      at = a < at[half] ? at : at + half;
      len -= half;
    }
    return masks_[static_cast<size_t>(at - starts_.data())];
  }

 private:
  static std::pair<uint64_t, uint64_t> Address(const base::IpAddr& ip);
  std::vector<const RuntimeSet*> sets_;
  // Network groups: the addresses cut into runs where the same sets hold every address; run i
  // starts at starts_[i] (ascending, the first at address 0) and has masks_[i].
  std::vector<std::pair<uint64_t, uint64_t>> starts_;
  std::vector<uint64_t> masks_;
};

// Transposes a 64x64 bit matrix in place: afterwards bit j of m[k] is what bit k of m[j] was.
inline void TransposeBits64(uint64_t m[64]) {
  uint64_t low = 0x00000000ffffffffu;  // the low `half` bits of each 2*half-bit group
  for (size_t half = 32; half != 0; half >>= 1, low ^= low << half) {
    for (size_t k = 0; k < 64; k = ((k | half) + 1) & ~half) {
      const uint64_t t = ((m[k] >> half) ^ m[k | half]) & low;
      m[k] ^= t << half;
      m[k | half] ^= t;
    }
  }
}

}  // namespace vigil::vm

// loaded_pack.h: an Executable made ready to run: pattern sets compiled, constant sets built
// into hash sets and prefix tries, stdlib call sites resolved and prepared. Immutable and shared
// by every thread; built only from a verified Executable.
#pragma once

#include <algorithm>
#include <bit>
#include <cstring>
#include <iterator>
#include <map>
#include <memory>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "schema/datum.h"
#include "stdlib/invoke.h"
#include "stdlib/lists/list_value.h"
#include "stdlib/regex/pattern_set.h"
#include "vm/bytecode/program.h"
#include "vm/columnar/tenant_context.h"
#include "vm/exec/set_masks.h"

namespace vigil::vm {

// A constant set ready for lookups: ints in a hash set, everything else as a stdlib list
// (hash table, domain label trie or CIDR prefix trie).
struct RuntimeSet {
  bytecode::ConstSet::Kind kind = bytecode::ConstSet::Kind::kStrings;
  std::unordered_set<int64_t> ints;
  std::unique_ptr<schema::ListValue> list;
  // kNetworks: the addresses the networks cover, as sorted disjoint closed ranges of 128-bit
  // addresses (high, low 64 bits).
  using Address = std::pair<uint64_t, uint64_t>;
  std::vector<std::pair<Address, Address>> ranges;
  // The ranges' part inside ::ffff:0.0.0.0/96, as IPv4 addresses (what an IPv4 value can hit).
  std::vector<std::pair<uint32_t, uint32_t>> v4_ranges;
  static constexpr size_t kLinearRanges = 8;  // up to this many ranges, a linear scan
  // d must be non-null.
  bool Contains(const schema::Datum& d) const;
  // kNetworks: whether a network contains ip (what Contains answers for an ip value).
  bool ContainsIp(const base::IpAddr& ip) const {
    uint32_t v4 = 0;
    if (v4_ranges.size() <= kLinearRanges && V4Of(ip, &v4)) {
      bool hit = false;
      for (const auto& [first, last] : v4_ranges) hit |= (v4 >= first) & (v4 <= last);
      return hit;
    }
    const Address a = AddressOf(ip);
    if (ranges.size() <= kLinearRanges) {  // branch-free: whether a row hits varies by row
      bool hit = false;
      for (const auto& [first, last] : ranges) {
        const bool from = NotBelow(a, first), to = NotBelow(last, a);
        hit |= from & to;
      }
      return hit;
    }
    // The last range starting at or before a.
    auto it = std::upper_bound(ranges.begin(), ranges.end(), a,
                               [](const Address& x, const auto& range) { return x < range.first; });
    return it != ranges.begin() && a <= std::prev(it)->second;
  }
  // Whether ip is IPv4 (IPv4-mapped), and then its IPv4 address as a number.
  static bool V4Of(const base::IpAddr& ip, uint32_t* v4) {
    uint64_t head;
    uint32_t mid, tail;
    std::memcpy(&head, ip.bytes.data(), 8);
    std::memcpy(&mid, ip.bytes.data() + 8, 4);
    std::memcpy(&tail, ip.bytes.data() + 12, 4);
    constexpr uint32_t kMappedMid =
        std::endian::native == std::endian::little ? 0xffff0000u : 0x0000ffffu;
    if constexpr (std::endian::native == std::endian::little) tail = __builtin_bswap32(tail);
    *v4 = tail;
    return head == 0 && mid == kMappedMid;
  }
  // x >= y, without a branch.
  static bool NotBelow(const Address& x, const Address& y) {
    return (x.first > y.first) | ((x.first == y.first) & (x.second >= y.second));
  }
  // The address as two big-endian 64-bit halves (so pairs compare as addresses do).
  static Address AddressOf(const base::IpAddr& ip) {
    uint64_t hi, lo;
    std::memcpy(&hi, ip.bytes.data(), 8);
    std::memcpy(&lo, ip.bytes.data() + 8, 8);
    if constexpr (std::endian::native == std::endian::little) {
      hi = __builtin_bswap64(hi);
      lo = __builtin_bswap64(lo);
    }
    return {hi, lo};
  }
};

class LoadedPack {
 public:
  // Prepares `exe` (which must have passed the verifier). Returns nullptr and sets *error when
  // a call site names an unknown function or a pattern set does not compile. List entries a
  // list's type rejects are left out (see warnings()).
  static std::unique_ptr<LoadedPack> Load(bytecode::Executable exe, std::string* error);

  const bytecode::Executable& exe() const { return exe_; }
  const bytecode::Program* ProgramFor(schema::EventType t) const {
    return by_type_[static_cast<size_t>(t)];
  }
  const RuntimeSet& set(uint32_t i) const { return sets_[i]; }
  // The group of sets first..first+count-1 of an InSets instruction of the pack.
  const SetGroup& set_group(uint32_t first, uint32_t count) const {
    return set_groups_.at({first, count});
  }
  const stdlib::PatternSet& patterns(uint32_t i) const { return *patterns_[i]; }
  const stdlib::PreparedCall& call(uint32_t i) const { return *calls_[i]; }
  const schema::Datum& constant(uint32_t i) const { return const_datums_[i]; }
  // Pack list i with its pack entries (a tenant list's defaults).
  const schema::ListValue& list(uint32_t i) const { return *lists_[i]; }
  // False for an inline list (a function's list argument) with an entry its type rejects: the
  // argument is then null, as in the reference interpreter.
  bool list_usable(uint32_t i) const { return usable_[i]; }
  // List entries left out because their list's type rejects them ("list $name: ...").
  const std::vector<std::string>& warnings() const { return warnings_; }
  // The list `$name` stands for in this tenant: its own values for a tenant list it configures.
  const schema::ListValue& ResolveList(uint32_t i, const columnar::TenantContext& tenant) const;
  size_t pattern_set_count() const { return patterns_.size(); }

 private:
  explicit LoadedPack(bytecode::Executable exe) : exe_(std::move(exe)) {}
  bool Build(std::string* error);
  void BuildSetGroups();  // one SetGroup per distinct (first set, count) of InSets instructions

  bytecode::Executable exe_;
  std::vector<const bytecode::Program*> by_type_;
  std::vector<RuntimeSet> sets_;
  std::map<std::pair<uint32_t, uint32_t>, SetGroup> set_groups_;  // (first set, count)
  std::vector<std::unique_ptr<stdlib::PatternSet>> patterns_;
  std::vector<std::unique_ptr<stdlib::PreparedCall>> calls_;
  std::vector<schema::Datum> const_datums_;
  std::vector<std::unique_ptr<schema::ListValue>> lists_;
  std::vector<bool> usable_;
  std::vector<std::string> warnings_;
};

}  // namespace vigil::vm

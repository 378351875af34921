// string_dict.h: the per-batch dictionary of a dictionary-encoded string column. Codes are
// dense (0..size()-1) in first-seen order, so kernels evaluate a predicate once per distinct
// value and gather the result by code.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "vm/columnar/arena.h"
#include "vm/columnar/bytes.h"

namespace vigil::columnar {

class StringDict {
 public:
  // Returns the code of s, adding it (copied into `arena`) when new.
  uint32_t Intern(std::string_view s, Arena& arena) {
    if (last_ != kMissing && EqualBytes(values_[last_], s)) return last_;
    return InternHashed(s, Hash(s), arena);
  }
  // Intern with s's Hash() computed by the caller (after a Prefetch(hash), say).
  uint32_t InternHashed(std::string_view s, uint32_t hash, Arena& arena);
  // The hash Intern and Prefetch use.
  static uint32_t Hash(std::string_view s) { return static_cast<uint32_t>(HashBytes(s)); }
  // Returns the code of s or kMissing.
  uint32_t Find(std::string_view s) const;
  // Hints that s is about to be interned: prefetches its slot so several lookups can wait on
  // memory at once (writers call it for a whole row first). No effect on the contents.
  void Prefetch(std::string_view s) const { Prefetch(Hash(s)); }
  void Prefetch(uint32_t hash) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[hash & (slots_.size() - 1)]);
  }
  std::string_view value(uint32_t code) const { return values_[code]; }
  // Hash(value(code)), kept when the value was interned: a reader mapping a batch's values to
  // its own table need not touch the bytes to hash them.
  uint32_t hash(uint32_t code) const { return hashes_[code]; }
  const std::vector<std::string_view>& values() const { return values_; }
  size_t size() const { return values_.size(); }
  void Clear();

  static constexpr uint32_t kMissing = 0xffffffffu;

 private:
  void Grow();
  // Slot index of s: its code's slot, or the empty slot where it would go.
  size_t Probe(std::string_view s, uint32_t hash) const;
  std::vector<std::string_view> values_;
  std::vector<uint32_t> hashes_;  // per code: Hash of its value
  // Open addressing, power-of-two size. A slot packs (hash low 32 bits << 32 | code), so a
  // probe reads one cache line and touches the value only on a hash match; kEmpty = free.
  std::vector<uint64_t> slots_;
  uint32_t last_ = kMissing;  // the code returned last: repeated values skip hashing
  static constexpr uint64_t kEmpty = ~uint64_t{0};
};

}  // namespace vigil::columnar

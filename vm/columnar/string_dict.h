// string_dict.h: the per-batch dictionary of a dictionary-encoded string column. Codes are
// dense (0..size()-1) in first-seen order, so kernels evaluate a predicate once per distinct
// value and gather the result by code.
#pragma once

#include <array>
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
  // Intern for a view of static storage: bytes that never change while the process runs (a
  // word of a vocabulary table). Such a view interned since the last Clear is recognized by
  // its address and length alone, neither hashed nor compared; the code is Intern's.
  uint32_t InternStatic(std::string_view s, Arena& arena) {
    for (size_t k = 0; k < statics_used_; ++k) {
      if (statics_[k].data == s.data() && statics_[k].size == s.size()) {
        return last_ = statics_[k].code;
      }
    }
    return InternStaticMiss(s, arena);
  }
  // True when s equals the value of the code returned last (interning s would return it).
  bool IsLast(std::string_view s) const {
    return last_ != kMissing && EqualBytes(values_[last_], s);
  }
  // The code returned last; requires a value interned since the last Clear.
  uint32_t last() const { return last_; }
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
  uint32_t InternStaticMiss(std::string_view s, Arena& arena);
  // Slot index of s: its code's slot, or the empty slot where it would go.
  size_t Probe(std::string_view s, uint32_t hash) const;
  std::vector<std::string_view> values_;
  std::vector<uint32_t> hashes_;  // per code: Hash of its value
  // Open addressing, power-of-two size. A slot packs (hash low 32 bits << 32 | code), so a
  // probe reads one cache line and touches the value only on a hash match; kEmpty = free.
  std::vector<uint64_t> slots_;
  uint32_t last_ = kMissing;  // the code returned last: repeated values skip hashing
  // The static views InternStatic saw since the last Clear (the first kMaxStatics), by address.
  struct StaticView {
    const char* data;
    uint32_t size;
    uint32_t code;
  };
  static constexpr size_t kMaxStatics = 4;
  std::array<StaticView, kMaxStatics> statics_;
  size_t statics_used_ = 0;
  static constexpr uint64_t kEmpty = ~uint64_t{0};
};

}  // namespace vigil::columnar

// value_ids.h: identities of string values that outlive a batch. A dictionary-encoded
// register's codes are per batch; RegisterIds maps them to ids that stay the same from batch to
// batch (per register, bounded), so a kernel keeps per-value results (a list lookup, a call)
// across batches in an IdResults instead of recomputing them for every batch's dictionary.
// Owned by the Vm (per thread); internal to vm/exec.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "vm/columnar/arena.h"
#include "vm/columnar/column.h"
#include "vm/columnar/string_dict.h"

namespace vigil::vm {

// The cross-batch ids of the values one register reads. A register whose values rarely repeat
// across batches (message ids, subjects) is not worth it: when fewer than a quarter of a
// window's lookups find a known value, the ids are dropped and not kept for a while.
class RegisterIds {
 public:
  // At most this many ids (plus one batch's distinct values) before they are all forgotten.
  static constexpr size_t kMaxIds = size_t{1} << 16;
  static constexpr uint64_t kWindow = 4096;      // lookups between two checks of the hit rate
  static constexpr uint64_t kSkipBatches = 256;  // batches without ids after a poor window

  // Starts reading `col` (dictionary-encoded or flat strings) in the batch numbered `serial`; a
  // second call for the same batch and column keeps the codes already mapped.
  void Bind(const columnar::Column& col, uint64_t serial);
  // False when ids are not kept for the bound batch (IdOf must not be called then).
  bool keeping() const { return serial_ >= skip_until_; }
  // The id of code `code` of the bound column.
  uint32_t IdOf(uint32_t code) {
    uint32_t& id = by_code_[code];
    if (id == kUnmapped) id = Map(col_->dict.value(code), col_->dict.hash(code));
    return id;
  }
  // The id of `value`, a value of the bound column read by value (a flat column's element).
  uint32_t IdOfValue(std::string_view value) {
    return Map(value, columnar::StringDict::Hash(value));
  }
  // The id of `code` when it is mapped already, else kUnmapped (any code: out of range too).
  uint32_t MappedId(uint32_t code) const {
    return code < by_code_.size() ? by_code_[code] : kUnmapped;
  }
  static constexpr uint32_t kUnmapped = 0xffffffffu;
  // Maps every code of the bound column (when keeping), for a kernel that reads every element:
  // the bytes and table slots of later values are prefetched while earlier ones are mapped, so
  // the misses on values scattered through the batch's arena overlap instead of queueing.
  // Every kernel reading the register may call it: after the first call for a batch it returns
  // at once (a dozen `in [...]` tests of one field hash the batch's values once, not a dozen).
  void MapEvery();
  size_t size() const { return ids_.size(); }
  // An upper bound of size() until the end of the bound batch.
  size_t bound() const { return ids_.size() + incoming_; }
  // Changes whenever every id is forgotten: results kept by id are then void.
  uint64_t generation() const { return generation_; }

 private:
  void Forget();
  // Interns a value with its StringDict::Hash and counts the lookup.
  uint32_t Map(std::string_view value, uint32_t hash) {
    const size_t known = ids_.size();
    const uint32_t id = ids_.InternHashed(value, hash, bytes_);
    ++lookups_;
    added_ += ids_.size() - known;
    return id;
  }
  columnar::StringDict ids_;
  columnar::Arena bytes_;
  std::vector<uint32_t> by_code_;
  size_t incoming_ = 0;  // values the bound batch may add: its distinct values, or its rows
  const columnar::Column* col_ = nullptr;
  uint64_t serial_ = 0;
  bool all_mapped_ = false;  // every code of the bound batch has its id
  uint64_t generation_ = 0;
  uint64_t lookups_ = 0;  // codes mapped in the current window
  uint64_t added_ = 0;    // of which new values
  uint64_t skip_until_ = 0;
};

// One instruction's per-value results by register id (T default-constructed = unknown is the
// caller's convention), valid for one generation of the ids and one context (the tenant's list,
// the time zone: whatever else the results depend on).
template <typename T>
class IdResults {
 public:
  // Forgets every result when the ids' generation or the context changed; makes room for every
  // id of the batch `ids` is bound to.
  void Sync(const RegisterIds& ids, std::string_view context) {
    if (generation_ != ids.generation() || context_ != context) {
      values_.clear();
      generation_ = ids.generation();
      context_.assign(context);
    }
    if (values_.size() < ids.bound()) values_.resize(ids.bound() + ids.bound() / 2 + 64);
  }
  T& operator[](uint32_t id) { return values_[id]; }
  void Clear() { values_.clear(); }

 private:
  std::vector<T> values_;
  uint64_t generation_ = ~uint64_t{0};
  std::string context_;
};

// A kept non-string scalar result (bool, int, float, timestamp, duration).
struct KeptScalar {
  bool known = false;
  bool valid = false;
  int64_t i = 0;
  double f = 0;
};

// A kept string result (the bytes owned here).
struct KeptString {
  bool known = false;
  bool valid = false;
  std::string s;
};

// The kept hits of a pattern scan.
struct KeptHits {
  bool known = false;
  std::vector<uint32_t> hits;
};

// What a Vm keeps for one program across batches: the ids of its dictionary-encoded registers
// and the per-value results of its instructions (by instruction index).
struct ProgramCaches {
  uint64_t serial = 0;  // the batch being run
  std::vector<std::unique_ptr<RegisterIds>> ids;
  std::vector<IdResults<uint8_t>> predicates;  // 0 unknown, 1 false, 2 true
  std::vector<IdResults<KeptScalar>> calls;
  std::vector<IdResults<KeptString>> string_calls;
  std::vector<IdResults<KeptHits>> scans;
  std::vector<IdResults<uint64_t>> set_masks;  // InSets: mask | kKnownMask, 0 unknown

  void Resize(size_t regs, size_t instructions) {
    ids.resize(regs);
    predicates.resize(instructions);
    calls.resize(instructions);
    string_calls.resize(instructions);
    scans.resize(instructions);
    set_masks.resize(instructions);
  }
  RegisterIds& IdsFor(uint32_t reg) {
    if (!ids[reg]) ids[reg] = std::make_unique<RegisterIds>();
    return *ids[reg];
  }
  // Forgets every kept result (lists they were computed from may be gone).
  void ClearResults() {
    for (auto& p : predicates) p.Clear();
    for (auto& c : calls) c.Clear();
    for (auto& c : string_calls) c.Clear();
    for (auto& c : scans) c.Clear();
    for (auto& c : set_masks) c.Clear();
  }
};

}  // namespace vigil::vm

// normalizer.h: applies a shape's mapping table to a RawRecord and stages the normalized
// event (typed, validated, with derived fields) in a StagedRow. Sits between the classifier
// and the batch: a record either stages completely or fails with a reason, never half-written.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "ingest/classify.h"
#include "ingest/dead_letter.h"
#include "ingest/domain_cache.h"
#include "ingest/nested_json.h"
#include "ingest/raw_record.h"
#include "ingest/staged_row.h"
#include "vm/columnar/arena.h"
#include "vm/columnar/bytes.h"

namespace vigil::ingest {

struct Failure {
  Reason reason = Reason::kBadValue;
  std::string message;
};

class Normalizer {
 public:
  Normalizer() = default;
  Normalizer(const Normalizer&) = delete;
  Normalizer& operator=(const Normalizer&) = delete;

  // Stages the normalized fields of `record` (classified as `route`) into `row` (reset first).
  // Returns false with *failure set when a value cannot be coerced or the event time is
  // missing. Views staged in `row` stay valid until the next call.
  bool Normalize(const RawRecord& record, const Route& route, StagedRow* row, Failure* failure);

  // Source keys seen that no table maps, with counts (at most Stats::kMaxUnmappedKeys keys,
  // each cut to kMaxKeyBytes).
  const std::map<std::string, uint64_t, std::less<>>& unmapped_keys() const { return unmapped_; }

 private:
  // The rules of the last record of one event type by key position, so a record with the same
  // key layout (records of a type mostly share one) looks its keys up with one comparison each.
  // Bounded: positions below kMaxPositions, keys up to kMaxKeyBytes, kMaxBytes of keys.
  class LayoutMemo {
   public:
    // The rule of `key` at position i of a record of `shape` (nullptr: unmapped).
    const KeyRule* Find(Shape shape, size_t i, std::string_view key) {
      if (i < entries_.size() && shape == shape_) {
        const Entry& e = entries_[i];
        if (columnar::EqualBytes({keys_.data() + e.offset, e.size}, key)) return e.rule;
      }
      return Miss(shape, i, key);
    }

   private:
    const KeyRule* Miss(Shape shape, size_t i, std::string_view key);
    struct Entry {
      uint32_t offset = 0;  // of the key in keys_
      uint32_t size = 0;
      const KeyRule* rule = nullptr;
    };
    static constexpr size_t kMaxPositions = 128;
    static constexpr size_t kMaxBytes = 8192;
    Shape shape_ = Shape::kApi1Siem;
    std::string keys_;
    std::vector<Entry> entries_;
  };

  void NoteUnmapped(std::string_view key);
  static constexpr size_t kMaxKeyBytes = 128;

  std::array<LayoutMemo, schema::kEventTypeCount> layouts_;

  columnar::Arena scratch_{16 * 1024};
  DomainCache domains_;
  NestedJson nested_;
  std::map<std::string, uint64_t, std::less<>> unmapped_;
};

}  // namespace vigil::ingest

// normalizer.h: applies a shape's mapping table to a RawRecord and stages the normalized
// event (typed, validated, with derived fields) in a StagedRow. Sits between the classifier
// and the batch: a record either stages completely or fails with a reason, never half-written.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "ingest/classify.h"
#include "ingest/dead_letter.h"
#include "ingest/domain_cache.h"
#include "ingest/nested_json.h"
#include "ingest/raw_record.h"
#include "ingest/staged_row.h"
#include "vm/columnar/arena.h"

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
  void NoteUnmapped(std::string_view key);
  static constexpr size_t kMaxKeyBytes = 128;

  columnar::Arena scratch_{16 * 1024};
  DomainCache domains_;
  NestedJson nested_;
  std::map<std::string, uint64_t, std::less<>> unmapped_;
};

}  // namespace vigil::ingest

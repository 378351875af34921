// batch.h: a columnar batch of normalized events of one event type: the unit ingest produces
// and the VM evaluates. Holds one Column per field the event type carries, an arena that owns
// every string byte, and each row's provenance (source file, byte offset, raw record).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "schema/schema.h"
#include "vm/columnar/arena.h"
#include "vm/columnar/column.h"

namespace vigil::columnar {

inline constexpr size_t kDefaultBatchSize = 2048;

// Where a row came from. `raw` is the source record's bytes, owned by the batch arena.
struct RowSource {
  uint32_t file = 0;    // index into the run's list of input files
  uint64_t offset = 0;  // byte offset of the record in the (decompressed) file
  std::string_view raw;
};

class Batch {
 public:
  explicit Batch(schema::EventType type, size_t capacity = kDefaultBatchSize);
  Batch(const Batch&) = delete;
  Batch& operator=(const Batch&) = delete;

  schema::EventType type() const { return type_; }
  size_t size() const { return size_; }
  size_t capacity() const { return capacity_; }
  bool full() const { return size_ >= capacity_; }

  // The column of field f, or nullptr when this event type does not carry f. Rows are added
  // in O(1): a top-level column nothing was written to since is completed with null values
  // up to size() here, on access, so every column a caller sees has one value per row.
  Column* column(schema::FieldId f) { return Complete(f); }
  const Column* column(schema::FieldId f) const { return Complete(f); }
  Arena& arena() { return arena_; }
  const std::vector<RowSource>& sources() const { return sources_; }

  // Appends a row whose every field is null and returns its index. Requires !full().
  size_t AddRow(const RowSource& source);
  // Empties the batch, keeping its memory.
  void Reset();
  // Exchanges everything (type, rows, columns, strings, sources) with `other`: a full batch
  // changes hands without a copy and every view into it stays valid.
  void Swap(Batch& other) noexcept;
  // Sets the row count directly (tests and generators that fill columns themselves).
  void SetSizeForTesting(size_t n);

 private:
  // Extends a lagging top-level column with nulls (the columns are owned, not const).
  Column* Complete(schema::FieldId f) const {
    Column* c = columns_[static_cast<size_t>(f)].get();
    if (c != nullptr && c->size() < size_ && !member_[static_cast<size_t>(f)]) {
      c->AppendNulls(size_ - c->size());
    }
    return c;
  }

  schema::EventType type_;
  size_t capacity_;
  size_t size_ = 0;
  std::array<std::unique_ptr<Column>, schema::kFieldCount> columns_;
  std::vector<schema::FieldId> top_level_;          // scalar, array and records fields of type_
  std::vector<schema::FieldId> members_;            // member fields of type_
  std::array<bool, schema::kFieldCount> member_{};  // member_[f]: f is a member field
  Arena arena_;
  std::vector<RowSource> sources_;
};

}  // namespace vigil::columnar

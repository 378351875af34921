// staged_row.h: one normalized event held back before it enters a batch. The normalizer
// stages every value first, so a record that fails validation halfway leaves no partial row;
// Commit() then writes the row into the batch of its event type in one pass.
// Strings are views: into the record's buffers, static tables or the ingestor's scratch arena.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "base/ip.h"
#include "schema/schema.h"
#include "vm/columnar/batch_builder.h"

namespace vigil::ingest {

class StagedRow {
 public:
  StagedRow();

  // Forgets every staged value (cost proportional to what was staged).
  void Reset();

  // Scalar writes. A `weak` write (a fallback source) never replaces a staged value; a strong
  // write replaces a weak one and the previous strong one.
  void SetInt(schema::FieldId f, int64_t v, bool weak = false);
  void SetString(schema::FieldId f, std::string_view s, bool weak = false);
  void SetIp(schema::FieldId f, const base::IpAddr& ip, bool weak = false);
  // SetString of a word of a static table (storage that never changes while the process
  // runs): the batch maps it to its dictionary code by address, without hashing its bytes.
  void SetWord(schema::FieldId f, std::string_view word, bool weak = false);
  bool Has(schema::FieldId f) const { return slots_[Index(f)].state != 0; }
  int64_t GetInt(schema::FieldId f) const { return slots_[Index(f)].i; }
  std::string_view GetString(schema::FieldId f) const { return slots_[Index(f)].s; }

  // Arrays of strings: appends one element; MarkPresent stages an (empty) array.
  void AppendString(schema::FieldId array, std::string_view s);
  void MarkPresent(schema::FieldId array_or_records);
  // Records: starts one record of `records`; SetMember fills a member of that record.
  void BeginRecord(schema::FieldId records);
  void SetMember(schema::FieldId member, std::string_view s);
  // Number of elements staged for an array or records field.
  size_t CountOf(schema::FieldId f) const;

  // Writes the staged values into the builder's current row (fields the event type does not
  // carry are skipped). Hashes and prefetches every dictionary value first, then stores.
  void Commit(columnar::BatchBuilder* builder);

 private:
  static size_t Index(schema::FieldId f) { return static_cast<size_t>(f); }
  bool Claim(schema::FieldId f, bool weak);

  struct Slot {
    uint8_t state = 0;  // 0 unset, 1 weak, 2 strong
    bool word = false;  // s is a static word (SetWord)
    int64_t i = 0;
    std::string_view s;
    base::IpAddr ip;
  };
  enum class Op : uint8_t { kAppend, kPresent, kRecord, kMember };
  struct Element {
    schema::FieldId field;
    Op op;
    std::string_view s;
  };
  // How Commit stores set_[k] (kSkip: the event type does not carry the field; kWord: a
  // static word; kLast: the value the dictionary column interned last).
  enum class Store : uint8_t { kSkip, kI64, kF64, kIp, kString, kHashed, kWord, kLast };
  // Commit's plan for set_[k]: the column, how to store, and (kHashed: a dictionary value
  // stored as is, hashed and prefetched) its hash.
  struct Write {
    columnar::Column* column;
    uint32_t hash;
    Store store;
  };
  // The Store of each field by id (a string-like field's is kString).
  static const std::array<Store, schema::kFieldCount>& FieldStores();
  void PlanWrites(columnar::BatchBuilder* b);
  // The plan of a string-like value of a field the event type carries.
  static Store PlanString(const Slot& slot, Write* w);
  void WriteScalars(columnar::BatchBuilder* b);
  void WriteElements(columnar::BatchBuilder* b) const;

  std::array<Slot, schema::kFieldCount> slots_;
  std::vector<schema::FieldId> set_;               // scalar fields staged, in first-write order
  std::vector<Element> elements_;                  // array and record operations, in order
  std::array<Write, schema::kFieldCount> writes_;  // Commit's scratch, one per set_ entry
};

}  // namespace vigil::ingest

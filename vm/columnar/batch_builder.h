// batch_builder.h: the write interface ingest uses to fill a Batch field by field. Values are
// typed; strings are copied into the batch arena (lower-cased for email/domain fields).
// Setting a field the event type does not carry is a no-op (returns false) so one mapping
// table can serve several event types.
#pragma once

#include <string_view>

#include "base/check.h"
#include "vm/columnar/batch.h"

namespace vigil::columnar {

class BatchBuilder {
 public:
  explicit BatchBuilder(Batch* batch) : batch_(batch) {}

  // Starts a new row (all fields null). Requires !batch->full().
  void BeginRow(const RowSource& source) { row_ = batch_->AddRow(source); }
  size_t row() const { return row_; }
  // Direct access for writers that store into row() themselves: the column of f completed to
  // the batch size (nullptr when the event type does not carry f) and the string arena.
  Column* column(schema::FieldId f) const { return batch_->column(f); }
  Arena& arena() const { return batch_->arena(); }

  bool SetBool(schema::FieldId f, bool v) { return SetI64(f, v ? 1 : 0); }
  bool SetInt(schema::FieldId f, int64_t v) { return SetI64(f, v); }
  bool SetTimestamp(schema::FieldId f, int64_t ms) { return SetI64(f, ms); }
  bool SetDuration(schema::FieldId f, int64_t ms) { return SetI64(f, ms); }
  bool SetFloat(schema::FieldId f, double v);
  bool SetIp(schema::FieldId f, const base::IpAddr& v);
  bool SetString(schema::FieldId f, std::string_view s);
  // Hints that SetString(f, s) or SetMemberString(f, s) follows; a writer that knows a whole
  // row calls it for every string first so the dictionary lookups overlap.
  void PrefetchString(schema::FieldId f, std::string_view s) const {
    if (const Column* c = batch_->column(f)) c->PrefetchString(s);
  }
  // True when field f of the current row is set.
  bool IsSet(schema::FieldId f) const;

  // Marks the array or records field f of the current row present with no elements yet.
  bool SetPresent(schema::FieldId f);
  // Appends one element to the array-of-strings field f of the current row.
  bool AppendArrayString(schema::FieldId f, std::string_view s);
  // Appends one record (all members null) to the records field f of the current row; then
  // SetMember* fill the new record.
  bool AppendRecord(schema::FieldId records);
  bool SetMemberString(schema::FieldId member, std::string_view s);
  bool SetMemberInt(schema::FieldId member, int64_t v);

 private:
  bool SetI64(schema::FieldId f, int64_t v) {
    Column* c = batch_->column(f);
    if (c == nullptr) return false;
    VIGIL_CHECK(c->storage() == Storage::kI64);
    c->SetInt(row_, v);
    return true;
  }
  Batch* batch_;
  size_t row_ = 0;
};

}  // namespace vigil::columnar

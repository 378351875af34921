// row_reader.h: reads the fields of one row of a columnar::Batch for the reference interpreter:
// scalar columns, arrays of scalars (offsets + element column) and records (offsets on the
// records column, one column per member indexed by element). Every read is bounds-checked: a
// field the batch lacks, a cleared validity bit or inconsistent offsets read as null.
#pragma once

#include <cstddef>
#include <cstdint>

#include "interp/value.h"
#include "stdlib/registry.h"
#include "vm/columnar/batch.h"

namespace vigil::interp {

class RowReader {
 public:
  RowReader(const columnar::Batch& batch, size_t row) : batch_(batch), row_(row) {}

  // Scalar field f (typed by the schema); null when absent or unset.
  Datum Scalar(schema::FieldId f) const;
  // Array-of-scalars field f as a Value of kind kArray; its elements are allocated in
  // ctx.arena. Null when the field is absent or unset.
  Value Array(schema::FieldId f, stdlib::EvalContext& ctx) const;
  // Records field f as a Value of kind kRecords (element range); null when absent or unset.
  Value Records(schema::FieldId f) const;
  // Member field `member` of record `element` (an index into the member columns).
  Datum Member(schema::FieldId member, uint32_t element) const;

  // Value i of column c as a Datum of the column's type (null when out of range or unset).
  static Datum Cell(const columnar::Column& c, size_t i);

 private:
  // [begin, end) of the row in an offsets column, clamped to `limit`; false when null.
  bool Range(const columnar::Column& c, size_t limit, uint32_t* begin, uint32_t* end) const;

  const columnar::Batch& batch_;
  size_t row_;
};

}  // namespace vigil::interp

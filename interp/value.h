// value.h: what the reference interpreter computes for one node of a checked expression on one
// row: a scalar or an array (as schema::Datum), an array of records or one record (as element
// positions in the batch's records columns), or a list operand. Internal to interp/.
#pragma once

#include <cstdint>
#include <optional>
#include <span>

#include "compiler/ast/types.h"
#include "compiler/sema/pack.h"
#include "schema/datum.h"

namespace vigil::interp {

using schema::Datum;
using schema::ScalarType;

// A list on the right of `in` or of a string operator, or passed to a list parameter.
struct ListOperand {
  const sema::List* decl = nullptr;          // `$name`: its declaration
  const schema::ListValue* value = nullptr;  // `$name`: this tenant's values (or the pack's)
  std::span<const Datum> items;              // inline `[...]`: the entries, in order
};

struct Value {
  enum class Kind : uint8_t { kScalar, kArray, kRecords, kRecord, kList };
  Kind kind = Kind::kScalar;
  // kScalar: the value. kArray: is_array with the elements in `elems`. For every kind,
  // d.valid == false means null (a null array or records field, an out-of-range record).
  Datum d;
  schema::FieldId records = schema::FieldId::kNone;  // kRecords, kRecord: the records field
  uint32_t begin = 0;                 // kRecords: first element index; kRecord: the element index
  uint32_t end = 0;                   // kRecords: one past the last element index
  const ListOperand* list = nullptr;  // kList

  bool null() const { return !d.valid; }

  static Value Scalar(const Datum& d) {
    Value v;
    v.d = d;
    return v;
  }
  static Value Bool(std::optional<bool> b) {
    return Scalar(b ? Datum::Bool(*b) : Datum::Null(ScalarType::kBool));
  }
  // The null value of static type `t`.
  static Value NullOf(const ast::Type& t) {
    Value v;
    v.d = Datum::Null(t.scalar);
    if (t.kind == ast::Type::Kind::kArray) {
      v.kind = Kind::kArray;
      v.d.is_array = true;
    } else if (t.kind == ast::Type::Kind::kRecords || t.kind == ast::Type::Kind::kRecord) {
      v.kind = t.kind == ast::Type::Kind::kRecords ? Kind::kRecords : Kind::kRecord;
      v.records = t.records;
    }
    return v;
  }
  // Three-valued truth of a boolean value (nullopt = null).
  std::optional<bool> Truth() const {
    if (null()) return std::nullopt;
    return d.AsBool();
  }
};

}  // namespace vigil::interp

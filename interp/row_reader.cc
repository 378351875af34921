// row_reader.cc: bounds-checked reads of one row's fields from a columnar batch.
#include "interp/row_reader.h"

#include <algorithm>

#include "stdlib/fn_util.h"

namespace vigil::interp {

using columnar::Column;
using columnar::Storage;

Datum RowReader::Cell(const Column& c, size_t i) {
  const ScalarType t = c.type();
  if (i >= c.size() || i >= c.valid.size() || c.IsNull(i)) return Datum::Null(t);
  switch (c.storage()) {
    case Storage::kI64: {
      if (i >= c.i64.size()) break;
      Datum d = Datum::Int(c.i64[i]);
      d.type = t;
      if (t == ScalarType::kBool) d.i = c.i64[i] != 0 ? 1 : 0;
      return d;
    }
    case Storage::kF64:
      if (i < c.f64.size()) return Datum::Float(c.f64[i]);
      break;
    case Storage::kIp:
      if (i >= c.ip.size()) break;
      if (t == ScalarType::kCidr) return Datum::Cidr({c.ip[i], 128});
      return Datum::Ip(c.ip[i]);
    case Storage::kFlatString:
      if (i < c.str.size()) return Datum::String(c.str[i], t);
      break;
    case Storage::kDictString:
      if (i < c.code.size() && c.code[i] < c.dict.size()) {
        return Datum::String(c.dict.value(c.code[i]), t);
      }
      break;
    case Storage::kOffsets:
      break;
  }
  return Datum::Null(t);
}

Datum RowReader::Scalar(schema::FieldId f) const {
  const Column* c = batch_.column(f);
  if (c == nullptr) return Datum::Null(schema::Field(f).type);
  return Cell(*c, row_);
}

bool RowReader::Range(const Column& c, size_t limit, uint32_t* begin, uint32_t* end) const {
  if (row_ >= c.size() || row_ >= c.valid.size() || c.IsNull(row_)) return false;
  if (row_ + 1 >= c.offsets.size()) return false;
  *begin = std::min<uint32_t>(c.offsets[row_], static_cast<uint32_t>(limit));
  *end = std::clamp<uint32_t>(c.offsets[row_ + 1], *begin, static_cast<uint32_t>(limit));
  return true;
}

Value RowReader::Array(schema::FieldId f, stdlib::EvalContext& ctx) const {
  const schema::FieldInfo& info = schema::Field(f);
  Value v = Value::NullOf(ast::Type::Array(info.type));
  const Column* c = batch_.column(f);
  uint32_t begin = 0, end = 0;
  if (c == nullptr || c->storage() != Storage::kOffsets || c->elements == nullptr ||
      !Range(*c, c->elements->size(), &begin, &end)) {
    return v;
  }
  std::span<Datum> elems = stdlib::ArenaDatums(ctx, end - begin);
  for (uint32_t i = begin; i < end; ++i) elems[i - begin] = Cell(*c->elements, i);
  v.d = Datum::Array(info.type, elems);
  return v;
}

Value RowReader::Records(schema::FieldId f) const {
  Value v = Value::NullOf(ast::Type::Records(f));
  const Column* c = batch_.column(f);
  if (c == nullptr || c->storage() != Storage::kOffsets) return v;
  size_t limit = 0;  // elements past every member column cannot exist
  for (schema::FieldId m : schema::MembersOf(f)) {
    if (const Column* mc = batch_.column(m)) limit = std::max(limit, mc->size());
  }
  if (!Range(*c, limit, &v.begin, &v.end)) return v;
  v.d.valid = true;
  return v;
}

Datum RowReader::Member(schema::FieldId member, uint32_t element) const {
  const Column* c = batch_.column(member);
  if (c == nullptr) return Datum::Null(schema::Field(member).type);
  return Cell(*c, element);
}

}  // namespace vigil::interp

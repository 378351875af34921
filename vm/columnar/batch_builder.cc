// batch_builder.cc: typed writes into the current row of a batch.
#include "vm/columnar/batch_builder.h"

#include "base/check.h"

namespace vigil::columnar {

bool BatchBuilder::SetFloat(schema::FieldId f, double v) {
  Column* c = batch_->column(f);
  if (c == nullptr) return false;
  VIGIL_CHECK(c->storage() == Storage::kF64);
  c->SetFloat(row_, v);
  return true;
}

bool BatchBuilder::SetIp(schema::FieldId f, const base::IpAddr& v) {
  Column* c = batch_->column(f);
  if (c == nullptr) return false;
  VIGIL_CHECK(c->storage() == Storage::kIp);
  c->SetIp(row_, v);
  return true;
}

bool BatchBuilder::SetString(schema::FieldId f, std::string_view s) {
  Column* c = batch_->column(f);
  if (c == nullptr) return false;
  c->SetString(row_, s, batch_->arena());
  return true;
}

bool BatchBuilder::IsSet(schema::FieldId f) const {
  const Column* c = batch_->column(f);
  return c != nullptr && !c->IsNull(row_);
}

bool BatchBuilder::SetPresent(schema::FieldId f) {
  Column* c = batch_->column(f);
  if (c == nullptr) return false;
  c->valid.Set(row_);
  return true;
}

bool BatchBuilder::AppendArrayString(schema::FieldId f, std::string_view s) {
  Column* c = batch_->column(f);
  if (c == nullptr) return false;
  VIGIL_CHECK(c->elements != nullptr);
  const size_t e = c->elements->AppendNull();
  c->elements->SetString(e, s, batch_->arena());
  c->offsets[row_ + 1] = static_cast<uint32_t>(c->elements->size());
  c->valid.Set(row_);
  return true;
}

bool BatchBuilder::AppendRecord(schema::FieldId records) {
  Column* c = batch_->column(records);
  if (c == nullptr) return false;
  VIGIL_CHECK(c->storage() == Storage::kOffsets && c->elements == nullptr);
  size_t count = 0;
  for (schema::FieldId m : schema::MembersOf(records)) {
    Column* mc = batch_->column(m);
    if (mc != nullptr) count = mc->AppendNull() + 1;
  }
  c->offsets[row_ + 1] = static_cast<uint32_t>(count);
  c->valid.Set(row_);
  return true;
}

bool BatchBuilder::SetMemberString(schema::FieldId member, std::string_view s) {
  Column* c = batch_->column(member);
  if (c == nullptr || c->size() == 0) return false;
  c->SetString(c->size() - 1, s, batch_->arena());
  return true;
}

bool BatchBuilder::SetMemberInt(schema::FieldId member, int64_t v) {
  Column* c = batch_->column(member);
  if (c == nullptr || c->size() == 0) return false;
  c->SetInt(c->size() - 1, v);
  return true;
}

}  // namespace vigil::columnar

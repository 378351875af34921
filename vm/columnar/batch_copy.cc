// batch_copy.cc: row copying.
#include "vm/columnar/batch_copy.h"

namespace vigil::columnar {
namespace {

using schema::FieldId;
using schema::Shape;

void CopyScalar(const Column& c, size_t i, FieldId f, BatchBuilder* dst) {
  switch (c.storage()) {
    case Storage::kI64: dst->SetInt(f, c.i64[i]); break;
    case Storage::kF64: dst->SetFloat(f, c.f64[i]); break;
    case Storage::kIp: dst->SetIp(f, c.ip[i]); break;
    case Storage::kFlatString:
    case Storage::kDictString: dst->SetString(f, c.GetString(i)); break;
    case Storage::kOffsets: break;
  }
}

void CopyRecords(const Batch& src, const schema::FieldInfo& f, size_t row, BatchBuilder* dst) {
  const Column& c = *src.column(f.id);
  dst->SetPresent(f.id);
  for (uint32_t e = c.offsets[row]; e < c.offsets[row + 1]; ++e) {
    dst->AppendRecord(f.id);
    for (FieldId m : schema::MembersOf(f.id)) {
      const Column* mc = src.column(m);
      if (mc == nullptr || e >= mc->size() || mc->IsNull(e)) continue;
      if (mc->storage() == Storage::kI64) {
        dst->SetMemberInt(m, mc->i64[e]);
      } else if (mc->storage() == Storage::kFlatString || mc->storage() == Storage::kDictString) {
        dst->SetMemberString(m, mc->GetString(e));
      }
    }
  }
}

}  // namespace

void CopyRow(const Batch& src, size_t row, BatchBuilder* dst) {
  dst->BeginRow(src.sources()[row]);
  for (const schema::FieldInfo& f : schema::AllFields()) {
    const Column* c = src.column(f.id);
    if (c == nullptr || f.shape == Shape::kMember || c->IsNull(row)) continue;
    if (f.shape == Shape::kScalar) {
      CopyScalar(*c, row, f.id, dst);
    } else if (f.shape == Shape::kArray) {
      dst->SetPresent(f.id);
      for (uint32_t e = c->offsets[row]; e < c->offsets[row + 1]; ++e) {
        if (!c->elements->IsNull(e)) dst->AppendArrayString(f.id, c->elements->GetString(e));
      }
    } else {
      CopyRecords(src, f, row, dst);
    }
  }
}

}  // namespace vigil::columnar

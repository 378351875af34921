// staged_row.cc: staging and committing one normalized row.
#include "ingest/staged_row.h"

namespace vigil::ingest {

using schema::FieldId;
using schema::ScalarType;

StagedRow::StagedRow() {
  set_.reserve(64);
  elements_.reserve(64);
}

void StagedRow::Reset() {
  for (FieldId f : set_) slots_[Index(f)].state = 0;
  set_.clear();
  elements_.clear();
}

bool StagedRow::Claim(FieldId f, bool weak) {
  Slot& slot = slots_[Index(f)];
  if (slot.state == 0) {
    set_.push_back(f);
  } else if (weak) {
    return false;
  }
  slot.state = weak ? (slot.state == 2 ? 2 : 1) : 2;
  return true;
}

void StagedRow::SetInt(FieldId f, int64_t v, bool weak) {
  if (Claim(f, weak)) slots_[Index(f)].i = v;
}

void StagedRow::SetString(FieldId f, std::string_view s, bool weak) {
  if (Claim(f, weak)) slots_[Index(f)].s = s;
}

void StagedRow::SetIp(FieldId f, const base::IpAddr& ip, bool weak) {
  if (Claim(f, weak)) slots_[Index(f)].ip = ip;
}

void StagedRow::AppendString(FieldId array, std::string_view s) {
  elements_.push_back({array, Op::kAppend, s});
}

void StagedRow::MarkPresent(FieldId f) { elements_.push_back({f, Op::kPresent, {}}); }

void StagedRow::BeginRecord(FieldId records) { elements_.push_back({records, Op::kRecord, {}}); }

void StagedRow::SetMember(FieldId member, std::string_view s) {
  elements_.push_back({member, Op::kMember, s});
}

size_t StagedRow::CountOf(FieldId f) const {
  size_t n = 0;
  for (const Element& e : elements_) {
    n += e.field == f && (e.op == Op::kAppend || e.op == Op::kRecord);
  }
  return n;
}

void StagedRow::Commit(columnar::BatchBuilder* b) const {
  for (FieldId f : set_) {
    if (schema::IsStringLike(schema::Field(f).type)) b->PrefetchString(f, slots_[Index(f)].s);
  }
  for (const Element& e : elements_) {
    if (e.op == Op::kMember || e.op == Op::kAppend) b->PrefetchString(e.field, e.s);
  }
  for (FieldId f : set_) {
    const Slot& slot = slots_[Index(f)];
    switch (schema::Field(f).type) {
      case ScalarType::kString:
      case ScalarType::kEmail:
      case ScalarType::kDomain:
        b->SetString(f, slot.s);
        break;
      case ScalarType::kIp:
        b->SetIp(f, slot.ip);
        break;
      case ScalarType::kFloat:
        b->SetFloat(f, static_cast<double>(slot.i));
        break;
      default:
        b->SetInt(f, slot.i);
    }
  }
  for (const Element& e : elements_) {
    switch (e.op) {
      case Op::kAppend:
        b->AppendArrayString(e.field, e.s);
        break;
      case Op::kPresent:
        b->SetPresent(e.field);
        break;
      case Op::kRecord:
        b->AppendRecord(e.field);
        break;
      case Op::kMember:
        b->SetMemberString(e.field, e.s);
        break;
    }
  }
}

}  // namespace vigil::ingest

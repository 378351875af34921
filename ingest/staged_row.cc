// staged_row.cc: staging and committing one normalized row.
#include "ingest/staged_row.h"

namespace vigil::ingest {

using schema::FieldId;
using schema::ScalarType;

StagedRow::StagedRow() {
  set_.reserve(64);
  elements_.reserve(64);
  writes_.reserve(64);
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

namespace {

// Field types by id (schema::Field is out of line; Commit asks for every staged field).
const std::array<ScalarType, schema::kFieldCount>& FieldTypes() {
  static const auto* types = [] {
    auto* t = new std::array<ScalarType, schema::kFieldCount>();
    for (const schema::FieldInfo& f : schema::AllFields()) (*t)[static_cast<size_t>(f.id)] = f.type;
    return t;
  }();
  return *types;
}

}  // namespace

void StagedRow::PlanWrites(columnar::BatchBuilder* b) {
  const auto& types = FieldTypes();
  writes_.resize(set_.size());
  for (size_t k = 0; k < set_.size(); ++k) {
    const FieldId f = set_[k];
    Write& w = writes_[k];
    w.column = b->column(f);
    w.hashed = w.column != nullptr && schema::IsStringLike(types[Index(f)]) &&
               w.column->PrepareDictString(slots_[Index(f)].s, &w.hash);
  }
  for (const Element& e : elements_) {
    if (e.op == Op::kMember || e.op == Op::kAppend) b->PrefetchString(e.field, e.s);
  }
}

void StagedRow::WriteScalars(columnar::BatchBuilder* b) {
  const auto& types = FieldTypes();
  const size_t row = b->row();
  for (size_t k = 0; k < set_.size(); ++k) {
    const Write& w = writes_[k];
    if (w.column == nullptr) continue;
    const Slot& slot = slots_[Index(set_[k])];
    switch (types[Index(set_[k])]) {
      case ScalarType::kString:
      case ScalarType::kEmail:
      case ScalarType::kDomain:
        if (w.hashed) {
          w.column->SetDictString(row, slot.s, w.hash, b->arena());
        } else {
          w.column->SetString(row, slot.s, b->arena());
        }
        break;
      case ScalarType::kIp:
        b->SetIp(set_[k], slot.ip);
        break;
      case ScalarType::kFloat:
        b->SetFloat(set_[k], static_cast<double>(slot.i));
        break;
      default:
        b->SetInt(set_[k], slot.i);
    }
  }
}

void StagedRow::WriteElements(columnar::BatchBuilder* b) const {
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

void StagedRow::Commit(columnar::BatchBuilder* b) {
  PlanWrites(b);
  WriteScalars(b);
  WriteElements(b);
}

}  // namespace vigil::ingest

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
  if (!Claim(f, weak)) return;
  Slot& slot = slots_[Index(f)];
  slot.s = s;
  slot.word = false;
}

void StagedRow::SetWord(FieldId f, std::string_view word, bool weak) {
  if (!Claim(f, weak)) return;
  Slot& slot = slots_[Index(f)];
  slot.s = word;
  slot.word = true;
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

const std::array<StagedRow::Store, schema::kFieldCount>& StagedRow::FieldStores() {
  static const auto* stores = [] {
    auto* t = new std::array<Store, schema::kFieldCount>();
    for (const schema::FieldInfo& f : schema::AllFields()) {
      Store store = Store::kI64;  // bool, int, timestamp, duration
      if (schema::IsStringLike(f.type)) store = Store::kString;
      if (f.type == ScalarType::kFloat) store = Store::kF64;
      if (f.type == ScalarType::kIp || f.type == ScalarType::kCidr) store = Store::kIp;
      (*t)[static_cast<size_t>(f.id)] = store;
    }
    return t;
  }();
  return *stores;
}

StagedRow::Store StagedRow::PlanString(const Slot& slot, Write* w) {
  if (slot.word) return Store::kWord;
  if (w->column->RepeatsLast(slot.s)) return Store::kLast;
  if (w->column->PrepareDictString(slot.s, &w->hash)) return Store::kHashed;
  return Store::kString;
}

void StagedRow::PlanWrites(columnar::BatchBuilder* b) {
  const auto& stores = FieldStores();
  for (size_t k = 0; k < set_.size(); ++k) {
    const FieldId f = set_[k];
    Write& w = writes_[k];
    w.column = b->column(f);
    w.store = w.column == nullptr ? Store::kSkip : stores[Index(f)];
    if (w.store == Store::kString) w.store = PlanString(slots_[Index(f)], &w);
  }
  for (const Element& e : elements_) {
    if (e.op == Op::kMember || e.op == Op::kAppend) b->PrefetchString(e.field, e.s);
  }
}

void StagedRow::WriteScalars(columnar::BatchBuilder* b) {
  const size_t row = b->row();
  for (size_t k = 0; k < set_.size(); ++k) {
    const Write& w = writes_[k];
    const Slot& slot = slots_[Index(set_[k])];
    switch (w.store) {
      case Store::kSkip:
        break;
      case Store::kI64:
        w.column->SetInt(row, slot.i);
        break;
      case Store::kF64:
        w.column->SetFloat(row, static_cast<double>(slot.i));
        break;
      case Store::kIp:
        w.column->SetIp(row, slot.ip);
        break;
      case Store::kString:
        w.column->SetString(row, slot.s, b->arena());
        break;
      case Store::kHashed:
        w.column->SetDictString(row, slot.s, w.hash, b->arena());
        break;
      case Store::kWord:
        w.column->SetStaticString(row, slot.s, b->arena());
        break;
      case Store::kLast:
        w.column->SetLastString(row);
        break;
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

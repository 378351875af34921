// batch.cc: batch construction and row management.
#include "vm/columnar/batch.h"

#include <utility>

#include "base/check.h"

namespace vigil::columnar {

using schema::Shape;

Batch::Batch(schema::EventType type, size_t capacity) : type_(type), capacity_(capacity) {
  VIGIL_CHECK(capacity > 0);
  for (const schema::FieldInfo& f : schema::AllFields()) {
    if (!f.HasEvent(type)) continue;
    columns_[static_cast<size_t>(f.id)] = Column::ForField(f);
    (f.shape == Shape::kMember ? members_ : top_level_).push_back(f.id);
    member_[static_cast<size_t>(f.id)] = f.shape == Shape::kMember;
  }
  Reset();
  sources_.reserve(capacity);
}

void Batch::Swap(Batch& other) noexcept {
  std::swap(type_, other.type_);
  std::swap(capacity_, other.capacity_);
  std::swap(size_, other.size_);
  columns_.swap(other.columns_);
  top_level_.swap(other.top_level_);
  members_.swap(other.members_);
  member_.swap(other.member_);
  arena_.Swap(other.arena_);
  sources_.swap(other.sources_);
}

void Batch::Reset() {
  size_ = 0;
  arena_.Reset();
  sources_.clear();
  // Top-level columns keep one slot per row of capacity, so completing them is a count bump.
  for (schema::FieldId f : top_level_) columns_[static_cast<size_t>(f)]->Clear(capacity_);
  for (schema::FieldId f : members_) columns_[static_cast<size_t>(f)]->Reset(0);
}

size_t Batch::AddRow(const RowSource& source) {
  VIGIL_CHECK(!full());
  RowSource s = source;
  s.raw = arena_.Copy(source.raw);
  sources_.push_back(s);
  return size_++;
}

void Batch::SetSizeForTesting(size_t n) {
  Reset();
  for (size_t i = 0; i < n; ++i) AddRow({});
}

}  // namespace vigil::columnar

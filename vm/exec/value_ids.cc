// value_ids.cc: binding a batch's dictionary to the cross-batch ids of a register.
#include "vm/exec/value_ids.h"

#include <algorithm>

namespace vigil::vm {

void RegisterIds::Bind(const columnar::Column& col, uint64_t serial) {
  if (serial_ == serial && col_ == &col) return;
  serial_ = serial;
  col_ = &col;
  if (lookups_ >= kWindow) {
    if ((lookups_ - added_) * 4 < lookups_) {
      skip_until_ = serial + kSkipBatches;
      Forget();
    }
    lookups_ = added_ = 0;
  }
  const bool dict = col.storage() == columnar::Storage::kDictString;
  incoming_ = dict ? col.dict.size() : col.size();
  if (ids_.size() + incoming_ > kMaxIds) Forget();
  by_code_.assign(keeping() && dict ? col.dict.size() : 0, kUnmapped);
  all_mapped_ = !dict;  // a flat column has no codes to map
}

void RegisterIds::MapEvery() {
  if (!keeping() || all_mapped_) return;
  all_mapped_ = true;
  constexpr size_t kBytesAhead = 16;  // codes whose bytes are in flight
  constexpr size_t kSlotsAhead = 8;   // codes whose table slot is in flight
  const columnar::StringDict& dict = col_->dict;
  const std::vector<std::string_view>& values = dict.values();
  const size_t n = values.size();
  for (size_t c = 0; c < std::min(n, kBytesAhead); ++c) __builtin_prefetch(values[c].data());
  for (size_t c = 0; c < std::min(n, kSlotsAhead); ++c) {
    ids_.Prefetch(dict.hash(static_cast<uint32_t>(c)));
  }
  for (size_t c = 0; c < n; ++c) {
    if (c + kBytesAhead < n) __builtin_prefetch(values[c + kBytesAhead].data());
    if (c + kSlotsAhead < n) ids_.Prefetch(dict.hash(static_cast<uint32_t>(c + kSlotsAhead)));
    if (by_code_[c] == kUnmapped) by_code_[c] = Map(values[c], dict.hash(static_cast<uint32_t>(c)));
  }
}

void RegisterIds::Forget() {
  ids_.Clear();
  bytes_.Reset();
  ++generation_;
}

}  // namespace vigil::vm

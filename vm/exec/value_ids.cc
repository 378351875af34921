// value_ids.cc: binding a batch's dictionary to the cross-batch ids of a register.
#include "vm/exec/value_ids.h"

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
  if (ids_.size() + col.dict.size() > kMaxIds) Forget();
  by_code_.assign(keeping() ? col.dict.size() : 0, kUnmapped);
}

void RegisterIds::Forget() {
  ids_.Clear();
  bytes_.Reset();
  ++generation_;
}

}  // namespace vigil::vm

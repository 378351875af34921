// value_ids.cc: binding a batch's dictionary to the cross-batch ids of a register.
#include "vm/exec/value_ids.h"

namespace vigil::vm {

void RegisterIds::Bind(const columnar::Column& col, uint64_t serial) {
  if (serial_ == serial && col_ == &col) return;
  serial_ = serial;
  col_ = &col;
  if (ids_.size() + col.dict.size() > kMaxIds) {
    ids_.Clear();
    bytes_.Reset();
    ++generation_;
  }
  by_code_.assign(col.dict.size(), kUnmapped);
}

}  // namespace vigil::vm

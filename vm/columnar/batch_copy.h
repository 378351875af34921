// batch_copy.h: copies rows between batches of one event type, field by field through the
// BatchBuilder (used to split a batch whose rows belong to several tenants).
#pragma once

#include "vm/columnar/batch.h"
#include "vm/columnar/batch_builder.h"

namespace vigil::columnar {

// Appends row `row` of `src` (same event type as the builder's batch) as a new row.
void CopyRow(const Batch& src, size_t row, BatchBuilder* dst);

}  // namespace vigil::columnar

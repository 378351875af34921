// test_events.h: turns the events of embedded rule tests (normalized field names and typed
// literals, checked by sema) into batch rows, storing and deriving what ingest would from the
// same values: address fields hold the address alone (`"Name" <a@b.com>` -> a@b.com, the
// display name in from.name), address parts and registered domains, URL parts, file
// extensions, the recipients array from a single recipient. Fields a test sets explicitly are
// never overwritten.
#pragma once

#include "compiler/ast/ast.h"
#include "vm/columnar/batch_builder.h"

namespace vigil::runtime {

// Appends one row for `event` (a kEvent test item): its `ts` plus `offset_ms` when it sets one
// (repeated events advance by `every`), else `default_ts_ms`.
void AddTestEvent(const ast::TestItem& event, int64_t default_ts_ms, int64_t offset_ms,
                  columnar::BatchBuilder* builder);

}  // namespace vigil::runtime

// key_columns.h: the group keys of a stateful rule's matched rows, built a column at a time from
// the VM's output registers: each key expression is read in one loop over the matched rows, and
// a dictionary-encoded value is formatted once per distinct value, not once per row. The text is
// KeyText's (guards.h): the formatted values joined by U+001F. The aggregate-call arguments of
// the same rows are read likewise, as owned StateValues.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "runtime/stateful/aggregator.h"
#include "schema/schema.h"
#include "vm/exec/registers.h"

namespace vigil::runtime {

// Appends the value of `reg` (of `type`) at each of `rows` to keys[i] (rows[i]), after a
// separator unless `first`. keys.size() == rows.size().
void AppendKeyColumn(const vm::ValueReg& reg, schema::ScalarType type,
                     const std::vector<uint32_t>& rows, bool first, std::vector<std::string>* keys);

// The value of `reg` (of `type`) at each of `rows`, as StateValue::Of makes it; a
// dictionary-encoded value is converted once per distinct value.
std::vector<StateValue> ValueColumn(const vm::ValueReg& reg, schema::ScalarType type,
                                    const std::vector<uint32_t>& rows);

}  // namespace vigil::runtime

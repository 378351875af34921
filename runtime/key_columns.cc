// key_columns.cc: column-at-a-time key text.
#include "runtime/key_columns.h"

#include "absl/container/flat_hash_map.h"
#include "stdlib/value_print.h"

namespace vigil::runtime {

void AppendKeyColumn(const vm::ValueReg& reg, schema::ScalarType type,
                     const std::vector<uint32_t>& rows, bool first,
                     std::vector<std::string>* keys) {
  const columnar::Column* col = reg.col;
  const bool dict = col != nullptr && col->storage() == columnar::Storage::kDictString;
  // Dictionary values: the text of each code met, formatted on first use (the dictionary itself
  // may be far larger than the rows at hand).
  absl::flat_hash_map<uint32_t, std::string> texts;
  for (size_t i = 0; i < rows.size(); ++i) {
    std::string& key = (*keys)[i];
    if (!first) key += '\x1f';
    const size_t row = rows[i];
    if (!dict || reg.IsNull(row)) {
      stdlib::AppendDatum(vm::DatumAt(reg, row, type), &key);
      continue;
    }
    auto [it, fresh] = texts.try_emplace(col->code[reg.At(row)]);
    if (fresh) it->second = stdlib::FormatDatum(vm::DatumAt(reg, row, type));
    key += it->second;
  }
}

std::vector<StateValue> ValueColumn(const vm::ValueReg& reg, schema::ScalarType type,
                                    const std::vector<uint32_t>& rows) {
  const columnar::Column* col = reg.col;
  const bool dict = col != nullptr && col->storage() == columnar::Storage::kDictString;
  absl::flat_hash_map<uint32_t, StateValue> values;  // by dictionary code, on first use
  std::vector<StateValue> out;
  out.reserve(rows.size());
  for (const uint32_t row : rows) {
    if (!dict || reg.IsNull(row)) {
      out.push_back(StateValue::Of(vm::DatumAt(reg, row, type)));
      continue;
    }
    auto [it, fresh] = values.try_emplace(col->code[reg.At(row)]);
    if (fresh) it->second = StateValue::Of(vm::DatumAt(reg, row, type));
    out.push_back(it->second);
  }
  return out;
}

}  // namespace vigil::runtime

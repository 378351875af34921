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
      key += stdlib::FormatDatum(vm::DatumAt(reg, row, type));
      continue;
    }
    auto [it, fresh] = texts.try_emplace(col->code[reg.At(row)]);
    if (fresh) it->second = stdlib::FormatDatum(vm::DatumAt(reg, row, type));
    key += it->second;
  }
}

}  // namespace vigil::runtime

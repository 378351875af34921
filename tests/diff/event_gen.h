// event_gen.h: random events for the differential test, kept as data (RowSpec) so a failing
// batch can be rebuilt from any subset of its rows and printed. Values come from the pack's
// ValuePool (exact constants and near misses, so conditions are true, false and null in a
// healthy mix) and from odd strings: empty, upper-case, unicode, very long, invalid UTF-8.
// Nulls everywhere; arrays and records null, empty or with null members. Part of tests/diff.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "schema/schema.h"
#include "tests/diff/values.h"
#include "vm/columnar/batch.h"

namespace vigil::difftest {

// One field of a generated row. Scalars: `i` (bool, int, timestamp, duration) or `s` (strings,
// ip text). Arrays: `elems` (nullopt = a null element). Records: `records[k][m]` is member m
// (in schema::MembersOf order) of record k.
struct Cell {
  schema::FieldId field = schema::FieldId::kNone;
  bool null = true;
  int64_t i = 0;
  std::string s;
  std::vector<std::optional<std::string>> elems;
  std::vector<std::vector<std::optional<std::string>>> records;
};

struct RowSpec {
  std::vector<Cell> cells;
};

class EventGen {
 public:
  EventGen(Rng& rng, const ValuePool& pool) : rng_(rng), pool_(pool) {}

  // A batch-sized list of rows of type t. Sizes include 0, 1, 63-65 and 2047-2049.
  std::vector<RowSpec> Rows(schema::EventType t);

 private:
  RowSpec Row(schema::EventType t, double null_rate);
  Cell Scalar(const schema::FieldInfo& f);
  std::string StringValue(const schema::FieldInfo& f);
  std::string IpValue();

  Rng& rng_;
  const ValuePool& pool_;
  int64_t clock_ = 1714557600000;  // the `ts` of the next row (mostly increasing)
};

// Fills *batch (of the rows' event type, capacity >= rows.size()) with `rows`.
void FillBatch(const std::vector<RowSpec>& rows, columnar::Batch* batch);

// The row's non-null fields, one "name = value" line each.
std::string DescribeRow(const RowSpec& row);

}  // namespace vigil::difftest

// registers.h: the VM's vector registers. A bool register holds two bitmaps (true, valid) over
// its domain; a value register views a column (a batch column or its own), optionally through
// an index (element i reads the column at index[i]); a domain register describes the elements
// a quantifier ranges over. Registers live in the per-thread Vm and are reused across batches,
// so steady-state evaluation allocates nothing.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "schema/datum.h"
#include "vm/columnar/bitmap.h"
#include "vm/columnar/column.h"

namespace vigil::vm {

// Kleene boolean vector: element i is true when t[i], false when v[i] && !t[i], null when !v[i].
// Invariant: t is a subset of v.
struct BoolReg {
  columnar::Bitmap t;
  columnar::Bitmap v;
  void Resize(size_t n) {
    t.Resize(n, false);
    v.Resize(n, false);
  }
  // Sizes both bitmaps to n for a caller that then writes every word of them (the bits are
  // left as they were when the size already is n, so no word is cleared only to be written).
  void ResizeToOverwrite(size_t n) {
    if (t.size() != n || v.size() != n) Resize(n);
  }
};

struct ValueReg {
  const columnar::Column* col = nullptr;  // what is read: a batch column or `owned`
  // Array registers: col holds the offsets (per row of col), elems the element values: the
  // array's own element column, or a member column of a records field.
  const columnar::Column* elems = nullptr;
  std::vector<uint32_t> index;  // element i reads col at index[i] when `indexed`
  bool indexed = false;
  std::unique_ptr<columnar::Column> owned;  // results of computations
  size_t size = 0;                          // elements in the register's domain

  size_t At(size_t i) const { return indexed ? index[i] : i; }
  bool IsNull(size_t i) const { return col == nullptr || col->IsNull(At(i)); }
};

// The elements a quantifier ranges over: element e belongs to parent element parent[e] (of the
// parent domain) and is element elem[e] of the array's element storage.
struct DomainReg {
  uint32_t parent_domain = 0xffffffffu;  // register id of the parent domain (kNoReg = rows)
  size_t size = 0;
  std::vector<uint32_t> parent;
  std::vector<uint32_t> elem;
  bool identity = false;                    // elem[e] == e for every e (no index needed)
  const columnar::Column* elems = nullptr;  // the array's element values (arrays of scalars)
};

// The value of element i of a value register as a Datum (strings view into the column).
schema::Datum DatumAt(const ValueReg& r, size_t i, schema::ScalarType type);

}  // namespace vigil::vm

// vm.h: the vectorized virtual machine. Runs the program of a batch's event type over the whole
// batch at once: every instruction processes a vector (all rows, or all elements of a
// quantifier's domain) and predicates produce bitmaps, so dispatch costs nothing per row. One
// Vm per thread; it owns the registers and scratch space and reuses them across batches.
#pragma once

#include <map>
#include <memory>
#include <vector>

#include "vm/columnar/arena.h"
#include "vm/columnar/batch.h"
#include "vm/columnar/match_set.h"
#include "vm/columnar/tenant_context.h"
#include "vm/exec/loaded_pack.h"
#include "vm/exec/registers.h"

namespace vigil::vm {

struct ListCache;

struct VmCounters {
  uint64_t batches = 0;
  uint64_t rows = 0;
  uint64_t instructions = 0;
  uint64_t skipped = 0;  // instructions skipped because their selection was empty
};

class Vm {
 public:
  explicit Vm(const LoadedPack& pack);
  ~Vm();

  // Evaluates every rule of the batch's event type. out->rows is sized to the pack's rule count;
  // rows of rules not evaluated are left empty.
  void Run(const columnar::Batch& batch, const columnar::TenantContext& tenant,
           columnar::MatchSet* out);

  const VmCounters& counters() const { return counters_; }
  // Output `index` of match slot `slot` from the last Run (null when the program has none):
  // a value register over the batch's rows; read it with DatumAt (rows where the slot matched).
  const ValueReg* Output(uint32_t slot, uint32_t index) const;
  schema::ScalarType OutputType(uint32_t slot, uint32_t index) const;
  // Drops what was derived from tenant lists, and the per-value results kept across batches
  // (call when those lists are replaced).
  void ClearListCache();

 private:
  struct RegFile;
  struct Exec;
  RegFile& FilesFor(const bytecode::Program& prog);

  const LoadedPack& pack_;
  std::vector<std::unique_ptr<RegFile>> files_;  // per event type
  std::vector<std::unique_ptr<stdlib::PatternSet::Scratch>> scratch_;
  std::unique_ptr<ListCache> list_cache_;
  columnar::Arena arena_;
  VmCounters counters_;
  struct OutputRef {
    const ValueReg* reg;
    schema::ScalarType type;
  };
  std::map<std::pair<uint32_t, uint32_t>, OutputRef> outputs_;  // of the last Run
};

}  // namespace vigil::vm

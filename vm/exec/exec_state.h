// exec_state.h: what every kernel sees while the VM runs one program over one batch: the
// loaded pack, the batch, the tenant, the register file and per-run scratch. Internal to vm/exec.
#pragma once

#include <map>
#include <memory>
#include <unordered_set>
#include <vector>

#include "stdlib/string_hash.h"
#include "vm/bytecode/program.h"
#include "vm/columnar/arena.h"
#include "vm/columnar/batch.h"
#include "vm/columnar/tenant_context.h"
#include "vm/exec/loaded_pack.h"
#include "vm/exec/registers.h"
#include "vm/exec/value_ids.h"

namespace vigil::vm {

// Per-thread derived forms of lists, built on first use and kept (lists must outlive the Vm):
// ASCII-folded entry sets, parsed int entries, caseless pattern sets for regex/glob lists.
struct ListCache {
  struct Entry {
    bool folded_built = false;
    stdlib::StringSet folded;  // probed with a string_view
    bool ints_built = false;
    std::unordered_set<int64_t> ints;
    std::unique_ptr<stdlib::PatternSet> patterns;
    std::unique_ptr<stdlib::PatternSet::Scratch> scratch;
  };
  std::map<const schema::ListValue*, Entry> entries;
};

// One register slot; only the member matching the register's kind is used.
struct Reg {
  BoolReg b;
  ValueReg v;
  DomainReg d;
};

struct ExecState {
  const LoadedPack& pack;
  const bytecode::Program& prog;
  const columnar::Batch& batch;
  const columnar::TenantContext& tenant;
  std::vector<Reg>& regs;
  columnar::Arena& arena;
  std::vector<std::unique_ptr<stdlib::PatternSet::Scratch>>& scratch;
  ListCache& list_cache;
  ProgramCaches& caches;

  BoolReg& B(uint32_t r) { return regs[r].b; }
  ValueReg& V(uint32_t r) { return regs[r].v; }
  DomainReg& D(uint32_t r) { return regs[r].d; }
  // Elements in the domain register r lives in (the batch rows for the rows domain).
  size_t SizeOf(uint32_t r) const {
    const uint32_t d = prog.regs[r].domain;
    return d == bytecode::kNoReg ? batch.size() : regs[d].d.size;
  }
  // The index of instruction `in` in the program (for per-instruction caches).
  size_t IndexOf(const bytecode::Instr& in) const {
    return static_cast<size_t>(&in - prog.code.data());
  }
  uint32_t DomainOf(uint32_t r) const { return prog.regs[r].domain; }
  schema::ScalarType TypeOf(uint32_t r) const { return prog.regs[r].type; }
  // The selection bitmap of an instruction, or null for "every element".
  const columnar::Bitmap* Sel(uint32_t r) const {
    return r == bytecode::kNoReg ? nullptr : &regs[r].b.t;
  }
};

}  // namespace vigil::vm

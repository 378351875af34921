// vm.cc: the interpreter loop: one pass over a program's instructions per batch, dispatching
// each to its kernel through the table generated from opcodes.def.
#include "vm/exec/vm.h"

#include <bit>

#include "base/check.h"
#include "vm/exec/exec_state.h"
#include "vm/exec/kernels.h"

namespace vigil::vm {

using bytecode::Instr;
using bytecode::Opcode;

struct Vm::RegFile {
  std::vector<Reg> regs;
  ProgramCaches caches;
};

namespace {

using Kernel = void (*)(ExecState&, const Instr&);

// The dispatch table, in opcode order.
constexpr Kernel kKernels[] = {
#define VIGIL_OP(name, mnemonic, dst, a, b, sel, extra, doc) &kernels::name,
#include "vm/bytecode/opcodes.def"
#undef VIGIL_OP
};

// True when the instruction's selection is empty (its results cannot matter).
bool SelectionEmpty(const ExecState& s, const Instr& in) {
  if (in.sel == bytecode::kNoReg) return false;
  return !s.regs[in.sel].b.t.AnySet();
}

void EmitRows(const BoolReg& bound, uint32_t rule, columnar::MatchSet* out) {
  auto& rows = out->rows[rule];
  for (size_t w = 0; w < bound.t.word_count(); ++w) {
    for (uint64_t m = bound.t.words()[w]; m != 0; m &= m - 1) {
      rows.push_back(static_cast<uint32_t>(w * 64 + std::countr_zero(m)));
    }
  }
}

}  // namespace

void kernels::Emit(ExecState&, const Instr&) {}
void kernels::Out(ExecState&, const Instr&) {}

const ValueReg* Vm::Output(uint32_t slot, uint32_t index) const {
  auto it = outputs_.find({slot, index});
  return it == outputs_.end() ? nullptr : it->second.reg;
}

schema::ScalarType Vm::OutputType(uint32_t slot, uint32_t index) const {
  auto it = outputs_.find({slot, index});
  return it == outputs_.end() ? schema::ScalarType::kBool : it->second.type;
}

Vm::Vm(const LoadedPack& pack) : pack_(pack), list_cache_(std::make_unique<ListCache>()) {
  files_.resize(schema::kEventTypeCount);
  for (size_t i = 0; i < pack.pattern_set_count(); ++i) {
    scratch_.push_back(pack.patterns(static_cast<uint32_t>(i)).NewScratch());
  }
}

Vm::~Vm() = default;

void Vm::ClearListCache() {
  list_cache_->entries.clear();
  for (auto& f : files_) {
    if (f) f->caches.ClearResults();
  }
}

Vm::RegFile& Vm::FilesFor(const bytecode::Program& prog) {
  auto& f = files_[static_cast<size_t>(prog.event_type)];
  if (!f) {
    f = std::make_unique<RegFile>();
    f->regs.resize(prog.regs.size());
    f->caches.Resize(prog.regs.size(), prog.code.size());
  }
  return *f;
}

void Vm::Run(const columnar::Batch& batch, const columnar::TenantContext& tenant,
             columnar::MatchSet* out) {
  out->Reset(pack_.exe().slot_count());
  outputs_.clear();
  const bytecode::Program* prog = pack_.ProgramFor(batch.type());
  if (prog == nullptr || batch.size() == 0) return;
  arena_.Reset();
  RegFile& file = FilesFor(*prog);
  ++counters_.batches;
  file.caches.serial = counters_.batches;
  ExecState s{pack_, *prog, batch, tenant, file.regs, arena_, scratch_, *list_cache_, file.caches};
  counters_.rows += batch.size();
  for (const Instr& in : prog->code) {
    if (in.op == Opcode::kEmit) {
      EmitRows(s.B(in.b), in.a, out);
      continue;
    }
    if (in.op == Opcode::kOut) {
      outputs_[{in.a, in.sub}] = {&s.V(in.b), prog->regs[in.b].type};
      continue;
    }
    if (SelectionEmpty(s, in)) {
      // Results outside the selection are unspecified, but must be this batch's: bool
      // destinations become all null, value and array destinations null columns (a Domain,
      // which runs without a selection, may read them; stale registers view old batches).
      ++counters_.skipped;
      if (in.dst != bytecode::kNoReg && prog->regs[in.dst].kind == bytecode::RegKind::kBool) {
        s.B(in.dst).Resize(s.SizeOf(in.dst));
      } else if (in.dst != bytecode::kNoReg &&
                 prog->regs[in.dst].kind != bytecode::RegKind::kDomain) {
        ValueReg& v = s.V(in.dst);
        v.col = nullptr;
        v.elems = nullptr;
        v.indexed = false;
        v.size = s.SizeOf(in.dst);
      }
      if (in.op == Opcode::kScan) {
        for (uint32_t k = 0; k < in.extra_count; ++k) s.B(prog->extra[in.extra + k]).Resize(s.SizeOf(in.a));
      }
      continue;
    }
    ++counters_.instructions;
    kKernels[static_cast<size_t>(in.op)](s, in);
  }
}

}  // namespace vigil::vm

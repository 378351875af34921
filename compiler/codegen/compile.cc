// compile.cc: the pass pipeline.
#include "compiler/codegen/compile.h"

#include <vector>

#include "base/check.h"
#include "compiler/codegen/codegen.h"
#include "compiler/ir/builder.h"
#include "compiler/opt/fusion.h"
#include "compiler/opt/order.h"
#include "compiler/opt/set_groups.h"

namespace vigil::codegen {

namespace {

void CheckIr(const ir::Graph& g, bool verify, const char* after) {
  if (!verify) return;
  const std::string err = ir::Verify(g);
  VIGIL_CHECK_MSG(err.empty(), std::string("IR invalid after ") + after + ": " + err);
}

void FillSourceMap(const sema::Pack& pack, bytecode::Executable* exe) {
  for (const sema::Rule& r : pack.rules) {
    bytecode::SourceLoc loc;
    loc.rule = static_cast<uint32_t>(exe->source_map.size());
    if (r.ast != nullptr && r.ast->id_span.file < pack.sources.size()) {
      const auto& f = pack.sources.file(r.ast->id_span.file);
      const compiler::LineCol lc = f.Position(r.ast->id_span.begin);
      loc.file = f.path();
      loc.line = lc.line;
      loc.col = lc.col;
    }
    exe->source_map.push_back(std::move(loc));
  }
}

// Calls `visit` with a pointer to every constant index the executable holds: K operands,
// constant-tagged entries of `extra`, and the constant arguments of call sites (all of them:
// the loader prepares every call site, used or not).
template <typename Visit>
void ForEachConstantRef(bytecode::Executable* exe, Visit visit) {
  for (bytecode::Program& p : exe->programs) {
    for (bytecode::Instr& in : p.code) {
      const auto& kinds = bytecode::InfoOf(in.op).operands;
      if (kinds[1] == 'K') visit(&in.a);
      if (kinds[2] == 'K') visit(&in.b);
      if (kinds[4] != 'X') continue;
      for (uint32_t i = in.extra; i < in.extra + in.extra_count; ++i) {
        if ((p.extra[i] & bytecode::kTagMask) == bytecode::kConstTag) visit(&p.extra[i]);
      }
    }
  }
  for (bytecode::CallSite& site : exe->calls) {
    for (uint32_t& k : site.const_args) {
      if (k != bytecode::kNoReg) visit(&k);
    }
  }
}

// Keeps, in order, the items whose entry in *renumber is not kNoReg (marked as used) and sets
// that entry to the item's new index.
template <typename T>
void KeepMarked(std::vector<T>* items, std::vector<uint32_t>* renumber) {
  std::vector<T> kept;
  for (size_t k = 0; k < items->size(); ++k) {
    if ((*renumber)[k] == bytecode::kNoReg) continue;
    (*renumber)[k] = static_cast<uint32_t>(kept.size());
    kept.push_back(std::move((*items)[k]));
  }
  *items = std::move(kept);
}

// Drops the constants no instruction or call site refers to (operands of folded expressions)
// and renumbers the references; the kept constants stay in their order.
void DropUnusedConstants(bytecode::Executable* exe) {
  const auto untag = [](uint32_t v) { return v & ~bytecode::kConstTag; };
  std::vector<uint32_t> renumber(exe->constants.size(), bytecode::kNoReg);
  ForEachConstantRef(exe, [&](uint32_t* ref) { renumber[untag(*ref)] = 0; });
  KeepMarked(&exe->constants, &renumber);
  ForEachConstantRef(
      exe, [&](uint32_t* ref) { *ref = renumber[untag(*ref)] | (*ref & bytecode::kConstTag); });
}

// Drops the sets no instruction refers to (those set grouping copied) and renumbers the
// references; the kept sets stay in their order, so an InSets' sets stay contiguous.
void DropUnusedSets(bytecode::Executable* exe) {
  std::vector<uint32_t> renumber(exe->sets.size(), bytecode::kNoReg);
  auto for_each_ref = [&](auto visit) {
    for (bytecode::Program& p : exe->programs) {
      for (bytecode::Instr& in : p.code) {
        if (in.op == bytecode::Opcode::kInSet) visit(in.b, 1);
        if (in.op == bytecode::Opcode::kInSets) visit(in.b, in.extra_count);
      }
    }
  };
  for_each_ref([&](uint32_t first, uint32_t count) {
    for (uint32_t k = 0; k < count; ++k) renumber[first + k] = 0;
  });
  KeepMarked(&exe->sets, &renumber);
  for_each_ref([&](uint32_t& first, uint32_t) { first = renumber[first]; });
}

}  // namespace

bytecode::Executable CompilePack(const sema::Pack& pack, CompileStats* stats, bool verify_ir) {
  ir::Module m;
  ir::BuildModule(pack, &m);
  CompileStats local;
  for (ir::Graph& g : m.graphs) {
    CheckIr(g, verify_ir, "lowering");
    local.cse_hits += g.shared();
    local.patterns_fused += opt::FusePatterns(m, g);
    CheckIr(g, verify_ir, "pattern fusion");
    local.sets_grouped += opt::GroupSets(m, g);
    CheckIr(g, verify_ir, "set grouping");
    local.expensive += opt::OrderByCost(m, g).expensive;
    CheckIr(g, verify_ir, "cost ordering");
    local.ir_nodes += g.size();
  }
  bytecode::Executable exe = std::move(m.pools);
  for (const ir::Graph& g : m.graphs) {
    exe.programs.push_back(Emit(exe, g));
    local.instructions += exe.programs.back().code.size();
  }
  DropUnusedConstants(&exe);
  DropUnusedSets(&exe);
  FillSourceMap(pack, &exe);
  if (stats != nullptr) *stats = local;
  return exe;
}

}  // namespace vigil::codegen

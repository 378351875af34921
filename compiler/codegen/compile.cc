// compile.cc: the pass pipeline.
#include "compiler/codegen/compile.h"

#include "base/check.h"
#include "compiler/codegen/codegen.h"
#include "compiler/ir/builder.h"
#include "compiler/opt/fusion.h"
#include "compiler/opt/order.h"

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
    local.expensive += opt::OrderByCost(m, g).expensive;
    CheckIr(g, verify_ir, "cost ordering");
    local.ir_nodes += g.size();
  }
  bytecode::Executable exe = std::move(m.pools);
  for (const ir::Graph& g : m.graphs) {
    exe.programs.push_back(Emit(exe, g));
    local.instructions += exe.programs.back().code.size();
  }
  FillSourceMap(pack, &exe);
  if (stats != nullptr) *stats = local;
  return exe;
}

}  // namespace vigil::codegen

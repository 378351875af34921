// compile.h: the back end's facade: checked pack -> IR -> optimization passes -> bytecode.
#pragma once

#include <string>

#include "compiler/sema/pack.h"
#include "vm/bytecode/program.h"

namespace vigil::codegen {

#ifdef NDEBUG
inline constexpr bool kVerifyIrDefault = false;
#else
inline constexpr bool kVerifyIrDefault = true;
#endif

struct CompileStats {
  size_t ir_nodes = 0;        // nodes in all graphs after optimization
  size_t cse_hits = 0;        // expressions found already built (shared across rules)
  size_t patterns_fused = 0;  // string patterns merged into fused scans
  size_t sets_grouped = 0;    // `in [...]` tests answered by a grouped lookup (InSets)
  size_t expensive = 0;       // nodes evaluated under a selection
  size_t instructions = 0;
};

// Compiles a pack without errors. `verify_ir` re-checks every graph after each pass (on in
// debug builds and in tests); a failure there is a compiler bug and aborts.
bytecode::Executable CompilePack(const sema::Pack& pack, CompileStats* stats = nullptr,
                                 bool verify_ir = kVerifyIrDefault);

}  // namespace vigil::codegen

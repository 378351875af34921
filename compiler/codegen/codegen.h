// codegen.h: IR graphs -> bytecode programs. Orders nodes topologically (through arguments and
// selections) with cheap nodes first, allocates one register per live node, maps each IR op to
// its instruction and ends each program with one Emit per match slot.
#pragma once

#include "compiler/ir/ir.h"
#include "vm/bytecode/program.h"

namespace vigil::codegen {

// Emits the program of graph `g`; `pools` holds the module's pattern sets.
bytecode::Program Emit(const bytecode::Executable& pools, const ir::Graph& g);

}  // namespace vigil::codegen

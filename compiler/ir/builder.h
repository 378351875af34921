// builder.h: lowers a checked pack into IR: one Graph per event type with one root per match
// slot, lists turned into constant sets or tenant list slots, patterns into pattern nodes,
// stdlib calls into call sites. Constant subexpressions are folded as they are built
// (compiler/opt/const_fold.h).
#pragma once

#include "compiler/ir/ir.h"
#include "compiler/sema/pack.h"

namespace vigil::ir {

// Builds `module` from `pack` (which must have no errors). Match slots: slot i is pack rule i
// (the first step of a sequence rule); later sequence steps get slots after the last rule.
void BuildModule(const sema::Pack& pack, Module* module);

}  // namespace vigil::ir

// const_fold.h: constant folding and boolean simplification, applied as nodes are built.
// Kleene-exact: `false and x` is false and `true or x` is true even when x is null; operations
// on constants are evaluated with the same semantics as the VM (overflow and division by zero
// give null); stdlib calls with only constant arguments are evaluated once, here.
#pragma once

#include "compiler/ir/ir.h"

namespace vigil::opt {

// The node to use for `n` in `g`: a folded constant or simplified node when possible, else
// g.Add(n) (hash-consed).
ir::NodeId FoldAndAdd(ir::Module& m, ir::Graph& g, ir::Node n);

}  // namespace vigil::opt

// set_groups.h: constant-set grouping: the `x in [...]` tests of a pack on one value (a field,
// a member) that run on every element become outputs of one kSetGroup node, emitted as one
// InSets instruction: the VM decides once per distinct value which of the sets hold it, instead
// of once per set. Runs after pattern fusion and before cost ordering.
#pragma once

#include "compiler/ir/ir.h"

namespace vigil::opt {

// Rewrites `g` in place: every cheap (not selection-bound, see order.h) kInSet of a string or
// network set, when at least two read the same value, becomes a kSetOut of a kSetGroup over
// copies of their sets appended to the module's set pool (contiguous; the originals may end up
// unused). At most 63 sets per group. Returns the number of kInSet nodes grouped.
size_t GroupSets(ir::Module& m, ir::Graph& g);

}  // namespace vigil::opt

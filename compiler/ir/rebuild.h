// rebuild.h: the rewriting helper every IR pass uses: copies a graph node by node in order into
// a fresh graph (re-hash-consing), letting the pass replace each node by anything it builds.
#pragma once

#include <functional>
#include <vector>

#include "compiler/ir/ir.h"

namespace vigil::ir {

// For each node of g in order, calls rewrite(out, old_id, node_with_remapped_args, remap)
// and records the returned id as the node's new id; roots and selections are remapped.
// `remap` maps every earlier old id to its new id.
using RewriteFn = std::function<NodeId(Graph& out, NodeId old_id, Node n, const std::vector<NodeId>& remap)>;
void Rebuild(Graph& g, const RewriteFn& rewrite);

}  // namespace vigil::ir

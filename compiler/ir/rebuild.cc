// rebuild.cc: graph copying with remapped ids.
#include "compiler/ir/rebuild.h"

namespace vigil::ir {

void Rebuild(Graph& g, const RewriteFn& rewrite) {
  Graph out(g.type());
  std::vector<NodeId> remap(g.size(), kNoNode);
  for (NodeId id = 0; id < g.size(); ++id) {
    Node n = g.node(id);
    for (NodeId& a : n.args) a = remap[a];
    if (n.domain != kNoNode) n.domain = remap[n.domain];
    n.sel = kNoNode;  // selections are assigned after every rewrite
    remap[id] = rewrite(out, id, std::move(n), remap);
  }
  for (const Root& r : g.roots()) out.roots().push_back({r.slot, remap[r.node]});
  for (const Output& o : g.outputs()) out.outputs().push_back({o.slot, o.index, remap[o.node]});
  g = std::move(out);
}

}  // namespace vigil::ir

// fusion.cc: pattern nodes grouped per scanned value into kScan + kScanOut nodes.
#include "compiler/opt/fusion.h"

#include <map>

#include "compiler/ir/rebuild.h"

namespace vigil::opt {

using ir::Node;
using ir::NodeId;
using ir::Op;

size_t FusePatterns(ir::Module& m, ir::Graph& g) {
  // Collect the patterns of each scanned value, in node order (deterministic pattern ids).
  std::map<NodeId, std::vector<NodeId>> by_value;
  for (NodeId id = 0; id < g.size(); ++id) {
    if (g.node(id).op == Op::kPattern) by_value[g.node(id).args[0]].push_back(id);
  }
  if (by_value.empty()) return 0;
  std::map<NodeId, std::pair<uint32_t, uint32_t>> output;  // pattern node -> (set, output)
  std::map<NodeId, uint32_t> set_of;                        // value node -> pattern set
  size_t fused = 0;
  for (const auto& [value, patterns] : by_value) {
    bytecode::PatternSpec spec;
    for (NodeId p : patterns) {
      const Node& n = g.node(p);
      output[p] = {static_cast<uint32_t>(m.pools.patterns.size()), static_cast<uint32_t>(spec.patterns.size())};
      spec.patterns.push_back({static_cast<bytecode::StrOp>(n.sub), (n.flags & bytecode::kFlagCaseless) != 0,
                               m.pools.constants[n.imm].s});
      ++fused;
    }
    set_of[value] = static_cast<uint32_t>(m.pools.patterns.size());
    m.pools.patterns.push_back(std::move(spec));
  }
  ir::Rebuild(g, [&](ir::Graph& out, NodeId old_id, Node n, const std::vector<NodeId>& remap) {
    if (n.op != Op::kPattern) return out.Add(std::move(n));
    const auto [set, index] = output.at(old_id);
    Node scan;
    scan.op = Op::kScan;
    scan.kind = bytecode::RegKind::kBool;
    scan.domain = n.domain;
    scan.args = {n.args[0]};
    scan.imm = set;
    const NodeId scan_id = out.Add(std::move(scan));
    (void)remap;
    Node o;
    o.op = Op::kScanOut;
    o.kind = bytecode::RegKind::kBool;
    o.domain = n.domain;
    o.args = {scan_id};
    o.imm = index;
    o.span = n.span;
    return out.Add(std::move(o));
  });
  return fused;
}

}  // namespace vigil::opt

// set_groups.cc: kInSet nodes grouped per tested value into kSetGroup + kSetOut nodes.
#include "compiler/opt/set_groups.h"

#include <map>

#include "compiler/ir/rebuild.h"
#include "compiler/opt/order.h"

namespace vigil::opt {

using bytecode::ConstSet;
using ir::Node;
using ir::NodeId;
using ir::Op;

namespace {

struct Group {
  uint32_t first_set = 0;
  uint32_t count = 0;
  NodeId node = ir::kNoNode;  // in the rebuilt graph, once its first member is rebuilt
};

// The cheap kInSet nodes worth grouping, by (tested value, network family), in node order.
std::map<std::pair<NodeId, bool>, std::vector<NodeId>> Candidates(const ir::Module& m,
                                                                   const ir::Graph& g) {
  const std::vector<bool> expensive = ExpensiveNodes(g);
  std::map<std::pair<NodeId, bool>, std::vector<NodeId>> by_value;
  for (NodeId id = 0; id < g.size(); ++id) {
    const Node& n = g.node(id);
    if (n.op != Op::kInSet || expensive[id]) continue;
    const ConstSet::Kind kind = m.pools.sets[n.imm].kind;
    if (kind == ConstSet::Kind::kInts) continue;
    by_value[{n.args[0], kind == ConstSet::Kind::kNetworks}].push_back(id);
  }
  return by_value;
}

Node Bool(Op op, NodeId domain, std::vector<NodeId> args, uint32_t imm) {
  Node n;
  n.op = op;
  n.kind = bytecode::RegKind::kBool;
  n.type = schema::ScalarType::kBool;
  n.domain = domain;
  n.args = std::move(args);
  n.imm = imm;
  return n;
}

}  // namespace

size_t GroupSets(ir::Module& m, ir::Graph& g) {
  std::vector<Group> groups;
  std::map<NodeId, std::pair<size_t, uint32_t>> member;  // kInSet node -> (group, output)
  for (const auto& [key, ids] : Candidates(m, g)) {
    for (size_t start = 0; start < ids.size(); start += bytecode::kMaxGroupedSets) {
      const size_t count = std::min<size_t>(bytecode::kMaxGroupedSets, ids.size() - start);
      if (count < 2) continue;
      Group group;
      group.first_set = static_cast<uint32_t>(m.pools.sets.size());
      group.count = static_cast<uint32_t>(count);
      for (uint32_t k = 0; k < count; ++k) {
        member[ids[start + k]] = {groups.size(), k};
        const ConstSet copy = m.pools.sets[g.node(ids[start + k]).imm];
        m.pools.sets.push_back(copy);
      }
      groups.push_back(group);
    }
  }
  if (groups.empty()) return 0;
  ir::Rebuild(g, [&](ir::Graph& out, NodeId old_id, Node n, const std::vector<NodeId>&) {
    const auto it = member.find(old_id);
    if (it == member.end()) return out.Add(std::move(n));
    Group& group = groups[it->second.first];
    if (group.node == ir::kNoNode) {
      Node set_group = Bool(Op::kSetGroup, n.domain, {n.args[0]}, group.first_set);
      set_group.sub = static_cast<uint8_t>(group.count);
      group.node = out.Add(std::move(set_group));
    }
    Node o = Bool(Op::kSetOut, n.domain, {group.node}, it->second.second);
    o.span = n.span;
    return out.Add(std::move(o));
  });
  return member.size();
}

}  // namespace vigil::opt

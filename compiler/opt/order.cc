// order.cc: cost classification, per-rule bounds and selections.
#include "compiler/opt/order.h"

#include "compiler/opt/const_fold.h"

#include <map>
#include <set>

namespace vigil::opt {

using bytecode::RegKind;
using ir::Node;
using ir::NodeId;
using ir::Op;

namespace {

// A value node whose strings are dictionary-encoded batch columns (per-distinct evaluation).
bool DictValue(const ir::Graph& g, NodeId id) {
  const Node& n = g.node(id);
  if (n.op == Op::kBcast) return DictValue(g, n.args[0]);
  if (n.op == Op::kField || n.op == Op::kMember) {
    const schema::FieldInfo& f = schema::Field(static_cast<schema::FieldId>(n.imm));
    return f.dict();
  }
  return false;
}

// Cost of the node itself, ignoring its inputs.
bool SelfExpensive(const ir::Graph& g, const Node& n) {
  switch (n.op) {
    case Op::kScan:
    case Op::kInList:
      return !DictValue(g, n.args[0]);
    case Op::kInSet:
      return schema::IsStringLike(g.node(n.args[0]).type) && !DictValue(g, n.args[0]);
    case Op::kCmp:
      return schema::IsStringLike(g.node(n.args[0]).type);
    case Op::kStr:
    case Op::kCall:
      return true;
    default:
      return false;
  }
}

// Marks `id`, everything it reads and the domains it lives in (with their arrays) as cheap:
// evaluated on every element, no selection.
void ForceCheap(const ir::Graph& g, NodeId id, std::vector<bool>* expensive, std::vector<bool>* forced) {
  if ((*forced)[id]) return;
  (*forced)[id] = true;
  (*expensive)[id] = false;
  for (NodeId a : g.node(id).args) ForceCheap(g, a, expensive, forced);
  if (g.node(id).domain != ir::kNoNode) ForceCheap(g, g.node(id).domain, expensive, forced);
}

std::vector<bool> Classify(const ir::Graph& g) {
  std::vector<bool> expensive(g.size(), false), forced(g.size(), false);
  for (NodeId id = 0; id < g.size(); ++id) {
    const Node& n = g.node(id);
    bool e = SelfExpensive(g, n);
    for (NodeId a : n.args) e = e || expensive[a];
    expensive[id] = e;
  }
  // History calls record every event they see: they and their keys run on every row.
  for (NodeId id = 0; id < g.size(); ++id) {
    if (g.node(id).op == Op::kHistory) ForceCheap(g, id, &expensive, &forced);
  }
  // Users of forced nodes are recomputed from their inputs.
  for (NodeId id = 0; id < g.size(); ++id) {
    if (forced[id]) continue;
    bool e = SelfExpensive(g, g.node(id));
    for (NodeId a : g.node(id).args) e = e || expensive[a];
    expensive[id] = e;
  }
  return expensive;
}

class Orderer {
 public:
  Orderer(ir::Module& m, ir::Graph& g) : m_(m), g_(g), expensive_(Classify(g)) {}

  OrderStats Run() {
    OrderStats stats;
    for (bool e : expensive_) (e ? stats.expensive : stats.cheap)++;
    if (stats.expensive == 0) return stats;
    // Rules (roots) reaching each expensive node.
    std::map<NodeId, std::set<size_t>> users;
    for (size_t r = 0; r < g_.roots().size(); ++r) Mark(g_.roots()[r].node, r, &users);
    for (const ir::Output& o : g_.outputs()) {
      for (size_t r = 0; r < g_.roots().size(); ++r) {
        if (g_.roots()[r].slot == o.slot) Mark(o.node, r, &users);
      }
    }
    std::vector<NodeId> bounds;
    for (const ir::Root& root : g_.roots()) bounds.push_back(Bound(root.node, true));
    std::map<std::set<size_t>, NodeId> sel_of_users;
    for (auto& [node, rules] : users) {
      auto it = sel_of_users.find(rules);
      if (it == sel_of_users.end()) {
        NodeId sel = ir::kNoNode;
        for (size_t r : rules) sel = sel == ir::kNoNode ? bounds[r] : Logic(Op::kOr, {sel, bounds[r]}, ir::kNoNode);
        it = sel_of_users.emplace(rules, sel).first;
        ++stats.selections;
      }
      g_.mutable_node(node).sel = InDomain(it->second, g_.node(node).domain);
    }
    return stats;
  }

 private:
  void Mark(NodeId id, size_t rule, std::map<NodeId, std::set<size_t>>* users) {
    if (!expensive_[id]) return;
    if (!(*users)[id].insert(rule).second) return;
    for (NodeId a : g_.node(id).args) Mark(a, rule, users);
  }

  NodeId Logic(Op op, std::vector<NodeId> args, NodeId domain) {
    Node n;
    n.op = op;
    n.kind = RegKind::kBool;
    n.args = std::move(args);
    n.domain = domain;
    return FoldAndAdd(m_, g_, std::move(n));
  }

  NodeId Constant(bool v, NodeId domain) {
    Node n;
    n.op = Op::kBool;
    n.kind = RegKind::kBool;
    n.sub = v ? 1 : 0;
    n.domain = domain;
    return g_.Add(std::move(n));
  }

  // The widest value node `id` can take when expensive predicates are unknown: positive
  // occurrences become true, negated ones false.
  NodeId Bound(NodeId id, bool positive) {
    if (id >= expensive_.size() || !expensive_[id]) return id;
    const Node n = g_.node(id);
    switch (n.op) {
      case Op::kAnd:
      case Op::kOr:
        return Logic(n.op, {Bound(n.args[0], positive), Bound(n.args[1], positive)}, n.domain);
      case Op::kNot:
        return Logic(Op::kNot, {Bound(n.args[0], !positive)}, n.domain);
      case Op::kReduce: {
        if (expensive_[n.args[0]]) return Constant(positive, n.domain);  // domain itself costly
        const bool none = n.sub == static_cast<uint8_t>(bytecode::ReduceOp::kNone);
        Node r = n;
        r.args[1] = Bound(n.args[1], none ? !positive : positive);
        r.sel = ir::kNoNode;
        return g_.Add(std::move(r));
      }
      default:
        return Constant(positive, n.domain);
    }
  }

  // `sel` (a rows-domain bool) carried into `domain`.
  NodeId InDomain(NodeId sel, NodeId domain) {
    if (domain == ir::kNoNode) return sel;
    Node b;
    b.op = Op::kBcast;
    b.kind = RegKind::kBool;
    b.domain = domain;
    b.args = {sel};
    return g_.Add(std::move(b));
  }

  ir::Module& m_;
  ir::Graph& g_;
  std::vector<bool> expensive_;
};

}  // namespace

bool IsExpensive(const ir::Graph& g, NodeId id) { return Classify(g)[id]; }

std::vector<bool> ExpensiveNodes(const ir::Graph& g) { return Classify(g); }

OrderStats OrderByCost(ir::Module& m, ir::Graph& g) { return Orderer(m, g).Run(); }

}  // namespace vigil::opt

// ir.cc: hash-consing, constant interning and the IR verifier.
#include "compiler/ir/ir.h"

#include <fmt/format.h>

namespace vigil::ir {

using bytecode::RegKind;

std::string_view OpName(Op op) {
  static constexpr std::string_view kNames[] = {
      "field", "member", "elem",    "const",  "bool",   "tobool",  "isnull", "cmpk",
      "cmp",   "pattern", "scan",   "scanout", "str",   "inset",   "inlist", "inarray",
      "and",   "or",      "not",    "arith",  "arithk", "neg",     "call",   "domain",
      "bcast", "reduce",  "count",  "index",  "indexk", "history", "listarg",
      "setgroup", "setout"};
  return kNames[static_cast<size_t>(op)];
}

NodeId Graph::Add(Node n) {
  auto key = n.Key();
  if (auto it = index_.find(key); it != index_.end()) {
    ++shared_;
    return it->second;
  }
  const auto id = static_cast<NodeId>(nodes_.size());
  nodes_.push_back(std::move(n));
  index_.emplace(std::move(key), id);
  return id;
}

uint32_t Module::Intern(const bytecode::Constant& c) {
  auto& pool = pools.constants;
  for (uint32_t i = 0; i < pool.size(); ++i) {
    const auto& p = pool[i];
    if (p.type == c.type && p.is_null == c.is_null && p.i == c.i && p.f == c.f && p.s == c.s &&
        p.ip == c.ip && p.prefix == c.prefix) {
      return i;
    }
  }
  pool.push_back(c);
  return static_cast<uint32_t>(pool.size() - 1);
}

Graph* Module::GraphFor(schema::EventType t) {
  for (Graph& g : graphs) {
    if (g.type() == t) return &g;
  }
  return nullptr;
}

namespace {

// True when domain `inner` is `outer` or lies inside it.
bool Within(const Graph& g, NodeId inner, NodeId outer) {
  for (NodeId d = inner;; d = g.node(g.node(d).args[0]).domain) {
    if (d == outer) return true;
    if (d == kNoNode) return false;
  }
}

std::string CheckNode(const Graph& g, NodeId id) {
  const Node& n = g.node(id);
  for (NodeId a : n.args) {
    if (a >= id) return fmt::format("node {} ({}) uses node {} defined after it", id, OpName(n.op), a);
  }
  if (n.sel != kNoNode && (n.sel >= g.size() || g.node(n.sel).kind != RegKind::kBool)) {
    return fmt::format("node {} has an invalid selection {}", id, n.sel);
  }
  auto kind_of = [&](size_t i) { return g.node(n.args[i]).kind; };
  switch (n.op) {
    case Op::kAnd:
    case Op::kOr:
    case Op::kNot:
      for (size_t i = 0; i < n.args.size(); ++i) {
        if (kind_of(i) != RegKind::kBool) return fmt::format("node {}: {} of a non-bool", id, OpName(n.op));
      }
      break;
    case Op::kDomain:
      if (kind_of(0) != RegKind::kArray) return fmt::format("node {}: domain over a non-array", id);
      if (n.domain != g.node(n.args[0]).domain) return fmt::format("node {}: domain not in its array's domain", id);
      return {};
    case Op::kBcast:
      if (!Within(g, n.domain, g.node(n.args[0]).domain) || n.domain == g.node(n.args[0]).domain) {
        return fmt::format("node {}: broadcast not from an enclosing domain", id);
      }
      return {};
    case Op::kReduce:
    case Op::kCount:
      if (g.node(n.args[0]).op != Op::kDomain || g.node(n.args[0]).domain != n.domain) {
        return fmt::format("node {}: {} not over a child domain", id, OpName(n.op));
      }
      return {};
    default:
      break;
  }
  for (NodeId a : n.args) {
    const Node& arg = g.node(a);
    const bool domainless = arg.op == Op::kConst || arg.op == Op::kDomain || arg.op == Op::kListArg;
    if (!domainless && arg.domain != n.domain && !(n.op == Op::kMember || n.op == Op::kElem)) {
      return fmt::format("node {} ({}) reads node {} of another domain", id, OpName(n.op), a);
    }
  }
  return {};
}

}  // namespace

std::string Verify(const Graph& g) {
  for (NodeId id = 0; id < g.size(); ++id) {
    std::string err = CheckNode(g, id);
    if (!err.empty()) return err;
  }
  for (const Root& r : g.roots()) {
    if (r.node >= g.size() || g.node(r.node).kind != RegKind::kBool || g.node(r.node).domain != kNoNode) {
      return fmt::format("slot {} has an invalid root", r.slot);
    }
  }
  for (const Output& o : g.outputs()) {
    if (o.node >= g.size() || g.node(o.node).kind == RegKind::kBool || g.node(o.node).domain != kNoNode) {
      return fmt::format("slot {} output {} is not a rows-domain value", o.slot, o.index);
    }
  }
  return {};
}

}  // namespace vigil::ir

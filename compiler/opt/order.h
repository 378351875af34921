// order.h: cost-based evaluation order. Each node is cheap (a dictionary-code or numeric
// comparison, a bitmap operation, a per-distinct-value string test) or expensive (scans of
// free-text columns, function calls, tenant list lookups, and anything computed from those).
// Per rule, a bound is computed from the cheap nodes alone, with each expensive predicate
// replaced by the constant that can only widen the result (true where it occurs positively,
// false under negation). Every expensive node is then evaluated only on the rows (or quantifier
// elements) where some rule using it can still match: its selection is the union of those
// rules' bounds. Rules whose cheap predicates reject a batch cost nothing more.
#pragma once

#include "compiler/ir/ir.h"

namespace vigil::opt {

struct OrderStats {
  size_t cheap = 0;
  size_t expensive = 0;
  size_t selections = 0;
};

// Adds bound and selection nodes to `g` and sets Node::sel on expensive nodes.
OrderStats OrderByCost(ir::Module& m, ir::Graph& g);

// True when node `id` is expensive (after OrderByCost, or computed on demand).
bool IsExpensive(const ir::Graph& g, ir::NodeId id);
// Per node of `g`, whether it is expensive (what IsExpensive answers, for every node at once).
std::vector<bool> ExpensiveNodes(const ir::Graph& g);

}  // namespace vigil::opt

// ir.h: the typed intermediate representation between the checked AST and bytecode. One Graph
// per event type holds every rule reading that type as a DAG of nodes in an arena addressed by
// NodeId; nodes are hash-consed, so an expression written in many rules is one node (common
// subexpression elimination across the pack). Quantifiers introduce domains (kDomain nodes);
// every node lives in the rows domain or one domain. Pools (constants, sets, pattern sets,
// call sites, history sites, tenant list slots) are shared by all graphs of a Module.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "compiler/base/source.h"
#include "vm/bytecode/program.h"

namespace vigil::ir {

using NodeId = uint32_t;
inline constexpr NodeId kNoNode = 0xffffffffu;

enum class Op : uint8_t {
  kField,      // imm: field id. A value (scalar or array; a member field gives its arrays).
  kMember,     // imm: member field id; args: {domain}. The member of each element's record.
  kElem,       // args: {domain}. The value of each element (arrays of scalars).
  kConst,      // imm: constant index. A scalar constant (no domain).
  kBool,       // sub: 0 false, 1 true, 2 null.
  kToBool,     // args: {bool value}
  kIsNull,     // sub: 0 is null, 1 is not null; args: {value}
  kCmpK,       // sub: CmpOp; flags: caseless; args: {value}; imm: constant
  kCmp,        // sub: CmpOp; flags: caseless; args: {value, value}
  kPattern,    // sub: StrOp; flags: caseless; args: {string value}; imm: constant (the pattern)
  kScan,       // imm: pattern set; flags: any-of; args: {string value}. Outputs via kScanOut.
  kScanOut,    // imm: output index; args: {scan}
  kStr,        // sub: StrOp; flags: caseless; args: {value, value}
  kInSet,      // imm: set; args: {value}
  kInList,     // imm: tenant list slot; args: {value}
  kInArray,    // flags: caseless; args: {value, array}
  kAnd,        // args: {bool, bool}
  kOr,         // args: {bool, bool}
  kNot,        // args: {bool}
  kArith,      // sub: ArithOp; args: {value, value}
  kArithK,     // sub: ArithOp; flags: reversed; args: {value}; imm: constant
  kNeg,        // args: {value}
  kCall,       // imm: call site; args: one per parameter (kConst nodes for constants)
  kDomain,     // args: {array}. The elements of the array, a child of the array's domain.
  kBcast,      // args: {node of an ancestor domain}
  kReduce,     // sub: ReduceOp; args: {bool in child domain, child domain}
  kCount,      // args: {child domain} or {child domain, bool in it}
  kIndex,      // args: {array, int}
  kIndexK,     // args: {array}; imm: constant
  kHistory,    // sub: 0 first_seen, 1 prevalence; imm: history site; args: keys
  kListArg,    // imm: pack list. A list argument of a call (no register).
  kSetGroup,   // imm: first set; sub: set count; args: {value}. Outputs via kSetOut.
  kSetOut,     // imm: output index (set imm+index of the group); args: {set group}
};
std::string_view OpName(Op op);

struct Node {
  Op op = Op::kBool;
  uint8_t sub = 0;
  uint16_t flags = 0;
  bytecode::RegKind kind = bytecode::RegKind::kBool;  // what the node produces
  schema::ScalarType type = schema::ScalarType::kBool;
  NodeId domain = kNoNode;  // kNoNode: rows (and domain-less constants)
  std::vector<NodeId> args;
  uint32_t imm = 0;
  // Set by the ordering pass: evaluate only where this bool node is true (kNoNode: all).
  NodeId sel = kNoNode;
  compiler::Span span;

  auto Key() const { return std::make_tuple(op, sub, flags, kind, type, domain, args, imm); }
};

// Where a match slot's condition ends up in a graph.
struct Root {
  uint32_t slot = 0;  // bytecode match slot (see Executable::extra_slots)
  NodeId node = kNoNode;
};

// A value the host reads for the matching rows of a slot (stateful keys and arguments).
struct Output {
  uint32_t slot = 0;
  uint32_t index = 0;
  NodeId node = kNoNode;
};

class Graph {
 public:
  explicit Graph(schema::EventType type) : type_(type) {}
  // Adds `n` or returns the id of an identical node already present.
  NodeId Add(Node n);
  const Node& node(NodeId id) const { return nodes_[id]; }
  Node& mutable_node(NodeId id) { return nodes_[id]; }
  size_t size() const { return nodes_.size(); }
  schema::EventType type() const { return type_; }
  std::vector<Root>& roots() { return roots_; }
  const std::vector<Root>& roots() const { return roots_; }
  std::vector<Output>& outputs() { return outputs_; }
  const std::vector<Output>& outputs() const { return outputs_; }
  // Number of Add calls that found an existing node (the CSE hits).
  size_t shared() const { return shared_; }

 private:
  schema::EventType type_;
  std::vector<Node> nodes_;
  std::map<decltype(std::declval<Node>().Key()), NodeId> index_;
  std::vector<Root> roots_;
  std::vector<Output> outputs_;
  size_t shared_ = 0;
};

// Everything compiled from a pack, before bytecode emission.
struct Module {
  std::vector<Graph> graphs;  // one per event type that has rules, ascending
  bytecode::Executable pools;  // constants, sets, patterns, calls, history, lists, slots
  // Interns a constant into pools.constants (equal constants share one index).
  uint32_t Intern(const bytecode::Constant& c);
  Graph* GraphFor(schema::EventType t);
};

// Verifies a graph's invariants: arguments precede their users, kinds and domains match each
// op's contract. Returns "" or a description of the first violation (a compiler bug).
std::string Verify(const Graph& g);

}  // namespace vigil::ir

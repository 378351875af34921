// lowerer.h: lowers one rule's checked expressions into one event type's graph. Expressions
// are typed by sema; the lowerer picks opcodes by type: constants move into instruction
// immediates, lists into constant sets or tenant list slots, string patterns into pattern
// nodes that the fusion pass later merges per field.
#pragma once

#include <map>

#include "compiler/ast/ast.h"
#include "compiler/ir/ir.h"
#include "compiler/sema/pack.h"

namespace vigil::ir {

class Lowerer {
 public:
  Lowerer(const sema::Pack& pack, uint32_t rule, Module& module, Graph& graph)
      : pack_(pack), rule_(rule), m_(module), g_(graph) {}

  // A rows-domain bool node for a condition (true for a null condition).
  NodeId Condition(const ast::Expr* e);
  // A rows-domain value node for an expression (aggregate keys, evidence).
  NodeId Value(const ast::Expr& e);

 private:
  NodeId Bool(const ast::Expr& e);
  // A lowered node as a bool node (a bool value becomes ToBool, a constant a bool constant).
  NodeId AsBool(NodeId n);
  NodeId Val(const ast::Expr& e);
  NodeId Lower(const ast::Expr& e);
  NodeId Add(Node n);
  NodeId Make(Op op, bytecode::RegKind kind, schema::ScalarType type, std::vector<NodeId> args,
              uint32_t imm = 0, uint8_t sub = 0, uint16_t flags = 0);
  NodeId BoolConst(int v);
  NodeId Constant(const ast::Literal& lit, schema::ScalarType type);
  NodeId FieldNode(schema::FieldId f, const ast::Expr& e);
  NodeId Quantifier(const ast::Expr& e);
  NodeId Binary(const ast::Expr& e);
  NodeId Compare(const ast::Expr& e);
  NodeId Arith(const ast::Expr& e);
  NodeId In(const ast::Expr& e);
  NodeId InListRef(NodeId value, const ast::Expr& lhs, const sema::List& list);
  // `v in [entries]` for a left side of type t: the entries lowered and folded to constants.
  NodeId InInline(NodeId v, schema::ScalarType t, const ast::Expr& list);
  // The constant node n folded to, or null.
  const bytecode::Constant* ConstantOf(NodeId n) const;
  NodeId StringOp(const ast::Expr& e);
  NodeId Patterns(NodeId value, bytecode::StrOp op, bool caseless, const std::vector<std::string>& pats);
  // One any-of scan over `pats` (regex lists, glob lists, long pattern lists).
  NodeId PatternList(NodeId value, bool glob, bool caseless, const std::vector<std::string>& pats,
                     bytecode::StrOp op = bytecode::StrOp::kRegex);
  NodeId Call(const ast::Expr& e);
  NodeId History(const ast::Expr& e);
  NodeId IndexNode(const ast::Expr& e);
  NodeId AnyOf(std::vector<NodeId> terms);
  uint32_t ConstSetFor(bytecode::ConstSet set);
  // Index of the pack list for `$name` (declared pack or tenant list) in the module's pools.
  uint32_t PackListFor(const sema::List& list);
  // Index of an anonymous list of `kind` with `entries` (inline lists passed to functions).
  uint32_t InlineListFor(std::string kind, std::vector<std::string> entries);

  const sema::Pack& pack_;
  uint32_t rule_;
  Module& m_;
  Graph& g_;
  NodeId domain_ = kNoNode;
  std::map<int, NodeId> bindings_;  // quantifier binding id -> its domain node
  uint32_t history_calls_ = 0;      // history calls met so far in this rule (pre-order)
};

// The text of a folded list entry as list builders take it (ListEntryText for constants).
std::string EntryTextOf(const bytecode::Constant& c);

// Kind and scalar type of the register a typed expression lowers to.
bytecode::RegKind KindOf(const ast::Type& t);

}  // namespace vigil::ir

// evaluator.h: the reference interpreter's recursive walk over a checked expression on one
// row of a batch. Obvious rather than fast: every operand of and/or and every element of a
// quantifier is evaluated (no short-circuit), so any side effect (history calls) happens on
// every event of the rule's types. Not thread-safe; one per thread.
#pragma once

#include <deque>
#include <map>
#include <memory>
#include <utility>
#include <vector>

#include "compiler/sema/pack.h"
#include "interp/call_sites.h"
#include "interp/membership.h"
#include "interp/pack_lists.h"
#include "interp/row_reader.h"
#include "interp/string_ops.h"
#include "interp/value.h"
#include "vm/columnar/batch.h"
#include "vm/columnar/tenant_context.h"

namespace vigil::interp {

class Evaluator {
 public:
  // `lists` and `calls` must outlive the evaluator.
  Evaluator(const PackLists& lists, const CallSites& calls);
  ~Evaluator();

  // Starts evaluating row `row`: forgets the previous row's strings, arrays and lists.
  void BeginRow(const columnar::Batch& batch, size_t row, const columnar::TenantContext& tenant);
  // The value of `e` on the current row.
  Value Eval(const ast::Expr& e);

  // How often a string operator could not run (missing stdlib function, invalid pattern).
  size_t string_failures() const { return strings_.failures(); }

 private:
  Value Literal(const ast::Literal& lit);
  Value Field(schema::FieldId f);
  Value Binding(const ast::Expr& e);
  Value Member(const Value& record, schema::FieldId member);
  Value Index(const ast::Expr& e);
  Value Quantify(const ast::Expr& e);
  Tri Predicate(const ast::Expr& e, const Value& element);
  Value ListRef(const ast::Expr& e);
  Value InlineList(const ast::Expr& e);
  Value Unary(const ast::Expr& e);
  Value Binary(const ast::Expr& e);
  Value ListValueOf(const ListOperand& l);

  // evaluator_calls.cc
  Value Call(const ast::Expr& e);
  Value Stdlib(const ast::Expr& e);
  Value History(const ast::Expr& e);
  schema::Datum ListArg(const ast::Expr& arg, const Value& v, const stdlib::TypeSpec& param);

  const PackLists& lists_;
  const CallSites& calls_;
  StringMatcher strings_;
  Membership membership_{strings_};

  // Per row.
  std::unique_ptr<RowReader> reader_;
  const columnar::TenantContext* tenant_ = nullptr;
  columnar::Arena arena_;  // strings and arrays computed on this row
  stdlib::EvalContext ctx_;
  std::deque<ListOperand> list_operands_;
  std::vector<std::unique_ptr<schema::ListValue>> row_lists_;  // arrays passed as lists
  std::vector<std::pair<int, Value>> bindings_;                // quantifier binding id -> element

  // Inline list literals passed to list parameters, built once per node.
  std::map<const ast::Expr*, std::unique_ptr<schema::ListValue>> const_lists_;
};

}  // namespace vigil::interp

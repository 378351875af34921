// state_expr.h: evaluates the expressions stateful rules compute from their state rather than
// from one event: `having` conditions and the evidence of aggregate rules (count(), distinct(),
// sum(), min(), max(), keys and fields of the triggering event) and the evidence of sequence
// rules (fields of each step's event). Same scalar semantics as the interpreter
// (interp/scalar_ops.h): Kleene logic, null propagation, checked arithmetic.
#pragma once

#include <list>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "compiler/ast/ast.h"
#include "runtime/alerts.h"
#include "schema/datum.h"

namespace vigil::runtime {

struct StateEnv {
  int64_t count = 0;
  // (aggregate call node, its value): a handful per rule, searched in order.
  std::vector<std::pair<const ast::Expr*, schema::Datum>> aggregates;
  const EventRef* record = nullptr;              // the triggering event
  std::map<std::string, const EventRef*> steps;  // step name -> its event
  // Strings the Datums point into (a list: it stays put as it grows, and an empty one
  // allocates nothing; an environment is made per stateful event).
  std::list<std::string> storage;
};

// The value of `e` (null for what state cannot provide: function calls, lists, quantifiers).
schema::Datum EvalState(const ast::Expr& e, StateEnv& env);

// Field `f` of a normalized record (as ingest::RowToJson writes it) as a Datum of the field's
// type; strings are stored in `storage`.
schema::Datum FieldFromRecord(const Json& record, schema::FieldId f,
                              std::list<std::string>& storage);

}  // namespace vigil::runtime

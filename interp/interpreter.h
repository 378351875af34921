// interpreter.h: the reference interpreter: evaluates checked rules row by row over the AST,
// written for obviousness, not speed. It is the oracle the VM is tested against (the two must
// give identical matches on any pack and batch), and `--engine interp` of `vigil run`.
//
// Semantics are docs/language.md §4; where the reference leaves a choice open, the choice is
// stated next to the code that makes it (interp/scalar_ops.h, interp/membership.h,
// interp/string_ops.h, interp/evaluator.h, interp/call_sites.h) and the VM must make the same.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/sema/pack.h"
#include "vm/columnar/batch.h"
#include "vm/columnar/match_set.h"
#include "vm/columnar/tenant_context.h"

namespace vigil::interp {

class Interpreter {
 public:
  // Prepares every call site and pack list of `pack` (which must outlive the interpreter and
  // have no errors). Lists loaded from files are read here; problems go to errors().
  explicit Interpreter(const sema::Pack& pack);
  ~Interpreter();

  // The three-valued value of `rule`'s condition on one row (nullopt = null). A rule without a
  // condition (including a sequence rule) is true on every event of its types. Never crashes
  // on a batch: absent fields, cleared validity bits and inconsistent offsets read as null.
  std::optional<bool> EvalCondition(const sema::Rule& rule, const columnar::Batch& batch,
                                    size_t row, const columnar::TenantContext& tenant);

  // Resets *out to one row list per rule of the pack (by index in pack.rules) and fills, for
  // every rule whose event types include batch.type() and whose condition is true, its
  // matching rows, ascending. Stateful clauses are not applied here: an aggregate rule yields
  // the rows where its per-event `when` condition holds; a sequence rule yields nothing (its
  // steps are the stateful engine's); first_seen()/prevalence() query tenant.history.
  void Evaluate(const columnar::Batch& batch, const columnar::TenantContext& tenant,
                columnar::MatchSet* out);

  // Problems found while preparing the pack: list entries or list files that could not be
  // loaded ("list $name: ..."), call sites whose constants a function rejected. Empty for a
  // healthy pack.
  const std::vector<std::string>& errors() const;

  // Not thread-safe: use one interpreter per thread.

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vigil::interp

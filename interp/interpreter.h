// interpreter.h: the reference interpreter: evaluates checked rules row by row over the AST,
// written for obviousness, not speed. It is the oracle the VM is tested against (the two must
// give identical matches on any pack and batch), and `--engine interp` of `vigil run`.
#pragma once

#include <memory>
#include <optional>

#include "compiler/sema/pack.h"
#include "vm/columnar/batch.h"
#include "vm/columnar/match_set.h"
#include "vm/columnar/tenant_context.h"

namespace vigil::interp {

class Interpreter {
 public:
  // Prepares every call site and pack list of `pack` (which must outlive the interpreter and
  // have no errors).
  explicit Interpreter(const sema::Pack& pack);
  ~Interpreter();

  // The three-valued value of `rule`'s condition on one row (nullopt = null). A rule without a
  // condition is true on every event of its types.
  std::optional<bool> EvalCondition(const sema::Rule& rule, const columnar::Batch& batch,
                                    size_t row, const columnar::TenantContext& tenant);

  // Every rule of the pack whose event types include batch.type() and whose condition is true,
  // with its matching rows. Stateful clauses (aggregate, sequence) are not applied here: only
  // their per-event conditions.
  void Evaluate(const columnar::Batch& batch, const columnar::TenantContext& tenant,
                columnar::MatchSet* out);

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vigil::interp

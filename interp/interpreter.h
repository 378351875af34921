// interpreter.h: the reference interpreter: evaluates checked rules row by row over the AST,
// written for obviousness, not speed. It is the oracle the VM is tested against (the two must
// give identical matches on any pack and batch), and `--engine interp` of `vigil run`.
//
// Semantics are docs/language.md §4. Where the reference leaves a choice open, this is the
// choice (the VM must make the same; details next to the code in scalar_ops.h, membership.h,
// string_ops.h, evaluator.h, call_sites.h, pack_lists.h, row_reader.h):
//  * Case: ==, <, ..., string operators and `in` fold ASCII case when either operand's static
//    type is email or domain (for lists and arrays: the element type, or a `$list` declared
//    email/domain); the i-forms always fold. matches/imatches are the stdlib's
//    regex_search/iregex_search (RE2, UTF-8; iregex uses RE2's case folding).
//  * String operators call the stdlib functions contains/icontains, starts_with/...,
//    like/ilike, regex_search/iregex_search. A list on the right is "any entry" (a `$list`
//    uses ListValue::entries(), i.e. normalized entries); an empty list gives false. A
//    pattern the stdlib rejects (an invalid regex in a tenant list) never matches.
//  * `x in C`: null when x is null, whatever C is. Arrays: Kleene any(e == x), so a null
//    element gives null when nothing matches; a null array is empty (false). Inline lists:
//    equality (an ip entry is a host, a cidr entry a network). `$list` by its ListValue kind:
//    string lists compare every entry (int lists parse entries as decimal ints), domain /
//    cidr / ioc lists use ListValue::Find; regex and glob lists mean `x matches $l` /
//    `x like $l`.
//  * Numbers: int with int exactly; int with float as doubles (IEEE: NaN unequal and
//    unordered). Integer overflow, INT64_MIN / -1, and / or % by zero (int or float) give
//    null; INT64_MIN % -1 is 0; ints truncate toward zero; float results are otherwise IEEE.
//    Strings order by unsigned bytes.
//  * x[i]: null for a negative, out-of-range or null index. `is null` of an array or records
//    field tests its validity bit (a present empty array is not null).
//  * No short-circuit: both operands of and/or and every quantifier element are evaluated,
//    so history calls see every event of the rule's types (per element inside quantifiers).
//  * first_seen/prevalence: null without a HistoryProvider, with a null key or a null `ts`
//    (then nothing is recorded); site = the call's number in pack order (CallSites); keys =
//    stdlib::FormatDatum of each key joined by kHistoryKeySeparator; ts_ms = the row's `ts`.
//  * Function calls: EvalContext.now_ms is the row's `ts` (0 when null), time_zone the
//    tenant's. A list parameter gets a `$list`'s ListValue, or stdlib::BuildInlineList of an
//    inline list or of an array argument (a null array, or a list that fails to build, is a
//    null argument).
//  * Reading rows: a field the batch lacks, a cleared validity bit, a dictionary code out of
//    range or offsets past the element columns read as null or are clamped, never a crash.
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

  // Resets *out to one row list per match slot of the pack (sema::Pack::SlotOf: slot r is rule
  // r, later sequence steps follow) and fills, for every slot whose event types include
  // batch.type() and whose condition is true, its matching rows, ascending. Stateful clauses
  // are not applied here: an aggregate rule yields the rows where its per-event `when` holds;
  // a sequence rule yields each step's matching rows in that step's slot;
  // first_seen()/prevalence() query tenant.history.
  void Evaluate(const columnar::Batch& batch, const columnar::TenantContext& tenant,
                columnar::MatchSet* out);

  // The value of a checked expression (evidence, keys) on one row: a scalar or an array Datum;
  // records and lists give null. Strings stay valid until the next call on this interpreter.
  schema::Datum EvalValue(const ast::Expr& e, const columnar::Batch& batch, size_t row,
                          const columnar::TenantContext& tenant);

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

// rule_gen.h: the differential test's rule generator: random well-typed vigil conditions over
// the fields an event type carries (schema/fields.def), the pack's lists, quantifiers over
// records and arrays, index, arithmetic, stdlib calls (signatures from stdlib::Registry) and
// history functions. Every constant it writes goes to the ValuePool so events can hit it.
// Part of tests/diff; pack_gen.h assembles rules into packs.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "schema/schema.h"
#include "stdlib/registry.h"
#include "tests/diff/gen_expr.h"
#include "tests/diff/values.h"

namespace vigil::difftest {

// A list a generated pack declares.
struct GenList {
  std::string name;
  std::string kind;                  // "string", "email", "domain", "int", "cidr", "regex", ...
  bool tenant = false;               // `tenant list`
  std::vector<std::string> entries;  // entry source texts (string literals, ints, networks)
  std::vector<std::string> raw;      // the same entries as list builders take them
  bool regex_safe = false;           // every raw entry is a valid RE2 pattern
  bool glob_safe = false;            // no raw entry ends with a lone backslash
  // Tenant lists: whether the test's tenant configures values, and which.
  bool configured = false;
  std::vector<std::string> tenant_values;
};

// A variable a quantifier binds.
struct GenVar {
  std::string name;
  bool record = false;
  schema::FieldId records = schema::FieldId::kNone;       // record variables: the records field
  schema::ScalarType type = schema::ScalarType::kString;  // scalar variables: the element type
};

class RuleGen {
 public:
  // Generates conditions for rules on every event type of `events` (fields must be carried by
  // all of them). `lists` and `pool` belong to the pack and outlive the generator.
  RuleGen(Rng& rng, ValuePool& pool, const std::vector<GenList>& lists, schema::EventMask events);

  // A condition nested at most `depth` levels.
  GenExpr Condition(int depth);
  // A value of type t (a scalar expression).
  GenExpr Value(schema::ScalarType t, int depth);
  // A literal of type t, recorded in the pool.
  GenExpr Literal(schema::ScalarType t);

 private:
  // rule_gen.cc: conditions.
  GenExpr Leaf(int depth);
  GenExpr Compare(int depth);
  GenExpr StringOp(int depth);
  GenExpr StringPatterns(const std::string& op, int depth);
  GenExpr In(int depth);
  GenExpr InString(int depth);
  GenExpr IsNull(int depth);
  GenExpr BoolValue(int depth);
  GenExpr Quantified(const std::string& quant, int depth);
  // The literal compared with `other`: a documented value when other is a closed field.
  GenExpr LiteralFor(const GenExpr& other, schema::ScalarType t);
  GenExpr InlineList(const GenExpr& other, schema::ScalarType t, size_t n);
  const GenList* PickList(const std::vector<std::string>& kinds, bool allow_tenant);

  // rule_gen_values.cc: values.
  std::optional<GenExpr> FieldOf(schema::ScalarType t);
  std::optional<GenExpr> VarOf(schema::ScalarType t);
  std::optional<GenExpr> IndexOf(schema::ScalarType t, int depth);
  std::optional<GenExpr> ArithOf(schema::ScalarType t, int depth);
  std::optional<GenExpr> ArraySource(int depth, schema::ScalarType* elem, schema::FieldId* records);
  GenExpr Count(int depth);
  GenExpr History(bool first_seen, int depth);
  std::string NewVar() { return "v" + std::to_string(++vars_made_); }

  // rule_gen_calls.cc: stdlib calls.
  std::optional<GenExpr> CallOf(schema::ScalarType t, int depth, bool array = false);
  std::optional<GenExpr> Argument(const stdlib::FunctionDef& def, size_t i, int depth);
  std::optional<GenExpr> ListArgument(const stdlib::TypeSpec& param);
  std::optional<std::string> ConstArgument(const stdlib::FunctionDef& def, size_t i);

  Rng& rng_;
  ValuePool& pool_;
  const std::vector<GenList>& lists_;
  schema::EventMask events_;
  std::vector<GenVar> scope_;
  int vars_made_ = 0;
};

// True for the types the generator produces values of.
bool IsGeneratedType(schema::ScalarType t);
// The string-like types.
const std::vector<schema::ScalarType>& StringTypes();

}  // namespace vigil::difftest

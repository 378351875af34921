// pack.h: the checked rule pack: sema's output and the input of the IR builder, the reference
// interpreter, `vigil test` and the catalog. Expressions are the AST's, resolved and typed:
// names became kField/kVar/kVarMember/kStepField nodes and macros are expanded in place.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/base/source.h"

namespace vigil::sema {

enum class RuleClass : uint8_t { kExpel, kVendor, kDuet };
enum class Severity : uint8_t { kInfo, kLow, kMedium, kHigh, kCritical };
enum class Status : uint8_t { kExperimental, kTest, kStable, kDeprecated };

std::string_view ClassName(RuleClass c);
std::string_view SeverityName(Severity s);
std::string_view StatusName(Status s);

// Element kinds of lists.
enum class ListKind : uint8_t { kString, kEmail, kDomain, kInt, kCidr, kRegex, kGlob, kIoc };
std::string_view ListKindName(ListKind k);
bool ParseListKind(std::string_view name, ListKind* out);

// The text of a list entry literal as list builders take it: strings as they are, ints in
// decimal, ips and cidrs in canonical form.
std::string ListEntryText(const ast::Literal& lit);

struct List {
  std::string name;
  ListKind kind = ListKind::kString;
  bool tenant = false;               // values come from the tenant configuration
  std::vector<ast::Literal> entries;  // inline entries (defaults for tenant lists)
  std::string from_file;             // resolved path of `from "file"` (loaded by the runtime)
  compiler::Span span;
  uint32_t file = 0;
  bool used = false;
};

struct Evidence {
  std::string name;
  ast::ExprPtr expr;
};

struct Aggregate {
  std::vector<ast::ExprPtr> by;
  int64_t window_ms = 0;
  bool tumbling = false;
  ast::ExprPtr having;
};

struct Step {
  std::string name;
  bool absent = false;
  schema::EventMask events = 0;
  ast::ExprPtr where;  // may be null: every event of the step's types
};

struct Sequence {
  std::vector<ast::ExprPtr> by;
  int64_t within_ms = 0;
  std::vector<Step> steps;
};

struct ExceptionField {
  ast::ExprPtr field;  // a kField node
  ast::ExceptOp op = ast::ExceptOp::kEq;
};

struct Exception {
  std::string name;
  std::vector<ExceptionField> fields;
  std::vector<std::vector<ast::Literal>> values;  // from the rule; tenants append more
};

// A checked embedded test; items keep the AST form (types validated).
struct Test {
  std::string name;
  const ast::TestCase* ast = nullptr;
};

struct Rule {
  std::string id;
  std::string title;        // template: {placeholders}
  std::string description;
  RuleClass rule_class = RuleClass::kExpel;
  Severity severity = Severity::kMedium;
  Status status = Status::kExperimental;
  bool opt_in = false;
  std::vector<std::string> mitre;
  std::vector<std::string> tags;
  std::vector<std::string> references;
  std::vector<std::string> authors;
  std::vector<std::string> false_positives;
  int64_t version = 1;
  std::string requires_engine;  // "" when not given
  std::string question;         // DUET: template
  std::string first_action;     // DUET: template

  schema::EventMask events = 0;  // event types the rule reads (union of steps for sequences)
  ast::ExprPtr condition;        // null: every event of `events`
  std::unique_ptr<Aggregate> aggregate;
  std::unique_ptr<Sequence> sequence;
  std::vector<Evidence> evidence;
  std::vector<ast::ExprPtr> suppress_by;
  int64_t suppress_ms = 0;
  std::vector<Exception> exceptions;
  std::vector<Test> tests;

  const ast::Rule* ast = nullptr;
  uint32_t file = 0;
  bool stateful() const { return aggregate || sequence || uses_history; }
  bool uses_history = false;  // calls first_seen / prevalence
};

// The aggregate calls (distinct, sum, min, max) an aggregate rule's `having` and evidence use,
// in pre-order (having first). count() needs no argument and is not listed.
std::vector<const ast::Expr*> AggregateCalls(const Rule& rule);
// The values the stateful engine needs for each matching event of `step` of a stateful rule,
// in output order: the group or sequence keys, then (aggregates) each aggregate call's
// argument. Empty for rules without aggregate or sequence.
std::vector<const ast::Expr*> StatefulOutputs(const Rule& rule, size_t step);

// Everything a checked pack holds. Owns the sources and ASTs the rules point into.
struct Pack {
  compiler::SourceManager sources;
  std::vector<std::unique_ptr<ast::File>> files;
  std::vector<List> lists;
  std::vector<Rule> rules;

  const List* FindList(std::string_view name) const;
  const Rule* FindRule(std::string_view id) const;

  // Match slots shared by every engine: slot r is rule r's condition (a sequence rule's first
  // step); the later steps of sequence rules follow all rules, in rule and step order.
  uint32_t SlotOf(size_t rule, size_t step) const;
  uint32_t SlotCount() const;
};

}  // namespace vigil::sema

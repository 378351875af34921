// ast.h: the abstract syntax tree of vigil rule files, built by compiler/parse from the ANTLR
// tree (the only place that knows ANTLR) and annotated in place by compiler/sema (types and
// name resolution). Every node keeps the source span it came from.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/ip.h"
#include "compiler/ast/types.h"
#include "compiler/base/source.h"
#include "schema/schema.h"

namespace vigil::ast {

using compiler::Span;

enum class LiteralKind : uint8_t { kNull, kBool, kInt, kFloat, kString, kDuration, kTimestamp, kIp, kCidr };

struct Literal {
  LiteralKind kind = LiteralKind::kNull;
  bool b = false;
  int64_t i = 0;  // int, duration (ms), timestamp (ms since epoch)
  double f = 0;
  std::string s;  // string (unescaped)
  base::IpAddr ip;
  base::Cidr cidr;
};

enum class ExprKind : uint8_t {
  kLiteral,     // lit
  kName,        // name: an identifier not yet resolved
  kMember,      // args[0].name
  kIndex,       // args[0][args[1]]
  kCall,        // name(args...) [over over_ms]
  kCountAll,    // count() in an aggregate
  kQuantifier,  // quant(name in args[0] [: args[1]])
  kListRef,     // $name
  kList,        // [args...]
  kUnary,       // uop args[0]
  kBinary,      // args[0] bop args[1]  (negated: `not in`, `not contains`, ...)
  kIsNull,      // args[0] is [not] null  (negated: `is not null`)
  // Produced by sema when resolving names:
  kField,       // a normalized field of the event (field)
  kVar,         // a quantifier variable (name), bound `depth` quantifiers out
  kVarMember,   // member `field` of the record bound to quantifier variable `name`
  kStepField,   // field `field` of sequence step `name`
};

enum class BinaryOp : uint8_t {
  kAnd, kOr,
  kEq, kNe, kLt, kLe, kGt, kGe,
  kAdd, kSub, kMul, kDiv, kMod,
  kIn,
  kContains, kIContains, kStartsWith, kIStartsWith, kEndsWith, kIEndsWith,
  kLike, kILike, kMatches, kIMatches,
};
enum class UnaryOp : uint8_t { kNeg, kNot };
enum class Quantifier : uint8_t { kAny, kAll, kNone, kCount };

// Text of an operator as written ("==", "icontains", ...).
std::string_view OpText(BinaryOp op);
std::string_view QuantifierText(Quantifier q);
bool IsComparison(BinaryOp op);
bool IsStringOp(BinaryOp op);

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

struct Expr {
  ExprKind kind = ExprKind::kLiteral;
  Span span;
  Literal lit;
  std::string name;
  BinaryOp bop = BinaryOp::kAnd;
  UnaryOp uop = UnaryOp::kNot;
  Quantifier quant = Quantifier::kAny;
  bool negated = false;
  std::optional<int64_t> over_ms;  // kCall ... over <duration>
  std::vector<ExprPtr> args;

  // --- annotations filled by sema ---
  Type type;                                  // static type
  schema::FieldId field = schema::FieldId::kNone;  // kField, kVarMember, kStepField
  int depth = 0;                              // kVar/kVarMember: 0 = innermost quantifier
  int callee = -1;  // kCall: index of the stdlib overload in the registry, or a builtin id
  bool constant = false;                      // folds to a constant (no field reads)

  ExprPtr Clone() const;
};

ExprPtr MakeLiteral(Literal lit, Span span);
ExprPtr MakeBinary(BinaryOp op, ExprPtr a, ExprPtr b, Span span);

// ---------------------------------------------------------------------------------------------
// Declarations and rules

struct TypeRef {
  std::string name;  // "string", "domain", ...
  std::string arg;   // for parameterized types, e.g. list<domain>
  Span span;
};

struct Import {
  std::string path;
  Span span;
};

struct ListDecl {
  std::string name;
  Span name_span;
  Span span;
  TypeRef type;
  bool tenant = false;          // `tenant list`: values come from each tenant's configuration
  std::vector<ExprPtr> entries;  // inline entries (literals), default entries for tenant lists
  std::string from_file;        // `list x: t from "file"`
  Span from_span;
};

struct Param {
  std::string name;
  Span span;
  TypeRef type;
};

struct MacroDecl {
  std::string name;
  Span name_span;
  Span span;
  bool has_params = false;
  std::vector<Param> params;
  ExprPtr body;
};

struct MetaValue {
  enum class Kind : uint8_t { kString, kName, kInt, kFloat, kBool, kList };
  Kind kind = Kind::kString;
  std::string text;  // string (unescaped), name, or the source text of a number
  int64_t i = 0;
  double f = 0;
  bool b = false;
  std::vector<MetaValue> list;
  Span span;
};

struct MetaEntry {
  std::string key;
  Span key_span;
  Span span;
  MetaValue value;
};

struct EventRef {
  std::string name;
  Span span;
};

struct EvidenceItem {
  std::string name;  // explicit `name:` or the source text of a field path
  Span name_span;
  bool named = false;
  ExprPtr expr;
};

struct Aggregate {
  std::vector<ExprPtr> by;
  int64_t window_ms = 0;
  Span window_span;
  std::string mode = "sliding";  // "sliding" or "tumbling"
  Span mode_span;
  ExprPtr having;
  Span span;
};

struct Step {
  bool absent = false;
  std::string name;
  Span name_span;
  std::vector<EventRef> types;
  ExprPtr where;
  Span span;
};

struct Sequence {
  std::vector<ExprPtr> by;
  int64_t within_ms = 0;
  Span within_span;
  std::vector<Step> steps;
  Span span;
};

struct Suppress {
  std::vector<ExprPtr> by;
  int64_t for_ms = 0;
  Span span;
};

// How an exception field compares with the exception's values.
enum class ExceptOp : uint8_t { kEq, kContains, kIContains, kStartsWith, kIStartsWith, kEndsWith, kIEndsWith, kLike, kILike, kIn };
std::string_view ExceptOpText(ExceptOp op);

struct ExceptField {
  ExprPtr field;
  ExceptOp op = ExceptOp::kEq;
  bool explicit_op = false;
  Span span;
};

struct Exception {
  std::string name;
  Span name_span;
  std::vector<ExceptField> fields;
  bool has_values = false;
  std::vector<std::vector<Literal>> values;  // each tuple has fields.size() literals
  std::vector<Span> value_spans;
  Span span;
};

// A value in a test event: a literal, an array of values, or a record of fields.
struct TestValue {
  enum class Kind : uint8_t { kLiteral, kArray, kRecord };
  Kind kind = Kind::kLiteral;
  Literal lit;
  std::vector<TestValue> items;                             // kArray
  std::vector<std::pair<std::string, TestValue>> fields;    // kRecord
  std::vector<Span> field_spans;                            // kRecord
  Span span;

  // Defined out of line: clang with libstdc++ cannot check std::pair<std::string, TestValue>'s
  // default constructor while TestValue's own implicit one is still being defined.
  TestValue();
};

struct TestField {
  std::string path;
  Span path_span;
  TestValue value;
};

struct TestItem {
  enum class Kind : uint8_t { kSet, kEvent, kExpect };
  Kind kind = Kind::kEvent;
  Span span;
  // kSet: $list = [entries]
  std::string list;
  std::vector<ExprPtr> entries;
  // kEvent
  std::string event_type;
  Span type_span;
  int64_t repeat = 1;
  int64_t every_ms = 0;
  std::vector<TestField> fields;
  // kExpect: count = -1 means "match" (at least one), 0 means "no match", n means n alerts
  int64_t expect_count = -1;
};

struct TestCase {
  std::string name;
  Span name_span;
  Span span;
  std::vector<TestItem> items;
};

// Rule clauses in source order (for the formatter and duplicate checks).
enum class ClauseKind : uint8_t { kMeta, kOn, kWhen, kAggregate, kSequence, kEvidence, kSuppress, kExcept, kTest };
struct ClauseRef {
  ClauseKind kind;
  size_t index;  // into meta, exceptions or tests for those kinds; 0 otherwise
  Span span;
};

struct Rule {
  std::string id;
  Span id_span;
  Span span;
  std::vector<MetaEntry> meta;
  std::vector<EventRef> on;
  Span on_span;
  ExprPtr when;
  Span when_span;
  std::optional<Aggregate> aggregate;
  std::optional<Sequence> sequence;
  std::vector<EvidenceItem> evidence;
  Span evidence_span;
  std::optional<Suppress> suppress;
  std::vector<Exception> exceptions;
  std::vector<TestCase> tests;
  std::vector<ClauseRef> clauses;

  const MetaEntry* FindMeta(std::string_view key) const;
};

struct Comment {
  Span span;
  std::string text;
  bool own_line = true;  // nothing but whitespace before it on its line
};

enum class ItemKind : uint8_t { kImport, kList, kMacro, kRule };
struct ItemRef {
  ItemKind kind;
  size_t index;
  Span span;
};

// One parsed source file.
struct File {
  uint32_t file_id = 0;
  std::vector<Import> imports;
  std::vector<ListDecl> lists;
  std::vector<MacroDecl> macros;
  std::vector<Rule> rules;
  std::vector<ItemRef> items;  // every top-level item in source order
  std::vector<Comment> comments;
};

}  // namespace vigil::ast

// expr_checker.h: name resolution, macro expansion and type checking of one expression in a
// rule context. Rewrites the expression in place (kName -> kField/kVar/..., macro uses -> their
// bodies) and annotates every node with its type. Errors go to the sink; a node that failed
// gets Type::Error() so no follow-on error is reported for it.
#pragma once

#include <string>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/base/diagnostics.h"
#include "compiler/sema/scope.h"

namespace vigil::sema {

struct StepInfo {
  std::string name;
  schema::EventMask events = 0;
};

// Where an expression is evaluated.
struct ExprContext {
  schema::EventMask events = 0;  // 0: a macro body checked on its own (no event-type checks)
  uint32_t file = 0;             // its file's imports decide which lists and macros it sees
  bool aggregates = false;       // count(), distinct(), sum(), min(), max() allowed
  bool history = false;          // first_seen(), prevalence() allowed
  const std::vector<StepInfo>* steps = nullptr;  // sequence steps usable as `step.field`
};

// Builtin call ids stored in Expr::callee (stdlib overloads use their registry index >= 0).
enum BuiltinCall : int {
  kCallNone = -1,
  kCallIp = -2,          // ip("::1"): constant constructor
  kCallCidr = -3,        // cidr("2001:db8::/32")
  kCallFirstSeen = -4,   // first_seen(keys...) over d -> bool
  kCallPrevalence = -5,  // prevalence(keys...) over d -> int
  kCallDistinct = -6,    // distinct(x) -> int   (aggregate)
  kCallSum = -7,         // sum(x)               (aggregate)
  kCallMin = -8,         // min(x)               (aggregate)
  kCallMax = -9,         // max(x)               (aggregate)
};

class ExprChecker {
 public:
  ExprChecker(Scope& scope, compiler::DiagnosticSink& sink) : scope_(scope), sink_(sink) {}

  // Checks `e` (replacing it when it is a macro use) and returns its type.
  ast::Type Check(ast::ExprPtr& e, const ExprContext& ctx);
  // Checks `e` and requires a boolean; reports E0304 otherwise.
  void CheckCondition(ast::ExprPtr& e, const ExprContext& ctx, std::string_view what);
  // True when a history function was used since the last call to TakeUsedHistory().
  bool TakeUsedHistory() {
    const bool v = used_history_;
    used_history_ = false;
    return v;
  }

 private:
  struct Binding {
    std::string name;
    ast::Type type;  // element type: kRecord or a scalar
    int id;
  };
  struct MacroArg {
    std::string name;
    const ast::Expr* value;
  };

  ast::Type CheckNode(ast::ExprPtr& e, const ExprContext& ctx);
  ast::Type Name(ast::ExprPtr& e, const ExprContext& ctx);
  ast::Type Member(ast::ExprPtr& e, const ExprContext& ctx);
  ast::Type Field(ast::Expr& e, schema::FieldId f, const ExprContext& ctx);
  ast::Type Index(ast::Expr& e, const ExprContext& ctx);
  ast::Type Quantifier(ast::Expr& e, const ExprContext& ctx);
  ast::Type ListRef(ast::Expr& e, const ExprContext& ctx);
  ast::Type ListLiteral(ast::Expr& e, const ExprContext& ctx);
  ast::Type Unary(ast::Expr& e, const ExprContext& ctx);
  ast::Type Binary(ast::Expr& e, const ExprContext& ctx);
  ast::Type Logical(ast::Expr& e);
  ast::Type Compare(ast::Expr& e);
  ast::Type Arith(ast::Expr& e);
  ast::Type In(ast::Expr& e);
  ast::Type StringOp(ast::Expr& e);
  ast::Type Call(ast::ExprPtr& e, const ExprContext& ctx);
  ast::Type Builtin(ast::Expr& e, const ExprContext& ctx, int id);
  ast::Type Stdlib(ast::Expr& e, const ExprContext& ctx);
  ast::Type ExpandMacro(ast::ExprPtr& e, MacroEntry& m, const ExprContext& ctx);

  void CheckValueInSet(const ast::Expr& field, const ast::Expr& value);
  void CheckPatterns(const ast::Expr& rhs, bool regex);
  void UnknownName(const ast::Expr& e, std::string_view name, const ExprContext& ctx);
  const Binding* FindBinding(std::string_view name) const;
  ast::Type Fail(ast::Expr& e) {
    e.type = ast::Type::Error();
    return e.type;
  }

  Scope& scope_;
  compiler::DiagnosticSink& sink_;
  std::vector<Binding> bindings_;
  std::vector<std::vector<MacroArg>> macro_args_;
  int next_binding_ = 0;
  bool used_history_ = false;
};

// Type relations shared by the checkers.
bool Assignable(const ast::Type& from, const ast::Type& to);
bool Comparable(const ast::Type& a, const ast::Type& b);
// The type of a test or exception literal, or of a constant.
ast::Type LiteralType(const ast::Literal& lit);
// Parses a parameter type name ("string", "domain", "list<domain>"); false when unknown.
bool TypeFromRef(const ast::TypeRef& ref, ast::Type* out);
// Literal `lit` fits a value of scalar type `t` (strings fit email/domain/ip/cidr if they parse).
bool LiteralFits(const ast::Literal& lit, schema::ScalarType t);

}  // namespace vigil::sema

// rule_checker.h: checks one rule: metadata, event types, condition, stateful clauses,
// evidence, templates, suppression, exceptions and embedded tests; produces the sema::Rule.
#pragma once

#include "compiler/ast/ast.h"
#include "compiler/base/diagnostics.h"
#include "compiler/sema/expr_checker.h"
#include "compiler/sema/pack.h"
#include "compiler/sema/scope.h"

namespace vigil::sema {

class RuleChecker {
 public:
  RuleChecker(Scope& scope, compiler::DiagnosticSink& sink)
      : scope_(scope), sink_(sink), exprs_(scope, sink) {}

  // Checks `rule` (declared in file `file`) and returns its checked form.
  Rule Check(const ast::Rule& rule, uint32_t file);
  // Checks a macro body on its own (parameters typed as declared; no event-type checks).
  void CheckMacroBody(const ast::MacroDecl& macro, uint32_t file);

 private:
  void Metadata(const ast::Rule& ast, Rule& out);
  void MetaString(const ast::MetaEntry& m, std::string* out);
  void MetaStrings(const ast::MetaEntry& m, std::vector<std::string>* out);
  void Structure(const ast::Rule& ast);
  schema::EventMask EventTypes(const std::vector<ast::EventRef>& refs);
  void Condition(const ast::Rule& ast, Rule& out, uint32_t file);
  void AggregateClause(const ast::Rule& ast, Rule& out, uint32_t file);
  void SequenceClause(const ast::Rule& ast, Rule& out, uint32_t file);
  void EvidenceClause(const ast::Rule& ast, Rule& out, const ExprContext& ctx);
  void Templates(const ast::Rule& ast, const Rule& out);
  void CheckTemplate(const ast::MetaEntry& m, const Rule& out);
  void SuppressClause(const ast::Rule& ast, Rule& out, const ExprContext& ctx);
  void Exceptions(const ast::Rule& ast, Rule& out, const ExprContext& ctx);
  void Tests(const ast::Rule& ast, Rule& out);
  ExprContext BaseContext(const Rule& out, uint32_t file) const;
  // Reports what a state-computed expression (having, stateful evidence) cannot hold.
  void CheckStateExpr(const ast::Expr& e, std::string_view where);

  Scope& scope_;
  compiler::DiagnosticSink& sink_;
  ExprChecker exprs_;
  std::vector<StepInfo> steps_;
};

}  // namespace vigil::sema

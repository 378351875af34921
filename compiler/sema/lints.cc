// lints.cc: pack-wide warnings.
#include "compiler/sema/lints.h"

#include <fmt/format.h>

namespace vigil::sema {

using ast::BinaryOp;
using ast::Expr;
using ast::ExprKind;
using compiler::DiagCode;

namespace {

bool SameLiteral(const ast::Literal& a, const ast::Literal& b) {
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case ast::LiteralKind::kString: return a.s == b.s;
    case ast::LiteralKind::kFloat: return a.f == b.f;
    case ast::LiteralKind::kBool: return a.b == b.b;
    case ast::LiteralKind::kIp: return a.ip == b.ip;
    case ast::LiteralKind::kCidr: return a.cidr == b.cidr;
    case ast::LiteralKind::kNull: return true;
    default: return a.i == b.i;
  }
}

}  // namespace

std::optional<bool> FoldConstantBool(const Expr& e) {
  switch (e.kind) {
    case ExprKind::kLiteral:
      if (e.lit.kind == ast::LiteralKind::kBool) return e.lit.b;
      return std::nullopt;
    case ExprKind::kUnary: {
      if (e.uop != ast::UnaryOp::kNot) return std::nullopt;
      auto v = FoldConstantBool(*e.args[0]);
      if (!v) return std::nullopt;
      return !*v;
    }
    case ExprKind::kBinary: {
      if (e.bop == BinaryOp::kAnd || e.bop == BinaryOp::kOr) {
        const auto a = FoldConstantBool(*e.args[0]), b = FoldConstantBool(*e.args[1]);
        const bool is_and = e.bop == BinaryOp::kAnd;
        // A known dominating operand decides: false for and, true for or.
        if ((a && *a != is_and) || (b && *b != is_and)) return !is_and;
        if (a && b) return is_and;
        return std::nullopt;
      }
      if ((e.bop == BinaryOp::kEq || e.bop == BinaryOp::kNe) &&
          e.args[0]->kind == ExprKind::kLiteral && e.args[1]->kind == ExprKind::kLiteral &&
          e.args[0]->lit.kind != ast::LiteralKind::kNull &&
          e.args[1]->lit.kind != ast::LiteralKind::kNull) {
        const bool same = SameLiteral(e.args[0]->lit, e.args[1]->lit);
        return e.bop == BinaryOp::kEq ? same : !same;
      }
      return std::nullopt;
    }
    default:
      return std::nullopt;
  }
}

void RunLints(const Pack& pack, Scope& scope, const std::set<uint32_t>& skip_files,
              compiler::DiagnosticSink& sink) {
  for (const List& l : pack.lists) {
    if (!l.used && !skip_files.count(l.file)) {
      sink.Report(DiagCode::kW0501, l.span, fmt::format("list `${}` is never used", l.name));
    }
  }
  for (const auto& [name, entry] : scope.macros()) {
    if (!entry.used && !skip_files.count(entry.file)) {
      sink.Report(DiagCode::kW0502, entry.decl->name_span, fmt::format("macro `{}` is never used", name));
    }
  }
  for (const Rule& r : pack.rules) {
    if (r.condition && !r.condition->type.is_error()) {
      if (const auto v = FoldConstantBool(*r.condition)) {
        sink.Report(*v ? DiagCode::kW0503 : DiagCode::kW0504, r.ast->when->span,
                    fmt::format("the condition of `{}` is always {}", r.id, *v ? "true" : "false"));
      }
    }
    if (!r.condition && !r.aggregate && !r.sequence && r.events != 0) {
      sink.Report(DiagCode::kW0507, r.ast->id_span,
                  fmt::format("rule `{}` has no `when` condition: it alerts on every event of its types",
                              r.id))
          .help = "add a condition, or silence W0507 if that is intended";
    }
  }
}

}  // namespace vigil::sema

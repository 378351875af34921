// call_sites.cc: preparing stdlib call sites and numbering history sites of a pack.
#include "interp/call_sites.h"

#include "compiler/sema/expr_checker.h"

namespace vigil::interp {

using schema::Datum;

Datum LiteralDatum(const ast::Literal& lit) {
  using K = ast::LiteralKind;
  switch (lit.kind) {
    case K::kBool:
      return Datum::Bool(lit.b);
    case K::kInt:
      return Datum::Int(lit.i);
    case K::kFloat:
      return Datum::Float(lit.f);
    case K::kString:
      return Datum::String(lit.s);
    case K::kDuration:
      return Datum::Duration(lit.i);
    case K::kTimestamp:
      return Datum::Timestamp(lit.i);
    case K::kIp:
      return Datum::Ip(lit.ip);
    case K::kCidr:
      return Datum::Cidr(lit.cidr);
    case K::kNull:
      break;
  }
  return Datum::Null(schema::ScalarType::kBool);
}

CallSites::CallSites(const sema::Pack& pack) {
  // Every expression the runtime evaluates through the interpreter: conditions, sequence step
  // conditions, aggregate keys and `having`, evidence and suppression keys. History calls only
  // occur in conditions, so their numbering is unchanged by the others.
  for (const sema::Rule& rule : pack.rules) {
    if (rule.condition) Walk(*rule.condition);
    if (rule.sequence) {
      for (const sema::Step& step : rule.sequence->steps) {
        if (step.where) Walk(*step.where);
      }
      for (const ast::ExprPtr& k : rule.sequence->by) Walk(*k);
    }
    if (rule.aggregate) {
      for (const ast::ExprPtr& k : rule.aggregate->by) Walk(*k);
      if (rule.aggregate->having) Walk(*rule.aggregate->having);
    }
    for (const sema::Evidence& ev : rule.evidence) {
      if (ev.expr) Walk(*ev.expr);
    }
    for (const ast::ExprPtr& k : rule.suppress_by) Walk(*k);
  }
}

CallSites::~CallSites() = default;

void CallSites::Walk(const ast::Expr& e) {
  if (e.kind == ast::ExprKind::kCall) {
    if (e.callee >= 0) {
      PrepareStdlib(e);
    } else if (e.callee == sema::kCallFirstSeen || e.callee == sema::kCallPrevalence) {
      history_.emplace(&e, static_cast<uint32_t>(history_.size()));
    }
  }
  for (const ast::ExprPtr& a : e.args) {
    if (a) Walk(*a);
  }
}

void CallSites::PrepareStdlib(const ast::Expr& call) {
  const auto& defs = stdlib::Registry::Get().all();
  if (static_cast<size_t>(call.callee) >= defs.size()) return;
  const stdlib::FunctionDef& def = defs[call.callee];
  std::vector<Datum> consts;
  for (size_t i = 0; i < call.args.size(); ++i) {
    const ast::Expr& a = *call.args[i];
    const bool literal = stdlib::IsConstParam(def, i) && a.kind == ast::ExprKind::kLiteral;
    consts.push_back(literal ? LiteralDatum(a.lit) : Datum::Null(a.type.scalar));
  }
  std::string error;
  auto prepared = stdlib::PreparedCall::Prepare(def, consts, &error);
  if (prepared == nullptr) errors_.push_back(std::string(def.name) + ": " + error);
  stdlib_.emplace(&call, std::move(prepared));
}

const stdlib::PreparedCall* CallSites::Stdlib(const ast::Expr& call) const {
  auto it = stdlib_.find(&call);
  return it == stdlib_.end() ? nullptr : it->second.get();
}

uint32_t CallSites::HistorySite(const ast::Expr& call) const {
  auto it = history_.find(&call);
  return it == history_.end() ? 0 : it->second;
}

}  // namespace vigil::interp

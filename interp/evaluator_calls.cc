// evaluator_calls.cc: function calls of the reference interpreter: stdlib functions through
// their prepared call sites, the ip()/cidr() constructors, and first_seen()/prevalence()
// through the tenant's HistoryProvider.
#include "compiler/sema/expr_checker.h"
#include "interp/evaluator.h"
#include "stdlib/lists/typed_lists.h"
#include "stdlib/value_print.h"

namespace vigil::interp {

using ast::Expr;

Value Evaluator::Call(const Expr& e) {
  switch (e.callee) {
    case sema::kCallIp:
    case sema::kCallCidr: {
      const std::string& text = e.args.empty() ? std::string() : e.args[0]->lit.s;
      if (e.callee == sema::kCallIp) {
        if (const auto ip = base::ParseIp(text)) return Value::Scalar(Datum::Ip(*ip));
      } else if (const auto net = base::ParseCidr(text)) {
        return Value::Scalar(Datum::Cidr(*net));
      }
      return Value::NullOf(e.type);
    }
    case sema::kCallFirstSeen:
    case sema::kCallPrevalence:
      return History(e);
    default:
      return e.callee >= 0 ? Stdlib(e) : Value::NullOf(e.type);
  }
}

Datum Evaluator::ListArg(const Expr& arg, const Value& v, const stdlib::TypeSpec& param) {
  const schema::ListValue* list = nullptr;
  std::string error;
  if (v.kind == Value::Kind::kList && v.list->value != nullptr) {
    list = v.list->value;
  } else if (v.kind == Value::Kind::kList && arg.constant) {
    std::unique_ptr<schema::ListValue>& built = const_lists_[&arg];
    if (built == nullptr) built = stdlib::BuildInlineList(param, v.list->items, &error);
    list = built.get();
  } else if (v.kind == Value::Kind::kList || (v.kind == Value::Kind::kArray && !v.null())) {
    const std::span<const Datum> items = v.kind == Value::Kind::kList ? v.list->items : v.d.elems;
    row_lists_.push_back(stdlib::BuildInlineList(param, items, &error));
    list = row_lists_.back().get();
  }
  Datum d = Datum::Null(param.scalar);
  d.valid = list != nullptr;
  d.list = list;
  return d;
}

Value Evaluator::Stdlib(const Expr& e) {
  const stdlib::PreparedCall* call = calls_.Stdlib(e);
  if (call == nullptr) return Value::NullOf(e.type);
  const stdlib::FunctionDef& def = call->def();
  std::vector<Datum> args;
  if (def.params.empty() && !e.args.empty()) return Value::NullOf(e.type);
  for (size_t i = 0; i < e.args.size(); ++i) {
    const stdlib::TypeSpec& param = def.params[std::min(i, def.params.size() - 1)];
    const Value v = Eval(*e.args[i]);
    args.push_back(param.kind == stdlib::TypeSpec::Kind::kList ? ListArg(*e.args[i], v, param)
                                                               : v.d);
  }
  Datum out;
  call->Eval(args, ctx_, &out);
  Value result = Value::NullOf(e.type);
  if (out.valid) result.d = out;
  return result;
}

Value Evaluator::History(const Expr& e) {
  const Value null = Value::NullOf(e.type);
  columnar::HistoryProvider* history = tenant_->history;
  const Datum ts = reader_->Scalar(schema::FieldId::kTs);
  std::string keys;
  bool any_null = !ts.valid || !e.over_ms;
  for (size_t i = 0; i < e.args.size(); ++i) {
    const Value k = Eval(*e.args[i]);
    any_null = any_null || k.null();
    if (i > 0) keys += kHistoryKeySeparator;
    if (!k.null()) keys += stdlib::FormatDatum(k.d);
  }
  if (history == nullptr || any_null) return null;
  const uint32_t site = calls_.HistorySite(e);
  if (e.callee == sema::kCallFirstSeen) {
    return Value::Bool(history->FirstSeen(site, keys, ts.i, *e.over_ms));
  }
  return Value::Scalar(Datum::Int(history->Prevalence(site, keys, ts.i, *e.over_ms)));
}

}  // namespace vigil::interp

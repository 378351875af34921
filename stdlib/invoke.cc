// invoke.cc: prepare-once / eval-per-row calling convention shared by every caller.
#include "stdlib/invoke.h"

#include <vector>

namespace vigil::stdlib {

bool IsConstParam(const FunctionDef& def, size_t index) {
  if (def.params.empty()) return false;
  if (index >= def.params.size()) index = def.params.size() - 1;
  return (def.const_params >> index) & 1u;
}

std::unique_ptr<PreparedCall> PreparedCall::Prepare(const FunctionDef& def,
                                                    std::span<const Datum> args,
                                                    std::string* error) {
  std::unique_ptr<PreparedCall> call(new PreparedCall(def));
  if (def.prepare == nullptr) return call;
  std::vector<Datum> consts(args.size());
  for (size_t i = 0; i < args.size(); ++i) {
    consts[i] = IsConstParam(def, i) ? args[i] : Datum::Null(args[i].type);
  }
  std::string message;
  call->state_ = def.prepare(consts, &message);
  if (call->state_ == nullptr) {
    if (error != nullptr) *error = message.empty() ? "invalid constant argument" : message;
    return nullptr;
  }
  return call;
}

void PreparedCall::Eval(std::span<const Datum> args, EvalContext& ctx, Datum* out) const {
  if (!def_->null_aware) {
    for (const Datum& a : args) {
      if (!a.valid) {
        *out = Datum::Null(def_->result.scalar);
        return;
      }
    }
  }
  def_->eval(args, state_.get(), ctx, out);
}

bool CallFunction(const FunctionDef& def, std::span<const Datum> args, EvalContext& ctx, Datum* out,
                  std::string* error) {
  auto call = PreparedCall::Prepare(def, args, error);
  if (call == nullptr) return false;
  call->Eval(args, ctx, out);
  return true;
}

}  // namespace vigil::stdlib

// invoke.h: calling one FunctionDef on Datums exactly as the VM and the reference interpreter
// do (constant arguments to prepare once, null propagation, then eval). Used by constant
// folding, the example tests and the benchmarks.
#pragma once

#include <memory>
#include <span>
#include <string>

#include "stdlib/registry.h"

namespace vigil::stdlib {

// One call site: a FunctionDef plus the state its prepare function built.
class PreparedCall {
 public:
  // Runs def.prepare (when present) on the constant arguments: args[i] for every parameter
  // whose const_params bit is set, a null Datum elsewhere. Returns nullptr and sets *error
  // when prepare rejects them.
  static std::unique_ptr<PreparedCall> Prepare(const FunctionDef& def, std::span<const Datum> args,
                                               std::string* error);

  // Evaluates one row: a null argument gives a null result unless def.null_aware.
  void Eval(std::span<const Datum> args, EvalContext& ctx, Datum* out) const;

  const FunctionDef& def() const { return *def_; }

 private:
  explicit PreparedCall(const FunctionDef& def) : def_(&def) {}
  const FunctionDef* def_;
  std::unique_ptr<FnState> state_;
};

// True when parameter `index` of def (variadic tails repeat the last bit) must be constant.
bool IsConstParam(const FunctionDef& def, size_t index);

// Prepare + Eval in one step; false with *error when prepare fails.
bool CallFunction(const FunctionDef& def, std::span<const Datum> args, EvalContext& ctx, Datum* out,
                  std::string* error);

}  // namespace vigil::stdlib

// registry.h: the standard library's function table. One row per overload carries the
// signature (for the type checker), the documentation and a tested example (for docs/stdlib.md
// and `vigil functions`), and the implementation (for the VM and the reference interpreter).
// A function is written once as a scalar routine over Datums; the VM vectorizes it (once per
// distinct value of a dictionary-encoded input, else per selected row).
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "schema/datum.h"
#include "vm/columnar/arena.h"

namespace vigil::stdlib {

using schema::Datum;
using schema::ScalarType;

// The type of a parameter or result.
struct TypeSpec {
  enum class Kind : uint8_t { kScalar, kArray, kList };
  Kind kind = Kind::kScalar;
  ScalarType scalar = ScalarType::kString;
  // "string", "array<string>", "list<domain>"
  std::string ToString() const;
  bool operator==(const TypeSpec&) const = default;
};
TypeSpec Scalar(ScalarType t);
TypeSpec ArrayOf(ScalarType t);
TypeSpec ListOf(ScalarType t);

// State prepared once per call site from its constant arguments (a compiled regex, a time
// zone). Owned by the compiled program / interpreter.
struct FnState {
  virtual ~FnState() = default;
};

// Everything a function may use while evaluating one value.
struct EvalContext {
  columnar::Arena* arena = nullptr;    // output strings and arrays are allocated here
  std::string_view time_zone = "UTC";  // the tenant's IANA time zone
  int64_t now_ms = 0;                  // event time of the row being evaluated, when relevant
};

// Validates constant arguments (null entries for non-constant parameters) and builds the
// call site's state. Returns nullptr and sets *error (a one-line message) when invalid.
using PrepareFn = std::unique_ptr<FnState> (*)(std::span<const Datum> const_args,
                                               std::string* error);
// Computes *out from args. Never throws, never reads past its inputs, linear time in their
// size. A per-row failure (bad base64, unparsable URL) yields a null *out.
using EvalFn = void (*)(std::span<const Datum> args, const FnState* state, EvalContext& ctx,
                        Datum* out);

struct FunctionDef {
  std::string_view name;
  std::vector<TypeSpec> params;
  TypeSpec result;
  uint32_t const_params = 0;        // bit i: parameter i must be a compile-time constant
  bool null_aware = false;          // false: any null argument gives null without calling eval
  std::string_view family;          // "string", "regex", "email", "domain", ...
  std::string_view doc;             // one sentence
  std::string_view example;         // a vigil expression using the function
  std::string_view example_result;  // the example's value as vigil prints it
  PrepareFn prepare = nullptr;
  EvalFn eval = nullptr;
  std::vector<std::string_view> param_names;  // one per parameter, for signatures and docs
  bool variadic = false;                      // the last parameter may repeat: concat(a, b, c, ...)
};

// True when an argument of type `arg` may be passed to a parameter of type `param`: equal
// types; a string-like value (email, domain) to a string parameter (also inside arrays and
// lists); an int to a float parameter.
bool ParamAccepts(const TypeSpec& param, const TypeSpec& arg);

// "name(a: string, b: int) -> bool"; a variadic tail prints as "b: string...".
std::string Signature(const FunctionDef& def);

class Registry {
 public:
  // The process-wide registry with every family registered.
  static const Registry& Get();

  // Overloads of `name` in registration order (empty when unknown).
  std::vector<const FunctionDef*> Overloads(std::string_view name) const;
  const std::vector<FunctionDef>& all() const { return defs_; }
  std::vector<std::string> Names() const;

  void Add(FunctionDef def) { defs_.push_back(std::move(def)); }

 private:
  std::vector<FunctionDef> defs_;
};

}  // namespace vigil::stdlib

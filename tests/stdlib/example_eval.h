// example_eval.h: a test-only evaluator for stdlib calls written in vigil literal syntax
// ("lower(\"ABC\")", "in_cidr(10.1.2.3, 10.0.0.0/8)", nested calls such as ip("::1")), used
// to check every registry example and to write compact tests. Not a language front end: it
// knows literals, inline lists and calls, nothing else.
#pragma once

#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "stdlib/invoke.h"
#include "stdlib/lists/list_value.h"
#include "stdlib/registry.h"
#include "vm/columnar/arena.h"

namespace vigil::stdlib::testing {

class ExampleEvaluator {
 public:
  ExampleEvaluator();

  // Evaluates `text`; with `def` set, the top-level call must use that overload. Returns
  // false with *error on a parse error, no matching overload or a prepare failure.
  bool Eval(std::string_view text, const FunctionDef* def, Datum* out, std::string* error);

  // Parses a call written for `def` and binds its literal arguments to def's parameters
  // (inline lists become lists for list parameters); nothing is evaluated at the top level.
  bool ParseArgs(std::string_view text, const FunctionDef& def, std::vector<Datum>* args,
                 std::string* error);

  // Calls the first overload of `name` whose parameters accept the arguments' types (a
  // Datum with `list` set is a list, `is_array` an array). False with *error otherwise.
  bool Call(std::string_view name, std::vector<Datum> args, Datum* out, std::string* error);
  // Call, aborting the test binary when no overload fits or prepare fails.
  Datum MustCall(std::string_view name, std::vector<Datum> args);

  // Eval, then the result printed in literal syntax (or "error: ..." on failure).
  std::string Run(std::string_view text);

  EvalContext& ctx() { return ctx_; }

 private:
  struct Value {
    Datum datum;
    TypeSpec type;
    bool is_inline_list = false;
    bool is_null_literal = false;
  };
  bool ParseValue(std::string_view s, size_t* pos, Value* out, std::string* error);
  bool ParseWord(std::string_view word, Value* out, std::string* error);
  bool ParseCall(std::string_view s, size_t* pos, std::string_view name, const FunctionDef* def,
                 Value* out, std::string* error);
  bool Bind(const FunctionDef& def, std::vector<Value>& args, std::vector<Datum>* datums,
            std::string* error);

  columnar::Arena arena_;
  EvalContext ctx_;
  std::deque<std::string> strings_;
  std::deque<std::vector<Datum>> arrays_;
  std::vector<std::unique_ptr<schema::ListValue>> lists_;
};

}  // namespace vigil::stdlib::testing

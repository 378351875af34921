// string_ops.h: the string operators of the reference interpreter (contains, starts_with,
// ends_with, like, matches and their i-forms), evaluated by calling the stdlib's own functions
// (contains/icontains, ..., like/ilike, regex_search/iregex_search) so that the interpreter,
// the VM's fused pattern scans and the stdlib agree by construction.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "compiler/ast/ast.h"
#include "stdlib/invoke.h"

namespace vigil::interp {

// A string operator without its case variant.
enum class StringOp : uint8_t { kContains, kStartsWith, kEndsWith, kLike, kMatches };

// The base operator of a string BinaryOp, and whether the op is an i-form.
StringOp BaseStringOp(ast::BinaryOp op);
bool IsCaselessForm(ast::BinaryOp op);

class StringMatcher {
 public:
  StringMatcher();

  // True when `text` matches `pattern` under op, folding case when `caseless` (ASCII for the
  // literal operators and like; RE2 case folding for matches). False when the stdlib function
  // is not registered or rejects the pattern (an invalid regex in a tenant's list); such
  // failures are counted in failures().
  bool Match(StringOp op, bool caseless, std::string_view text, std::string_view pattern);

  size_t failures() const { return failures_; }

 private:
  // The prepared call for (function, pattern), prepared on first use; null when invalid.
  const stdlib::PreparedCall* Prepared(const stdlib::FunctionDef& def, std::string_view pattern);

  static constexpr int kOps = 5;
  const stdlib::FunctionDef* defs_[kOps][2] = {};  // [op][caseless]
  std::map<std::pair<const stdlib::FunctionDef*, std::string>,
           std::unique_ptr<stdlib::PreparedCall>>
      prepared_;
  size_t failures_ = 0;
};

}  // namespace vigil::interp

// gen_expr.h: the differential test's generated expressions: a tree whose nodes render to
// vigil source text, remember the variables they read, and can be shrunk (a condition replaced
// by one of its sub-conditions) to minimize a failing rule. Part of tests/diff.
#pragma once

#include <cstdint>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "schema/types.h"

namespace vigil::difftest {

// A generated expression. A leaf's `text` is its source; an inner node's `text` is a template
// in which "\x01" followed by a digit stands for the rendered child of that index (literals are
// always leaves, so templates never contain user bytes). `binds` names the variable an
// inner node (a quantifier) binds for children 1.. ("" for other nodes); `var` names the
// variable a leaf reads ("" when none).
struct GenExpr {
  schema::ScalarType type = schema::ScalarType::kBool;
  bool condition = false;  // a boolean condition (the shrinker may replace it)
  std::string text;
  std::vector<GenExpr> kids;
  std::string binds;
  std::string var;
  int field = -1;  // a leaf naming a field (or a variable's member): its schema::FieldId

  static GenExpr Leaf(schema::ScalarType t, std::string text, std::string var = "");
  static GenExpr Node(schema::ScalarType t, std::string tmpl, std::vector<GenExpr> kids);
  static GenExpr Cond(std::string tmpl, std::vector<GenExpr> kids);

  std::string Render() const;
  // Variables read below this node and not bound inside it.
  std::set<std::string> FreeVars() const;
  size_t Size() const;
};

// "\x01" + index: the placeholder of child `i` in a template.
std::string Kid(int i);

// The conditions a condition tree can shrink to, one edit each: every condition node (whose
// free variables are bound where it would go) replaced by `true`, `false` or one of its
// descendant conditions. Smaller candidates first.
std::vector<GenExpr> ShrinkCandidates(const GenExpr& root);

// A seeded random source with the few draws the generators need.
class Rng {
 public:
  explicit Rng(uint64_t seed) : engine_(seed) {}
  // Uniform in [0, n); n > 0.
  uint64_t Below(uint64_t n) { return std::uniform_int_distribution<uint64_t>(0, n - 1)(engine_); }
  int64_t Range(int64_t lo, int64_t hi) {
    return std::uniform_int_distribution<int64_t>(lo, hi)(engine_);
  }
  bool Chance(double p) { return std::uniform_real_distribution<double>(0, 1)(engine_) < p; }
  template <typename T>
  const T& Pick(const std::vector<T>& v) {
    return v[Below(v.size())];
  }
  uint64_t Next() { return engine_(); }

 private:
  std::mt19937_64 engine_;
};

}  // namespace vigil::difftest

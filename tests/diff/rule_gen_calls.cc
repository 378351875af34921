// rule_gen_calls.cc: stdlib calls with arguments that fit the registry's signatures: scalar
// arguments of the parameter's type, list arguments ($lists, inline lists, arrays), and
// constant parameters chosen from valid values (checked with the function's prepare step).
#include <algorithm>

#include "stdlib/invoke.h"
#include "tests/diff/rule_gen.h"

namespace vigil::difftest {

using schema::ScalarType;
using stdlib::TypeSpec;

namespace {

// Functions rules can call: not the ip()/cidr() constructors (literal-only builtins), and not
// the functions named like string operators (`contains` and the rest are keywords).
bool Callable(const stdlib::FunctionDef& def) {
  static const std::vector<std::string_view> kSkipped = {
      "ip",           "cidr",      "contains",   "icontains", "starts_with",
      "istarts_with", "ends_with", "iends_with", "like",      "ilike"};
  if (std::find(kSkipped.begin(), kSkipped.end(), def.name) != kSkipped.end()) return false;
  if (def.eval == nullptr) return false;
  for (const TypeSpec& p : def.params) {
    if (p.kind == TypeSpec::Kind::kArray) return false;
  }
  return true;
}

const std::vector<std::string> kZones = {"UTC", "Europe/London", "Asia/Tokyo", "America/New_York",
                                         "Asia/Kolkata"};
const std::vector<std::string> kParts = {"year",   "month",       "day",     "hour",       "minute",
                                         "second", "millisecond", "weekday", "day_of_year"};
const std::vector<std::string> kClasses = {"digit",  "alpha",   "upper", "lower",     "alnum",
                                           "space",  "punct",   "hex",   "non_ascii", "executable",
                                           "script", "archive", "pdf",   "office",    "other"};

}  // namespace

std::optional<std::string> RuleGen::ConstArgument(const stdlib::FunctionDef& def, size_t i) {
  const size_t p = std::min(i, def.params.size() - 1);
  const std::string_view name = p < def.param_names.size() ? def.param_names[p] : "";
  const TypeSpec& param = def.params[p];
  if (param.scalar == ScalarType::kInt) return std::to_string(rng_.Below(3));
  if (param.scalar != ScalarType::kString) return std::nullopt;
  if (name == "zone") return rng_.Pick(kZones);
  if (name == "part") return rng_.Pick(kParts);
  if (name == "class") return rng_.Pick(kClasses);
  std::string s = pool_.strings.empty() ? RandomWord(rng_) : rng_.Pick(pool_.strings);
  if (name == "pattern") {
    s = def.name.find("like") != std::string_view::npos ? WildcardFrom(rng_, s)
                                                        : RegexFrom(rng_, s);
  }
  return s;
}

std::optional<GenExpr> RuleGen::ListArgument(const TypeSpec& param) {
  std::vector<std::string> kinds = {"string", "email", "domain"};
  if (param.scalar == ScalarType::kCidr) kinds = {"cidr"};
  const uint64_t k = rng_.Below(100);
  if (k < 40) {
    if (const GenList* l = PickList(kinds, true)) return GenExpr::Leaf(param.scalar, "$" + l->name);
  }
  if (k < 70 && param.scalar != ScalarType::kCidr) {
    ScalarType elem;
    schema::FieldId records;
    auto a = ArraySource(0, &elem, &records);
    if (a && records == schema::FieldId::kNone) return a;
  }
  const size_t n = 1 + rng_.Below(3);
  std::vector<GenExpr> items;
  std::string tmpl = "[";
  for (size_t i = 0; i < n; ++i) {
    tmpl += (i ? ", " : "") + Kid(static_cast<int>(i));
    ScalarType t = param.scalar;
    if (t == ScalarType::kCidr && rng_.Chance(0.5)) t = ScalarType::kIp;
    items.push_back(Literal(t));
  }
  return GenExpr::Node(param.scalar, tmpl + "]", std::move(items));
}

std::optional<GenExpr> RuleGen::Argument(const stdlib::FunctionDef& def, size_t i, int depth) {
  const TypeSpec& param = def.params[std::min(i, def.params.size() - 1)];
  if (param.kind == TypeSpec::Kind::kList) return ListArgument(param);
  ScalarType t = param.scalar;
  if (t == ScalarType::kString) t = rng_.Pick(StringTypes());
  if (t == ScalarType::kFloat && rng_.Chance(0.5)) t = ScalarType::kInt;
  if (t == ScalarType::kCidr) return Literal(t);
  return Value(t, depth - 1);
}

std::optional<GenExpr> RuleGen::CallOf(ScalarType t, int depth, bool array) {
  std::vector<const stdlib::FunctionDef*> fit;
  for (const stdlib::FunctionDef& def : stdlib::Registry::Get().all()) {
    const bool kind_ok = (def.result.kind == TypeSpec::Kind::kArray) == array;
    if (kind_ok && def.result.scalar == t && Callable(def)) fit.push_back(&def);
  }
  if (fit.empty()) return std::nullopt;
  const stdlib::FunctionDef& def = *rng_.Pick(fit);
  size_t n = def.params.size();
  if (def.variadic) n += rng_.Below(3);
  // Constant parameters first: retry until the function's prepare step accepts them.
  std::vector<std::optional<std::string>> consts(n);
  for (int attempt = 0; attempt < 20; ++attempt) {
    std::vector<schema::Datum> datums(n);
    bool any = false;
    for (size_t i = 0; i < n; ++i) {
      consts[i] = stdlib::IsConstParam(def, i) ? ConstArgument(def, i) : std::nullopt;
      any = any || consts[i].has_value();
    }
    if (!any || def.prepare == nullptr) break;
    for (size_t i = 0; i < n; ++i) {
      if (!consts[i]) continue;
      const bool is_int = def.params[std::min(i, def.params.size() - 1)].scalar == ScalarType::kInt;
      datums[i] =
          is_int ? schema::Datum::Int(std::stoll(*consts[i])) : schema::Datum::String(*consts[i]);
    }
    std::string error;
    if (def.prepare(datums, &error) != nullptr || error.empty()) break;
    if (attempt == 19) return std::nullopt;
  }
  std::vector<GenExpr> args;
  std::string tmpl = std::string(def.name) + "(";
  for (size_t i = 0; i < n; ++i) {
    tmpl += (i ? ", " : "") + Kid(static_cast<int>(i));
    if (consts[i]) {
      const ScalarType pt = def.params[std::min(i, def.params.size() - 1)].scalar;
      args.push_back(GenExpr::Leaf(pt, pt == ScalarType::kInt ? *consts[i] : Quote(*consts[i])));
      continue;
    }
    auto a = Argument(def, i, depth);
    if (!a) return std::nullopt;
    args.push_back(*a);
  }
  GenExpr e = GenExpr::Node(t, tmpl + ")", std::move(args));
  e.condition = t == ScalarType::kBool && !array;
  return e;
}

}  // namespace vigil::difftest

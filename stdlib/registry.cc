// registry.cc: the process-wide function table (every family registered once, on first use)
// and the signature helpers the type checker, the docs and `vigil functions` share.
#include "stdlib/registry.h"

#include <algorithm>
#include <set>

#include "base/check.h"
#include "stdlib/families.h"

namespace vigil::stdlib {

TypeSpec Scalar(ScalarType t) { return {TypeSpec::Kind::kScalar, t}; }
TypeSpec ArrayOf(ScalarType t) { return {TypeSpec::Kind::kArray, t}; }
TypeSpec ListOf(ScalarType t) { return {TypeSpec::Kind::kList, t}; }

std::string TypeSpec::ToString() const {
  const std::string name(schema::ScalarTypeName(scalar));
  switch (kind) {
    case Kind::kScalar:
      return name;
    case Kind::kArray:
      return "array<" + name + ">";
    case Kind::kList:
      return "list<" + name + ">";
  }
  return name;
}

bool ParamAccepts(const TypeSpec& param, const TypeSpec& arg) {
  if (param.kind != arg.kind) return false;
  if (param.scalar == arg.scalar) return true;
  if (param.scalar == ScalarType::kString && schema::IsStringLike(arg.scalar)) return true;
  return param.kind == TypeSpec::Kind::kScalar && param.scalar == ScalarType::kFloat &&
         arg.scalar == ScalarType::kInt;
}

std::string Signature(const FunctionDef& def) {
  std::string out(def.name);
  out += '(';
  for (size_t i = 0; i < def.params.size(); ++i) {
    if (i > 0) out += ", ";
    out += i < def.param_names.size() ? std::string(def.param_names[i]) : "arg" + std::to_string(i);
    out += ": ";
    out += def.params[i].ToString();
    if (def.variadic && i + 1 == def.params.size()) out += "...";
  }
  out += ") -> ";
  out += def.result.ToString();
  return out;
}

namespace {

// Every row must be complete: the docs, the CLI and the example tests rely on it.
void CheckRow(const FunctionDef& d) {
  VIGIL_CHECK_MSG(!d.name.empty() && d.eval != nullptr, d.name);
  VIGIL_CHECK_MSG(d.param_names.size() == d.params.size(), d.name);
  VIGIL_CHECK_MSG(!d.doc.empty() && !d.example.empty() && !d.example_result.empty(), d.name);
  VIGIL_CHECK_MSG(d.const_params == 0 || d.prepare != nullptr, d.name);
  VIGIL_CHECK_MSG(!d.family.empty(), d.name);
}

Registry* Build() {
  auto* r = new Registry();
  RegisterStrings(*r);
  RegisterRegex(*r);
  RegisterEmail(*r);
  RegisterDomains(*r);
  RegisterLookalikes(*r);
  RegisterUrls(*r);
  RegisterNetwork(*r);
  RegisterFiles(*r);
  RegisterTime(*r);
  RegisterLists(*r);
  for (const FunctionDef& d : r->all()) CheckRow(d);
  return r;
}

}  // namespace

const Registry& Registry::Get() {
  static const Registry* registry = Build();
  return *registry;
}

std::vector<const FunctionDef*> Registry::Overloads(std::string_view name) const {
  std::vector<const FunctionDef*> out;
  for (const FunctionDef& d : defs_) {
    if (d.name == name) out.push_back(&d);
  }
  return out;
}

std::vector<std::string> Registry::Names() const {
  std::set<std::string> names;
  for (const FunctionDef& d : defs_) names.emplace(d.name);
  return {names.begin(), names.end()};
}

}  // namespace vigil::stdlib

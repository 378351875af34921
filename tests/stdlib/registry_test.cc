// registry_test.cc: the function table's invariants and every documented example evaluated
// through its own row (the docs show exactly these examples and results).
#include "stdlib/registry.h"

#include <gtest/gtest.h>

#include <set>

#include "stdlib/families.h"
#include "stdlib/value_print.h"
#include "tests/stdlib/example_eval.h"

namespace vigil::stdlib {
namespace {

TEST(RegistryTest, EveryRowIsCompleteAndInAKnownFamily) {
  std::set<std::string_view> families;
  for (const FamilyInfo& f : Families()) families.insert(f.id);
  auto snake = [](std::string_view n) {  // [a-z][a-z0-9_]*
    if (n.empty() || n[0] < 'a' || n[0] > 'z') return false;
    return n.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") == std::string_view::npos;
  };
  for (const FunctionDef& d : Registry::Get().all()) {
    SCOPED_TRACE(d.name);
    EXPECT_TRUE(families.count(d.family)) << d.family;
    EXPECT_TRUE(snake(d.name));
    EXPECT_EQ(d.param_names.size(), d.params.size());
    EXPECT_FALSE(d.doc.empty());
    EXPECT_TRUE(d.doc.back() == '.' || d.doc.back() == ')') << d.doc;
    EXPECT_TRUE(std::string_view(d.example).starts_with(std::string(d.name) + "("));
  }
  for (const FamilyInfo& f : Families()) {
    bool any = false;
    for (const FunctionDef& d : Registry::Get().all()) any |= d.family == f.id;
    EXPECT_TRUE(any) << f.id;
  }
}

TEST(RegistryTest, OverloadsDifferInTheirParameters) {
  std::set<std::string> signatures;
  for (const FunctionDef& d : Registry::Get().all()) {
    std::string key(d.name);
    for (const TypeSpec& t : d.params) key += "," + t.ToString();
    EXPECT_TRUE(signatures.insert(key).second) << key;
  }
}

TEST(RegistryTest, LookupByName) {
  const Registry& r = Registry::Get();
  EXPECT_EQ(r.Overloads("hour_of_day").size(), 2u);
  EXPECT_TRUE(r.Overloads("no_such_function").empty());
  const std::vector<std::string> names = r.Names();
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
  EXPECT_GT(names.size(), 100u);
}

TEST(RegistryTest, SignaturesPrintParameterNamesAndTypes) {
  EXPECT_EQ(Signature(*Registry::Get().Overloads("in_cidr")[0]),
            "in_cidr(addr: ip, net: cidr) -> bool");
  EXPECT_EQ(Signature(*Registry::Get().Overloads("concat")[0]),
            "concat(a: string, b: string...) -> string");
  EXPECT_EQ(Signature(*Registry::Get().Overloads("lookalike")[0]),
            "lookalike(domain: string, brands: list<domain>) -> domain");
  EXPECT_EQ(ArrayOf(ScalarType::kString).ToString(), "array<string>");
}

TEST(RegistryTest, ParamAcceptsWidensStringLikeAndInt) {
  EXPECT_TRUE(ParamAccepts(Scalar(ScalarType::kString), Scalar(ScalarType::kDomain)));
  EXPECT_TRUE(ParamAccepts(Scalar(ScalarType::kString), Scalar(ScalarType::kEmail)));
  EXPECT_FALSE(ParamAccepts(Scalar(ScalarType::kDomain), Scalar(ScalarType::kString)));
  EXPECT_TRUE(ParamAccepts(Scalar(ScalarType::kFloat), Scalar(ScalarType::kInt)));
  EXPECT_FALSE(ParamAccepts(Scalar(ScalarType::kInt), Scalar(ScalarType::kFloat)));
  EXPECT_TRUE(ParamAccepts(ListOf(ScalarType::kString), ListOf(ScalarType::kDomain)));
  EXPECT_FALSE(ParamAccepts(ListOf(ScalarType::kString), ArrayOf(ScalarType::kString)));
}

// Every example is a call with literal arguments; evaluated through its own row, it must
// print exactly the documented result.
TEST(RegistryTest, EveryExampleEvaluatesToItsDocumentedResult) {
  for (const FunctionDef& d : Registry::Get().all()) {
    SCOPED_TRACE(d.example);
    testing::ExampleEvaluator ev;
    Datum out;
    std::string error;
    if (!ev.Eval(d.example, &d, &out, &error)) {
      ADD_FAILURE() << error;
      continue;
    }
    EXPECT_EQ(FormatDatum(out), d.example_result);
    if (out.valid) {
      EXPECT_EQ(out.type, d.result.scalar);
    }
  }
}

TEST(RegistryTest, NullArgumentsGiveNullUnlessNullAware) {
  for (const FunctionDef& d : Registry::Get().all()) {
    if (d.null_aware || d.params.empty()) continue;
    SCOPED_TRACE(d.name);
    testing::ExampleEvaluator ev;
    std::vector<Datum> args;
    for (const TypeSpec& t : d.params) args.push_back(Datum::Null(t.scalar));
    auto call = PreparedCall::Prepare(d, args, nullptr);
    if (call == nullptr) continue;  // constant parameters reject null
    Datum out = Datum::Bool(true);
    call->Eval(args, ev.ctx(), &out);
    EXPECT_FALSE(out.valid);
  }
}

}  // namespace
}  // namespace vigil::stdlib

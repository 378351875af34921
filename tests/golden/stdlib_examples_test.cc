// stdlib_examples_test.cc: every example docs/stdlib.md shows (the registry's `example` column)
// is a call a rule can write: it parses, type-checks, compiles to a verified pack and runs on
// the VM. tests/stdlib checks the examples' results; this checks the language accepts them
// (string predicates such as `contains` are operator keywords and must stay callable).
#include <gtest/gtest.h>

#include <string>

#include "compiler/driver/driver.h"
#include "compiler/driver/pack_builder.h"
#include "stdlib/registry.h"
#include "tests/fuzz/pack_harness.h"
#include "vm/bytecode/serializer.h"
#include "vm/bytecode/verifier.h"

namespace vigil::golden {
namespace {

// A rule whose condition calls `example` (an expression of any type).
std::string RuleCalling(std::string_view example) {
  return "rule docs.example {\n  title \"t\"\n  description \"d\"\n  class expel\n"
         "  severity low\n  on receipt\n  when (" +
         std::string(example) + ") is not null\n}\n";
}

std::string Messages(const compiler::LoadResult& r) {
  std::string out;
  for (const compiler::Diagnostic& d : r.diagnostics) out += d.message + "; " + d.help + "\n";
  return out;
}

TEST(StdlibExamplesTest, EveryDocumentedExampleCompilesAndRuns) {
  compiler::LoadOptions opts;
  opts.disabled = {compiler::DiagCode::kW0503, compiler::DiagCode::kW0504,
                   compiler::DiagCode::kW0508};
  size_t checked = 0;
  for (const stdlib::FunctionDef& d : stdlib::Registry::Get().all()) {
    if (d.example.empty()) continue;
    SCOPED_TRACE(std::string(d.example));
    const compiler::LoadResult r =
        compiler::LoadSource("example.vgl", RuleCalling(d.example), opts);
    ASSERT_EQ(r.errors, 0u) << Messages(r);
    const bytecode::PackFile pack = compiler::BuildPackFile(*r.pack);
    EXPECT_EQ(bytecode::Verify(pack.exe), "");
    EXPECT_EQ(fuzz::LoadAndRunPack(bytecode::Serialize(pack)), fuzz::PackOutcome::kRan);
    ++checked;
  }
  EXPECT_GT(checked, 100u);
}

// The call forms of the string operators take patterns that are not constants.
TEST(StdlibExamplesTest, StringPredicatesAreCallableWithFieldArguments) {
  compiler::LoadOptions opts;
  opts.disabled = {compiler::DiagCode::kW0508};
  for (const char* call : {"contains(subject, sender.local)", "icontains(subject, sender.local)",
                           "starts_with(subject, sender.local)", "ends_with(subject, \"x\")",
                           "istarts_with(subject, \"re:\")", "iends_with(subject, \"x\")",
                           "like(subject, \"*x*\")", "ilike(subject, \"*x*\")"}) {
    SCOPED_TRACE(call);
    const compiler::LoadResult r = compiler::LoadSource("call.vgl", RuleCalling(call), opts);
    EXPECT_EQ(r.errors, 0u) << Messages(r);
  }
}

// `matches` stays an operator only: called, it is an unknown function with the way out.
TEST(StdlibExamplesTest, MatchesCalledAsAFunctionPointsToRegexSearch) {
  compiler::LoadOptions opts;
  opts.disabled = {compiler::DiagCode::kW0508};
  const compiler::LoadResult r =
      compiler::LoadSource("call.vgl", RuleCalling("matches(subject, \"a\")"), opts);
  ASSERT_FALSE(r.diagnostics.empty());
  EXPECT_EQ(r.diagnostics[0].code, compiler::DiagCode::kE0203);
  EXPECT_NE(r.diagnostics[0].help.find("regex_search"), std::string::npos) << r.diagnostics[0].help;
}

}  // namespace
}  // namespace vigil::golden

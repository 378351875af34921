// disasm_test.cc: golden disassembly of the back end's output: tests/golden/disasm/<name>.vgl
// is compiled into a pack (BuildPackFile, as `vigil compile` does) and Disassemble of its
// executable must equal <name>.disasm byte for byte. The inputs each show one optimization:
// CSE across rules, pattern fusion, cost ordering, quantifiers, lists, calls, history calls and
// constant folding. Also: packs are deterministic and survive a serialize round trip.
//
// Update mode: VIGIL_UPDATE_GOLDEN=1 build/<dir>/tests/golden/golden_test rewrites the .disasm
// files that differ; review with `git diff tests/golden`.
#include "vm/bytecode/disasm.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "compiler/base/render.h"
#include "compiler/driver/driver.h"
#include "compiler/driver/pack_builder.h"
#include "tests/golden/golden_util.h"
#include "vm/bytecode/serializer.h"
#include "vm/bytecode/verifier.h"

namespace vigil::golden {
namespace {

constexpr const char* kDir = "tests/golden/disasm";

// Compiles `paths` (relative to the repository root) into a pack file; fails the test on any
// diagnostic the input's directives do not allow.
bytecode::PackFile Compile(const std::vector<std::string>& paths) {
  EnterRepoRoot();
  compiler::LoadOptions opts;
  for (const std::string& p : paths) {
    if (!p.ends_with(".vgl")) continue;
    for (const std::string& code : ParseDirectives(ReadFile(p)).allow) {
      compiler::DiagCode c;
      if (compiler::ParseDiagCode(code, &c)) opts.disabled.push_back(c);
    }
  }
  const compiler::LoadResult r = compiler::LoadPack(paths, opts);
  for (const compiler::Diagnostic& d : r.diagnostics) {
    if (d.severity == compiler::Severity::kError) {
      ADD_FAILURE() << compiler::RenderText(d, r.pack->sources);
    }
  }
  EXPECT_TRUE(r.tool_errors.empty());
  return compiler::BuildPackFile(*r.pack);
}

// Rule ids in executable order, from the pack metadata (as `vigil disasm` names them).
std::vector<std::string> RuleNames(const bytecode::PackFile& pack) {
  std::vector<std::string> names;
  const auto meta = nlohmann::json::parse(pack.metadata_json);
  for (const auto& rule : meta["rules"]) names.push_back(rule.value("id", ""));
  return names;
}

std::vector<std::string> Inputs() { return FilesEndingWith(RepoPath(kDir), ".vgl"); }

std::string Stem(const std::string& name) { return name.substr(0, name.rfind('.')); }

class DisasmGoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(DisasmGoldenTest, DisassemblesAsItsGolden) {
  const bytecode::PackFile pack = Compile({std::string(kDir) + "/" + GetParam()});
  EXPECT_EQ(bytecode::Verify(pack.exe), "");
  ExpectMatchesGolden(RepoPath(std::string(kDir) + "/" + Stem(GetParam()) + ".disasm"),
                      bytecode::Disassemble(pack.exe, RuleNames(pack)));
}

INSTANTIATE_TEST_SUITE_P(Inputs, DisasmGoldenTest, ::testing::ValuesIn(Inputs()),
                         [](const auto& p) { return Stem(p.param); });

TEST(DisasmGoldenCoverageTest, EveryInputHasAGoldenAndEveryGoldenAnInput) {
  const std::vector<std::string> inputs = Inputs();
  const std::vector<std::string> goldens = FilesEndingWith(RepoPath(kDir), ".disasm");
  std::vector<std::string> a, b;
  for (const std::string& f : inputs) a.push_back(Stem(f));
  for (const std::string& f : goldens) b.push_back(Stem(f));
  EXPECT_EQ(a, b);
  for (const char* feature :
       {"cse", "fusion", "cost_order", "quantifiers", "lists", "calls", "history", "const_fold"}) {
    EXPECT_NE(std::find(a.begin(), a.end(), feature), a.end()) << feature;
  }
}

// Every disassembly input on its own, all of them together, and the shipped rule pack.
std::vector<std::vector<std::string>> Packs() {
  std::vector<std::vector<std::string>> out;
  std::vector<std::string> all;
  for (const std::string& f : Inputs()) {
    out.push_back({std::string(kDir) + "/" + f});
    all.push_back(std::string(kDir) + "/" + f);
  }
  out.push_back(all);
  out.push_back({"rules"});
  return out;
}

TEST(PackDeterminismTest, CompilingTwiceGivesIdenticalBytes) {
  for (const auto& paths : Packs()) {
    const std::string first = bytecode::Serialize(Compile(paths));
    const std::string second = bytecode::Serialize(Compile(paths));
    EXPECT_FALSE(first.empty());
    EXPECT_TRUE(first == second) << paths[0] << " (" << paths.size() << " path(s))";
  }
}

TEST(PackDeterminismTest, SerializeOfDeserializeIsTheIdentity) {
  for (const auto& paths : Packs()) {
    const bytecode::PackFile pack = Compile(paths);
    const std::string bytes = bytecode::Serialize(pack);
    bytecode::PackFile back;
    std::string error;
    ASSERT_TRUE(bytecode::Deserialize(bytes, &back, &error)) << paths[0] << ": " << error;
    EXPECT_EQ(bytecode::Verify(back.exe), "") << paths[0];
    EXPECT_TRUE(bytecode::Serialize(back) == bytes) << paths[0];
    EXPECT_EQ(bytecode::Disassemble(back.exe, RuleNames(back)),
              bytecode::Disassemble(pack.exe, RuleNames(pack)));
    EXPECT_EQ(back.metadata_json, pack.metadata_json);
    ASSERT_EQ(back.sources.size(), pack.sources.size());
    for (size_t i = 0; i < pack.sources.size(); ++i) {
      EXPECT_EQ(back.sources[i].path, pack.sources[i].path);
      EXPECT_TRUE(back.sources[i].text == pack.sources[i].text);
    }
  }
}

}  // namespace
}  // namespace vigil::golden

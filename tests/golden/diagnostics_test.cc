// diagnostics_test.cc: golden diagnostics, one input per code of diagnostic_codes.def:
// tests/golden/diagnostics/<CODE>.vgl is loaded through LoadPack (relative path, from the
// repository root) and its text rendering must equal <CODE>.out byte for byte; JSON and SARIF
// renderings of two codes are golden too (formats/). Directives: golden_util.h.
//
// Update mode: VIGIL_UPDATE_GOLDEN=1 build/<dir>/tests/golden/golden_test rewrites the .out,
// .json and .sarif files that differ; review with `git diff tests/golden`.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "compiler/base/render.h"
#include "compiler/driver/driver.h"
#include "tests/golden/golden_util.h"

namespace vigil::golden {
namespace {

using compiler::DiagCode;
using compiler::DiagInfo;

constexpr const char* kDir = "tests/golden/diagnostics";

std::string CodeOf(const std::string& file_name) {
  return file_name.substr(0, file_name.find('.'));
}

// Loads the golden input the way `vigil check [-A CODE]... PATH` does.
compiler::LoadResult LoadGolden(const std::string& rel_path) {
  EnterRepoRoot();
  const Directives dirs = ParseDirectives(ReadFile(rel_path));
  EXPECT_TRUE(dirs.unknown.empty()) << rel_path << ": unknown directive " << dirs.unknown[0];
  compiler::LoadOptions opts;
  for (const std::string& code : dirs.allow) {
    DiagCode c;
    EXPECT_TRUE(compiler::ParseDiagCode(code, &c)) << rel_path << ": allow " << code;
    opts.disabled.push_back(c);
  }
  if (dirs.max_file_bytes != 0) opts.max_file_bytes = dirs.max_file_bytes;
  return compiler::LoadPack({rel_path}, opts);
}

// What `vigil check --color never` writes to stderr: each diagnostic, a blank line, a summary.
std::string RenderAll(const compiler::LoadResult& r) {
  std::string out;
  for (const compiler::Diagnostic& d : r.diagnostics) {
    out += compiler::RenderText(d, r.pack->sources) + "\n";
  }
  out += fmt::format("checked {} file(s), {} rule(s): {} error(s), {} warning(s)\n", r.files,
                     r.pack->rules.size(), r.errors, r.warnings);
  return out;
}

std::vector<std::string> Inputs() { return FilesEndingWith(RepoPath(kDir), ".vgl"); }

class DiagnosticGoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(DiagnosticGoldenTest, RendersAsItsOutFile) {
  const std::string rel = std::string(kDir) + "/" + GetParam();
  const compiler::LoadResult r = LoadGolden(rel);
  EXPECT_TRUE(r.tool_errors.empty()) << r.tool_errors[0];
  ExpectMatchesGolden(RepoPath(std::string(kDir) + "/" + CodeOf(GetParam()) + ".out"),
                      RenderAll(r));
}

TEST_P(DiagnosticGoldenTest, ReportsItsCodeFirst) {
  const std::string rel = std::string(kDir) + "/" + GetParam();
  const std::string code = CodeOf(GetParam());
  const Directives dirs = ParseDirectives(ReadFile(RepoPath(rel)));
  const compiler::LoadResult r = LoadGolden(rel);
  std::vector<std::string> got;
  for (const compiler::Diagnostic& d : r.diagnostics) {
    got.emplace_back(compiler::InfoOf(d.code).id);
  }
  if (dirs.retired) {
    EXPECT_TRUE(got.empty()) << code << " is retired: its input must load cleanly";
    for (const DiagInfo& info : compiler::AllDiagnostics()) {
      if (info.id == code) {
        EXPECT_NE(info.title.find("retired"), std::string_view::npos) << code;
      }
    }
    return;
  }
  ASSERT_FALSE(got.empty()) << rel << " reports nothing";
  if (dirs.not_first) {
    EXPECT_NE(std::find(got.begin(), got.end(), code), got.end()) << rel;
  } else {
    EXPECT_EQ(got[0], code) << rel << " must report " << code << " first";
  }
}

INSTANTIATE_TEST_SUITE_P(Codes, DiagnosticGoldenTest, ::testing::ValuesIn(Inputs()),
                         [](const auto& p) { return CodeOf(p.param); });

TEST(DiagnosticGoldenCoverageTest, EveryCodeHasAGoldenPair) {
  std::set<std::string> codes;
  for (const DiagInfo& info : compiler::AllDiagnostics()) {
    const std::string id(info.id);
    codes.insert(id);
    const std::string base = RepoPath(std::string(kDir) + "/" + id);
    EXPECT_TRUE(std::filesystem::exists(base + ".vgl")) << "no golden input for " << id;
    EXPECT_TRUE(std::filesystem::exists(base + ".out")) << "no golden output for " << id;
  }
  for (const std::string& name : Inputs()) {
    EXPECT_TRUE(codes.count(CodeOf(name))) << name << " names no code of diagnostic_codes.def";
  }
  for (const std::string& name : FilesEndingWith(RepoPath(kDir), ".out")) {
    EXPECT_TRUE(codes.count(CodeOf(name))) << name << " names no code of diagnostic_codes.def";
  }
}

// The JSON and SARIF renderings of one golden input, with the engine version masked so a
// version bump does not touch the goldens.
std::string Rendered(const std::string& code, const std::string& format) {
  const compiler::LoadResult r = LoadGolden(std::string(kDir) + "/" + code + ".vgl");
  if (format == "json") return compiler::RenderJson(r.diagnostics, r.pack->sources);
  std::string sarif = compiler::RenderSarif(r.diagnostics, r.pack->sources);
  const std::string version = fmt::format("\"version\": \"{}\"", VIGIL_VERSION);
  if (const size_t at = sarif.find(version); at != std::string::npos) {
    sarif.replace(at, version.size(), "\"version\": \"<engine version>\"");
  }
  return sarif;
}

class FormatGoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(FormatGoldenTest, JsonMatchesGolden) {
  const std::string json = Rendered(GetParam(), "json");
  ExpectMatchesGolden(RepoPath(std::string(kDir) + "/formats/" + GetParam() + ".json"), json);
  const auto parsed = nlohmann::json::parse(json);
  ASSERT_TRUE(parsed.is_array());
  ASSERT_FALSE(parsed.empty());
  EXPECT_EQ(parsed[0]["code"], GetParam());
  for (const char* key : {"severity", "title", "message", "file", "line", "column"}) {
    EXPECT_TRUE(parsed[0].contains(key)) << key;
  }
}

TEST_P(FormatGoldenTest, SarifMatchesGoldenAndIsWellFormed) {
  const std::string sarif = Rendered(GetParam(), "sarif");
  ExpectMatchesGolden(RepoPath(std::string(kDir) + "/formats/" + GetParam() + ".sarif"), sarif);
  const auto log = nlohmann::json::parse(sarif);
  EXPECT_EQ(log["version"], "2.1.0");
  ASSERT_EQ(log["runs"].size(), 1u);
  const auto& run = log["runs"][0];
  EXPECT_EQ(run["tool"]["driver"]["name"], "vigil");
  const auto& rules = run["tool"]["driver"]["rules"];
  ASSERT_EQ(rules.size(), compiler::AllDiagnostics().size());
  std::set<std::string> rule_ids;
  for (const auto& rule : rules) {
    const std::string id = rule["id"];
    rule_ids.insert(id);
    std::string lower = id;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    EXPECT_EQ(rule["helpUri"], "docs/diagnostics.md#" + lower);
    EXPECT_TRUE(rule["shortDescription"].contains("text"));
  }
  ASSERT_FALSE(run["results"].empty());
  EXPECT_EQ(run["results"][0]["ruleId"], GetParam());
  for (const auto& result : run["results"]) {
    EXPECT_TRUE(rule_ids.count(result["ruleId"].get<std::string>()));
    const std::string level = result["level"];
    EXPECT_TRUE(level == "error" || level == "warning") << level;
    EXPECT_TRUE(result["message"].contains("text"));
    ASSERT_FALSE(result["locations"].empty());
    const auto& loc = result["locations"][0]["physicalLocation"];
    EXPECT_EQ(loc["artifactLocation"]["uri"], std::string(kDir) + "/" + GetParam() + ".vgl");
    EXPECT_GE(loc["region"]["startLine"].get<int>(), 1);
    EXPECT_GE(loc["region"]["startColumn"].get<int>(), 1);
  }
}

// An error with a help line and a warning: the two severities and the optional keys.
INSTANTIATE_TEST_SUITE_P(Codes, FormatGoldenTest, ::testing::Values("E0201", "W0505"),
                         [](const auto& p) { return std::string(p.param); });

}  // namespace
}  // namespace vigil::golden

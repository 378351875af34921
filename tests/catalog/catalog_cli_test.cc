// catalog_cli_test.cc: `vigil catalog` end to end: it writes index.html, rules.json and
// rules.csv for rules/ into a temp dir (the same bytes the library renders), Chromium opens the
// written page from disk and shows every rule, and rule errors or bad paths give the documented
// exit statuses.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "catalog/catalog.h"
#include "compiler/driver/driver.h"
#include "tests/catalog/browser.h"

namespace vigil::catalog::testing {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Result {
  int status = -1;
  std::string out;
};

// Runs `vigil <args>` from the repository root; stdout into out.
Result Vigil(const std::string& args, const std::string& scratch) {
  const std::string cmd = "cd '" + std::string(VIGIL_SOURCE_DIR) + "' && '" + VIGIL_BINARY + "' " +
                          args + " >'" + scratch + "/stdout' 2>'" + scratch + "/stderr'";
  const int rc = std::system(cmd.c_str());
  Result r;
  r.status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  r.out = ReadFile(scratch + "/stdout");
  return r;
}

TEST(CatalogCliTest, WritesTheSiteForThePack) {
  TempDir dir("vigil_catalog_cli_");
  const std::string site = dir.path() + "/site";
  const Result r = Vigil("catalog rules/ -o '" + site + "'", dir.path());
  ASSERT_EQ(r.status, 0) << ReadFile(dir.path() + "/stderr");

  const compiler::LoadResult load =
      compiler::LoadPack({std::string(VIGIL_SOURCE_DIR) + "/rules/"}, {});
  ASSERT_EQ(load.errors, 0u);
  Options options;
  options.source = "rules/";
  const nlohmann::json expected = BuildCatalog(*load.pack, options);
  const size_t n = expected["rules"].size();
  EXPECT_NE(r.out.find("wrote " + std::to_string(n) + " rules"), std::string::npos) << r.out;
  // The command writes what the library renders (file paths are relative to the same root).
  const nlohmann::json written = nlohmann::json::parse(ReadFile(site + "/rules.json"));
  ASSERT_EQ(written["rules"].size(), n);
  for (size_t i = 0; i < n; ++i) {
    EXPECT_EQ(written["rules"][i]["id"], expected["rules"][i]["id"]);
    EXPECT_EQ(written["rules"][i]["class"], expected["rules"][i]["class"]);
    EXPECT_EQ(written["rules"][i]["tests"], expected["rules"][i]["tests"]);
  }
  EXPECT_EQ(ReadFile(site + "/rules.csv").substr(0, 3), "id,");
  ASSERT_TRUE(fs::exists(site + "/index.html"));

  if (!ChromiumAvailable())
    GTEST_FAIL() << VIGIL_CHROMIUM << " is missing: run tools/install_deps.sh";
  std::string error;
  const std::string dom = DumpDom(FileUrl(site + "/index.html"), &error);
  ASSERT_FALSE(dom.empty()) << error;
  EXPECT_EQ(RuleRows(dom).size(), n);
  size_t duet = 0;
  for (const auto& rule : expected["rules"]) duet += rule["class"] == "duet" ? 1 : 0;
  EXPECT_EQ(RuleRows(DumpDom(FileUrl(site + "/index.html", "class=duet"), &error)).size(), duet);
}

TEST(CatalogCliTest, RuleErrorsAndBadPaths) {
  TempDir dir("vigil_catalog_cli_");
  const std::string bad = dir.path() + "/bad.vgl";
  std::ofstream(bad) << "rule x.y { title \"t\" }\n";
  EXPECT_EQ(Vigil("catalog '" + bad + "' -o '" + dir.path() + "/site'", dir.path()).status, 1);
  EXPECT_FALSE(fs::exists(dir.path() + "/site/index.html"));
  EXPECT_EQ(
      Vigil("catalog '" + dir.path() + "/missing' -o '" + dir.path() + "/site'", dir.path()).status,
      2);
  EXPECT_EQ(Vigil("catalog", dir.path()).status, 2);
}

}  // namespace
}  // namespace vigil::catalog::testing

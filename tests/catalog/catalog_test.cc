// catalog_test.cc: the Detections catalog of the shipped pack (rules/): every rule is listed
// with complete metadata in JSON and CSV, and the page, opened from disk in headless Chromium,
// shows every rule and its filters (URL fragment and the controls themselves, operated over
// DevTools) change what is shown. Also takes the screenshot docs/catalog.png comes from
// (VIGIL_UPDATE_DOCS=1 copies it there).
#include "catalog/catalog.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "compiler/driver/driver.h"
#include "tests/catalog/browser.h"

namespace vigil::catalog::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// RFC 4180 records (quoted fields may hold commas, quotes and line breaks).
std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string cell;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(std::move(cell));
      cell.clear();
    } else if (c == '\r') {
    } else if (c == '\n') {
      row.push_back(std::move(cell));
      cell.clear();
      rows.push_back(std::move(row));
      row.clear();
    } else {
      cell += c;
    }
  }
  return rows;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// What the page's search box looks through, as the page builds it.
std::string Haystack(const json& r) {
  std::string text;
  for (const char* key : {"id", "title", "description", "class", "severity", "status", "kind"}) {
    text += r[key].get<std::string>() + " \n";
  }
  for (const char* key : {"tags", "mitre", "event_types", "reads", "evidence"}) {
    for (const json& v : r[key]) text += v.get<std::string>() + " \n";
  }
  for (const json& t : r["techniques"]) text += t["name"].get<std::string>() + " \n";
  return Lower(text);
}

// Every word of `query` occurs in the rule's haystack.
bool Searched(const json& r, const std::string& query) {
  const std::string text = Haystack(r);
  std::istringstream words(Lower(query));
  std::string w;
  while (words >> w) {
    if (text.find(w) == std::string::npos) return false;
  }
  return true;
}

class CatalogTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string rules = std::string(VIGIL_SOURCE_DIR) + "/rules";
    load_ = new compiler::LoadResult(compiler::LoadPack({rules}, {}));
    Options options;
    options.source = "rules/";
    catalog_ = new json(BuildCatalog(*load_->pack, options));
    site_ = new TempDir("vigil_catalog_site_");
    std::string error;
    ASSERT_TRUE(WriteCatalog(*catalog_, site_->path(), &error)) << error;
  }
  static void TearDownTestSuite() {
    delete site_;
    delete catalog_;
    delete load_;
  }

  static const json& Rules() { return (*catalog_)["rules"]; }
  static std::string Index() { return site_->path() + "/index.html"; }

  // Rule ids the page must show for a filter, computed from the catalog.
  template <typename Pred>
  static std::vector<std::string> Expected(Pred pred) {
    std::vector<std::string> ids;
    for (const json& r : Rules()) {
      if (pred(r)) ids.push_back(r["id"].get<std::string>());
    }
    return ids;
  }

  static std::vector<std::string> Shown(const std::string& fragment) {
    std::string error;
    const std::string dom = DumpDom(FileUrl(Index(), fragment), &error);
    EXPECT_FALSE(dom.empty()) << error;
    EXPECT_NE(dom.find("data-ready=\"true\""), std::string::npos)
        << "the page script did not finish";
    std::vector<std::string> ids;
    for (const Row& row : RuleRows(dom)) ids.push_back(row.attrs.at("data-id"));
    return ids;
  }

  static compiler::LoadResult* load_;
  static json* catalog_;
  static TempDir* site_;
};

compiler::LoadResult* CatalogTest::load_ = nullptr;
json* CatalogTest::catalog_ = nullptr;
TempDir* CatalogTest::site_ = nullptr;

TEST_F(CatalogTest, PackLoadsCleanly) {
  EXPECT_EQ(load_->errors, 0u);
  EXPECT_EQ(load_->warnings, 0u);
  EXPECT_GE(load_->pack->rules.size(), 60u);
}

TEST_F(CatalogTest, EveryRuleHasCompleteMetadata) {
  ASSERT_EQ(Rules().size(), load_->pack->rules.size());
  EXPECT_EQ((*catalog_)["count"], Rules().size());
  std::set<std::string> ids;
  const std::set<std::string> classes = {"expel", "vendor", "duet"};
  const std::set<std::string> severities = {"info", "low", "medium", "high", "critical"};
  for (const json& r : Rules()) {
    const std::string id = r["id"];
    SCOPED_TRACE(id);
    EXPECT_TRUE(ids.insert(id).second);
    EXPECT_FALSE(r["title"].get<std::string>().empty());
    EXPECT_GE(r["description"].get<std::string>().size(), 60u) << "a description says what and why";
    EXPECT_TRUE(classes.count(r["class"]));
    EXPECT_TRUE(severities.count(r["severity"]));
    EXPECT_FALSE(r["status"].get<std::string>().empty());
    EXPECT_FALSE(r["mitre"].empty());
    for (const json& t : r["techniques"])
      EXPECT_FALSE(t["name"].get<std::string>().empty()) << t["id"];
    EXPECT_FALSE(r["tags"].empty());
    EXPECT_FALSE(r["event_types"].empty());
    EXPECT_FALSE(r["reads"].empty());
    EXPECT_FALSE(r["evidence"].empty());
    EXPECT_GE(r["tests_match"].get<int>(), 1);
    EXPECT_GE(r["tests_no_match"].get<int>(), 1);
    EXPECT_GE(r["tests"].get<int>(), 2);
    EXPECT_TRUE(r.contains("file") && r.contains("line"));
    if (r["class"] == "duet") {
      EXPECT_FALSE(r.value("question", "").empty());
      EXPECT_FALSE(r.value("first_action", "").empty());
    }
  }
  const json& counts = (*catalog_)["counts"];
  EXPECT_EQ(
      counts["expel"].get<size_t>() + counts["vendor"].get<size_t>() + counts["duet"].get<size_t>(),
      Rules().size());
  EXPECT_GT(counts["opt_in"].get<int>(), 0);
}

TEST_F(CatalogTest, JsonAndCsvFilesListTheSameRules) {
  const json written = json::parse(ReadFile(site_->path() + "/rules.json"));
  EXPECT_EQ(written, *catalog_);
  const auto csv = ParseCsv(ReadFile(site_->path() + "/rules.csv"));
  ASSERT_EQ(csv.size(), Rules().size() + 1);
  ASSERT_EQ(csv[0][0], "id");
  const size_t cls = std::find(csv[0].begin(), csv[0].end(), "class") - csv[0].begin();
  const size_t opt = std::find(csv[0].begin(), csv[0].end(), "opt_in") - csv[0].begin();
  ASSERT_LT(cls, csv[0].size());
  for (size_t i = 0; i < Rules().size(); ++i) {
    ASSERT_EQ(csv[i + 1].size(), csv[0].size()) << "row " << i + 1;
    EXPECT_EQ(csv[i + 1][0], Rules()[i]["id"]);
    EXPECT_EQ(csv[i + 1][cls], Rules()[i]["class"]);
    EXPECT_EQ(csv[i + 1][opt], Rules()[i]["opt_in"].get<bool>() ? "true" : "false");
  }
}

TEST_F(CatalogTest, PageIsSelfContained) {
  const std::string html = ReadFile(Index());
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find(" src="), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
  EXPECT_EQ(html.find("fetch("), std::string::npos);
  EXPECT_EQ(html.find("XMLHttpRequest"), std::string::npos);
  EXPECT_NE(html.find("href=\"rules.json\""), std::string::npos);
  EXPECT_NE(html.find("href=\"rules.csv\""), std::string::npos);
  // The embedded JSON cannot end its <script> element early.
  const size_t begin = html.find("id=\"catalog-data\">");
  const size_t end = html.find("</script>", begin);
  ASSERT_NE(begin, std::string::npos);
  const std::string embedded = html.substr(begin + 18, end - begin - 18);
  EXPECT_EQ(json::parse(embedded), *catalog_);
}

class CatalogBrowserTest : public CatalogTest {
 protected:
  void SetUp() override {
    if (!ChromiumAvailable()) {
      GTEST_FAIL() << VIGIL_CHROMIUM
                   << " is missing: run tools/install_deps.sh (it installs chromium)";
    }
  }
};

TEST_F(CatalogBrowserTest, LoadsFromDiskAndShowsEveryRule) {
  std::vector<std::string> all;
  for (const json& r : Rules()) all.push_back(r["id"]);
  EXPECT_EQ(Shown(""), all);
  std::string error;
  const std::string dom = DumpDom(FileUrl(Index()), &error);
  EXPECT_NE(dom.find("<b id=\"shown\">" + std::to_string(all.size()) + "</b>"), std::string::npos);
  EXPECT_NE(dom.find("id=\"empty\" hidden"), std::string::npos);
  // Every technique, event type and class appears as a filter option.
  for (const auto& [id, name] : (*catalog_)["techniques"].items()) {
    EXPECT_NE(dom.find("<option value=\"" + id + "\">"), std::string::npos) << id;
  }
}

TEST_F(CatalogBrowserTest, FragmentFiltersChangeWhatIsShown) {
  const auto by_class = Expected([](const json& r) { return r["class"] == "duet"; });
  ASSERT_FALSE(by_class.empty());
  EXPECT_EQ(Shown("class=duet"), by_class);

  const auto critical = Expected([](const json& r) { return r["severity"] == "critical"; });
  ASSERT_FALSE(critical.empty());
  EXPECT_EQ(Shown("severity=critical"), critical);

  // A technique matches its sub-techniques.
  const auto brute = Expected([](const json& r) {
    for (const json& t : r["mitre"]) {
      if (t.get<std::string>().rfind("T1110", 0) == 0) return true;
    }
    return false;
  });
  ASSERT_FALSE(brute.empty());
  EXPECT_EQ(Shown("technique=T1110"), brute);

  const auto audit = Expected([](const json& r) {
    for (const json& e : r["event_types"]) {
      if (e == "audit") return true;
    }
    return false;
  });
  EXPECT_EQ(Shown("event=audit"), audit);

  const auto opt_in = Expected([](const json& r) { return r["opt_in"].get<bool>(); });
  EXPECT_EQ(Shown("opt_in=yes"), opt_in);

  const auto combined = Expected([](const json& r) {
    bool receipt = false;
    for (const json& e : r["event_types"]) receipt = receipt || e == "receipt";
    return r["class"] == "expel" && r["severity"] == "high" && receipt;
  });
  ASSERT_FALSE(combined.empty());
  EXPECT_EQ(Shown("class=expel&severity=high&event=receipt"), combined);

  const auto search = Expected([](const json& r) { return Searched(r, "lookalike"); });
  ASSERT_FALSE(search.empty());
  EXPECT_EQ(Shown("q=lookalike"), search);

  EXPECT_TRUE(Shown("q=no-rule-has-this-text").empty());
  std::string error;
  const std::string dom = DumpDom(FileUrl(Index(), "q=no-rule-has-this-text"), &error);
  EXPECT_NE(dom.find("<div class=\"empty\" id=\"empty\">"), std::string::npos)
      << "the empty message shows";
}

TEST_F(CatalogBrowserTest, ControlsChangeWhatIsShown) {
  std::string error;
  auto page = DevToolsPage::Open(FileUrl(Index()), &error);
  ASSERT_NE(page, nullptr) << error;
  const std::string count = "document.querySelectorAll('#rows tr.rule').length";
  EXPECT_EQ(page->Eval(count, &error), Rules().size()) << error;

  auto choose = [&](const std::string& control, const std::string& value) {
    return page->Eval("(() => { const c = document.getElementById('" + control + "'); c.value = '" +
                          value + "'; c.dispatchEvent(new Event('change')); return " + count +
                          "; })()",
                      &error);
  };
  const auto vendor = Expected([](const json& r) { return r["class"] == "vendor"; });
  EXPECT_EQ(choose("f-class", "vendor"), vendor.size()) << error;
  EXPECT_EQ(page->Eval("location.hash", &error), json("#class=vendor")) << error;
  const auto vendor_high =
      Expected([](const json& r) { return r["class"] == "vendor" && r["severity"] == "high"; });
  EXPECT_EQ(choose("f-severity", "high"), vendor_high.size()) << error;
  EXPECT_EQ(page->Eval("document.getElementById('shown').textContent", &error),
            json(std::to_string(vendor_high.size())));

  // Typing in the search box narrows further; Reset shows everything again.
  EXPECT_EQ(
      page->Eval("(() => { const q = document.getElementById('q'); q.value = 'attachment protect';"
                 " q.dispatchEvent(new Event('input')); return Array.from("
                 "document.querySelectorAll('#rows tr.rule')).map(r => r.dataset.id); })()",
                 &error),
      json(Expected([](const json& r) {
        return r["class"] == "vendor" && r["severity"] == "high" &&
               Searched(r, "attachment protect");
      })))
      << error;
  EXPECT_EQ(
      page->Eval("(() => { document.getElementById('reset').click(); return " + count + "; })()",
                 &error),
      Rules().size())
      << error;
  EXPECT_EQ(page->Eval("location.hash", &error), json(""));
}

TEST_F(CatalogBrowserTest, Screenshot) {
  TempDir shots("vigil_catalog_shot_");
  const std::string png = shots.path() + "/catalog.png";
  std::string error;
  ASSERT_TRUE(Screenshot(FileUrl(Index()), png, 1440, 1000, &error)) << error;
  const std::string bytes = ReadFile(png);
  ASSERT_GT(bytes.size(), 20000u);
  EXPECT_EQ(bytes.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  if (const char* update = std::getenv("VIGIL_UPDATE_DOCS");
      update != nullptr && std::string(update) == "1") {
    fs::copy_file(png, std::string(VIGIL_SOURCE_DIR) + "/docs/catalog.png",
                  fs::copy_options::overwrite_existing);
  }
}

}  // namespace
}  // namespace vigil::catalog::testing

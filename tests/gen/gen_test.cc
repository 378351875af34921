// gen_test.cc: the contract of `vigil gen`: same arguments give the same bytes, every format
// ingests without a quarantined record, the event mix and distributions are within realistic
// bounds, tenants.json maps every file, and every ground-truth record is a real record of the
// type it names.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "gen/score.h"
#include "gen/tenant_filter.h"
#include "tests/gen/gen_util.h"

namespace vigil::gen {
namespace {

using testing::GenerateOrDie;
using testing::ReadFile;
using testing::ReadTree;
using testing::TempDir;

GenOptions Small(Format f, uint64_t seed = 7) {
  GenOptions o;
  o.messages = 1200;
  o.tenants = 2;
  o.seed = seed;
  o.format = f;
  return o;
}

// tenants.json names the output directory; everything else is independent of it.
std::map<std::string, std::string> TreeWithoutDir(const std::string& dir) {
  auto tree = ReadTree(dir);
  std::string& tenants = tree["tenants.json"];
  for (size_t at; (at = tenants.find(dir)) != std::string::npos;)
    tenants.replace(at, dir.size(), "DIR");
  return tree;
}

TEST(GenDeterminismTest, SameSeedGivesByteIdenticalFiles) {
  for (Format f : {Format::kApi2, Format::kApi1Json, Format::kApi1Kv}) {
    TempDir a("det_a"), b("det_b");
    GenerateOrDie(Small(f), a.path());
    GenerateOrDie(Small(f), b.path());
    const auto ta = TreeWithoutDir(a.path()), tb = TreeWithoutDir(b.path());
    ASSERT_EQ(ta.size(), tb.size()) << FormatName(f);
    for (const auto& [name, text] : ta) {
      const auto it = tb.find(name);
      ASSERT_NE(it, tb.end()) << name;
      EXPECT_TRUE(text == it->second) << FormatName(f) << ": " << name << " differs";
    }
  }
}

TEST(GenDeterminismTest, DifferentSeedGivesDifferentFiles) {
  TempDir a("seed_a"), b("seed_b");
  GenerateOrDie(Small(Format::kApi2, 7), a.path());
  GenerateOrDie(Small(Format::kApi2, 8), b.path());
  EXPECT_NE(ReadFile(a.path() + "/ground_truth.json"), ReadFile(b.path() + "/ground_truth.json"));
  EXPECT_NE(TreeWithoutDir(a.path()), TreeWithoutDir(b.path()));
}

class GenFormatTest : public ::testing::TestWithParam<Format> {};

TEST_P(GenFormatTest, IngestsWithZeroQuarantinedRecords) {
  TempDir dir("ingest");
  const GenSummary summary = GenerateOrDie(Small(GetParam()), dir.path());
  const testing::Ingested in = testing::IngestGenerated(dir.path());
  EXPECT_EQ(in.stats.quarantined, 0u) << in.stats.ToJson();
  EXPECT_EQ(in.stats.events, summary.records);
  EXPECT_EQ(in.stats.type_inferred, 0u) << "API 1.0 types come from the file names";
  EXPECT_TRUE(in.stats.unmapped_keys.empty()) << in.stats.ToJson();
}

TEST_P(GenFormatTest, GroundTruthRecordsAreRealRecordsOfTheirType) {
  TempDir dir("truth");
  GenerateOrDie(Small(GetParam()), dir.path());
  const testing::Ingested in = testing::IngestGenerated(dir.path());
  const auto gt = nlohmann::json::parse(ReadFile(dir.path() + "/ground_truth.json"));
  size_t records = 0;
  for (const auto& s : gt["scenarios"]) {
    EXPECT_FALSE(s["records"].empty()) << s["name"];
    EXPECT_FALSE(s["rules"].empty()) << s["name"];
    for (const auto& r : s["records"]) {
      ++records;
      const testing::RowKey key{r["file"].get<std::string>(), r["offset"].get<uint64_t>(),
                                r["type"].get<std::string>()};
      EXPECT_TRUE(in.rows.count(key)) << s["name"] << ": " << r.dump();
    }
  }
  EXPECT_GT(records, 500u);
}

INSTANTIATE_TEST_SUITE_P(AllFormats, GenFormatTest,
                         ::testing::Values(Format::kApi2, Format::kApi1Json, Format::kApi1Kv),
                         [](const auto& p) {
                           std::string n = FormatName(p.param);
                           std::erase(n, '-');
                           return n;
                         });

// Share of `part` in `whole`.
double Share(size_t part, size_t whole) { return whole == 0 ? 0 : double(part) / double(whole); }

TEST(GenProportionsTest, BenignMixIsRealistic) {
  TempDir dir("mix");
  GenOptions o = Small(Format::kApi2);
  o.messages = 6000;
  o.tenants = 3;
  o.attacks = false;
  const GenSummary summary = GenerateOrDie(o, dir.path());
  const testing::Ingested in = testing::IngestGenerated(dir.path());
  auto n = [&](const char* type) {
    return static_cast<size_t>(in.stats.by_type.count(type) ? in.stats.by_type.at(type) : 0);
  };
  const size_t messages = summary.messages;
  EXPECT_EQ(messages, 6000u);
  // One receipt per recipient, a process line per accepted message, a delivery per recipient.
  EXPECT_GT(Share(n("receipt"), messages), 1.1);
  EXPECT_LT(Share(n("receipt"), messages), 1.6);
  EXPECT_GT(Share(n("process"), messages), 0.9);
  EXPECT_LT(Share(n("process"), messages), 1.0);
  EXPECT_GT(Share(n("delivery"), n("process")), 1.0);
  EXPECT_LT(Share(n("delivery"), n("process")), 1.5);
  // Verdict and feed events at their rates; no vendor alerts without attacks.
  EXPECT_GT(Share(n("url_protect"), messages), 0.01);
  EXPECT_LT(Share(n("url_protect"), messages), 0.08);
  EXPECT_GT(Share(n("attachment_protect"), messages), 0.02);
  EXPECT_LT(Share(n("attachment_protect"), messages), 0.2);
  EXPECT_GT(n("impersonation"), 0u);
  EXPECT_GT(n("spam"), 0u);
  EXPECT_GT(n("journal"), 0u);
  EXPECT_GT(n("audit"), 20u);
  EXPECT_GT(n("archive_search"), 0u);
  EXPECT_GT(n("release"), 0u);
  EXPECT_EQ(n("av") + n("iep") + n("dlp"), 0u);
  // Directions: mostly inbound, then outbound, then internal.
  const size_t receipts = n("receipt");
  EXPECT_NEAR(Share(in.directions.at("inbound"), receipts), 0.6, 0.1);
  EXPECT_NEAR(Share(in.directions.at("outbound"), receipts), 0.25, 0.08);
  EXPECT_NEAR(Share(in.directions.at("internal"), receipts), 0.15, 0.08);
  // Zipf-like senders: many domains, the most popular one a few percent of inbound mail.
  size_t inbound = 0, top = 0;
  for (const auto& [domain, count] : in.inbound_sender_domains) {
    inbound += count;
    top = std::max(top, count);
  }
  EXPECT_GT(in.inbound_sender_domains.size(), 150u);
  EXPECT_GT(Share(top, inbound), 0.02);
  EXPECT_LT(Share(top, inbound), 0.25);
}

TEST(GenLayoutTest, TenantsJsonMapsAccountsAndEveryLogFile) {
  TempDir dir("layout");
  GenOptions o = Small(Format::kApi1Kv);
  o.tenants = 3;
  GenerateOrDie(o, dir.path());
  const auto doc = nlohmann::json::parse(ReadFile(dir.path() + "/tenants.json"));
  std::set<std::string> accounts, prefixes;
  for (const auto& [id, t] : doc["tenants"].items()) {
    accounts.insert(t["accounts"][0].get<std::string>());
    prefixes.insert(t["inputs"][0].get<std::string>());
    for (const char* list : {"org_domains", "vips", "vip_names", "finance_team", "trusted_partners",
                             "admin_networks"}) {
      EXPECT_FALSE(t["lists"][list].empty()) << id << " " << list;
    }
  }
  EXPECT_EQ(accounts.size(), 3u);
  for (const auto& [name, text] : ReadTree(dir.path() + "/logs")) {
    const std::string path = dir.path() + "/logs/" + name;
    EXPECT_EQ(std::count_if(prefixes.begin(), prefixes.end(),
                            [&](const std::string& p) { return path.starts_with(p); }),
              1)
        << path;
  }
}

TEST(GenLayoutTest, FilterKeepsOnlyDeclaredListsAndOptIns) {
  const std::string text =
      R"({"tenants":{"a":{"lists":{"vips":["x@a.com"],"nope":["y"]},"enable":["r.one","r.two"]}}})";
  const auto out = nlohmann::json::parse(FilterTenantsJson(text, {"vips"}, {"r.two"}));
  EXPECT_EQ(out["tenants"]["a"]["lists"].size(), 1u);
  EXPECT_TRUE(out["tenants"]["a"]["lists"].contains("vips"));
  EXPECT_EQ(out["tenants"]["a"]["enable"], nlohmann::json::array({"r.two"}));
}

TEST(GenScoreTest, CountsDetectionsMissesFalsePositivesAndControls) {
  const std::string gt = R"({"scenarios":[
    {"id":0,"name":"a","tenant":"t","expect_alert":true,"rules":["r.a","r.gone"],"may_also":[],
     "records":[{"file":"logs/t/x.json","offset":10,"type":"receipt"}]},
    {"id":1,"name":"b","tenant":"t","expect_alert":true,"rules":["r.b"],"may_also":[],
     "records":[{"file":"logs/t/x.json","offset":20,"type":"receipt"}]},
    {"id":2,"name":"c","tenant":"u","expect_alert":false,"rules":["r.c"],"may_also":[],
     "records":[{"file":"logs/u/y.json","offset":5,"type":"audit"}]}]})";
  const std::string alerts =
      R"({"rule_id":"r.a","title":"A","events":[{"file":"/d/logs/t/x.json","offset":10}]})"
      "\n"
      R"({"rule_id":"r.x","title":"X","events":[{"file":"/d/logs/t/x.json","offset":10}]})"
      "\n"
      R"({"rule_id":"r.c","title":"C","events":[{"file":"/d/logs/u/y.json","offset":5}]})"
      "\n"
      R"({"rule_id":"r.b","title":"B","events":[{"file":"/d/logs/t/x.json","offset":99}]})"
      "\n";
  const DetectionScore s = ScoreAlerts(gt, alerts, "/d/", {"r.a", "r.b", "r.c", "r.x", "r.y"});
  EXPECT_EQ(s.expected, 2u);
  EXPECT_EQ(s.detected, 1u);
  EXPECT_EQ(s.misses, std::vector<std::string>{"b #1 (t): r.b"});
  EXPECT_EQ(s.false_positives.size(), 1u);
  EXPECT_EQ(s.control_violations.size(), 1u);
  EXPECT_EQ(s.extras, std::vector<std::string>{"a: r.x"});
  EXPECT_EQ(s.not_covered, std::set<std::string>{"r.gone"});
  EXPECT_EQ(s.unplanted, (std::set<std::string>{"r.x", "r.y"}));
  EXPECT_FALSE(s.ok());
}

}  // namespace
}  // namespace vigil::gen

// tenants_test.cc: many tenants in one run: account and input-path assignment, per-tenant
// lists, opt-in and disabled rules, appended exceptions, state isolation, and the validation
// errors of a bad configuration.
#include "runtime/tenants.h"

#include <gtest/gtest.h>

#include <map>

#include "runtime/rule_set.h"
#include "tests/runtime/run_test_util.h"

namespace vigil::testing {
namespace {

// A receipt line in the API 1.0 key=value format for account `acc`.
std::string Receipt(const std::string& acc, const std::string& sender, const std::string& id,
                    int minute = 0) {
  const std::string mm = (minute < 10 ? "0" : "") + std::to_string(minute);
  return "datetime=2024-05-01T10:" + mm + ":00+0000|aCode=a" + id + "|acc=" + acc +
         "|IP=203.0.113.9|Dir=Inbound|MsgId=<" + id + "@x>|Subject=\\hello\\|Sender=" + sender +
         "|Rcpt=user@corp.example|Act=Acc\n";
}

constexpr const char* kRules = R"(
tenant list partners: domain
rule t.partner {
  title "partner mail" description "d" class expel severity low
  on receipt when sender.domain in $partners
}
rule t.optin {
  title "opt-in" description "d" class expel severity low opt_in true
  on receipt when sender.domain == "b.example"
}
rule t.excepted {
  title "excepted" description "d" class expel severity low
  on receipt when sender.domain == "b.example"
  except allowed (sender)
}
rule t.burst {
  title "burst" description "d" class expel severity low
  on receipt
  aggregate by sender.domain over 1h tumbling having count() >= 3
}
)";

constexpr const char* kTenants = R"({
  "tenants": {
    "red":  {"accounts": ["CRED"], "lists": {"partners": ["a.example"]},
             "enable": ["t.optin"], "exceptions": {"t.excepted": {"allowed": [["x@b.example"]]}}},
    "blue": {"accounts": ["CBLUE"], "lists": {"partners": ["b.example"]}, "disable": ["t.burst"]}
  }
})";

std::map<std::string, std::multiset<std::string>> ByTenant(const RunOutput& r) {
  std::map<std::string, std::multiset<std::string>> out;
  for (const auto& a : r.alerts)
    out[a["tenant"].get<std::string>()].insert(a["rule_id"].get<std::string>());
  return out;
}

class TenantsTest : public ::testing::Test {
 protected:
  RunOutput RunWith(const std::string& logs, const std::string& tenants = kTenants) {
    dir_ = TempDir("tenants");
    WriteFile(dir_ + "/r.vgl", kRules);
    WriteFile(dir_ + "/tenants.json", tenants);
    WriteFile(dir_ + "/logs/receipt_1.log", logs);
    runtime::RunOptions o;
    o.rules = {dir_ + "/r.vgl"};
    o.tenants = dir_ + "/tenants.json";
    o.inputs = {dir_ + "/logs"};
    return RunVigil(o, dir_);
  }
  std::string dir_;
};

TEST_F(TenantsTest, EachTenantSeesOnlyItsOwnListsOptInsAndExceptions) {
  std::string logs;
  logs += Receipt("CRED", "x@a.example", "1");   // red partner
  logs += Receipt("CBLUE", "x@a.example", "2");  // not a blue partner
  logs += Receipt("CRED", "x@b.example", "3");   // red: opt-in fires; exception drops t.excepted
  logs += Receipt("CBLUE", "x@b.example", "4");  // blue: partner, no opt-in, t.excepted fires
  RunOutput r = RunWith(logs);
  ASSERT_EQ(r.exit_code, 0);
  auto by = ByTenant(r);
  EXPECT_EQ(by["red"], (std::multiset<std::string>{"t.partner", "t.optin"}));
  EXPECT_EQ(by["blue"], (std::multiset<std::string>{"t.partner", "t.excepted"}));
  // The rows alternate tenants within one batch: each event's tenant field is its own.
  for (const auto& a : r.alerts) EXPECT_EQ(a["events"][0]["record"]["tenant"], a["tenant"]);
}

TEST_F(TenantsTest, StateIsNeverSharedAcrossTenants) {
  std::string logs;
  // Two messages per tenant from c.example: neither tenant reaches three.
  for (int i = 0; i < 2; ++i) {
    logs += Receipt("CRED", "x@c.example", "r" + std::to_string(i), i);
    logs += Receipt("CBLUE", "x@c.example", "b" + std::to_string(i), i);
  }
  RunOutput r = RunWith(logs);
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_EQ(ByTenant(r)["red"].count("t.burst"), 0u);
  // A third for red fires for red only; blue has the rule disabled anyway.
  logs += Receipt("CRED", "x@c.example", "r2", 2);
  logs += Receipt("CBLUE", "x@c.example", "b2", 2);
  r = RunWith(logs);
  EXPECT_EQ(ByTenant(r)["red"].count("t.burst"), 1u);
  EXPECT_EQ(ByTenant(r)["blue"].count("t.burst"), 0u);
}

// The same message (Message-ID and aCode) reaching two tenants: an alert's related events list
// the other log lines of the message in its own tenant only, never another tenant's files and
// offsets.
TEST_F(TenantsTest, RelatedEventsNeverCrossTenants) {
  const std::string red_alert = Receipt("CRED", "x@a.example", "same");  // a red partner: alerts
  const std::string blue_line = Receipt("CBLUE", "x@z.example", "same");
  const std::string red_line = Receipt("CRED", "y@q.example", "same", 1);
  RunOutput r = RunWith(red_alert + blue_line + red_line);
  ASSERT_EQ(r.exit_code, 0);
  const uint64_t red_offset = red_alert.size() + blue_line.size();
  size_t checked = 0;
  for (const auto& a : r.alerts) {
    if (a["rule_id"] != "t.partner" || a["tenant"] != "red") continue;
    ASSERT_TRUE(a.contains("related"));
    std::vector<uint64_t> offsets;
    for (const auto& e : a["related"]) offsets.push_back(e["offset"].get<uint64_t>());
    EXPECT_EQ(offsets, std::vector<uint64_t>{red_offset}) << a["related"].dump();
    ++checked;
  }
  EXPECT_EQ(checked, 1u);
}

TEST_F(TenantsTest, UnknownAccountsGoToTheDefaultOrUnassignedTenant) {
  RunOutput r = RunWith(Receipt("CNOBODY", "x@b.example", "1"));
  ASSERT_EQ(r.exit_code, 0);
  // "unassigned" has no lists and no opt-ins: only the list-free rule fires.
  EXPECT_EQ(ByTenant(r)["unassigned"], (std::multiset<std::string>{"t.excepted"}));
  r = RunWith(
      Receipt("CNOBODY", "x@b.example", "1"),
      R"({"default_tenant": "blue", "tenants": {"blue": {"lists": {"partners": ["b.example"]}}}})");
  EXPECT_EQ(ByTenant(r)["blue"], (std::multiset<std::string>{"t.partner", "t.excepted"}));
}

TEST_F(TenantsTest, FeedsWithoutAccountCodesTakeTheTenantOfTheirInputPath) {
  dir_ = TempDir("tenants_path");
  WriteFile(dir_ + "/r.vgl", Rule("t.dlp", " on dlp\n when action == \"block\""));
  const std::string line =
      R"({"eventTime":"2024-05-01T10:00:00+0000","senderAddress":"bob@x.example","subject":"s","route":"outbound","policy":"PII","action":"block","messageId":"<m1>"})"
      "\n";
  WriteFile(dir_ + "/logs/red/dlp.json", line);
  WriteFile(dir_ + "/logs/blue/dlp.json", line);
  WriteFile(dir_ + "/tenants.json", R"({"tenants": {"red": {"inputs": [")" + dir_ +
                                        R"(/logs/red/"]},
                                                     "blue": {"inputs": [")" +
                                        dir_ + R"(/logs/blue/"]}}})");
  runtime::RunOptions o;
  o.rules = {dir_ + "/r.vgl"};
  o.tenants = dir_ + "/tenants.json";
  o.inputs = {dir_ + "/logs"};
  o.ingest.log_type = "dlp";
  RunOutput r = RunVigil(o, dir_);
  ASSERT_EQ(r.exit_code, 0);
  auto by = ByTenant(r);
  EXPECT_EQ(by["red"].size(), 1u);
  EXPECT_EQ(by["blue"].size(), 1u);
  EXPECT_NE(r.alerts[0]["id"], r.alerts[1]["id"]);  // same record content, different tenants
}

// Every problem in one message, each located; the run does not start.
TEST(TenantConfigTest, ReportsEveryProblemWithItsLocation) {
  const std::string dir = TempDir("tenants_bad");
  WriteFile(dir + "/r.vgl", kRules);
  runtime::RuleSet rules;
  std::string error;
  ASSERT_TRUE(runtime::LoadRuleSet({dir + "/r.vgl"}, &rules, &error)) << error;
  const std::string bad = R"({
    "tenants": {
      "red": {"accounts": ["C1"], "lists": {"partnerz": ["a.example"]}, "enable": ["t.partner", "t.optn"],
              "time_zone": "Mars/Olympus", "exceptions": {"t.excepted": {"allowed": [["a", "b"]], "nope": []}}},
      "blue": {"accounts": ["C1"], "lists": {"partners": ["not a domain!"]}, "colour": "blue"}
    }
  })";
  auto config = runtime::TenantConfig::Parse(bad, "tenants.json", dir, rules.pack(), &error);
  EXPECT_EQ(config, nullptr);
  for (const char* expected : {"tenants.red.lists.partnerz", "did you mean `partners`", "t.optn",
                               "t.partner", "Mars/Olympus", "tenants.red.exceptions.t.excepted",
                               "nope", "C1", "tenants.blue.lists.partners", "colour"}) {
    EXPECT_NE(error.find(expected), std::string::npos) << "missing: " << expected << "\n" << error;
  }
}

TEST(TenantConfigTest, ABadConfigurationIsExitTwoBeforeAnyEvent) {
  const std::string dir = TempDir("tenants_exit");
  WriteFile(dir + "/r.vgl", kRules);
  WriteFile(dir + "/tenants.json", "{\"tenants\": {\"red\": {\"enable\": [\"t.partner\"]}}}");
  WriteFile(dir + "/logs/receipt_1.log", Receipt("CRED", "x@a.example", "1"));
  runtime::RunOptions o;
  o.rules = {dir + "/r.vgl"};
  o.tenants = dir + "/tenants.json";
  o.inputs = {dir + "/logs"};
  RunOutput r = RunVigil(o, dir);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(r.alerts.empty());
}

}  // namespace
}  // namespace vigil::testing

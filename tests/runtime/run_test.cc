// run_test.cc: `vigil run` end to end in-process: the real public samples with the bundled
// pack (accounting, schema-valid alerts, determinism, engines agree, compiled packs), and small
// fixtures for routing, suppression and opt-in.
#include <gtest/gtest.h>

#include <cstdlib>
#include <set>

#include "compiler/driver/pack_builder.h"
#include "runtime/rule_set.h"
#include "tests/runtime/run_test_util.h"
#include "vm/bytecode/serializer.h"

namespace vigil::testing {
namespace {

runtime::RunOptions PackOnSamples() {
  runtime::RunOptions o;
  o.rules = {std::string(VIGIL_SOURCE_DIR) + "/rules"};
  o.inputs = {SamplesDir()};
  o.tenants = std::string(VIGIL_SOURCE_DIR) + "/examples/tenants.json";
  return o;
}

std::set<std::string> Ids(const RunOutput& r) {
  std::set<std::string> ids;
  for (const auto& a : r.alerts) ids.insert(a["id"].get<std::string>());
  return ids;
}

// A DLP log line (outbound, policy PII) from bob@acme.example at 2024-05-01 `hhmm` ("10:30").
std::string DlpLine(const std::string& hhmm, const std::string& id,
                    const std::string& action = "block") {
  return R"({"eventTime":"2024-05-01T)" + hhmm +
         R"(:00+0000","senderAddress":"bob@acme.example","recipientAddress":"x@gmail.com","subject":"s)" +
         id + R"(","route":"outbound","policy":"PII","action":")" + action + R"(","messageId":"<)" +
         id + ">\"}\n";
}

// Runs `rules` over `logs` as one DLP log file in a fresh directory named `name`.
RunOutput RunDlp(const std::string& name, const std::string& rules, const std::string& logs) {
  const std::string dir = TempDir(name);
  WriteFile(dir + "/r.vgl", rules);
  WriteFile(dir + "/logs/dlp.json", logs);
  runtime::RunOptions o;
  o.rules = {dir + "/r.vgl"};
  o.inputs = {dir + "/logs"};
  o.ingest.log_type = "dlp";
  return RunVigil(o, dir);
}

TEST(RunTest, SamplesAccountForEveryRecordAndRaiseValidAlerts) {
  const std::string dir = TempDir("samples");
  RunOutput r = RunVigil(PackOnSamples(), dir);
  ASSERT_EQ(r.exit_code, 0);
  const auto& s = r.stats;
  EXPECT_EQ(s["records_read"].get<uint64_t>(),
            s["events"].get<uint64_t>() + s["quarantined"].get<uint64_t>());
  EXPECT_EQ(s["events_evaluated"].get<uint64_t>(), s["events"].get<uint64_t>());
  EXPECT_GT(r.alerts.size(), 5u);
  EXPECT_EQ(s["alerts"].get<uint64_t>(), r.alerts.size());
  // Every alert validates against the published JSON Schema (Debian's python3-jsonschema).
  const std::string cmd =
      "/usr/bin/python3 -c \"import json,sys,jsonschema; s=json.load(open(sys.argv[1])); "
      "[jsonschema.validate(json.loads(l), s) for l in open(sys.argv[2])]\" " +
      std::string(VIGIL_SOURCE_DIR) + "/schemas/alert.schema.json " + dir + "/alerts.jsonl";
  EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
}

TEST(RunTest, SameInputSameAlertsAndIds) {
  RunOutput a = RunVigil(PackOnSamples(), TempDir("det_a"));
  RunOutput b = RunVigil(PackOnSamples(), TempDir("det_b"));
  EXPECT_EQ(a.alerts_text, b.alerts_text);
  EXPECT_EQ(Ids(a).size(), a.alerts.size());  // never the same id twice
}

// The statistics without what depends on the clock.
nlohmann::json Timeless(nlohmann::json stats) {
  stats.erase("elapsed_seconds");
  stats.erase("events_per_second");
  return stats;
}

TEST(RunTest, ParallelRunsGiveTheSameAlertsDeadLettersAndStatistics) {
  // Small batches and frequent checkpoints keep the queue between the threads busy.
  runtime::RunOptions o = PackOnSamples();
  o.ingest.batch_size = 16;
  o.checkpoint_every = 50;
  std::vector<RunOutput> runs;
  std::vector<std::string> dead;
  for (int threads : {1, 2, 4}) {
    const std::string dir = TempDir("threads" + std::to_string(threads));
    o.threads = threads;
    o.state_dir = dir + "/state";
    o.dead_letter = dir + "/dead.jsonl";
    runs.push_back(RunVigil(o, dir));
    dead.push_back(ReadFile(o.dead_letter));
    ASSERT_EQ(runs.back().exit_code, 0);
  }
  ASSERT_GT(runs[0].alerts.size(), 10u);
  EXPECT_GT(runs[0].stats["quarantined"].get<uint64_t>(), 0u);  // dead letters go through too
  for (size_t i = 1; i < runs.size(); ++i) {
    EXPECT_EQ(runs[i].alerts_text, runs[0].alerts_text) << i;
    EXPECT_EQ(dead[i], dead[0]) << i;
    EXPECT_EQ(Timeless(runs[i].stats), Timeless(runs[0].stats)) << i;
  }
}

TEST(RunTest, ReferenceInterpreterGivesTheSameAlerts) {
  runtime::RunOptions o = PackOnSamples();
  RunOutput vm = RunVigil(o, TempDir("eng_vm"));
  o.engine = "interp";
  RunOutput interp = RunVigil(o, TempDir("eng_interp"));
  EXPECT_EQ(Ids(vm), Ids(interp));
  EXPECT_EQ(vm.alerts_text, interp.alerts_text);
}

TEST(RunTest, CompiledPackGivesTheSameAlertsAsSources) {
  runtime::RunOptions o = PackOnSamples();
  RunOutput sources = RunVigil(o, TempDir("pack_src"));
  // Compile the pack the way `vigil compile` does and run from the .vgp file.
  runtime::RuleSet rules;
  std::string error;
  ASSERT_TRUE(runtime::LoadRuleSet(o.rules, &rules, &error)) << error;
  const std::string dir = TempDir("pack");
  WriteFile(dir + "/pack.vgp", bytecode::Serialize(compiler::BuildPackFile(rules.pack())));
  o.rules = {dir + "/pack.vgp"};
  RunOutput packed = RunVigil(o, dir);
  ASSERT_EQ(packed.exit_code, 0);
  EXPECT_FALSE(sources.alerts.empty());
  EXPECT_EQ(sources.alerts_text, packed.alerts_text);
}

TEST(RunTest, CorruptedPackIsRefusedBeforeAnyEventIsRead) {
  runtime::RunOptions o = PackOnSamples();
  runtime::RuleSet rules;
  std::string error;
  ASSERT_TRUE(runtime::LoadRuleSet(o.rules, &rules, &error)) << error;
  std::string bytes = bytecode::Serialize(compiler::BuildPackFile(rules.pack()));
  bytes[bytes.size() / 2] ^= 0x5a;
  const std::string dir = TempDir("badpack");
  WriteFile(dir + "/pack.vgp", bytes);
  o.rules = {dir + "/pack.vgp"};
  RunOutput r = RunVigil(o, dir);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(r.alerts.empty());
}

TEST(RunTest, RoutesDuetToTheCustomerWithTheRenderedQuestion) {
  RunOutput r =
      RunDlp("duet",
             "rule t.duet {\n title \"DLP hit by {sender}\"\n description \"d\"\n class duet\n "
             "severity low\n"
             " question \"Did you expect {sender} to send this?\"\n first_action \"Ask {sender}\"\n"
             " on dlp\n when action == \"notification\"\n}\n",
             DlpLine("10:00", "m1", "notification"));
  ASSERT_EQ(r.exit_code, 0);
  ASSERT_EQ(r.alerts.size(), 1u);
  const auto& routing = r.alerts[0]["routing"];
  EXPECT_EQ(routing["queue"], "customer");
  EXPECT_EQ(routing["bypass_triage"], true);
  EXPECT_EQ(routing["question"], "Did you expect bob@acme.example to send this?");
  EXPECT_EQ(r.alerts[0]["title"], "DLP hit by bob@acme.example");
}

TEST(RunTest, SuppressionKeepsOneAlertPerKeyAndPeriod) {
  std::string logs;
  for (int i = 0; i < 5; ++i) logs += DlpLine("10:0" + std::to_string(i), "m" + std::to_string(i));
  logs += DlpLine("12:00", "m9");
  RunOutput r =
      RunDlp("suppress",
             Rule("t.s", " on dlp\n when action == \"block\"\n suppress by sender for 1h"), logs);
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.alerts.size(), 2u);  // the first, and the one two hours later
  EXPECT_EQ(r.stats["suppressed"].get<int>(), 4);
}

TEST(RunTest, SuppressionCoversMatchesReadOutOfEventTimeOrder) {
  // The 10:30 record is read first; the 10:00 one (read second) is within the hour before it.
  RunOutput r =
      RunDlp("suppress_order",
             Rule("t.s", " on dlp\n when action == \"block\"\n suppress by sender for 1h"),
             DlpLine("10:30", "a") + DlpLine("10:00", "b") + DlpLine("08:00", "c"));
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.alerts.size(), 2u);  // 10:30 and 08:00
  EXPECT_EQ(r.stats["suppressed"].get<int>(), 1);
}

TEST(RunTest, InterruptedReturnsThreeAndStrictFlagsQuarantine) {
  const std::string dir = TempDir("strict");
  WriteFile(dir + "/r.vgl", Rule("t.x", " on dlp\n when action == \"block\""));
  WriteFile(dir + "/logs/dlp.json", "{not json\n");
  runtime::RunOptions o;
  o.rules = {dir + "/r.vgl"};
  o.inputs = {dir + "/logs"};
  o.strict = true;
  RunOutput r = RunVigil(o, dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.stats["quarantined"].get<int>(), 1);
  std::atomic<bool> stop{true};
  o.strict = false;
  o.output = dir + "/a2.jsonl";
  EXPECT_EQ(runtime::Run(o, &stop), 3);
}

TEST(RunTest, RuleErrorsAreAConfigurationError) {
  const std::string dir = TempDir("badrules");
  WriteFile(dir + "/r.vgl", Rule("t.x", " on dlp\n when sender.domian == \"x\""));
  runtime::RunOptions o;
  o.rules = {dir + "/r.vgl"};
  o.inputs = {dir};
  EXPECT_EQ(RunVigil(o, dir).exit_code, 2);
}

TEST(RunTest, MissingInputOrUnwritableStatisticsAreFailures) {
  const std::string dir = TempDir("missing");
  WriteFile(dir + "/r.vgl", Rule("t.x", " on receipt\n when true"));
  WriteFile(dir + "/logs/receipt_1.log", "datetime=2024-05-01T10:00:00+0000|aCode=a|acc=C1\n");
  runtime::RunOptions o;
  o.rules = {dir + "/r.vgl"};
  o.inputs = {dir + "/logs", dir + "/no_such_dir"};
  RunOutput r = RunVigil(o, dir);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(r.alerts.empty());  // refused before anything was read
  o.inputs = {dir + "/logs"};
  o.stats_json = dir + "/no_such_dir/stats.json";
  o.output = dir + "/alerts.jsonl";
  o.summary = false;
  EXPECT_EQ(runtime::Run(o, nullptr), 2);
  EXPECT_EQ(ReadLines(o.output).size(), 1u);  // the alerts were still written
  // A quoted glob pattern is expanded; one that matches nothing is a missing input.
  o.stats_json = dir + "/stats.json";
  o.inputs = {dir + "/log?/receipt_*.log"};
  EXPECT_EQ(runtime::Run(o, nullptr), 0);
  EXPECT_EQ(ReadLines(o.output).size(), 1u);
  o.inputs = {dir + "/logs/delivery_*.log"};
  EXPECT_EQ(runtime::Run(o, nullptr), 2);
}

}  // namespace
}  // namespace vigil::testing

// test_events_test.cc: the events of embedded rule tests (runtime/test_events.cc) hold what
// ingest makes of the same values in real logs: an address with a display name keeps only the
// address in its field, the display name goes to from.name, the parts are derived from the
// address. Checked field by field against the ingestor, and end to end with `vigil test`.
#include "runtime/test_events.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "compiler/driver/driver.h"
#include "compiler/parse/literals.h"
#include "ingest/ingestor.h"
#include "ingest/normalized_json.h"
#include "runtime/rule_set.h"
#include "runtime/test_runner.h"

namespace vigil::runtime {
namespace {

using nlohmann::json;

constexpr const char* kAddresses[] = {
    "\"The CEO\" <CEO@Acme.com>",
    "The CEO <ceo@acme.co.uk>",
    "<Bob@Example.org>",
    "alice@mail.example.com",
    "  padded@example.com  ",
    "\"Last, First\" <first.last@corp.example>",
    "<>",
    "not an address",
};

// The address fields of a normalized row and what is derived from them.
json AddressFields(const json& row) {
  json out = json::object();
  for (const auto& [key, value] : row.items()) {
    for (const std::string prefix : {"from", "sender", "recipient", "recipients"}) {
      if (key == prefix || key.starts_with(prefix + ".")) out[key] = value;
    }
    if (key == "recipient_count") out[key] = value;
  }
  return out;
}

class CollectRows : public ingest::Sink {
 public:
  void OnBatch(columnar::Batch& batch) override {
    for (size_t i = 0; i < batch.size(); ++i) {
      rows.push_back(json::parse(ingest::RowToJson(batch, i, {.meta = false})));
    }
  }
  void OnDeadLetter(const ingest::DeadLetter&) override { ++dead; }
  std::vector<json> rows;
  size_t dead = 0;
};

// A receipt as the API 1.0 JSON log carries it, with `address` as sender, From and recipient.
json IngestedReceipt(const std::string& address) {
  const json record = {{"acc", "C0A0"},         {"datetime", "2024-01-01T01:00:00+0100"},
                       {"Act", "Acc"},          {"IP", "192.0.2.10"},
                       {"Dir", "Inbound"},      {"Sender", address},
                       {"headerFrom", address}, {"Rcpt", address},
                       {"Subject", "s"}};
  const json log = {{"type", "MTA"}, {"data", json::array({record})}};
  CollectRows sink;
  ingest::Ingestor ingestor({}, &sink);
  ingestor.IngestBytes("receipt_20240101000000000.json", log.dump());
  ingestor.Flush();
  EXPECT_EQ(sink.dead, 0u);
  return sink.rows.size() == 1 ? sink.rows[0] : json();
}

// The same receipt as a rule test writes it.
json TestEventReceipt(const std::string& address) {
  const std::string quoted = compiler::QuoteString(address);
  const std::string source =
      "rule t.addr {\n  title \"t\"\n  description \"d\"\n  class expel\n  severity low\n"
      "  on receipt\n  when subject == \"s\"\n  test \"t\" {\n    receipt { sender: " +
      quoted + ", from: " + quoted + ", recipient: " + quoted +
      ", subject: \"s\" }\n    expect match\n  }\n}\n";
  compiler::LoadOptions opts;
  opts.disabled = {compiler::DiagCode::kW0508};
  const compiler::LoadResult r = compiler::LoadSource("t.vgl", source, opts);
  EXPECT_EQ(r.errors, 0u) << source;
  if (r.errors != 0) return json();
  columnar::Batch batch(schema::EventType::kReceipt, 1);
  columnar::BatchBuilder builder(&batch);
  AddTestEvent(r.pack->rules[0].ast->tests[0].items[0], 0, 0, &builder);
  return json::parse(ingest::RowToJson(batch, 0, {.meta = false}));
}

TEST(TestEventsTest, AddressFieldsMatchIngest) {
  for (const char* address : kAddresses) {
    SCOPED_TRACE(address);
    EXPECT_EQ(AddressFields(TestEventReceipt(address)), AddressFields(IngestedReceipt(address)));
  }
}

TEST(TestEventsTest, DisplayNameIsSplitFromTheAddress) {
  const json row = TestEventReceipt("\"The CEO\" <CEO@Acme.com>");
  EXPECT_EQ(row.value("from", ""), "ceo@acme.com");
  EXPECT_EQ(row.value("from.name", ""), "The CEO");
  EXPECT_EQ(row.value("from.domain", ""), "acme.com");
  EXPECT_EQ(row.value("from.root_domain", ""), "acme.com");
  EXPECT_EQ(row.value("sender", ""), "ceo@acme.com");
  EXPECT_EQ(row.value("sender.local", ""), "ceo");
  EXPECT_EQ(row.value("recipient", ""), "ceo@acme.com");
  EXPECT_EQ(row["recipients"][0].value("address", ""), "ceo@acme.com");
}

// `vigil test` on a rule that reads from, from.name and from.domain.
TEST(TestEventsTest, RuleTestsSeeTheDisplayNameAndTheAddress) {
  const std::string dir = ::testing::TempDir() + "vigil_test_events";
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "/from.vgl") << R"(rule t.from_display {
  title "t"
  description "d"
  class expel
  severity low
  on receipt
  when from == "ceo@acme.com" and from.name == "The CEO" and from.domain == "acme.com"
  test "a display name and an address" {
    receipt { from: "\"The CEO\" <CEO@Acme.com>" }
    expect match
  }
  test "another display name" {
    receipt { from: "\"Someone\" <ceo@acme.com>" }
    expect no match
  }
}
)";
  RuleSet rules;
  std::string error;
  ASSERT_TRUE(LoadRuleSet({dir + "/from.vgl"}, &rules, &error)) << error;
  const TestReport report = RunRuleTests(rules, {});
  for (const TestOutcome& o : report.outcomes) EXPECT_TRUE(o.passed) << o.test << ": " << o.message;
  EXPECT_EQ(report.passed, 2u);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace vigil::runtime

// docs_test.cc: the generated references must equal what the built `vigil` prints, so they
// can never drift from the tables they come from: docs/diagnostics.md (`vigil explain --format
// markdown`, from diagnostic_codes.def + diagnostic_docs.def) and docs/schema.md (`vigil schema
// --format markdown`, from events.def + fields.def). Also `vigil explain` and `vigil schema`
// end to end. VIGIL_UPDATE_GOLDEN=1 rewrites a stale doc (golden_util.h).
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "compiler/base/diagnostics.h"
#include "schema/schema.h"
#include "tests/golden/golden_util.h"

namespace vigil::golden {
namespace {

struct CommandRun {
  int status = -1;
  std::string out, err;
};

// Runs `vigil <args>` from the repository root.
CommandRun Vigil(const std::string& args) {
  const std::string dir = ::testing::TempDir() + "vigil_docs_" + std::to_string(::getpid());
  std::filesystem::create_directories(dir);
  const std::string cmd = "cd '" + std::string(VIGIL_SOURCE_DIR) + "' && '" + VIGIL_BINARY + "' " +
                          args + " >'" + dir + "/out' 2>'" + dir + "/err'";
  const int rc = std::system(cmd.c_str());
  CommandRun r;
  r.status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  r.out = ReadFile(dir + "/out");
  r.err = ReadFile(dir + "/err");
  std::filesystem::remove_all(dir);
  return r;
}

// The committed `doc` must be exactly what `vigil <args>` prints.
void ExpectDocIsOutputOf(const std::string& doc, const std::string& args) {
  const CommandRun r = Vigil(args);
  ASSERT_EQ(r.status, 0) << r.err;
  ExpectMatchesGolden(RepoPath(doc), r.out);
}

TEST(DiagnosticsDocTest, CommittedDocMatchesTheTables) {
  ExpectDocIsOutputOf("docs/diagnostics.md", "explain --format markdown");
}

TEST(DiagnosticsDocTest, EveryCodeIsExplainedUnderItsAnchor) {
  const CommandRun r = Vigil("explain --format markdown");
  for (const compiler::DiagInfo& info : compiler::AllDiagnostics()) {
    std::string anchor(info.id);
    for (char& c : anchor) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    EXPECT_NE(r.out.find("<a id=\"" + anchor + "\"></a>\n### " + std::string(info.id)),
              std::string::npos)
        << info.id;
  }
  EXPECT_EQ(r.out.find("No explanation is written"), std::string::npos)
      << "a code has no row in compiler/base/diagnostic_docs.def";
}

TEST(ExplainCommandTest, ExplainsOneCodeInAnyCase) {
  const CommandRun r = Vigil("explain e0201");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(r.out.starts_with("E0201 unknown-field (error): unknown field\n")) << r.out;
  EXPECT_NE(r.out.find("    when sender.domain == \"example.com\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("docs/diagnostics.md#e0201"), std::string::npos);
}

TEST(ExplainCommandTest, WarningsSayHowToSwitchThemOff) {
  const CommandRun r = Vigil("explain W0505");
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("vigil check -A W0505"), std::string::npos) << r.out;
}

TEST(ExplainCommandTest, ListsEveryCodeWithoutArguments) {
  const CommandRun r = Vigil("explain");
  EXPECT_EQ(r.status, 0);
  for (const compiler::DiagInfo& info : compiler::AllDiagnostics()) {
    EXPECT_NE(r.out.find(std::string(info.id) + "  "), std::string::npos) << info.id;
  }
}

TEST(ExplainCommandTest, RejectsAnUnknownCodeAsUsageError) {
  const CommandRun r = Vigil("explain E9999");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("`E9999` is not a diagnostic code"), std::string::npos) << r.err;
}

TEST(SchemaDocTest, CommittedDocMatchesTheSchemaTables) {
  ExpectDocIsOutputOf("docs/schema.md", "schema --format markdown");
}

TEST(SchemaCommandTest, JsonListsEveryEventWithItsFields) {
  const CommandRun r = Vigil("schema --format json");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["events"].size(), static_cast<size_t>(schema::kEventTypeCount));
  size_t with_field = 0;
  for (const auto& e : j["events"]) {
    schema::EventType t;
    ASSERT_TRUE(schema::FindEvent(e["name"].get<std::string>(), &t));
    for (const auto& f : e["fields"]) {
      schema::FieldId id;
      ASSERT_TRUE(schema::FindField(f["name"].get<std::string>(), &id));
      EXPECT_TRUE(schema::Field(id).HasEvent(t)) << f["name"];
      ++with_field;
    }
  }
  size_t expected = 0;
  for (const schema::FieldInfo& f : schema::AllFields()) {
    expected += static_cast<size_t>(__builtin_popcount(f.events));
  }
  EXPECT_EQ(with_field, expected);
}

TEST(SchemaCommandTest, FiltersOneEventTypeWithValueSetsAndMembers) {
  const CommandRun r = Vigil("schema --event process --format json");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["events"].size(), 1u);
  bool saw_member = false, saw_closed = false;
  for (const auto& f : j["events"][0]["fields"]) {
    if (f["name"] == "attachments.ext") {
      saw_member = f["shape"] == "member" && f["parent"] == "attachments";
    }
    if (f["name"] == "direction") {
      saw_closed = f["value_set"] == "closed" && f["values"].size() == 4u;
    }
  }
  EXPECT_TRUE(saw_member);
  EXPECT_TRUE(saw_closed);
  const CommandRun text = Vigil("schema --event process");
  EXPECT_TRUE(text.out.starts_with("process  ")) << text.out.substr(0, 80);
  EXPECT_EQ(text.out.find("\nreceipt  "), std::string::npos);
}

TEST(SchemaCommandTest, RejectsAnUnknownEventType) {
  const CommandRun r = Vigil("schema --event reciept");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("unknown event type `reciept`"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace vigil::golden

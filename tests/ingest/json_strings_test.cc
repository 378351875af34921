// json_strings_test.cc: JSON keys and string values read as views of the input when they hold
// no escapes and unescaped otherwise: every length around the 16-byte scan step, escapes at
// each position, escaped keys, spaces after a string, and the wrapper's offsets.
#include <gtest/gtest.h>

#include <string>

#include "tests/ingest/test_sink.h"

namespace vigil::ingest {
namespace {

using testing::IngestText;

// An API 2.0 receipt whose subject is the JSON string literal `subject_json` (quotes
// included) under the key literal `key_json`.
std::string Receipt(int i, std::string_view key_json, std::string_view subject_json) {
  return R"({"type":"receipt","timestamp":)" + std::to_string(1731499059314 + i) +
         R"(,"accountId":"C1","processingId":"p)" + std::to_string(i) + R"(",)" +
         std::string(key_json) + ":" + std::string(subject_json) +
         R"(,"senderEnvelope":"s@x.example.com"})" + "\n";
}

std::string SubjectOf(const testing::Run& run, int i) {
  return run.One("receipt", "processing_id", "p" + std::to_string(i)).value("subject", "<none>");
}

TEST(JsonStringsTest, PlainStringsOfEveryLengthAroundTheScanStep) {
  std::string lines;
  for (int n = 0; n <= 70; ++n)
    lines += Receipt(n, R"("subject")", "\"" + std::string(n, 'a' + n % 26) + "\"");
  const testing::Run run = IngestText("strings.ndjson", lines);
  ASSERT_EQ(run.stats.events, 71u);
  for (int n = 1; n <= 70; ++n) EXPECT_EQ(SubjectOf(run, n), std::string(n, 'a' + n % 26)) << n;
}

TEST(JsonStringsTest, EscapesAtEveryPositionAreDecoded) {
  std::string lines;
  for (int pos = 0; pos <= 40; ++pos) {
    std::string body = std::string(40, 'x');
    body.insert(pos, R"(\"q\u00e9\\)");
    lines += Receipt(pos, R"("subject")", "\"" + body + "\"");
  }
  const testing::Run run = IngestText("escapes.ndjson", lines);
  ASSERT_EQ(run.stats.events, 41u);
  for (int pos = 0; pos <= 40; ++pos) {
    std::string want = std::string(40, 'x');
    want.insert(pos, "\"q\xc3\xa9\\");
    EXPECT_EQ(SubjectOf(run, pos), want) << pos;
  }
}

TEST(JsonStringsTest, EscapedKeysAndSpacedValuesReadAsPlainOnes) {
  const std::string lines = Receipt(1, R"("sub\u006aect")", R"("from an escaped key")") +
                            Receipt(2, R"("subject"  )", "  \"spaced\"   ") +
                            Receipt(3, R"("subject")", R"("")");
  const testing::Run run = IngestText("keys.ndjson", lines);
  ASSERT_EQ(run.stats.events, 3u);
  EXPECT_EQ(SubjectOf(run, 1), "from an escaped key");
  EXPECT_EQ(SubjectOf(run, 2), "spaced");
  EXPECT_EQ(SubjectOf(run, 3), "<none>");
}

TEST(JsonStringsTest, WrappedMessagesKeepTheWrapperOffset) {
  const std::string first = Receipt(1, R"("subject")", R"("ok")");
  const std::string lines = first + R"({"message":"{not json}"})" + "\n";
  const testing::Run run = IngestText("wrapped.ndjson", lines);
  ASSERT_EQ(run.sink.dead.size(), 1u);
  EXPECT_EQ(run.sink.dead[0].offset, first.size());
}

}  // namespace
}  // namespace vigil::ingest

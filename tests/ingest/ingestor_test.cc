// ingestor_test.cc: the Ingestor API: batch sizes (0/1/2047/2048/2049 rows), provenance of
// every row (file, offset, raw bytes), the columnar layout it fills (dictionaries, validity,
// record offsets), gzip files and directories, overrides (--log-type, --format), stats JSON.
#include "ingest/ingestor.h"

#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>

#include "tests/ingest/test_sink.h"
#include "vm/columnar/batch.h"

namespace vigil::ingest {
namespace {

using schema::FieldId;

std::string Event(int i) { return testing::ReceiptLine(i); }

std::string Events(int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += Event(i);
  return out;
}

// Keeps a copy of one column's facts per batch (batches are reused after OnBatch).
class LayoutSink : public Sink {
 public:
  void OnBatch(columnar::Batch& b) override {
    const columnar::Column* dir = b.column(FieldId::kDirection);
    dict_storage = dir->storage() == columnar::Storage::kDictString;
    dict_size = dir->dict.size();
    const columnar::Column* rcpt = b.column(FieldId::kRecipients);
    offsets.assign(rcpt->offsets.begin(), rcpt->offsets.begin() + b.size() + 1);
    spam_null = b.column(FieldId::kSpamLimit)->IsNull(0);
    raw0 = std::string(b.sources()[0].raw);
    offset1 = b.sources()[1].offset;
    ++batches;
  }
  void OnDeadLetter(const DeadLetter&) override {}
  bool dict_storage = false;
  size_t dict_size = 0;
  std::vector<uint32_t> offsets;
  bool spam_null = false;
  std::string raw0;
  uint64_t offset1 = 0;
  int batches = 0;
};

TEST(IngestorTest, BatchSizeSweep) {
  for (size_t batch_size : {size_t{1}, size_t{2047}, size_t{2048}, size_t{2049}}) {
    for (int n : {0, 1, 2047, 2048, 2049, 4097}) {
      Options options;
      options.batch_size = batch_size;
      const testing::Run run = testing::IngestText("in.ndjson", Events(n), options);
      SCOPED_TRACE(std::to_string(batch_size) + " / " + std::to_string(n));
      EXPECT_EQ(run.stats.events, static_cast<uint64_t>(n));
      size_t total = 0;
      for (size_t s : run.sink.batch_sizes) {
        EXPECT_LE(s, batch_size);
        EXPECT_GT(s, 0u);
        total += s;
      }
      EXPECT_EQ(total, static_cast<size_t>(n));
      EXPECT_EQ(run.sink.batch_sizes.size(), (n + batch_size - 1) / batch_size);
      EXPECT_EQ(run.stats.quarantined, n == 0 ? 1u : 0u);  // an empty input is reported
    }
  }
}

TEST(IngestorTest, ColumnarLayoutAndProvenance) {
  LayoutSink sink;
  Ingestor ingestor(Options{}, &sink);
  const std::string text = Events(10);
  ingestor.IngestBytes("in.ndjson", text);
  ingestor.Flush();
  ASSERT_EQ(sink.batches, 1);
  EXPECT_TRUE(sink.dict_storage);
  EXPECT_EQ(sink.dict_size, 2u);  // inbound, outbound (casing normalized)
  EXPECT_EQ(sink.offsets, (std::vector<uint32_t>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
  EXPECT_TRUE(sink.spam_null);
  EXPECT_EQ(sink.raw0 + "\n", Event(0));
  EXPECT_EQ(sink.offset1, Event(0).size());
  ASSERT_EQ(ingestor.files().size(), 1u);
  EXPECT_EQ(ingestor.files()[0], "in.ndjson");
}

TEST(IngestorTest, StatsJsonHasTheContractKeys) {
  const testing::Run run = testing::IngestText("in.ndjson", Events(3) + "garbage\n");
  const nlohmann::json j = nlohmann::json::parse(run.stats.ToJson());
  EXPECT_EQ(j["records_read"], 4);
  EXPECT_EQ(j["events"], 3);
  EXPECT_EQ(j["quarantined"], 1);
  EXPECT_EQ(j["by_type"], nlohmann::json::parse(R"({"receipt":3})"));
  EXPECT_EQ(j["quarantine_reasons"], nlohmann::json::parse(R"({"malformed_json":1})"));
  EXPECT_TRUE(j.contains("type_inferred"));
  EXPECT_EQ(j["by_format"], nlohmann::json::parse(R"({"json":4})"));
  EXPECT_EQ(j["files"], 1);
}

TEST(IngestorTest, GzipFilesInNestedDirectories) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "vigil_ingest_dir";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "b");
  const std::string text = Events(5);
  gzFile gz = gzopen((dir / "b" / "events.ndjson.gz").c_str(), "wb");
  gzwrite(gz, text.data(), static_cast<unsigned>(text.size()));
  gzclose(gz);
  std::ofstream(dir / "a.ndjson") << Event(99);
  std::filesystem::create_directory_symlink(dir, dir / "b" / "loop");  // read once, not forever
  const testing::Run run = testing::IngestPaths({dir.string()});
  EXPECT_EQ(run.stats.events, 6u);
  EXPECT_EQ(run.stats.files, 2u);
  EXPECT_EQ(run.stats.bytes, text.size() + Event(99).size());
  EXPECT_EQ(run.sink.rows[0]["@file"], 0);  // a.ndjson comes first (name order)
  std::filesystem::remove_all(dir);
}

TEST(IngestorTest, LogTypeOverrideAndFilePrefix) {
  const std::string line =
      R"({"datetime":"2021-10-18T09:02:43+0100","acc":"C","Sender":"a@b.example"})";
  // The keys say nothing: the file prefix decides, --log-type overrides it.
  EXPECT_EQ(testing::IngestText("jrnl_20211018.json", line).stats.by_type.count("journal"), 1u);
  Options options;
  options.log_type = "spameventthread";
  const testing::Run run = testing::IngestText("jrnl_20211018.json", line, options);
  EXPECT_EQ(run.stats.by_type.count("spam"), 1u);
  EXPECT_EQ(run.stats.type_inferred, 0u);
  const testing::Run unknown = testing::IngestText("x.json", line);
  EXPECT_EQ(unknown.stats.quarantine_reasons.count("unknown_record_shape"), 1u);
}

TEST(IngestorTest, ExplicitFormatOverridesDetection) {
  // A pretty-printed page read as NDJSON: each line is a bad record, all accounted for.
  const std::string page = testing::ReadFile(testing::Fixture("api2_page.json"));
  Options options;
  options.format = Format::kApi2Ndjson;
  const testing::Run forced = testing::IngestText("page.json", page, options);
  EXPECT_EQ(forced.stats.events, 0u);
  EXPECT_GT(forced.stats.quarantined, 5u);
  EXPECT_TRUE(forced.stats.Balanced());
  options.format = Format::kApi2Page;
  EXPECT_EQ(testing::IngestText("page.json", page, options).stats.events, 1u);
}

TEST(IngestorTest, EmptyEnvelopesAreContainersNotRecords) {
  const testing::Run run = testing::IngestText(
      "in.ndjson",
      R"({"meta":{"status":200},"data":[],"fail":[]})"
      "\n"
      R"({"meta":{"status":200},"data":[{"clickLogs":[{"date":"2021-10-16T14:45:34+0000","userEmailAddress":"a@b.example","url":"http://x.example/"}]}],"fail":[]})"
      "\n");
  EXPECT_EQ(run.stats.records_read, 1u);
  EXPECT_EQ(run.stats.events, 1u);
  EXPECT_EQ(run.stats.containers, 3u);  // two envelopes and data[0], the clickLogs holder
  EXPECT_EQ(run.sink.rows[0]["url.host"], "x.example");
}

const nlohmann::json kRow = {{"a", 1}};

TEST(ExpectFieldsTest, ReportsWrongMissingAndUnexpectedFields) {
  EXPECT_NONFATAL_FAILURE(testing::ExpectFields(kRow, R"({"a": 2})"), "want 2");
  EXPECT_NONFATAL_FAILURE(testing::ExpectFields(kRow, R"({"b": 1})"), "(absent)");
  EXPECT_NONFATAL_FAILURE(testing::ExpectFields(kRow, R"({"a": null})"), "should be absent");
}

}  // namespace
}  // namespace vigil::ingest

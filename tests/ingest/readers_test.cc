// readers_test.cc: the physical layer: byte sources (gzip, zlib, cut streams), line
// buffering with oversize skipping, format detection, and the key=value, CSV and YAML readers.
#include <gtest/gtest.h>
#include <zlib.h>

#include <string>

#include "ingest/byte_source.h"
#include "ingest/csv_records.h"
#include "ingest/format_detect.h"
#include "ingest/input_buffer.h"
#include "ingest/kv_records.h"
#include "ingest/yaml_samples.h"

namespace vigil::ingest {
namespace {

std::string Gzip(std::string_view text, int window_bits = 15 + 16) {
  z_stream zs{};
  deflateInit2(&zs, Z_BEST_SPEED, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, text.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  zs.avail_in = static_cast<uInt>(text.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

std::string ReadAll(ByteSource* s) {
  std::string out;
  char buf[7];  // small reads exercise the refill paths
  for (size_t n; (n = s->Read(buf, sizeof buf)) > 0;) out.append(buf, n);
  return out;
}

TEST(ByteSourceTest, InflatesGzipZlibAndConcatenatedMembers) {
  const std::string text = "line one\nline two\n";
  for (const std::string& packed : {Gzip(text), Gzip(text, 15), Gzip(text) + Gzip(text)}) {
    auto src = Decompressing(MemorySource(packed));
    const std::string got = ReadAll(src.get());
    EXPECT_TRUE(got == text || got == text + text);
    EXPECT_EQ(src->error(), SourceError::kNone);
  }
}

TEST(ByteSourceTest, PlainTextPassesThrough) {
  auto src = Decompressing(MemorySource("x=1|y=2\n"));
  EXPECT_EQ(ReadAll(src.get()), "x=1|y=2\n");
}

TEST(ByteSourceTest, CutGzipIsADecompressError) {
  const std::string packed = Gzip(std::string(5000, 'a'));
  auto src = Decompressing(MemorySource(std::string_view(packed).substr(0, packed.size() / 2)));
  ReadAll(src.get());
  EXPECT_EQ(src->error(), SourceError::kDecompress);
}

TEST(InputBufferTest, SplitsLinesWithOffsetsAndPadding) {
  auto src = MemorySource("a\r\n\nbb\nccc");
  InputBuffer in(src.get(), 100, 10);
  Line l;
  std::vector<std::pair<std::string, uint64_t>> got;
  while (in.NextLine(&l)) {
    EXPECT_GE(l.readable, l.text.size() + kInputPadding);
    got.emplace_back(std::string(l.text), l.offset);
  }
  const std::vector<std::pair<std::string, uint64_t>> want = {
      {"a", 0}, {"", 3}, {"bb", 4}, {"ccc", 7}};
  EXPECT_EQ(got, want);
}

TEST(InputBufferTest, OversizeLineIsSkippedToItsNewline) {
  const std::string text = "ok\n" + std::string(5000, 'x') + "\nafter\n";
  auto src = MemorySource(text);
  InputBuffer in(src.get(), 1000, 16);
  Line l;
  ASSERT_TRUE(in.NextLine(&l));
  EXPECT_EQ(l.text, "ok");
  ASSERT_TRUE(in.NextLine(&l));
  EXPECT_TRUE(l.oversize);
  EXPECT_EQ(l.size, 5000u);
  EXPECT_EQ(l.offset, 3u);
  EXPECT_EQ(l.text, std::string(16, 'x'));
  ASSERT_TRUE(in.NextLine(&l));
  EXPECT_EQ(l.text, "after");
  EXPECT_EQ(l.offset, 5004u);
  EXPECT_FALSE(in.NextLine(&l));
}

TEST(InputBufferTest, ReadRestRefusesOversizeDocumentsButCountsThem) {
  const std::string text(3000, 'y');
  auto src = MemorySource(text);
  InputBuffer in(src.get(), 100, 8);
  std::string_view doc;
  size_t readable = 0;
  uint64_t size = 0;
  EXPECT_FALSE(in.ReadRest(1000, &doc, &readable, &size));
  EXPECT_EQ(size, 3000u);
  EXPECT_EQ(doc, "yyyyyyyy");
}

TEST(FormatDetectTest, EachFormatByItsFirstBytes) {
  EXPECT_EQ(DetectFormat("{\"a\":1}\n", "x"), Format::kJson);
  EXPECT_EQ(DetectFormat("\xEF\xBB\xBF  [1]", "x"), Format::kJson);
  EXPECT_EQ(DetectFormat("datetime=2017-05-26T16:47:41+0100|aCode=x", "x"), Format::kApi1Kv);
  EXPECT_EQ(DetectFormat("a_s,b_d\n1,2\n", "x"), Format::kCsv);
  EXPECT_EQ(DetectFormat("id: x\ntests:\n  -\n    sample: |-\n      {}\n", "x"),
            Format::kYamlSamples);
  EXPECT_EQ(DetectFormat("# a markdown title\n", "x.md"), Format::kAuto);
}

TEST(FormatDetectTest, LineDelimitedVersusDocumentJson) {
  EXPECT_TRUE(JsonIsLineDelimited("{\"a\":\"}\\\"{\"}\n{\"b\":2}\n"));
  EXPECT_FALSE(JsonIsLineDelimited("{\n  \"value\": []\n}\n"));
  EXPECT_TRUE(JsonIsLineDelimited("{\"a\":1},{\"b\":2}\n"));
}

TEST(KvRecordsTest, BackslashWrappedValuesMayHoldPipesAndEquals) {
  RawRecord r;
  ASSERT_TRUE(ParseKvLine(
      "datetime=2017-05-26T16:47:41+0100|Subject=\\a|b=c \\ d\\|Act=Acc|Info={\"x\":1}", &r));
  ASSERT_EQ(r.fields.size(), 4u);
  EXPECT_EQ(r.StringOf("datetime"), "2017-05-26T16:47:41+0100");
  EXPECT_EQ(r.StringOf("Subject"), "a|b=c \\ d");
  EXPECT_EQ(r.StringOf("Act"), "Acc");
  EXPECT_EQ(r.StringOf("Info"), "{\"x\":1}");
}

TEST(KvRecordsTest, PlainValuesEndAtTheNextKeyAndMayHoldPipes) {
  RawRecord r;
  ASSERT_TRUE(ParseKvLine("a=1|b=x | y|c=|d=\\last\\", &r));
  EXPECT_EQ(r.StringOf("b"), "x | y");
  EXPECT_EQ(r.StringOf("c"), "");
  EXPECT_EQ(r.StringOf("d"), "last");
  RawRecord bad;
  EXPECT_FALSE(ParseKvLine("no pairs here", &bad));
}

TEST(CsvTest, QuotedCellsCommasAndDoubledQuotes) {
  std::string storage;
  std::vector<std::string_view> cells;
  ASSERT_TRUE(SplitCsvRow("a,\"b,c\",\"[\"\"Body\"\"]\",,\"x\ny\"", &storage, &cells));
  ASSERT_EQ(cells.size(), 5u);
  EXPECT_EQ(cells[1], "b,c");
  EXPECT_EQ(cells[2], "[\"Body\"]");
  EXPECT_EQ(cells[3], "");
  EXPECT_EQ(cells[4], "x\ny");
  EXPECT_FALSE(SplitCsvRow("\"open", &storage, &cells));
  EXPECT_FALSE(SplitCsvRow("\"a\"b,c", &storage, &cells));
}

TEST(CsvTest, HeaderNamesMapBackToMimecastKeys) {
  EXPECT_EQ(NormalizeCsvHeader("Sender_s"), "Sender");
  EXPECT_EQ(NormalizeCsvHeader("date_t [UTC]"), "date");
  EXPECT_EQ(NormalizeCsvHeader("TimeGenerated [UTC]"), "TimeGenerated");
  EXPECT_EQ(NormalizeCsvHeader("_offset_d"), "_offset");
  EXPECT_EQ(NormalizeCsvHeader("taggedMalicious_b"), "taggedMalicious");
  EXPECT_EQ(NormalizeCsvHeader("Sender Envelope"), "senderEnvelope");
  EXPECT_EQ(NormalizeCsvHeader("Url Category"), "urlCategory");
  EXPECT_EQ(NormalizeCsvHeader("Sender IP"), "senderIp");
  EXPECT_EQ(NormalizeCsvHeader("Event Time"), "timestamp");
  EXPECT_EQ(NormalizeCsvHeader("Type"), "Logtype");
  EXPECT_EQ(NormalizeCsvHeader("tagMap_UrlReputationScan_Type_s"), "tagMap_UrlReputationScan_Type");
}

TEST(YamlSamplesTest, ExtractsDedentedSampleBlocks) {
  const std::string doc =
      "id: x\ntests:\n  -\n    sample: |-\n      {\n        \"a\": 1\n      }\n    service: s\n"
      "  -\n    sample: |\n      {\"b\": 2}\n    result: null\n";
  std::vector<std::string> got;
  std::string scratch;
  ForEachYamlSample(doc, &scratch, [&](std::string_view t, uint64_t) { got.emplace_back(t); });
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0], "{\n  \"a\": 1\n}\n");
  EXPECT_EQ(got[1], "{\"b\": 2}\n");
  EXPECT_TRUE(LooksLikeYamlSamples(doc));
}

}  // namespace
}  // namespace vigil::ingest

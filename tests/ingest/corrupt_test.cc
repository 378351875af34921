// corrupt_test.cc: nothing is lost on bad input. Crafted cases (truncation, NUL bytes, invalid
// UTF-8, a 100 MB line, empty files, wrong types, unknown types, missing time, cut gzip,
// unreadable paths) each give a dead letter with its reason, file and byte offset; and random
// mutations of every public sample keep records_read == events + quarantined.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <zlib.h>

#include <filesystem>
#include <random>
#include <sstream>
#include <streambuf>

#include "tests/ingest/test_sink.h"

namespace vigil::ingest {
namespace {

using testing::IngestText;

constexpr std::string_view kGood =
    R"({"type":"receipt","timestamp":1731499059314,"accountId":"C1","action":"Acc","senderEnvelope":"a@b.example","recipients":"c@d.example"})";

std::string Lines(std::initializer_list<std::string_view> lines) {
  std::string out;
  for (std::string_view l : lines) out.append(l).push_back('\n');
  return out;
}

// The only dead letter of a run, checked for reason, file and offset.
void ExpectOneDeadLetter(const testing::Run& run, Reason reason, uint64_t offset,
                         std::string_view file = "in.ndjson") {
  EXPECT_TRUE(run.stats.Balanced());
  ASSERT_EQ(run.sink.dead.size(), 1u) << run.stats.ToJson();
  EXPECT_EQ(run.sink.dead[0].reason, reason)
      << ReasonCode(run.sink.dead[0].reason) << ": " << run.sink.dead[0].message;
  EXPECT_EQ(run.sink.dead[0].offset, offset);
  EXPECT_EQ(run.sink.dead[0].file, file);
  EXPECT_FALSE(run.sink.dead[0].message.empty());
}

TEST(CorruptTest, TruncatedLastLine) {
  const std::string text = Lines({kGood}) + std::string(kGood.substr(0, 40));
  const testing::Run run = IngestText("in.ndjson", text);
  EXPECT_EQ(run.stats.events, 1u);
  ExpectOneDeadLetter(run, Reason::kTruncatedRecord, kGood.size() + 1);
  EXPECT_EQ(run.sink.dead[0].raw, kGood.substr(0, 40));
}

TEST(CorruptTest, NulByteInALine) {
  std::string bad(kGood);
  bad[20] = '\0';
  const testing::Run run = IngestText("in.ndjson", Lines({kGood, bad, kGood}));
  EXPECT_EQ(run.stats.events, 2u);
  ExpectOneDeadLetter(run, Reason::kNulByte, kGood.size() + 1);
}

TEST(CorruptTest, InvalidUtf8InAString) {
  std::string bad(kGood);
  bad.replace(bad.find("a@b"), 1, "\xff");
  const testing::Run run = IngestText("in.ndjson", Lines({bad, kGood}));
  ExpectOneDeadLetter(run, Reason::kInvalidUtf8, 0);
  EXPECT_EQ(run.stats.events, 1u);
}

TEST(CorruptTest, InvalidUtf8InKeyValueAndCsv) {
  const testing::Run kv =
      IngestText("receipt_x.log", "datetime=2021-01-01T00:00:00+0000|Subject=\xc3\x28\n");
  ExpectOneDeadLetter(kv, Reason::kInvalidUtf8, 0, "receipt_x.log");
  const testing::Run csv = IngestText("x.csv", "date_t,url_s\n\xff,b\n");
  ExpectOneDeadLetter(csv, Reason::kInvalidUtf8, 13, "x.csv");
}

TEST(CorruptTest, MalformedJsonAndNonObjects) {
  const testing::Run run = IngestText(
      "in.ndjson", Lines({"{\"type\":\"receipt\",}", "42", "[1,2]", "null", "{\"a\" 1}"}));
  EXPECT_EQ(run.stats.records_read, 6u);  // [1,2] holds two non-object records
  EXPECT_EQ(run.stats.quarantined, 6u);
  EXPECT_TRUE(run.stats.Balanced());
  EXPECT_EQ(run.stats.quarantine_reasons.at("not_an_object"), 4u);
  EXPECT_EQ(run.stats.quarantine_reasons.at("malformed_json"), 2u);
}

TEST(CorruptTest, HundredMegabyteLineIsSkippedWithBoundedMemory) {
  // A stream that produces a 100 MB line, then one good record, without holding either.
  class GiantLine : public std::streambuf {
   public:
    GiantLine()
        : head_(std::string(kGood) + "\n"), tail_(std::string("\n") + std::string(kGood) + "\n") {}
    int_type underflow() override {
      if (!head_sent_) {
        head_sent_ = true;
        setg(head_.data(), head_.data(), head_.data() + head_.size());
        return traits_type::to_int_type(head_[0]);
      }
      if (left_ > 0) {
        const size_t n = std::min(left_, chunk_.size());
        left_ -= n;
        setg(chunk_.data(), chunk_.data(), chunk_.data() + n);
        return traits_type::to_int_type(chunk_[0]);
      }
      if (tail_sent_) return traits_type::eof();
      tail_sent_ = true;
      setg(tail_.data(), tail_.data(), tail_.data() + tail_.size());
      return traits_type::to_int_type(tail_[0]);
    }

   private:
    std::string chunk_ = std::string(1 << 16, 'x');
    std::string head_;
    std::string tail_;
    bool head_sent_ = false;
    size_t left_ = size_t{100} << 20;
    bool tail_sent_ = false;
  };
  rusage before{};
  getrusage(RUSAGE_SELF, &before);
  GiantLine buf;
  std::istream in(&buf);
  testing::Run run;
  Options options;
  options.max_record_bytes = size_t{16} << 20;
  Ingestor ingestor(options, &run.sink);
  ingestor.IngestStream("in.ndjson", in);
  ingestor.Flush();
  run.stats = ingestor.stats();
  rusage after{};
  getrusage(RUSAGE_SELF, &after);
  ExpectOneDeadLetter(run, Reason::kRecordTooLarge, kGood.size() + 1);
  EXPECT_EQ(run.sink.dead[0].raw_size, size_t{100} << 20);
  EXPECT_EQ(run.sink.dead[0].raw.size(), options.dead_letter_raw_bytes);
  EXPECT_EQ(run.stats.events, 2u);
  EXPECT_LT(after.ru_maxrss - before.ru_maxrss, 64 * 1024) << "KiB of peak RSS growth";
}

TEST(CorruptTest, RecordsWithTooManyKeysAreBounded) {
  std::string wide = R"({"type":"receipt","timestamp":1)";
  std::string kv = "datetime=2021-01-01T00:00:00+0000";
  for (int i = 0; i < 5000; ++i) {
    wide += ",\"k" + std::to_string(i) + "\":1";
    kv += "|k" + std::to_string(i) + "=1";
  }
  ExpectOneDeadLetter(IngestText("in.ndjson", wide + "}\n"), Reason::kRecordTooLarge, 0);
  ExpectOneDeadLetter(IngestText("receipt_1.log", kv + "\n"), Reason::kMalformedKv, 0,
                      "receipt_1.log");
}

TEST(CorruptTest, EmptyAndBlankFiles) {
  ExpectOneDeadLetter(IngestText("in.ndjson", ""), Reason::kEmptyFile, 0);
  ExpectOneDeadLetter(IngestText("in.ndjson", " \n\r\n\t\n"), Reason::kEmptyFile, 0);
}

TEST(CorruptTest, WrongTypesAreBadValues) {
  const std::string prefix = R"({"type":"receipt","timestamp":1731499059314,)";
  const testing::Run run =
      IngestText("in.ndjson",
                 Lines({prefix + R"("spamScore":{"a":1}})", prefix + R"("spamScore":"many"})",
                        prefix + R"("senderIp":"not-an-ip"})",
                        R"({"type":"delivery","timestamp":1,"delivered":"maybe"})",
                        prefix + R"("numberAttachments":true})", prefix + R"("recipients":17})"}));
  EXPECT_EQ(run.stats.quarantine_reasons.at("bad_value"), 6u);
  EXPECT_EQ(run.stats.events, 0u);
  EXPECT_TRUE(run.stats.Balanced());
  EXPECT_NE(run.sink.dead[0].message.find("spamScore"), std::string::npos);
}

TEST(CorruptTest, BadAndMissingTimestampsUnknownTypesAndShapes) {
  const testing::Run run = IngestText(
      "in.ndjson", Lines({R"({"type":"receipt","timestamp":"yesterday"})",
                          R"({"type":"receipt","accountId":"C"})",
                          R"({"type":"carrier pigeon","timestamp":1,"processingId":"p"})",
                          R"({"hello":"world"})"}));
  EXPECT_EQ(run.stats.quarantine_reasons.at("bad_timestamp"), 1u);
  EXPECT_EQ(run.stats.quarantine_reasons.at("missing_timestamp"), 1u);
  EXPECT_EQ(run.stats.quarantine_reasons.at("unknown_event_type"), 1u);
  EXPECT_EQ(run.stats.quarantine_reasons.at("unknown_record_shape"), 1u);
  EXPECT_TRUE(run.stats.Balanced());
}

TEST(CorruptTest, CutGzipStream) {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += std::string(kGood) + "\n";
  uLongf size = compressBound(text.size());
  std::string packed(size, '\0');
  // zlib format (not gzip): also detected by magic bytes.
  compress2(reinterpret_cast<Bytef*>(packed.data()), &size,
            reinterpret_cast<const Bytef*>(text.data()), text.size(), 1);
  packed.resize(size / 2);
  const testing::Run run = IngestText("in.ndjson.gz", packed);
  EXPECT_TRUE(run.stats.Balanced());
  EXPECT_EQ(run.stats.quarantine_reasons.at("decompress_error"), 1u);
  EXPECT_GT(run.stats.events, 0u);
  EXPECT_LT(run.stats.events, 2000u);
}

TEST(CorruptTest, MissingPathsAndDanglingLinks) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "vigil_ingest_io";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::filesystem::create_symlink(dir / "nowhere", dir / "dangling.log");
  const testing::Run run = testing::IngestPaths({(dir / "missing.log").string(), dir.string()});
  EXPECT_EQ(run.stats.quarantine_reasons.at("io_error"), 2u);
  EXPECT_TRUE(run.stats.Balanced());
  EXPECT_EQ(run.sink.dead[0].file, (dir / "missing.log").string());
  std::filesystem::remove_all(dir);
}

std::string Mutate(std::string s, std::mt19937& rng) {
  if (s.empty()) return s;
  std::uniform_int_distribution<size_t> pos(0, s.size() - 1);
  switch (rng() % 6) {
    case 0:
      s.resize(pos(rng));
      break;
    case 1:
      for (int i = 0; i < 8; ++i) s[pos(rng)] ^= static_cast<char>(1 + rng() % 255);
      break;
    case 2:
      s.insert(pos(rng), 1, '\0');
      break;
    case 3:
      s.insert(pos(rng), "\xff\xfe");
      break;
    case 4: {
      const size_t at = pos(rng);
      s.insert(pos(rng), s.substr(at, 200));
      break;
    }
    default:
      s[pos(rng)] = "{}[]\",:\\\n"[rng() % 9];
  }
  return s;
}

TEST(CorruptTest, RandomMutationsOfEverySampleBalance) {
  std::mt19937 rng(20241113);
  size_t letters = 0;
  for (const auto& entry : std::filesystem::directory_iterator(VIGIL_SAMPLES_DIR)) {
    const std::string name = entry.path().filename().string();
    const std::string original = testing::ReadFile(entry.path().string());
    for (int round = 0; round < 40; ++round) {
      const std::string bytes = Mutate(original, rng);
      const testing::Run run = IngestText(name, bytes);
      ASSERT_TRUE(run.stats.Balanced()) << name << " round " << round;
      ASSERT_EQ(run.sink.dead.size(), run.stats.quarantined);
      ASSERT_EQ(run.sink.rows.size(), run.stats.events);
      for (const testing::StoredDeadLetter& d : run.sink.dead) {
        ASSERT_EQ(d.file, name);
        ASSERT_LE(d.offset, bytes.size());
        ASSERT_FALSE(ReasonCode(d.reason).empty());
        ++letters;
      }
    }
  }
  EXPECT_GT(letters, 100u);
}

}  // namespace
}  // namespace vigil::ingest

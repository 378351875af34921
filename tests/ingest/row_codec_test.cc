// row_codec_test.cc: the row encoding the runtime keeps matched events in. On the real public
// samples (arrays, records of attachments and URLs, IPs, timestamps, nulls) an encoded row
// renders exactly the JSON of RowToJson, and a batch's RowEncoder writes the same bytes as
// EncodeRow; truncated or corrupted encodings never read out of
// bounds and always render a JSON object.
#include "ingest/row_codec.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "ingest/normalized_json.h"
#include "tests/ingest/test_sink.h"

namespace vigil::ingest {
namespace {

// Keeps each row's encoding and its RowToJson rendering.
class EncodingSink : public Sink {
 public:
  void OnBatch(columnar::Batch& b) override {
    RowJsonOptions o;
    o.meta = false;
    const RowEncoder encoder(b);
    for (size_t row = 0; row < b.size(); ++row) {
      std::string enc;
      EncodeRow(b, row, &enc);
      // EncodeInto reuses one buffer: left-over bytes of a longer row never leak in.
      encoder_agrees = encoder_agrees && encoder.EncodeInto(row, &scratch) == enc;
      rows.emplace_back(std::move(enc), RowToJson(b, row, o));
    }
  }
  void OnDeadLetter(const DeadLetter&) override {}
  std::vector<std::pair<std::string, std::string>> rows;  // (encoding, JSON)
  bool encoder_agrees = true;  // RowEncoder::EncodeInto == EncodeRow on every row
  std::string scratch;
};

EncodingSink IngestSamples() {
  EncodingSink sink;
  Ingestor ing({}, &sink);
  for (std::string_view s : {testing::samples::kSiemV2Logs, testing::samples::kTtpApLogs,
                             testing::samples::kTtpUrlLogs, testing::samples::kSiemLogs}) {
    ing.IngestPath(testing::Sample(s));
  }
  ing.Flush();
  return sink;
}

TEST(RowCodecTest, EncodedRowsRenderTheJsonOfTheirRow) {
  const EncodingSink sink = IngestSamples();
  ASSERT_GT(sink.rows.size(), 20u);
  size_t with_arrays = 0;
  for (const auto& [enc, json] : sink.rows) {
    EXPECT_EQ(EncodedRowToJson(enc), json);
    const auto doc = nlohmann::json::parse(json);
    ASSERT_TRUE(doc.is_object());
    EXPECT_FALSE(doc.empty());
    for (const auto& [k, v] : doc.items()) with_arrays += v.is_array() ? 1 : 0;
  }
  EXPECT_GT(with_arrays, 0u);  // the samples exercise array and records fields
  EXPECT_TRUE(sink.encoder_agrees);
}

// EncodedString finds the correlation keys after fields of every shape (arrays, records, IPs)
// and agrees with the row's JSON; absent fields and truncated encodings give an empty view.
TEST(RowCodecTest, EncodedStringReadsTopLevelStringsOfTheRow) {
  const EncodingSink sink = IngestSamples();
  size_t found = 0;
  for (const auto& [enc, json] : sink.rows) {
    const auto doc = nlohmann::json::parse(json);
    for (const auto& [id, name] : {std::pair{schema::FieldId::kMessageId, "message_id"},
                                   {schema::FieldId::kAggregateId, "aggregate_id"},
                                   {schema::FieldId::kTrackingId, "tracking_id"},
                                   {schema::FieldId::kAccount, "account"},
                                   {schema::FieldId::kSubject, "subject"}}) {
      const std::string_view got = EncodedString(enc, id);
      if (doc.contains(name) && doc[name].is_string()) {
        EXPECT_EQ(got, doc[name].get<std::string>()) << name << " in " << json;
        ++found;
      } else {
        EXPECT_TRUE(got.empty()) << name << " in " << json;
      }
    }
    for (size_t cut = 0; cut < enc.size(); cut += 7)
      (void)EncodedString(std::string_view(enc).substr(0, cut), schema::FieldId::kAccount);
  }
  EXPECT_GT(found, 50u);
  EXPECT_TRUE(EncodedString("", schema::FieldId::kMessageId).empty());
}

TEST(RowCodecTest, EmptyEncodingIsAnEmptyObject) { EXPECT_EQ(EncodedRowToJson(""), "{}"); }

TEST(RowCodecTest, TruncatedEncodingsStayInBoundsAndRenderAnObject) {
  const EncodingSink sink = IngestSamples();
  size_t rejected = 0;
  for (size_t i = 0; i < sink.rows.size(); i += 7) {
    const std::string& enc = sink.rows[i].first;
    for (size_t n = 0; n < enc.size(); ++n) {
      // A copy of exactly n bytes, so ASan catches any read past the end.
      const std::string cut = enc.substr(0, n);
      const std::string out = EncodedRowToJson(cut);
      ASSERT_TRUE(nlohmann::json::accept(out)) << out;
      rejected += out == "{}" ? 1 : 0;
    }
  }
  EXPECT_GT(rejected, 0u);
}

TEST(RowCodecTest, CorruptedEncodingsRenderAnObject) {
  const EncodingSink sink = IngestSamples();
  uint32_t state = 12345;
  for (size_t i = 0; i < sink.rows.size(); i += 5) {
    std::string enc = sink.rows[i].first;
    for (int flips = 0; flips < 64 && !enc.empty(); ++flips) {
      state = state * 1103515245u + 12345u;
      enc[(state >> 8) % enc.size()] ^= static_cast<char>(1u << (state % 8));
      const std::string out = EncodedRowToJson(enc);
      ASSERT_TRUE(nlohmann::json::accept(out)) << out;
    }
  }
}

}  // namespace
}  // namespace vigil::ingest

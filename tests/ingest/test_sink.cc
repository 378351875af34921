// test_sink.cc: the collecting sink and ingestion helpers of the ingest tests.
#include "tests/ingest/test_sink.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "ingest/normalized_json.h"

namespace vigil::ingest::testing {

void CollectingSink::OnBatch(columnar::Batch& batch) {
  batch_sizes.push_back(batch.size());
  RowJsonOptions options;
  for (size_t i = 0; i < batch.size(); ++i) {
    rows.push_back(nlohmann::json::parse(RowToJson(batch, i, options)));
  }
}

void CollectingSink::OnDeadLetter(const DeadLetter& d) {
  dead.push_back({d.reason, std::string(d.message), std::string(d.file), d.offset,
                  std::string(d.raw), d.raw_size});
}

std::vector<nlohmann::json> Run::Where(std::string_view type, std::string_view key,
                                       const nlohmann::json& value) const {
  std::vector<nlohmann::json> out;
  for (const nlohmann::json& r : sink.rows) {
    if (r["@type"] == type && r.contains(key) && r[std::string(key)] == value) out.push_back(r);
  }
  return out;
}

nlohmann::json Run::One(std::string_view type, std::string_view key,
                        const nlohmann::json& value) const {
  const std::vector<nlohmann::json> rows = Where(type, key, value);
  EXPECT_EQ(rows.size(), 1u) << type << " rows with " << key << " = " << value.dump();
  return rows.empty() ? nlohmann::json::object() : rows.front();
}

size_t Run::CountType(std::string_view type) const {
  size_t n = 0;
  for (const nlohmann::json& r : sink.rows) n += r["@type"] == type;
  return n;
}

void ExpectFields(const nlohmann::json& row, std::string_view want) {
  const nlohmann::json fields = nlohmann::json::parse(want, nullptr, true, true);
  for (const auto& [key, value] : fields.items()) {
    if (value.is_null()) {
      EXPECT_FALSE(row.contains(key)) << key << " should be absent, is " << row[key].dump();
    } else {
      EXPECT_TRUE(row.contains(key) && row[key] == value)
          << key << ": want " << value.dump() << ", got "
          << (row.contains(key) ? row[key].dump() : "(absent)");
    }
  }
}

std::string ReceiptLine(int i) {
  return R"({"type":"receipt","timestamp":)" + std::to_string(1731499059314 + i) +
         R"(,"accountId":"C1","action":"Acc","direction":")" + (i % 2 ? "Inbound" : "outbound") +
         R"(","senderEnvelope":"s)" + std::to_string(i) +
         R"(@x.example.com","recipients":"r@corp.example","spamScore":")" + std::to_string(i % 30) +
         "\"}\n";
}

Run IngestPaths(const std::vector<std::string>& paths, Options options) {
  Run run;
  Ingestor ingestor(options, &run.sink);
  for (const std::string& p : paths) ingestor.IngestPath(p);
  ingestor.Flush();
  run.stats = ingestor.stats();
  return run;
}

Run IngestText(std::string_view name, std::string_view bytes, Options options) {
  Run run;
  Ingestor ingestor(options, &run.sink);
  ingestor.IngestBytes(name, bytes);
  ingestor.Flush();
  run.stats = ingestor.stats();
  return run;
}

std::string Sample(std::string_view file_name) {
  const std::filesystem::path dir(VIGIL_SAMPLES_DIR);
  EXPECT_TRUE(std::filesystem::is_directory(dir))
      << "the Mimecast samples directory is missing: " << dir;
  const std::filesystem::path p = dir / std::string(file_name);
  EXPECT_TRUE(std::filesystem::exists(p)) << "missing sample " << p;
  return p.string();
}

std::string Fixture(std::string_view file_name) {
  return (std::filesystem::path(VIGIL_INGEST_TEST_DATA) / std::string(file_name)).string();
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot read " << path;
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace vigil::ingest::testing

// normalize_layout_test.cc: the normalizer's layout memo (the rules of the last record of each
// event type by key position, each key verified by one comparison) normalizes every record as
// a cold normalizer does (each key looked up in its table): random key orders, dropped,
// duplicated, unknown and null keys, over records of several event types in one stream.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "tests/ingest/test_sink.h"

namespace vigil::ingest::testing {
namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;  // key, value as JSON text

// The key/value pairs of every line of the API 2.0 fixtures and samples, in source order.
std::vector<Pairs> Templates() {
  std::vector<Pairs> out;
  for (const std::string& path :
       {Fixture("api2_more_types.ndjson"), Sample(samples::kSiemV2Logs)}) {
    std::istringstream text(ReadFile(path));
    for (std::string line; std::getline(text, line);) {
      const auto j = nlohmann::ordered_json::parse(line, nullptr, false);
      if (!j.is_object()) continue;
      Pairs p;
      for (const auto& [k, v] : j.items()) p.emplace_back(k, v.dump());
      out.push_back(std::move(p));
    }
  }
  return out;
}

// One line from a template: mostly the template's own layout (so the memo hits), else
// shuffled, with keys dropped, nulled, duplicated (another template's value or null) and
// unknown keys added.
std::string Mutate(const std::vector<Pairs>& templates, std::mt19937& rng) {
  Pairs p = templates[rng() % templates.size()];
  const uint32_t kind = rng() % 8;
  if (kind >= 4) {
    Pairs out;
    for (auto& kv : p) {
      const uint32_t r = rng() % 20;
      if (r == 0) continue;  // dropped
      if (r == 1) kv.second = "null";
      out.push_back(kv);
      if (r == 2) out.emplace_back(kv.first, rng() % 2 ? "null" : "\"Dup\"");
      if (r == 3) out.emplace_back("unknownKey" + std::to_string(rng() % 3), "\"x\"");
    }
    p = std::move(out);
  }
  if (kind >= 6) std::shuffle(p.begin(), p.end(), rng);
  std::string line = "{";
  for (size_t i = 0; i < p.size(); ++i) {
    if (i > 0) line += ",";
    line += nlohmann::json(p[i].first).dump() + ":" + p[i].second;
  }
  return line + "}\n";
}

void SortByOffset(std::vector<nlohmann::json>* rows) {
  std::stable_sort(rows->begin(), rows->end(), [](const auto& a, const auto& b) {
    return a["@offset"].template get<uint64_t>() < b["@offset"].template get<uint64_t>();
  });
}

TEST(NormalizeLayoutTest, MemoizedLayoutsNormalizeAsAColdNormalizer) {
  const std::vector<Pairs> templates = Templates();
  ASSERT_GT(templates.size(), 4u);
  std::mt19937 rng(42);
  std::string text;
  std::vector<std::pair<uint64_t, std::string>> lines;  // offset, line
  for (int i = 0; i < 3000; ++i) {
    lines.emplace_back(text.size(), Mutate(templates, rng));
    text += lines.back().second;
  }
  const testing::Run warm = IngestText("stream.ndjson", text);

  // Each line on its own ingestor: every key is a memo miss, looked up in the table.
  std::vector<nlohmann::json> cold_rows;
  std::vector<std::pair<uint64_t, std::string>> cold_dead;
  uint64_t unmapped = 0;
  for (const auto& [offset, line] : lines) {
    const testing::Run one = IngestText("stream.ndjson", line);
    for (nlohmann::json row : one.sink.rows) {
      row["@offset"] = offset + row["@offset"].get<uint64_t>();
      cold_rows.push_back(std::move(row));
    }
    for (const StoredDeadLetter& d : one.sink.dead) cold_dead.emplace_back(offset, d.message);
    for (const auto& [key, n] : one.stats.unmapped_keys) unmapped += n;
  }
  std::vector<nlohmann::json> warm_rows = warm.sink.rows;
  SortByOffset(&warm_rows);
  SortByOffset(&cold_rows);
  ASSERT_EQ(warm_rows.size(), cold_rows.size());
  for (size_t i = 0; i < warm_rows.size(); ++i) ASSERT_EQ(warm_rows[i], cold_rows[i]) << i;
  ASSERT_EQ(warm.sink.dead.size(), cold_dead.size());
  for (size_t i = 0; i < cold_dead.size(); ++i) {
    EXPECT_EQ(warm.sink.dead[i].offset, cold_dead[i].first);
    EXPECT_EQ(warm.sink.dead[i].message, cold_dead[i].second);
  }
  uint64_t warm_unmapped = 0;
  for (const auto& [key, n] : warm.stats.unmapped_keys) warm_unmapped += n;
  EXPECT_EQ(warm_unmapped, unmapped);
  EXPECT_GT(unmapped, 0u);
  EXPECT_GT(warm.stats.events, 2000u);
  EXPECT_EQ(warm.stats.records_read, warm.stats.events + warm.stats.quarantined);
}

}  // namespace
}  // namespace vigil::ingest::testing

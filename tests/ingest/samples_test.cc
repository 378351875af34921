// samples_test.cc: every public sample in ../shared/data/mimecast ingests, with the exact
// number of events per type and of quarantined records per reason, and the accounting
// identity. The STIX threat-intel feed is not an event log: each object is quarantined as
// not_an_event_log (accounted for, never silently dropped).
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>

#include "tests/ingest/test_sink.h"

namespace vigil::ingest {
namespace {

using testing::IngestPaths;
using testing::Sample;
namespace samples = testing::samples;

struct Expected {
  std::string_view file;
  std::map<std::string, uint64_t> by_type;
  std::map<std::string, uint64_t> reasons;
};

const std::vector<Expected>& Table() {
  static const std::vector<Expected> kTable = {
      {samples::kSiemLogs,
       {{"process", 2}, {"delivery", 3}, {"journal", 1}, {"receipt", 1}, {"url_protect", 1}},
       {}},
      {samples::kSiemDocsLogs,
       {{"receipt", 1},
        {"process", 3},
        {"delivery", 1},
        {"av", 1},
        {"spam", 1},
        {"iep", 1},
        {"impersonation", 1},
        {"url_protect", 1},
        {"attachment_protect", 1}},
       {}},
      {samples::kSiemV2Logs,
       {{"spam", 11},
        {"attachment_protect", 10},
        {"delivery", 10},
        {"journal", 10},
        {"receipt", 10},
        {"process", 10},
        {"iep", 1}},
       {}},
      {samples::kReceiptKv, {{"receipt", 1}}, {}},
      {samples::kAuditLogs, {{"audit", 28}}, {}},
      {samples::kArchiveLogs, {{"archive_search", 12}}, {}},
      {samples::kCloudIntegratedLogs, {{"ci_message", 11}, {"ci_auth", 10}}, {}},
      {samples::kDlpLogs, {{"dlp", 16}}, {}},
      // The fifth release record has no `released` time: quarantined, not guessed.
      {samples::kReleaseLogs, {{"release", 4}}, {{"missing_timestamp", 1}}},
      {samples::kTtpApLogs, {{"attachment_protect", 3}}, {}},
      {samples::kTtpIpLogs, {{"impersonation", 3}}, {}},
      {samples::kTtpUrlLogs, {{"url_protect", 8}}, {}},
      {samples::kThreatIntel, {}, {{"not_an_event_log", 29}}},
      {samples::kDemistoAudit, {{"audit", 1}}, {}},
      {samples::kDemistoSiemPage, {{"receipt", 2}}, {}},
      {samples::kDemistoSiemV1, {{"receipt", 3}}, {}},
      {samples::kDataDogYaml,
       {{"audit", 1},
        {"dlp", 1},
        {"rejection", 1},
        {"attachment_protect", 1},
        {"impersonation", 1},
        {"url_protect", 1}},
       {}},
      {samples::kSentinelSegCg, {{"journal", 3}, {"spam", 1}, {"process", 1}}, {}},
      {samples::kSentinelSegCgCl, {{"journal", 1}, {"delivery", 4}}, {}},
      {samples::kSentinelTtpAttachment, {{"attachment_protect", 5}}, {}},
      {samples::kSentinelTtpImpersonation, {{"impersonation", 5}}, {}},
      {samples::kSentinelTtpUrl, {{"url_protect", 5}}, {}},
  };
  return kTable;
}

uint64_t Sum(const std::map<std::string, uint64_t>& m) {
  uint64_t n = 0;
  for (const auto& [k, v] : m) n += v;
  return n;
}

TEST(SamplesTest, EverySampleFileIsInTheTable) {
  const std::filesystem::path dir(VIGIL_SAMPLES_DIR);
  ASSERT_TRUE(std::filesystem::is_directory(dir)) << "samples directory missing: " << dir;
  std::set<std::string> listed;
  for (const Expected& e : Table()) listed.insert(std::string(e.file));
  size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (name == "SOURCES.md") continue;
    ++files;
    EXPECT_TRUE(listed.count(name)) << "sample without expectations: " << name;
  }
  EXPECT_EQ(files, Table().size());
}

TEST(SamplesTest, EachFileNormalizesToTheExpectedEventsAndQuarantines) {
  for (const Expected& e : Table()) {
    SCOPED_TRACE(e.file);
    const testing::Run run = IngestPaths({Sample(e.file)});
    EXPECT_EQ(run.stats.by_type, e.by_type);
    EXPECT_EQ(run.stats.quarantine_reasons, e.reasons);
    EXPECT_EQ(run.stats.events, Sum(e.by_type));
    EXPECT_EQ(run.stats.quarantined, Sum(e.reasons));
    EXPECT_TRUE(run.stats.Balanced());
    EXPECT_EQ(run.sink.rows.size(), run.stats.events);
    EXPECT_EQ(run.sink.dead.size(), run.stats.quarantined);
    EXPECT_TRUE(run.stats.unmapped_keys.empty())
        << testing::IngestPaths({Sample(e.file)}).stats.ToJson();
  }
}

TEST(SamplesTest, TheWholeDirectoryBalances) {
  const testing::Run run = IngestPaths({VIGIL_SAMPLES_DIR});
  uint64_t events = 0;
  for (const Expected& e : Table()) events += Sum(e.by_type);
  EXPECT_EQ(run.stats.events, events);
  EXPECT_TRUE(run.stats.Balanced());
  // SOURCES.md is prose: one unknown_format dead letter, like any other stray file.
  EXPECT_EQ(run.stats.quarantine_reasons.at("unknown_format"), 1u);
  EXPECT_EQ(run.stats.files, Table().size() + 1);
}

TEST(SamplesTest, StixObjectsCarryReasonFileAndOffset) {
  const std::string path = Sample(Table()[12].file);
  const testing::Run run = IngestPaths({path});
  ASSERT_EQ(run.sink.dead.size(), 29u);
  EXPECT_EQ(run.sink.dead[0].reason, Reason::kNotAnEventLog);
  EXPECT_EQ(run.sink.dead[0].file, path);
  EXPECT_EQ(run.sink.dead[0].offset, 0u);
  EXPECT_GT(run.sink.dead[1].offset, 0u);
  EXPECT_TRUE(run.sink.dead[1].raw.starts_with("{ \"Content-Disposition\""));
}

TEST(SamplesTest, Api1KeyInferenceIsCounted) {
  // The docs file has no file-name prefix and no Content-Disposition: all 11 types inferred.
  const testing::Run run = IngestPaths({Sample(Table()[1].file)});
  EXPECT_EQ(run.stats.type_inferred, 11u);
  const testing::Run named = IngestPaths({Sample(Table()[0].file)});
  EXPECT_EQ(named.stats.type_inferred, 0u);
}

}  // namespace
}  // namespace vigil::ingest

// test_sink.h: helpers for the ingest tests: a Sink that keeps every row (as normalized JSON)
// and every dead letter, and one-call ingestion of files and bytes.
#pragma once

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/ingestor.h"

namespace vigil::ingest::testing {

// The public samples in VIGIL_SAMPLES_DIR (see its SOURCES.md).
namespace samples {
inline constexpr std::string_view kSiemLogs =
    "elastic_integrations__packages_mimecast_data_stream_siem_logs__dev_test_pipeline_test-siem-"
    "logs.log";
inline constexpr std::string_view kSiemDocsLogs =
    "elastic_integrations__packages_mimecast_data_stream_siem_logs__dev_test_pipeline_test-siem-"
    "docs-logs.log";
inline constexpr std::string_view kSiemV2Logs =
    "elastic_integrations__packages_mimecast_data_stream_siem_logs__dev_test_pipeline_test-siem-v2-"
    "logs.log";
inline constexpr std::string_view kReceiptKv =
    "elastic_ecs__rfcs_text_0010-email.md.EXCERPT_mimecast_receipt_kv.log";
inline constexpr std::string_view kAuditLogs =
    "elastic_integrations__packages_mimecast_data_stream_audit_events__dev_test_pipeline_test-"
    "audit-events.log";
inline constexpr std::string_view kArchiveLogs =
    "elastic_integrations__packages_mimecast_data_stream_archive_search_logs__dev_test_pipeline_"
    "test-archive-search-logs.log";
inline constexpr std::string_view kCloudIntegratedLogs =
    "elastic_integrations__packages_mimecast_data_stream_cloud_integrated_logs__dev_test_pipeline_"
    "test-cloud-integrated-logs.log";
inline constexpr std::string_view kDlpLogs =
    "elastic_integrations__packages_mimecast_data_stream_dlp_logs__dev_test_pipeline_test-dlp-logs."
    "log";
inline constexpr std::string_view kReleaseLogs =
    "elastic_integrations__packages_mimecast_data_stream_message_release_logs__dev_test_pipeline_"
    "test-release-logs.json";
inline constexpr std::string_view kTtpApLogs =
    "elastic_integrations__packages_mimecast_data_stream_ttp_ap_logs__dev_test_pipeline_test-ttp-"
    "ap-logs.log";
inline constexpr std::string_view kTtpIpLogs =
    "elastic_integrations__packages_mimecast_data_stream_ttp_ip_logs__dev_test_pipeline_test-ttp-"
    "ip-logs.log";
inline constexpr std::string_view kTtpUrlLogs =
    "elastic_integrations__packages_mimecast_data_stream_ttp_url_logs__dev_test_pipeline_test-ttp-"
    "url-logs.log";
inline constexpr std::string_view kThreatIntel =
    "elastic_integrations__packages_mimecast_data_stream_threat_intel_malware_customer__dev_test_"
    "pipeline_test-threat-intel-malware-customer.log";
inline constexpr std::string_view kDemistoAudit =
    "demisto_content__Packs_Mimecast_Integrations_MimecastEventCollector_test_data_audit_raw_"
    "response.json";
inline constexpr std::string_view kDemistoSiemPage =
    "demisto_content__Packs_Mimecast_Integrations_MimecastEventCollector_test_data_siem_raw_"
    "response.json";
inline constexpr std::string_view kDemistoSiemV1 =
    "demisto_content__Packs_Mimecast_Integrations_MimecastEventCollector_test_data_siem_response_"
    "multiple_events.json";
inline constexpr std::string_view kDataDogYaml =
    "DataDog_integrations-core__mimecast_assets_logs_mimecast_tests.yaml";
inline constexpr std::string_view kSentinelSegCg =
    "Azure_Azure-Sentinel__Sample_Data_Custom_Mimecast_Mimecast_Seg_Cg.csv";
inline constexpr std::string_view kSentinelSegCgCl =
    "Azure_Azure-Sentinel__Sample_Data_Custom_Mimecast_Seg_Cg_CL.csv";
inline constexpr std::string_view kSentinelTtpAttachment =
    "Azure_Azure-Sentinel__Sample_Data_Custom_Mimecast_Ttp_Attachment_CL.csv";
inline constexpr std::string_view kSentinelTtpImpersonation =
    "Azure_Azure-Sentinel__Sample_Data_Custom_Mimecast_Ttp_Impersonation_CL.csv";
inline constexpr std::string_view kSentinelTtpUrl =
    "Azure_Azure-Sentinel__Sample_Data_Custom_Mimecast_Ttp_Url_CL.csv";
}  // namespace samples

struct StoredDeadLetter {
  Reason reason;
  std::string message;
  std::string file;
  uint64_t offset;
  std::string raw;
  uint64_t raw_size;
};

// Keeps everything ingest hands over; rows are rendered with RowToJson (meta included).
class CollectingSink : public Sink {
 public:
  void OnBatch(columnar::Batch& batch) override;
  void OnDeadLetter(const DeadLetter& letter) override;

  std::vector<nlohmann::json> rows;
  std::vector<StoredDeadLetter> dead;
  std::vector<size_t> batch_sizes;
};

struct Run {
  CollectingSink sink;
  Stats stats;
  // Rows of event type `type` whose field `key` equals `value` (string compare on the JSON).
  std::vector<nlohmann::json> Where(std::string_view type, std::string_view key,
                                    const nlohmann::json& value) const;
  // The one row of `type` with key == value; fails the test when there is not exactly one.
  nlohmann::json One(std::string_view type, std::string_view key,
                     const nlohmann::json& value) const;
  size_t CountType(std::string_view type) const;
};

// Checks a normalized row field by field against `want`, a JSON object (comments allowed):
// every key must have that value, and a null means the field must be absent.
void ExpectFields(const nlohmann::json& row, std::string_view want);

// One API 2.0 receipt as an NDJSON line; its timestamp, direction, sender and spam score vary
// with `i`.
std::string ReceiptLine(int i);

// Ingests paths / bytes with options and flushes.
Run IngestPaths(const std::vector<std::string>& paths, Options options = {});
Run IngestText(std::string_view name, std::string_view bytes, Options options = {});

// Path of a sample in VIGIL_SAMPLES_DIR (the test fails when the directory is missing).
std::string Sample(std::string_view file_name);
// Path of a fixture in tests/ingest/data.
std::string Fixture(std::string_view file_name);
// The whole file.
std::string ReadFile(const std::string& path);

// A suite whose tests share one ingestion of Self::Paths(), done once in SetUpTestSuite.
template <typename Self>
class IngestedSuite : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    run_ = new ::vigil::ingest::testing::Run(IngestPaths(Self::Paths()));
  }
  static void TearDownTestSuite() { delete run_; }
  static inline ::vigil::ingest::testing::Run* run_ = nullptr;
};

}  // namespace vigil::ingest::testing

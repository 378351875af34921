// normalize_v2_test.cc: API 2.0 events normalized field by field: Cloud Gateway batch NDJSON
// (every type: receipt, process, delivery, journal, av, spam, internal email protect,
// impersonation, URL and attachment protect), the non-batch page, Cloud Integrated entities
// and mailflow; and the rule-level parity of an API 1.0 and an API 2.0 receipt.
#include <gtest/gtest.h>

#include "tests/ingest/test_sink.h"

namespace vigil::ingest {
namespace {

using nlohmann::json;
using testing::ExpectFields;
using testing::Fixture;
using testing::IngestPaths;
using testing::Sample;
namespace samples = testing::samples;

class Api2Test : public testing::IngestedSuite<Api2Test> {
 public:
  static std::vector<std::string> Paths() {
    return {Sample(samples::kSiemV2Logs), Sample(samples::kCloudIntegratedLogs),
            Sample(samples::kDemistoSiemPage), Fixture("api2_more_types.ndjson"),
            Fixture("api2_page.json")};
  }
};

TEST_F(Api2Test, ReceiptRejected) {
  const json e = run_->One("receipt", "processing_id",
                           "Ycqry21vB3utdjgPfIFYpj9wQK6HMNkmX_1vFlph1UM_1731454604");
  ExpectFields(e, R"({
    "ts": "2024-11-12T23:36:45.992Z",
    "api": 2,
    "account": "CUSB4A274",
    "aggregate_id": "lf7BP8oVOue0keIDXck0Ww_1731454604",
    "action": "reject",
    "direction": "inbound",
    "reject.type": "Manual Envelope Rejection",
    "reject.code": "550",
    "reject.info": "Envelope blocked - User Entry",
    "auth.spf": "pass",  // spamProcessingDetail sent as a JSON string
    "sender.root_domain": "b41.one",
    "tls.version": "TLSv1.3",
    "tls.used": true,
    "message_id": null,
    "from": null
  })");
}

TEST_F(Api2Test, ReceiptAcceptedWithStringNumbers) {
  const json e = run_->One("receipt", "message_id", "<ad3334051e9207bd-36579@hapi.b41.one>");
  ExpectFields(e, R"({
    "spam.score": 21,
    "spam.detection_level": "7",
    "attachment_count": 1,
    "auth.dkim": "unknown",
    "auth.dmarc": "pass",
    "from": "manintan@evaluation-fuzz.b41.one",
    "recipient.domain": "demo-int.elastic.mime-api.com"
  })");
}

TEST_F(Api2Test, ReceiptWithDoubleEncodedDetailAndRecipientList) {
  const json e = run_->One("receipt", "processing_id", "proc-rcpt-2");
  ExpectFields(e, R"({
    "auth.spf": "softfail",
    "auth.dmarc": "fail",
    "spam.grey": true,
    "spam.verdict": "spam",
    "spam.risk": "high",
    "spam.rbl": "ALLOW",
    "from": "news@example.org",
    "from.name": "Example News",
    "sender_ip": "2001:db8::1",
    "recipient_count": 2,
    "recipient": "a@corp.example",
    "tls.used": false  // tlsVersion sent, null
  })");
}

TEST_F(Api2Test, ProcessHeldAndSandboxed) {
  const json held = run_->One("process", "message_id", "<4de314882ebce407-15188@hapi.b41.one>");
  ExpectFields(held, R"({
    "action": "hold",
    "hold_reason": "spam",
    "size": 4170,
    "has_attachments": false
  })");
  const json sandboxed = run_->One("process", "action", "sandbox");
  ExpectFields(sandboxed, R"({
    "attachments_size": 1153,
    "attachment_count": 1,
    "has_attachments": true
  })");
  const json named = run_->One("process", "message_id", "<46b1119b6b6a1cce-34862@hapi.b41.one>");
  EXPECT_EQ(
      named["attachments"],
      json::parse(R"([{"name":"attach-c567a248-467f-415f-b1ca-da6fde82347a.pdf","ext":"pdf"}])"));
}

TEST_F(Api2Test, DeliveryFromBatchAndFromPage) {
  const json e =
      run_->One("delivery", "message_id", "<27856769-1731451446596@usb-mta-24.usb.mimecast.lan>");
  ExpectFields(e, R"({
    "delivered": true,
    "attempts": 1,
    "latency": 1633,
    "destination_ip": "81.2.69.144",
    "destination_host": "ha.hamilton321.net",
    "route": "Accept and drop messages",
    "direction": "internal",
    "tls.used": false
  })");
  const json page = run_->One("delivery", "processing_id", "proc-dlv-9");
  ExpectFields(page, R"({
    "delivered": false,
    "attempts": 3,
    "error": "Domain has no MX records or is invalid",
    "destination_host": "mx.example.net",
    "tls.used": true,
    "route": "Office 365 Outbound",
    "direction": "outbound",
    "reject.code": "550"
  })");
}

TEST_F(Api2Test, Journal) {
  const json e = run_->One("journal", "processing_id",
                           "55pOFYRDuAV-PV8mGTczqke6e1QfNVKZRbn7h7YSjYE_1731698572");
  ExpectFields(e, R"({
    "direction": "internal",
    "sender": "rhonda.denton@demo-int.elastic.mime-api.com",
    "recipient": "maria.valdes@demo-int.elastic.mime-api.com",
    "sender.root_domain": "mime-api.com"
  })");
}

TEST_F(Api2Test, AntiVirus) {
  const json e = run_->One("av", "processing_id", "proc-av-1");
  ExpectFields(e, R"({
    "virus": "Anomali:Phishing",
    "file.ext": "xlsm",
    "file.sha256": "efe51c2453821310c7a34dca3054021d0f6d453b7133c381d75e3140901efd12",
    "size": 1648832,
    "sender": "billing@pay.example.co.uk",
    "sender.local": "billing",
    "sender.root_domain": "example.co.uk",
    "sender_internal": false,
    "direction": "inbound"
  })");
}

TEST_F(Api2Test, SpamWithTags) {
  const json e = run_->One("spam", "message_id", "<024f423ba0c5f5cb-101202@hapi.b41.one>");
  ExpectFields(e, R"({
    "sender_ip": "81.2.69.144",
    "direction": "inbound",
    "from": "auto-confirm@concept-variety.b41.one"
  })");
}

TEST_F(Api2Test, InternalEmailProtect) {
  const json e = run_->One("iep", "message_id", "<871dda3d6bf5107e-360815@hapi.b41.one>");
  ExpectFields(e, R"({
    "url.category": "Compromised",
    "scan_info": "Blocked URL Category",
    "direction": "internal"
  })");
}

TEST_F(Api2Test, ImpersonationProtectFlagsAndIdentifiers) {
  const json e = run_->One("impersonation", "processing_id", "proc-imp-1");
  ExpectFields(e, R"({
    "ts": "2024-11-13T11:57:40.000Z",  // epoch ms sent as a string
    "action": "hold",
    "hits": 2,
    "tagged_malicious": true,
    "imp.internal_name": true,  // "Hitimp.new_domain": true,
    "imp.similar_internal_domain": true,
    "imp.reply_mismatch": false,
    "identifiers": ["internal_user_name","new_domain","similar_internal_domain"],
    "direction": "inbound",
    "policy": "Default Impersonation Definition"
  })");
}

TEST_F(Api2Test, UrlProtectWithAnalysis) {
  const json e = run_->One("url_protect", "processing_id", "proc-url-1");
  ExpectFields(e, R"({
    "action": "block",
    "reason": "malicious",
    "url.scheme": "https",
    "url.host": "login.example-phish.com",
    "url.root_domain": "example-phish.com",
    "url.path": "/a/b",
    "analysis_tags": ["NO_CERTIFICATE","FORM_SUBMIT"],
    "sender": null,
    "sender.domain": "example-phish.com",  // senderDomain fills in for <>
    "sender.root_domain": "example-phish.com",
    "sender_ip": "203.0.113.5"
  })");
}

TEST_F(Api2Test, AttachmentProtectMinimalLine) {
  const std::vector<json> rows = run_->Where("attachment_protect", "file.name", "zero-day.pdf");
  ASSERT_FALSE(rows.empty());
  const json& e = rows[0];
  ExpectFields(e, R"({
    "file.ext": "pdf",
    "file.md5": "66f03bf072a74bb19db16c952ba3dc47",
    "api": 2
  })");
}

TEST_F(Api2Test, NonBatchPageWithEventTypeAndSubType) {
  const json e = run_->One("receipt", "processing_id", "mock_processing_id_xyz789_1234567890");
  ExpectFields(e, R"({
    "ts": "2024-01-01T00:00:00.000Z",
    "reject.type": "Header Rejected",
    "reject.code": "0",
    "virus": "Rejected by header based Blocked Senders: sender@example.com",
    "account": "MOCK_ACCOUNT_123"
  })");
}

TEST_F(Api2Test, CloudIntegratedEntities) {
  const json e = run_->One("ci_message", "threat.type", "malware");
  ExpectFields(e, R"({
    "feed": "cloud_integrated",
    "threat.state": "blocked",
    "tags": ["malware"],
    "policies": ["Default O365 Mail policy"],
    "action": "block",
    "attachments": [{"name":"Sandbox Test.xlsx","ext":"xlsx"}],
    "attachment_count": 1,
    "has_attachments": true,
    "historical": false,
    "source": "OFFICE_365_MAIL",
    "direction": "inbound",
    "from": null  // senderHeader ""
  })");
}

TEST_F(Api2Test, CloudIntegratedMailflow) {
  const json e =
      run_->One("ci_auth", "message_id",
                "<774faf78-0457-4ac1-9987-fad251c0f445@LV3PR18MB6327.namprd18.prod.outlook.com>");
  ExpectFields(e, R"({
    "auth.spf": "pass",
    "auth.dkim": "pass",
    "auth.dmarc": "fail",
    "account": "AUS2474"
  })");
}

// A rule written once ("accepted inbound mail from example.co.uk that failed SPF") must match
// the same message whichever API generation logged it.
TEST(ApiParityTest, Api1AndApi2ReceiptsNormalizeToTheSameFields) {
  const testing::Run v1 = IngestPaths({Fixture("receipt_20240101000000000.json")});
  const testing::Run v2 = IngestPaths({Fixture("receipt_parity_v2.ndjson")});
  ASSERT_EQ(v1.sink.rows.size(), 1u);
  ASSERT_EQ(v2.sink.rows.size(), 1u);
  const json& a = v1.sink.rows[0];
  const json& b = v2.sink.rows[0];
  const auto rule = [](const json& e) {
    return e["@type"] == "receipt" && e["action"] == "accept" && e["direction"] == "inbound" &&
           e["sender.root_domain"] == "example.co.uk" && e["auth.spf"] == "fail";
  };
  EXPECT_TRUE(rule(a));
  EXPECT_TRUE(rule(b));
  for (const char* key : {"ts",
                          "account",
                          "action",
                          "direction",
                          "sender",
                          "sender.local",
                          "sender.domain",
                          "sender.root_domain",
                          "from",
                          "from.domain",
                          "from.root_domain",
                          "recipient",
                          "recipient.domain",
                          "recipients",
                          "recipient_count",
                          "sender_ip",
                          "message_id",
                          "subject",
                          "spam.score",
                          "auth.spf",
                          "auth.dkim",
                          "tls.version",
                          "tls.cipher",
                          "tls.used",
                          "feed"}) {
    EXPECT_EQ(a[key], b[key]) << key;
  }
  EXPECT_EQ(a["api"], 1);
  EXPECT_EQ(b["api"], 2);
  EXPECT_EQ(a["tracking_id"], "parity-acode");
  EXPECT_EQ(b["aggregate_id"], "parity-agg");
}

}  // namespace
}  // namespace vigil::ingest

// normalize_feeds_test.cc: the per-feed logs normalized field by field: TTP URL click logs
// (JSON and Sentinel CSV), Attachment Protect, Impersonation Protect, DLP, audit events
// (eventInfo parsed), message release logs (the {"events":[{"message":...}]} wrapper),
// archive search and rejection logs (DataDog YAML samples).
#include <gtest/gtest.h>

#include "tests/ingest/test_sink.h"

namespace vigil::ingest {
namespace {

using nlohmann::json;
using testing::ExpectFields;
using testing::Sample;
namespace samples = testing::samples;

constexpr std::string_view kFiles[] = {
    samples::kTtpUrlLogs,
    samples::kTtpApLogs,
    samples::kTtpIpLogs,
    samples::kDlpLogs,
    samples::kAuditLogs,
    samples::kReleaseLogs,
    samples::kArchiveLogs,
    samples::kDataDogYaml,
    samples::kSentinelTtpUrl,
    samples::kSentinelTtpImpersonation,
    samples::kSentinelTtpAttachment,
};

class FeedsTest : public testing::IngestedSuite<FeedsTest> {
 public:
  static std::vector<std::string> Paths() {
    std::vector<std::string> paths;
    for (std::string_view f : kFiles) paths.push_back(Sample(f));
    return paths;
  }
};

TEST_F(FeedsTest, TtpUrlClickLog) {
  const json e = run_->One("url_protect", "message_id",
                           "<31b43097-94f9-4f64-8e37-8ad23650c692@ind1s01mta1292.xt.local>");
  ExpectFields(e, R"({
    "feed": "ttp_log",
    "api": null,  // same record shape in both generations
    "ts": "2021-10-16T14:45:34.000Z",
    "recipient": "johndoe@example.com",
    "sender": "bestbuyinfo@emailinfo.bestbuy.com",
    "sender.root_domain": "bestbuy.com",
    "url.host": "click.emailinfo2.bestbuy.com",
    "url.root_domain": "bestbuy.com",
    "policy": "Inbound URL 'Aggressive'",
    "action": "allow",
    "scan_result": "clean",
    "url.category": "Business",
    "user_awareness_action": "Continue",
    "creation_method": "User Click",
    "email_parts": ["Body"],
    "sender_ip": "67.43.156.15"
  })");
}

TEST_F(FeedsTest, TtpUrlInternalIpAndTagMap) {
  const json e = run_->One("url_protect", "url", "https://updates.example.com/");
  ExpectFields(e, R"({
    "sender_ip": null,  // "Internal IPscan_result": "malicious",
    "action": "warn",
    "direction": "internal"
  })");
  const std::vector<json> tagged = run_->Where("url_protect", "url.category", "Compromised");
  ASSERT_FALSE(tagged.empty());
  EXPECT_EQ(tagged[0]["analysis_tags"][0], "UrlReputationScan");
}

TEST_F(FeedsTest, TtpUrlFromSentinelCsv) {
  const json e = run_->One("url_protect", "url", "http://7.T");
  ExpectFields(e, R"({
    "ts": "2024-07-16T01:24:57.000Z",
    "url.category": "Phishing & Fraud",  // the "Category" display name
    "direction": "outbound",
    "sender_ip": null,
    "email_parts": ["Body"],
    "analysis_tags": ["Malware, Phishing & Fraud"]
  })");
}

TEST_F(FeedsTest, AttachmentProtectLog) {
  const json e = run_->One("attachment_protect", "file.name", "numbers.pdf");
  ExpectFields(e, R"({
    "sender": null,  // "<>file.mime": "application/pdf",
    "file.ext": "pdf",
    "file.sha256": "eaeef09b60a59b913e9bfc0a4373e25d6182beff388957473fba517cc09345e3",
    "scan_result": "safe",
    "action_triggered": "user release, none",
    "policy": "Inbound - Safe file with On-Demand Sandbox"
  })");
  EXPECT_EQ(
      e["details"],
      "Safe                                              \r\nTime taken: 0 hrs, 0 min, 4 sec");
  EXPECT_EQ(e["ts"], "2021-10-14T18:54:32.000Z");
}

TEST_F(FeedsTest, AttachmentProtectFromCsvWithMultiLineDetails) {
  const json e =
      run_->One("attachment_protect", "message_id", "<fd74f82845cc9337-205143@hapi.b41.one>");
  EXPECT_EQ(e["scan_result"], "malicious");
  EXPECT_EQ(e["details"],
            "[MALICIOUS_ACTIVITY: Exploit: Attempting to exploit CVE-2010-1240\n"
            "Time taken: 0 hrs, 0 min, 2 sec]");
  EXPECT_EQ(e["ts"], "2024-07-30T21:03:43.000Z");
}

TEST_F(FeedsTest, ImpersonationProtectLog) {
  const json e = run_->One("impersonation", "subject", "RE: MSP Sales of Managed E2E");
  EXPECT_TRUE(e["event_id"].get<std::string>().starts_with("MTOKEN:"));
  ExpectFields(e, R"({
    "hits": 2,
    "action": "hold",
    "identifiers": ["internal_user_name","threat_dictionary"],
    "imp.internal_name": true,
    "imp.threat_dictionary": true,
    "tagged_malicious": true,
    "similar_domain": "Emily Doe <emilydoe@example.com>",
    "sender_ip": "67.43.156.15"
  })");
}

TEST_F(FeedsTest, ImpersonationFromCsvWithJsonCells) {
  const json e = run_->One("impersonation", "subject", "Farewell CTS - Hello Vestec!");
  ExpectFields(e, R"({
    "identifiers": ["threat_dictionary"],
    "tagged_malicious": true,
    "tagged_external": false,
    "hits": 1,
    "action": "hold"
  })");
}

TEST_F(FeedsTest, DlpLog) {
  const json e = run_->One("dlp", "policy", "Explicit Language");
  ExpectFields(e, R"({
    "feed": "dlp_log",
    "action": "notification",
    "direction": "internal",
    "sender": "example2@dummy.net",
    "recipient": "example3@dummy.net",
    "ts": "2024-05-14T12:59:16.000Z"
  })");
  // +0700 offsets are converted to UTC.
  const std::vector<json> offset = run_->Where("dlp", "ts", "2022-12-29T03:45:45.000Z");
  EXPECT_EQ(offset.size(), 1u);
}

TEST_F(FeedsTest, AuditEventInfoParsed) {
  const json login = run_->One("audit", "audit.info",
                               "Failed authentication for johndoe@example.com <John Doe>, Date: "
                               "2022-01-11, Time: 21:48:01 GMT, IP: 67.43.156.15, Application: "
                               "POP-POP2, Method: Cloud, Reason: Wrong Password");
  ExpectFields(login, R"({
    "audit.type": "Logon Authentication Failed",
    "audit.category": "authentication_logs",
    "client_ip": "67.43.156.15",
    "application": "POP-POP2",
    "method": "Cloud",
    "reason": "Wrong Password",
    "user": "johndoe@example.com",
    "user.domain": "example.com",
    "feed": "audit_log"
  })");
  // Space-separated layout without commas.
  const json support = run_->Where("audit", "audit.type", "Mimecast Support Login").at(0);
  EXPECT_EQ(support["client_ip"], "67.43.156.15");
  EXPECT_EQ(support["application"], "Administration Console");
  // "Remote IP is ..." layout.
  const json enrolled = run_->One("audit", "audit.info",
                                  "Succesfully enrolled user for user device enrollment, Remote "
                                  "IP is 67.43.156.15");
  EXPECT_EQ(enrolled["client_ip"], "67.43.156.15");
  EXPECT_FALSE(enrolled.contains("application"));
}

TEST_F(FeedsTest, ReleaseLogFromWrappedMessages) {
  // Five wrapped records, two outbound ones with a release time (the fifth has none).
  const std::vector<json> rows = run_->Where("release", "direction", "outbound");
  ASSERT_EQ(rows.size(), 2u);
  const json& e = rows[0];
  ExpectFields(e, R"({
    "feed": "release_log",
    "ts": "2015-11-25T14:49:18.000Z",  // "+00:00" offset
    "action": "released",
    "user": "admin@domain.tld",
    "sender": "from_user@from_domain.tld",
    "from.name": "FromName LastName",
    "recipient": "to_user@to_domain.tld",
    "hold_reason": "High-Confidence Impersonation Protection",
    "held_group": "IT Staff Global",
    "reject.info": "Message contains undesirable content",
    "spam.score": 12,
    "spam.detection_level": "moderate",
    "spam.verdict": "spam",
    "spam.risk": "low",
    "spam.grey": true,
    "auth.spf": "pass",
    "size": 5043,
    "has_attachments": true
  })");
}

TEST_F(FeedsTest, ArchiveSearchLog) {
  const json e = run_->One("archive_search", "search.path", "/foo/bar");
  ExpectFields(e, R"({
    "feed": "archive_log",
    "user": "admin_dhamilton@hapi1.hamilton321.net",
    "search.text": "67311002-1617920404793@us-mta-167.us.mimecast.lan",
    "search.description": "Message Tracking Search",
    "source": "archive",
    "search.reason": null  // ""
  })");
  const json anon = run_->One("archive_search", "ts", "2024-11-12T16:21:27.000Z");
  EXPECT_FALSE(anon.contains("user"));  // "<>"
}

TEST_F(FeedsTest, RejectionLog) {
  const json e = run_->One("rejection", "reject.type", "Virus Signature Detection");
  ExpectFields(e, R"({
    "feed": "rejection_log",
    "sender": "dummy12@dummy.net",
    "recipient": "example12@example.net",
    "sender_ip": "172.217.12.12",
    "spam.score": 61,
    "spam.detection_level": "aggressive",
    "remote_host": "dummy.net",
    "helo": "dummy.net"
  })");
  EXPECT_TRUE(e["reject.info"].get<std::string>().starts_with("[clam.Eicar-Test-Signature"));
  EXPECT_EQ(e["ts"], "2024-05-25T18:56:08.000Z");
}

}  // namespace
}  // namespace vigil::ingest

// normalize_v1_test.cc: API 1.0 SIEM lines normalized field by field, one event of every log
// type (receipt, process, delivery, journal, av, spam, iep, impersonation, URL and attachment
// protect), from the public samples and a key=value fixture.
#include <gtest/gtest.h>

#include "tests/ingest/test_sink.h"

namespace vigil::ingest {
namespace {

using nlohmann::json;
using testing::ExpectFields;
using testing::Fixture;
using testing::Sample;
namespace samples = testing::samples;

class Api1Test : public testing::IngestedSuite<Api1Test> {
 public:
  static std::vector<std::string> Paths() {
    return {Sample(samples::kSiemLogs), Sample(samples::kSiemDocsLogs), Sample(samples::kReceiptKv),
            Fixture("process_20240101000000000.log")};
  }
};

TEST_F(Api1Test, ReceiptFromJsonWithSpamProcessingDetailObject) {
  const json e = run_->One("receipt", "message_id", "<messageId@messageId>");
  ExpectFields(e, R"({
    "tracking_id": "7O7I7MvGP1mj8plHRDuHEA",
    "ts": "2017-05-26T15:47:41.000Z",
    "api": 1,
    "feed": "siem",
    "account": "C0A0",
    "action": "accept",
    "direction": "internal",
    "sender_ip": "81.2.69.144",
    "subject": "message subject",
    "sender": "from@mimecast.com",
    "sender.local": "from",
    "sender.domain": "mimecast.com",
    "sender.root_domain": "mimecast.com",
    "from": "from@mimecast.com",
    "recipient": "auser@mimecast.com",
    "recipient_count": 1,
    "recipients": [{"address":"auser@mimecast.com","domain":"mimecast.com"}],
    "spam.score": 1,
    "spam.limit": 0,
    "spam.info": null,  // "[]" is no information
    "auth.spf": "fail",
    "auth.dkim": "unknown",
    "auth.dmarc": null,
    "tls.version": "TLSv1",
    "tls.cipher": "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
    "tls.used": true
  })");
}

TEST_F(Api1Test, ReceiptFromKeyValueLineMatchesTheJsonOne) {
  const std::vector<json> both = run_->Where("receipt", "tracking_id", "7O7I7MvGP1mj8plHRDuHEA");
  ASSERT_EQ(both.size(), 2u);
  const json& kv =
      both[0]["message_id"] == "<81ce15$8r2j59@mail01.example.com>" ? both[0] : both[1];
  ExpectFields(kv, R"({
    "sender_ip": "123.123.123.123",
    "subject": "message subject",  // backslash wrapping removed
    "spam.score": 1,  // text coerced
    "auth.spf": "fail",  // SpamProcessingDetail as JSON text
    "ts": "2017-05-26T15:47:41.000Z"
  })");
}

TEST_F(Api1Test, ProcessHeldForSpamWithImpersonationFlags) {
  const json e = run_->One("process", "tracking_id", "015vTYvNN-Wn30v7M5MzNw");
  ExpectFields(e, R"({
    "action": "hold",
    "hold_reason": "spam",
    "size": 56442,
    "attachment_count": 0,
    "has_attachments": false,
    "attachments": [],
    "identifiers": [],
    "imp.internal_name": false,
    "imp.threat_dictionary": false
  })");
}

TEST_F(Api1Test, ProcessAttachmentNamesFromQuotedCsv) {
  const json e = run_->Where("process", "attachment_count", 2).at(0);
  ExpectFields(e, R"({
    "tracking_id": "BY81J52RPjSmp7MrubnlZg",
    "attachments": [{"name":"filename.docx","ext":"docx"}, {"name":"filename2.xlsx","ext":"xlsx"}],
    "attachments_size": 1267,
    "has_attachments": true
  })");
}

TEST_F(Api1Test, ProcessFromKeyValueFixture) {
  const json e = run_->One("process", "tracking_id", "kv-1");
  ExpectFields(e, R"({
    "subject": "Re: a|b = c",
    "sender": null,  // the null sender <>
    "attachments": [{"name":"a b.PDF","ext":"pdf"}, {"name":"c,d.docx","ext":"docx"}],
    "identifiers": ["new_domain"],
    "imp.new_domain": true,
    "imp.threat_dictionary": false,
    "ts": "2024-01-01T00:00:00.000Z"
  })");
}

TEST_F(Api1Test, DeliveryRejectedWithNullSender) {
  const json e = run_->One("delivery", "tracking_id", "29be076e-44cd-354d-a7c2-083d4a312371");
  ExpectFields(e, R"({
    "delivered": false,
    "destination_ip": "67.43.156.15",  // IP on a delivery line is the next hop
    "sender_ip": null,
    "sender": null,
    "reject.type": "Recipient email address is possibly incorrect",
    "reject.code": "550",
    "latency": 505,
    "bytes_sent": 125,
    "attempts": 1,
    "tls.used": true,
    "route": "Office365",
    "direction": "inbound",
    "ts": "2021-10-19T06:06:40.000Z"
  })");
}

TEST_F(Api1Test, TwoObjectsOnOneLineAreTwoDeliveries) {
  const std::vector<json> rows =
      run_->Where("delivery", "tracking_id", "61dfe7da-4c6d-34e1-9667-69b04f0d564f");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_NE(rows[0]["delivered"], rows[1]["delivered"]);
  EXPECT_EQ(rows[0]["@offset"], rows[1]["@offset"]);  // same line
}

TEST_F(Api1Test, Journal) {
  const json e = run_->One("journal", "tracking_id", "CYSuuaBUMjOpk3k1Xhvy_Q");
  ExpectFields(e, R"({
    "journal.action": "Jnl",
    "direction": "internal",
    "sender": "johndoe@example.com",
    "recipient": "o365_service_account@example.com",
    "account": "C46A75"
  })");
}

TEST_F(Api1Test, AntiVirus) {
  const json e = run_->One("av", "virus", "Anomali:Phishing");
  ExpectFields(e, R"({
    "file.name": "Invoice Attached for payment",
    "file.ext": "xlsm",
    "file.mime": "application/vnd.ms-excel.sheet.macroEnabled.12",
    "file.size": 1648832,
    "file.md5": "4dbe9dbfb53438d9ce410535355cd973",
    "file.sha256": "efe51c2453821310c7a34dca3054021d0f6d453b7133c381d75e3140901efd12",
    "customer_ip": true,
    "mimecast_ip": false,
    "sender_internal": false,
    "direction": "inbound",
    "sender_ip": "0.0.0.0",
    "recipient": "recipient@recipientdomain.tld"
  })");
}

TEST_F(Api1Test, SpamEventThread) {
  const json e = run_->One("spam", "tracking_id", "azYwczFKNga_v1sYBuJOvA");
  ExpectFields(e, R"({
    "sender_ip": "0.0.0.0",
    "sender.domain": "domain.tld",  // from the address, not SenderDomain
    "from": "sender@adomain",
    "direction": "inbound"
  })");
}

TEST_F(Api1Test, InternalEmailProtect) {
  const json e = run_->One("iep", "tracking_id", "vit87EEXMPaEyl22Lrb92A");
  ExpectFields(e, R"({
    "url": "https://domain.com/login/",
    "url.host": "domain.com",
    "url.root_domain": "domain.com",
    "url.path": "/login/",
    "url.scheme": "https",
    "url.category": "Phishing & Fraud",
    "scan_info": "Blocked URL Category",
    "direction": "internal"
  })");
}

TEST_F(Api1Test, ImpersonationProtect) {
  const json e = run_->One("impersonation", "tracking_id", "q4qBpkoTOt-iStR7G44w3g");
  ExpectFields(e, R"({
    "action": "hold",
    "policy": "Default Impersonation Definition",
    "hits": 1,
    "tagged_malicious": true,
    "tagged_external": false,
    "imp.internal_name": true,
    "imp.similar_external_domain": false,
    "identifiers": ["internal_user_name"],
    "ts": "2020-07-26T23:39:59.000Z"
  })");
}

TEST_F(Api1Test, UrlProtectFromBothSamples) {
  const json docs = run_->One("url_protect", "url", "http://bgmtechnology.com.au");
  ExpectFields(docs, R"({
    "reason": "malicious",
    "url.path": "/",
    "url.root_domain": "bgmtechnology.com.au",
    "url.category": "Blocked"
  })");
  const json named = run_->One("url_protect", "action", "block");
  ExpectFields(named, R"({
    "url.host": "docusign.swrodgods.x10.mx",
    "url.path": "/Docun/Docu/index2.php",
    "sender.domain": "zenz.us",
    "recipient": "aorchard@twotoeight.com",
    "sender_ip": "67.43.156.15",
    "message_id": null  // msgid: null
  })");
}

TEST_F(Api1Test, AttachmentProtect) {
  const json e = run_->One("attachment_protect", "file.name", "1XCOLUMN.PVC");
  ExpectFields(e, R"({
    "file.ext": "doc",  // fileExt wins over the name's extension
    "file.size": 378368,
    "file.sha1": "a27850da9e7adfc8e1a94dabf2509fc9d65ee7e2",
    "account": "C1A1",
    "sender_ip": "81.2.69.144"
  })");
}

}  // namespace
}  // namespace vigil::ingest

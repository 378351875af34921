// vm_smoke_test.cc: end-to-end compile + VM on small batches, one behaviour per test.
#include <gtest/gtest.h>

#include "tests/vm/vm_test_util.h"
#include "vm/columnar/batch_builder.h"

namespace vigil::testing {
namespace {

using columnar::Batch;
using columnar::BatchBuilder;
using schema::EventType;
using schema::FieldId;
using V = std::vector<uint32_t>;

TEST(VmSmokeTest, DictionaryEqualityAndNumericComparison) {
  auto c = CompileCondition("receipt", "direction == \"inbound\" and spam.score > 5");
  ASSERT_NE(c, nullptr);
  Batch b(EventType::kReceipt, 8);
  BatchBuilder w(&b);
  const std::pair<const char*, int> rows[] = {{"inbound", 9}, {"outbound", 9}, {"inbound", 1}, {"inbound", -1}};
  for (auto [dir, score] : rows) {
    w.BeginRow({});
    w.SetString(FieldId::kDirection, dir);
    if (score >= 0) w.SetInt(FieldId::kSpamScore, score);
  }
  EXPECT_EQ(Matches(*c, b), (V{0}));
}

TEST(VmSmokeTest, CaseInsensitiveDomainsAndFusedPatterns) {
  auto c = CompileCondition("receipt",
                            "sender.domain ends_with \"EXAMPLE.com\" and subject icontains [\"invoice\", \"payment\"]");
  ASSERT_NE(c, nullptr);
  Batch b(EventType::kReceipt, 8);
  BatchBuilder w(&b);
  const std::pair<const char*, const char*> rows[] = {
      {"mail.example.com", "Your INVOICE"}, {"example.org", "invoice"}, {"example.com", "hello"},
      {"Example.COM", "Payment due"}};
  for (auto [d, s] : rows) {
    w.BeginRow({});
    w.SetString(FieldId::kSenderDomain, d);
    w.SetString(FieldId::kSubject, s);
  }
  EXPECT_EQ(Matches(*c, b), (V{0, 3}));
}

TEST(VmSmokeTest, QuantifierOverRecordsBindsOneElement) {
  auto c = CompileCondition("process", "any(a in attachments: a.ext == \"exe\" and a.name icontains \"inv\")");
  ASSERT_NE(c, nullptr);
  Batch b(EventType::kProcess, 8);
  BatchBuilder w(&b);
  auto att = [&](std::vector<std::pair<const char*, const char*>> items) {
    w.BeginRow({});
    for (auto [name, ext] : items) {
      w.AppendRecord(FieldId::kAttachments);
      w.SetMemberString(FieldId::kAttachmentsName, name);
      w.SetMemberString(FieldId::kAttachmentsExt, ext);
    }
  };
  att({{"invoice.exe", "exe"}});
  att({{"invoice.pdf", "pdf"}, {"setup.exe", "exe"}});
  att({});
  att({{"a.pdf", "pdf"}, {"INV-2.exe", "exe"}});
  EXPECT_EQ(Matches(*c, b), (V{0, 3}));
}

TEST(VmSmokeTest, KleeneLogicWithNulls) {
  auto c = CompileCondition("receipt", "not (spam.score > 5) or direction == \"inbound\"");
  ASSERT_NE(c, nullptr);
  Batch b(EventType::kReceipt, 8);
  BatchBuilder w(&b);
  w.BeginRow({});  // score null, direction null -> null
  w.BeginRow({});
  w.SetInt(FieldId::kSpamScore, 1);  // not false = true
  w.BeginRow({});
  w.SetString(FieldId::kDirection, "inbound");  // null or true = true
  w.BeginRow({});
  w.SetInt(FieldId::kSpamScore, 9);  // false or null = null
  EXPECT_EQ(Matches(*c, b), (V{1, 2}));
}

TEST(VmSmokeTest, NetworksAndLists) {
  auto c = CompileCondition("receipt", "sender_ip in [10.0.0.0/8, 192.168.1.7] and sender.domain in $free",
                            "list free: domain = [\"gmail.com\"]");
  ASSERT_NE(c, nullptr);
  Batch b(EventType::kReceipt, 8);
  BatchBuilder w(&b);
  const std::pair<const char*, const char*> rows[] = {
      {"10.2.3.4", "gmail.com"}, {"10.2.3.4", "mail.gmail.com"}, {"192.168.1.8", "gmail.com"},
      {"192.168.1.7", "yahoo.com"}, {"192.168.1.7", "gmail.com"}};
  for (auto [ip, d] : rows) {
    w.BeginRow({});
    w.SetIp(FieldId::kSenderIp, *base::ParseIp(ip));
    w.SetString(FieldId::kSenderDomain, d);
  }
  EXPECT_EQ(Matches(*c, b), (V{0, 1, 4}));
}

TEST(VmSmokeTest, FunctionCallsPerDistinctValue) {
  auto c = CompileCondition("receipt", "length(subject) > 5");
  ASSERT_NE(c, nullptr);
  Batch b(EventType::kReceipt, 4);
  BatchBuilder w(&b);
  for (const char* s : {"short", "much longer", ""}) {
    w.BeginRow({});
    w.SetString(FieldId::kSubject, s);
  }
  w.BeginRow({});
  EXPECT_EQ(Matches(*c, b), (V{1}));
}

}  // namespace
}  // namespace vigil::testing

// vm_fast_paths_test.cc: the VM's fast paths give what the reference interpreter gives: the
// once-per-distinct-value paths on dictionary-encoded columns (call results kept
// dictionary-encoded, list lookups under a selection, history keys rendered per value, results
// kept across batches) and network sets as sorted address ranges.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "interp/interpreter.h"
#include "stdlib/lists/typed_lists.h"
#include "tests/vm/both_engines.h"
#include "vm/exec/value_ids.h"

namespace vigil::testing {
namespace {

Fill Audit(int64_t ts, const char* type) {
  return [=](BatchBuilder& w) {
    w.SetTimestamp(FieldId::kTs, ts);
    w.SetString(FieldId::kUser, "Ann@X.com");
    if (type != nullptr) w.SetString(FieldId::kAuditType, type);
  };
}

Fill Receipt(int64_t score, const char* domain) {
  return [=](BatchBuilder& w) {
    w.SetInt(FieldId::kSpamScore, score);
    if (domain != nullptr) w.SetString(FieldId::kSenderDomain, domain);
  };
}

TEST(VmFastPathsTest, CallResultsOfDictionaryValuesKeepTheirCaseAndChain) {
  const std::vector<Fill> rows = {Audit(kTenAm, "Logon Failed"), Audit(kTenAm, "logon failed"),
                                  Audit(kTenAm, "LOGON FAILED"), Audit(kTenAm, nullptr),
                                  Audit(kTenAm, "Logon Failed"), Audit(kTenAm, "Other")};
  ExpectBoth(RunBoth("audit",
                     "lower(audit.type) == \"logon failed\" and audit.type != lower(audit.type)"
                     " and length(replace(lower(audit.type), \" \", \"\")) == 11",
                     rows),
             V{0, 2, 4});
  ExpectBoth(RunBoth("audit", "lower(audit.type) is null", rows), V{3});
}

TEST(VmFastPathsTest, DomainResultsOfDictionaryValuesFeedListsAndCalls) {
  const std::vector<Fill> rows = {Receipt(1, "mail.example.co.uk"), Receipt(1, "EXAMPLE.co.uk"),
                                  Receipt(1, "example.com"), Receipt(1, nullptr),
                                  Receipt(1, "a.b.example.co.uk")};
  ExpectBoth(RunBoth("receipt",
                     "registered_domain(sender.domain) in $d"
                     " and length(registered_domain(sender.domain)) == 13",
                     rows, "list d: domain = [\"example.co.uk\"]"),
             V{0, 1, 4});
}

TEST(VmFastPathsTest, ListLookupsUnderASelectionSkipNoSelectedRow) {
  const std::vector<Fill> rows = {Receipt(9, "evil.com"),     Receipt(1, "evil.com"),
                                  Receipt(9, "sub.evil.com"), Receipt(9, "good.com"),
                                  Receipt(1, "good.com"),     Receipt(9, nullptr)};
  ExpectBoth(RunBoth("receipt", "spam.score > 5 and sender.domain in $d", rows,
                     "list d: domain = [\"evil.com\"]"),
             V{0, 2});
}

TEST(VmFastPathsTest, HistoryKeysOfDictionaryValuesAreRenderedAsTheInterpreterDoes) {
  std::vector<Fill> rows;
  for (const char* type : {"Say \"hi\"", "back\\slash", "tab\there", "na\xc3\xafve", "\xff\xfe bad",
                           "plain", "plain", "ctl\x01", "del\x7f"}) {
    rows.push_back(Audit(kTenAm, type));
  }
  rows.push_back(Audit(kTenAm, nullptr));
  const auto two = RunBoth("audit", "first_seen(audit.type, user) over 1d", rows);
  ExpectBoth(two, V{0, 1, 2, 3, 4, 5, 7, 8});
  EXPECT_EQ(two.vm_keys, two.interp_keys);
  EXPECT_EQ(two.vm_keys.size(), 9u);
  const auto one = RunBoth("audit", "prevalence(audit.type) over 1d == 1", rows);
  ExpectBoth(one, V{6});
  EXPECT_EQ(one.vm_keys, one.interp_keys);
}

// One receipt batch with a sender domain per row.
std::unique_ptr<columnar::Batch> Domains(const std::vector<std::string>& domains) {
  auto b = std::make_unique<columnar::Batch>(schema::EventType::kReceipt, domains.size() + 1);
  BatchBuilder w(b.get());
  for (const std::string& d : domains) {
    w.BeginRow({});
    w.SetString(FieldId::kSenderDomain, d);
  }
  return b;
}

// Results kept from one batch to the next follow the tenant's own list and the lists' reload.
TEST(VmFastPathsTest, KeptResultsFollowTheTenantsLists) {
  auto c = CompileCondition(
      "receipt", "sender.domain in $orgs or lookalike_distance(sender.domain, $orgs) == 1",
      "tenant list orgs: domain = [\"default.com\"]");
  ASSERT_NE(c, nullptr);
  std::vector<stdlib::EntryError> errors;
  auto acme = stdlib::BuildList({.kind = stdlib::ListKind::kDomain}, {"acme.com"}, &errors);
  auto other = stdlib::BuildList({.kind = stdlib::ListKind::kDomain}, {"other.com"}, &errors);
  columnar::TenantContext plain, a, b;
  a.lists["orgs"] = acme.get();
  b.lists["orgs"] = other.get();
  const auto batch = Domains({"default.com", "acme.com", "acmf.com", "other.com", "defauIt.com"});
  for (int round = 0; round < 2; ++round) {
    EXPECT_EQ(Matches(*c, *batch, plain), (V{0, 4}));
    EXPECT_EQ(Matches(*c, *batch, a), (V{1, 2}));
    EXPECT_EQ(Matches(*c, *batch, b), (V{3}));
  }
  auto again = stdlib::BuildList({.kind = stdlib::ListKind::kDomain}, {"acmf.com"}, &errors);
  a.lists["orgs"] = again.get();
  c->vm->ClearListCache();
  EXPECT_EQ(Matches(*c, *batch, a), (V{1, 2}));
}

// String results are kept by value: the same codes hold other values in the next batch.
TEST(VmFastPathsTest, KeptStringResultsFollowTheValuesNotTheCodes) {
  auto c = CompileCondition("audit", "lower(audit.type) == \"a\" and length(audit.type) == 1");
  ASSERT_NE(c, nullptr);
  auto batch = [](std::vector<const char*> types) {
    auto b = std::make_unique<columnar::Batch>(schema::EventType::kAudit, types.size() + 1);
    BatchBuilder w(b.get());
    for (const char* t : types) {
      w.BeginRow({});
      w.SetString(FieldId::kAuditType, t);
    }
    return b;
  };
  EXPECT_EQ(Matches(*c, *batch({"A", "B", "a"})), (V{0, 2}));
  EXPECT_EQ(Matches(*c, *batch({"B", "A", "c"})), (V{1}));
  EXPECT_EQ(Matches(*c, *batch({"c", "b", "a", "A"})), (V{2, 3}));
}

// More distinct values than the ids keep: they are forgotten and results stay right.
TEST(VmFastPathsTest, KeptResultsSurviveForgettingTheIds) {
  auto c = CompileCondition(
      "receipt", "sender.domain in $d and length(sender.domain) < 10 and sender.domain not in $odd",
      "list d: domain = [\"even.com\"]\nlist odd: domain = [\"odd.com\"]");
  ASSERT_NE(c, nullptr);
  // Each batch has new values in another order, so forgotten ids are reused for other values.
  for (size_t k = 0; k * 20000 < 3 * vm::RegisterIds::kMaxIds; ++k) {
    std::vector<std::string> domains;
    for (size_t i = 0; i < 20000; ++i) {
      domains.push_back(std::to_string(k * 20000 + i) + ((i + k) % 2 ? ".odd.com" : ".even.com"));
    }
    const uint32_t at = static_cast<uint32_t>(k * 7919 % 20000);
    domains.insert(domains.begin() + at, "even.com");
    const auto batch = Domains(domains);
    std::vector<uint32_t> want = {at};
    ASSERT_EQ(Matches(*c, *batch), want) << k;
  }
}

// Int results per code of a dictionary-encoded argument: words past the first, a partial last
// word, null arguments (evaluated per element) and unselected elements between selected ones
// give what the interpreter gives.
TEST(VmFastPathsTest, ScalarCallResultsPerCodeOverSeveralWordsWithNulls) {
  std::vector<Fill> rows;
  for (int i = 0; i < 203; ++i) {
    const std::string domain = std::string(static_cast<size_t>(i % 9), 'x') + ".com";
    rows.push_back(i % 11 == 3 ? Score(i % 7)  // a null domain
                               : Both(Score(i % 7), Str(FieldId::kSenderDomain, domain)));
  }
  const Results r = RunBoth("receipt", "spam.score > 2 and length(sender.domain) > 8", rows);
  V want;
  for (uint32_t i = 0; i < 203; ++i) {
    if (i % 11 != 3 && i % 7 > 2 && i % 9 > 4) want.push_back(i);
  }
  ExpectBoth(r, want);
}

// Subjects mostly distinct within a batch are stored flat; their scan hits are kept across
// batches by value, so a value seen in an earlier batch (at another row, among other values)
// answers as a fresh scan does.
TEST(VmFastPathsTest, ScansOfFlatTextsKeptAcrossBatchesFollowTheValues) {
  auto c = CompileCondition("receipt",
                            "subject contains \"inv\" or regex_search(subject, \"^re: [0-9]+$\")");
  ASSERT_NE(c, nullptr);
  interp::Interpreter interp(*c->load.pack);
  for (size_t k = 0; k < 12; ++k) {
    columnar::Batch batch(schema::EventType::kReceipt, 600);
    BatchBuilder w(&batch);
    for (size_t i = 0; i < 500; ++i) {
      w.BeginRow({});
      const size_t v = (i * 7 + k * 131) % 900;  // each batch: 500 of 900 values, shuffled
      if (v % 97 == 5) continue;                 // a null subject
      w.SetString(FieldId::kSubject, v % 3 == 0   ? "re: " + std::to_string(v)
                                     : v % 3 == 1 ? "inv " + std::to_string(v)
                                                  : "hello " + std::to_string(v));
    }
    ASSERT_EQ(batch.column(FieldId::kSubject)->storage(), columnar::Storage::kFlatString);
    columnar::MatchSet m;
    interp.Evaluate(batch, {}, &m);
    ASSERT_EQ(Matches(*c, batch), m.rows[0]) << k;
  }
}

TEST(VmFastPathsTest, NetworkSetsMatchAsTheInterpretersCidrLists) {
  auto ip = [](const char* text) {
    return [=](BatchBuilder& w) { w.SetIp(FieldId::kSenderIp, *base::ParseIp(text)); };
  };
  const std::vector<Fill> rows = {ip("10.255.255.255"),   ip("11.0.0.0"),    ip("9.255.255.255"),
                                  ip("192.168.1.255"),    ip("192.168.3.0"), ip("192.168.2.0"),
                                  ip("2001:db8:ffff::1"), ip("2001:db9::"),  ip("203.0.113.7"),
                                  ip("203.0.113.8"),      ip("::a00:1"),     nullptr};
  ExpectBoth(RunBoth("receipt",
                     "sender_ip in [10.0.0.0/8, 10.1.0.0/16, 192.168.1.0/24, 192.168.2.0/24,"
                     " cidr(\"2001:db8::/32\"), 203.0.113.7]",
                     rows),
             V{0, 3, 5, 6, 8});
  ExpectBoth(RunBoth("receipt", "sender_ip in [0.0.0.0/0, cidr(\"2001:db9::/128\")]", rows),
             V{0, 1, 2, 3, 4, 5, 7, 8, 9});
  ExpectBoth(RunBoth("receipt", "sender_ip in [cidr(\"::/0\"), 10.0.0.0/8]", rows),
             V{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
}

}  // namespace
}  // namespace vigil::testing

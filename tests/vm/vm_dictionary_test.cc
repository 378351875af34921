// vm_dictionary_test.cc: the VM's once-per-distinct-value paths on dictionary-encoded columns
// (call results kept dictionary-encoded, list lookups under a selection, history keys rendered
// per value) give what the reference interpreter gives, element by element.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/vm/both_engines.h"

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

TEST(VmDictionaryTest, CallResultsOfDictionaryValuesKeepTheirCaseAndChain) {
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

TEST(VmDictionaryTest, DomainResultsOfDictionaryValuesFeedListsAndCalls) {
  const std::vector<Fill> rows = {Receipt(1, "mail.example.co.uk"), Receipt(1, "EXAMPLE.co.uk"),
                                  Receipt(1, "example.com"), Receipt(1, nullptr),
                                  Receipt(1, "a.b.example.co.uk")};
  ExpectBoth(RunBoth("receipt",
                     "registered_domain(sender.domain) in $d"
                     " and length(registered_domain(sender.domain)) == 13",
                     rows, "list d: domain = [\"example.co.uk\"]"),
             V{0, 1, 4});
}

TEST(VmDictionaryTest, ListLookupsUnderASelectionSkipNoSelectedRow) {
  const std::vector<Fill> rows = {Receipt(9, "evil.com"),     Receipt(1, "evil.com"),
                                  Receipt(9, "sub.evil.com"), Receipt(9, "good.com"),
                                  Receipt(1, "good.com"),     Receipt(9, nullptr)};
  ExpectBoth(RunBoth("receipt", "spam.score > 5 and sender.domain in $d", rows,
                     "list d: domain = [\"evil.com\"]"),
             V{0, 2});
}

TEST(VmDictionaryTest, HistoryKeysOfDictionaryValuesAreRenderedAsTheInterpreterDoes) {
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

}  // namespace
}  // namespace vigil::testing

// calls_test.cc: function calls of the reference interpreter: stdlib functions with null
// propagation, array results, list arguments (inline, pack, tenant, arrays), the tenant's time
// zone, the ip()/cidr() constructors, first_seen()/prevalence() through a HistoryProvider, and
// macros (with and without parameters).
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "interp/call_sites.h"
#include "stdlib/lists/typed_lists.h"
#include "tests/interp/interp_fixture.h"

namespace vigil::interp::testing {
namespace {

using CallsTest = InterpTest;

TEST_F(CallsTest, StdlibFunctions) {
  const Case cases[] = {
      {R"(lower(subject) == "hello wörld")", kTrue},  {"length(subject) == 11", kTrue},
      {"byte_length(subject) == 12", kTrue},          {R"(upper(subject) contains "WÖRLD")", kTrue},
      {R"(substr(subject, 0, 5) == "Hello")", kTrue},
  };
  ExpectCases(Subject("Hello Wörld"), cases);
}

TEST_F(CallsTest, NullArgumentGivesNull) {
  const Case cases[] = {
      {"length(subject) > 0", kNull},
      {"length(subject) is null", kTrue},
      {R"(lower(subject) == "x")", kNull},
      {R"(concat(subject, "x") == "x")", kNull},
  };
  ExpectCases(nullptr, cases);
}

TEST_F(CallsTest, ArrayResults) {
  const Case cases[] = {
      {R"(split(subject, ",")[2] == "c")", kTrue},
      {R"("b" in split(subject, ","))", kTrue},
      {R"("d" in split(subject, ","))", kFalse},
  };
  ExpectCases(Subject("a,b,c"), cases);
}

TEST_F(CallsTest, ListArguments) {
  const std::string decls = R"(list brands: domain = ["microsoft.com", "paypal.com"])";
  const Fill lookalike = Str(FieldId::kSenderDomain, "rnicrosoft.com");
  const Case cases[] = {
      {R"(lookalike(sender.domain, ["microsoft.com", "paypal.com"]) == "microsoft.com")", kTrue},
      {R"(lookalike(sender.domain, $brands) == "microsoft.com")", kTrue},
      {R"(in_list(sender.domain, $brands))", kFalse},
      {R"(in_list(sender.domain, ["rnicrosoft.com"]))", kTrue},
  };
  ExpectCases(lookalike, cases, "receipt", decls);
  ExpectRows(R"(in_list("new_domain", identifiers))",
             {{nullptr, kNull},
              {[](auto& b) { b.AppendArrayString(FieldId::kIdentifiers, "new_domain"); }, kTrue}},
             "process");
}

// Regression: an IOC or regex list is a valid list<string> argument (ioc_lookup, list_match);
// sema rejected `ioc_lookup(sender.domain, $iocs)` with E0303.
TEST_F(CallsTest, IocAndPatternListArguments) {
  const std::string decls =
      "list bad: ioc = [\"evil.example\", \"203.0.113.0/24\"]\n"
      "list pats: regex = [\"evil\\\\.example\"]";
  const Case cases[] = {
      {R"(ioc_lookup(sender.domain, $bad) contains "evil.example")", kTrue},
      {R"(ioc_lookup(sender_ip, $bad) contains "203.0.113.0/24")", kTrue},
      {R"(list_match(sender.domain, $bad) is not null)", kTrue},
      {R"(list_match(sender.domain, $pats) is not null)", kTrue},
  };
  ExpectCases(Both(Str(FieldId::kSenderDomain, "mail.evil.example"),
                   IpAt(FieldId::kSenderIp, "203.0.113.9")),
              cases, "receipt", decls);
}

// Regression: stdlib calls outside the `when` condition (evidence, sequence step conditions)
// had no prepared call site, so the interpreter gave null: evidence such as length(subject)
// was always null in alerts, and a step `where lower(subject) == "hello"` never matched on the
// interpreter while the VM matched it (`vigil test`: "the engines disagree").
TEST_F(CallsTest, CallsOutsideTheCondition) {
  LoadPack(R"(
rule t.ev {
  title "t" description "d" class expel severity low
  on receipt
  when subject == "Hello"
  evidence { len: length(subject), low: lower(subject) }
  suppress by lower(subject) for 1h
}
rule t.seq {
  title "t" description "d" class expel severity low
  sequence by recipient within 1h {
    step a: receipt where lower(subject) == "hello"
    step b: delivery where delivered == true
  }
}
)");
  ASSERT_NE(pack_, nullptr);
  columnar::Batch batch(EventType::kReceipt, 4);
  columnar::BatchBuilder b(&batch);
  b.BeginRow({});
  b.SetString(FieldId::kSubject, "Hello");
  const sema::Rule& ev = pack_->rules[0];
  const schema::Datum len = interp_->EvalValue(*ev.evidence[0].expr, batch, 0, tenant_);
  EXPECT_TRUE(len.valid);
  EXPECT_EQ(len.i, 5);
  const schema::Datum low = interp_->EvalValue(*ev.evidence[1].expr, batch, 0, tenant_);
  EXPECT_TRUE(low.valid);
  EXPECT_EQ(low.s, "hello");
  const schema::Datum key = interp_->EvalValue(*ev.suppress_by[0], batch, 0, tenant_);
  EXPECT_TRUE(key.valid);
  EXPECT_EQ(key.s, "hello");
  columnar::MatchSet matches;
  interp_->Evaluate(batch, tenant_, &matches);
  EXPECT_EQ(matches.rows[pack_->SlotOf(1, 0)], std::vector<uint32_t>{0});
}

TEST_F(CallsTest, TenantListArgument) {
  Load("in_list(sender.domain, $orgs)", "receipt", "tenant list orgs: domain");
  const Fill f = Str(FieldId::kSenderDomain, "mail.acme.com");
  EXPECT_EQ(Row(f), kFalse);
  std::vector<stdlib::EntryError> errors;
  auto orgs = stdlib::BuildList({.kind = stdlib::ListKind::kDomain}, {"acme.com"}, &errors);
  tenant_.lists["orgs"] = orgs.get();
  EXPECT_EQ(Row(f), kTrue);
}

TEST_F(CallsTest, TenantTimeZone) {
  constexpr int64_t kTenPm = 1714602600000;  // 2024-05-01T22:30:00Z
  Load("hour_of_day(ts) == 22");
  const Fill f = [](auto& b) { b.SetTimestamp(FieldId::kTs, kTenPm); };
  EXPECT_EQ(Row(f), kTrue);
  tenant_.time_zone = "Europe/London";
  EXPECT_EQ(Row(f), kFalse);
  Load("hour_of_day(ts) == 23");
  EXPECT_EQ(Row(f), kTrue);
}

TEST_F(CallsTest, IpAndCidrConstructors) {
  ExpectRows(R"(sender_ip == ip("2001:DB8::1") and sender_ip in cidr("2001:db8::/64"))",
             {{IpAt(FieldId::kSenderIp, "2001:db8::1"), kTrue},
              {IpAt(FieldId::kSenderIp, "2001:db8::2"), kFalse}});
}

TEST_F(CallsTest, Macros) {
  const std::string decls =
      "macro inbound = direction == \"inbound\"\n"
      "macro from_list(d: domain) = d in $free\n"
      "list free: domain = [\"gmail.com\"]\n";
  const Fill f =
      Both(Str(FieldId::kDirection, "inbound"), Str(FieldId::kSenderDomain, "gmail.com"));
  const Case cases[] = {
      {"inbound and from_list(sender.domain)", kTrue},
      {"inbound and not from_list(sender.domain)", kFalse},
      {"any(r in recipients: from_list(r.domain))", kFalse},
  };
  ExpectCases(f, cases, "receipt", decls);
}

// Records every call; answers first_seen true for keys never seen, prevalence the number of
// earlier calls with the same keys.
class FakeHistory : public columnar::HistoryProvider {
 public:
  bool FirstSeen(uint32_t site, const std::string& keys, int64_t ts, int64_t over) override {
    calls.emplace_back(site, keys, ts, over);
    return seen[{site, keys}]++ == 0;
  }
  int64_t Prevalence(uint32_t site, const std::string& keys, int64_t ts, int64_t over) override {
    calls.emplace_back(site, keys, ts, over);
    return seen[{site, keys}]++;
  }
  std::vector<std::tuple<uint32_t, std::string, int64_t, int64_t>> calls;
  std::map<std::pair<uint32_t, std::string>, int64_t> seen;
};

TEST_F(CallsTest, HistoryWithoutProviderIsNull) {
  EXPECT_EQ(Truth("first_seen(sender.domain) over 30d",
                  Both(Str(FieldId::kSenderDomain, "a.com"), Int(FieldId::kTs, 5))),
            kNull);
}

TEST_F(CallsTest, HistoryCallsTheProviderWithSiteKeysTimeAndPeriod) {
  Load("first_seen(sender.domain, spam.score) over 1d or prevalence(subject) over 2h > 1");
  FakeHistory history;
  tenant_.history = &history;
  const Fill f = Both(Both(Str(FieldId::kSenderDomain, "a.com"), Score(7)),
                      Both(Subject("s"), Int(FieldId::kTs, 1000)));
  EXPECT_EQ(Row(f), kTrue);             // first seen
  EXPECT_EQ(Row(f), kFalse);            // seen; prevalence 1
  EXPECT_EQ(Row(f), kTrue);             // prevalence 2
  ASSERT_EQ(history.calls.size(), 6u);  // both sites on every row: no short-circuit
  const std::string keys = std::string("\"a.com\"") + kHistoryKeySeparator + "7";
  EXPECT_EQ(history.calls[0], std::make_tuple(0u, keys, int64_t{1000}, int64_t{86400000}));
  EXPECT_EQ(history.calls[1],
            std::make_tuple(1u, std::string("\"s\""), int64_t{1000}, int64_t{7200000}));
}

TEST_F(CallsTest, HistoryWithANullKeyOrTimeIsNullAndRecordsNothing) {
  Load("first_seen(sender.domain) over 1d");
  FakeHistory history;
  tenant_.history = &history;
  EXPECT_EQ(Row(Int(FieldId::kTs, 5)), kNull);
  EXPECT_EQ(Row(Str(FieldId::kSenderDomain, "a.com")), kNull);
  EXPECT_TRUE(history.calls.empty());
}

}  // namespace
}  // namespace vigil::interp::testing

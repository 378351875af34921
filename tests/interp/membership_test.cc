// membership_test.cc: `in` / `not in` of the reference interpreter: inline lists, pack lists
// of every kind (string, email, domain with subdomains, int, cidr v4/v6, regex, glob, ioc),
// tenant lists with defaults, arrays (with null arrays and null elements), and networks.
#include "stdlib/lists/typed_lists.h"
#include "tests/interp/interp_fixture.h"

namespace vigil::interp::testing {
namespace {

Fill Domain(std::string s) { return Str(FieldId::kSenderDomain, std::move(s)); }
Fill Ip(std::string_view s) { return IpAt(FieldId::kSenderIp, s); }

using MembershipTest = InterpTest;

TEST_F(MembershipTest, InlineListIsEquality) {
  EXPECT_EQ(Truth("subject in [\"a\", \"b\"]", Subject("b")), kTrue);
  EXPECT_EQ(Truth("subject in [\"a\", \"b\"]", Subject("B")), kFalse);
  EXPECT_EQ(Truth("subject in [\"a\", \"b\"]", Subject("ab")), kFalse);
  EXPECT_EQ(Truth("subject not in [\"a\", \"b\"]", Subject("c")), kTrue);
  EXPECT_EQ(Truth("subject in [\"a\"]"), kNull);
  EXPECT_EQ(Truth("subject not in [\"a\"]"), kNull);
}

TEST_F(MembershipTest, InlineListOfDomainOperandIgnoresCaseButNotSubdomains) {
  EXPECT_EQ(Truth("sender.domain in [\"Gmail.COM\"]", Domain("gmail.com")), kTrue);
  EXPECT_EQ(Truth("sender.domain in [\"gmail.com\"]", Domain("mail.gmail.com")), kFalse);
}

TEST_F(MembershipTest, InlineNumbers) {
  EXPECT_EQ(Truth("spam.score in [1, 5, 9]", Score(5)), kTrue);
  EXPECT_EQ(Truth("spam.score in [1, 9]", Score(5)), kFalse);
  EXPECT_EQ(Truth("spam.score in [1.5, 5.0]", Score(5)), kTrue);
  EXPECT_EQ(Truth("spam.score in [-5]", Score(-5)), kTrue);
}

TEST_F(MembershipTest, NetworksV4AndV6) {
  EXPECT_EQ(Truth("sender_ip in 10.0.0.0/8", Ip("10.200.1.1")), kTrue);
  EXPECT_EQ(Truth("sender_ip in 10.0.0.0/8", Ip("11.0.0.1")), kFalse);
  EXPECT_EQ(Truth("sender_ip in 10.0.0.0/8"), kNull);
  EXPECT_EQ(Truth("sender_ip in cidr(\"2001:db8::/32\")", Ip("2001:db8:1::5")), kTrue);
  EXPECT_EQ(Truth("sender_ip in cidr(\"2001:db8::/32\")", Ip("2001:db9::5")), kFalse);
  EXPECT_EQ(Truth("sender_ip in cidr(\"2001:db8::/32\")", Ip("10.0.0.1")), kFalse);
  EXPECT_EQ(Truth("sender_ip in [192.168.0.0/16, 10.1.2.3]", Ip("10.1.2.3")), kTrue);
  EXPECT_EQ(Truth("sender_ip in [192.168.0.0/16, 10.1.2.3]", Ip("10.1.2.4")), kFalse);
  EXPECT_EQ(Truth("sender_ip in [192.168.0.0/16, ip(\"::1\")]", Ip("::1")), kTrue);
  EXPECT_EQ(Truth("sender_ip not in [192.168.0.0/16]", Ip("192.168.7.7")), kFalse);
}

TEST_F(MembershipTest, PackStringAndEmailLists) {
  const std::string decls =
      "list words: string = [\"Alpha\", \"beta\"]\n"
      "list people: email = [\"Bob@Example.com\"]\n";
  EXPECT_EQ(Truth("subject in $words", Subject("Alpha"), "receipt", decls), kTrue);
  EXPECT_EQ(Truth("subject in $words", Subject("alpha"), "receipt", decls), kFalse);
  const Fill bob = [](auto& b) { b.SetString(FieldId::kSender, "BOB@example.com"); };
  EXPECT_EQ(Truth("sender in $people", bob, "receipt", decls), kTrue);
  EXPECT_EQ(
      Truth(
          "from.name in $people",
          [](auto& b) { b.SetString(FieldId::kFromName, "bob@EXAMPLE.com"); }, "receipt", decls),
      kTrue);
}

TEST_F(MembershipTest, PackDomainListsMatchSubdomains) {
  const std::string decls = "list orgs: domain = [\"Acme.com\", \"*.corp.example\"]\n";
  EXPECT_EQ(Truth("sender.domain in $orgs", Domain("acme.com"), "receipt", decls), kTrue);
  EXPECT_EQ(Truth("sender.domain in $orgs", Domain("mail.acme.com"), "receipt", decls), kTrue);
  EXPECT_EQ(Truth("sender.domain in $orgs", Domain("notacme.com"), "receipt", decls), kFalse);
  EXPECT_EQ(Truth("sender.domain in $orgs", Domain("x.corp.example"), "receipt", decls), kTrue);
  EXPECT_EQ(Truth("sender.domain not in $orgs", Domain("acme.org"), "receipt", decls), kTrue);
  EXPECT_EQ(Truth("sender.domain in $orgs", nullptr, "receipt", decls), kNull);
}

TEST_F(MembershipTest, PackIntLists) {
  const std::string decls = "list codes: int = [3, 500, 0]\n";
  EXPECT_EQ(Truth("spam.score in $codes", Score(500), "receipt", decls), kTrue);
  EXPECT_EQ(Truth("spam.score in $codes", Score(0), "receipt", decls), kTrue);
  EXPECT_EQ(Truth("spam.score in $codes", Score(4), "receipt", decls), kFalse);
}

TEST_F(MembershipTest, PackCidrLists) {
  const std::string decls = "list nets: cidr = [10.0.0.0/8, \"2001:db8::/32\", 1.2.3.4]\n";
  EXPECT_EQ(Truth("sender_ip in $nets", Ip("10.9.9.9"), "receipt", decls), kTrue);
  EXPECT_EQ(Truth("sender_ip in $nets", Ip("2001:db8::77"), "receipt", decls), kTrue);
  EXPECT_EQ(Truth("sender_ip in $nets", Ip("1.2.3.4"), "receipt", decls), kTrue);
  EXPECT_EQ(Truth("sender_ip in $nets", Ip("1.2.3.5"), "receipt", decls), kFalse);
}

TEST_F(MembershipTest, PatternLists) {
  const std::string decls =
      "list pats: regex = [\"^inv[0-9]+\", \"pay(ment)?\"]\n"
      "list globs: glob = [\"*.exe\", \"report-??.pdf\"]\n";
  EXPECT_EQ(Truth("subject in $pats", Subject("inv42 due"), "receipt", decls), kTrue);
  EXPECT_EQ(Truth("subject in $pats", Subject("the payment"), "receipt", decls), kTrue);
  EXPECT_EQ(Truth("subject in $pats", Subject("INV42"), "receipt", decls), kFalse);
  EXPECT_EQ(Truth("subject matches $pats", Subject("pay"), "receipt", decls), kTrue);
  EXPECT_EQ(Truth("subject imatches $pats", Subject("INV42"), "receipt", decls), kTrue);
  EXPECT_EQ(Truth("subject in $globs", Subject("a.exe"), "receipt", decls), kTrue);
  EXPECT_EQ(Truth("subject in $globs", Subject("report-01.pdf"), "receipt", decls), kTrue);
  EXPECT_EQ(Truth("subject in $globs", Subject("A.EXE"), "receipt", decls), kFalse);
  EXPECT_EQ(Truth("subject ilike $globs", Subject("A.EXE"), "receipt", decls), kTrue);
  EXPECT_EQ(Truth("subject not like $globs", Subject("a.txt"), "receipt", decls), kTrue);
}

TEST_F(MembershipTest, StringOperatorOverAPackList) {
  const std::string decls = "list words: string = [\"urgent\", \"wire\"]\n";
  EXPECT_EQ(Truth("subject icontains $words", Subject("URGENT: pay"), "receipt", decls), kTrue);
  EXPECT_EQ(Truth("subject contains $words", Subject("URGENT: pay"), "receipt", decls), kFalse);
}

TEST_F(MembershipTest, IocLists) {
  const std::string decls =
      "list bad: ioc = [\"evil.example\", \"203.0.113.0/24\", "
      "\"44d88612fea8a8f36de82e1278abb02f\"]\n";
  EXPECT_EQ(Truth("sender.domain in $bad", Domain("x.evil.example"), "receipt", decls), kTrue);
  EXPECT_EQ(Truth("sender.domain in $bad", Domain("good.example"), "receipt", decls), kFalse);
  EXPECT_EQ(Truth("sender_ip in $bad", Ip("203.0.113.9"), "receipt", decls), kTrue);
  EXPECT_EQ(Truth(
                "file.md5 in $bad",
                [](auto& b) { b.SetString(FieldId::kFileMd5, "44d88612fea8a8f36de82e1278abb02f"); },
                "av", decls),
            kTrue);
}

TEST_F(MembershipTest, TenantListsUseTenantValuesElseDefaults) {
  const std::string decls = "tenant list orgs: domain = [\"default.example\"]\n";
  Load("sender.domain in $orgs", "receipt", decls);
  EXPECT_EQ(Row(Domain("mail.default.example")), kTrue);
  std::vector<stdlib::EntryError> errors;
  auto own = stdlib::BuildList({.kind = stdlib::ListKind::kDomain}, {"acme.com"}, &errors);
  tenant_.lists["orgs"] = own.get();
  EXPECT_EQ(Row(Domain("mail.default.example")), kFalse);
  EXPECT_EQ(Row(Domain("x.acme.com")), kTrue);
}

TEST_F(MembershipTest, TenantListWithoutDefaultsIsEmpty) {
  const std::string decls = "tenant list vips: email\n";
  EXPECT_EQ(Truth(
                "sender in $vips", [](auto& b) { b.SetString(FieldId::kSender, "a@b.c"); },
                "receipt", decls),
            kFalse);
}

TEST_F(MembershipTest, Arrays) {
  const Fill ids = [](auto& b) {
    b.AppendArrayString(FieldId::kIdentifiers, "new_domain");
    b.AppendArrayString(FieldId::kIdentifiers, "reply_mismatch");
  };
  EXPECT_EQ(Truth("\"new_domain\" in identifiers", ids, "process"), kTrue);
  EXPECT_EQ(Truth("\"New_Domain\" in identifiers", ids, "process"), kFalse);
  EXPECT_EQ(Truth("\"other\" in identifiers", ids, "process"), kFalse);
  EXPECT_EQ(Truth("\"other\" not in identifiers", ids, "process"), kTrue);
  EXPECT_EQ(Truth("\"x\" in identifiers", nullptr, "process"), kFalse);  // null array
  EXPECT_EQ(
      Truth(
          "\"x\" in identifiers", [](auto& b) { b.SetPresent(FieldId::kIdentifiers); }, "process"),
      kFalse);
  EXPECT_EQ(Truth("subject in identifiers", ids, "process"), kNull);  // null left side
}

}  // namespace
}  // namespace vigil::interp::testing

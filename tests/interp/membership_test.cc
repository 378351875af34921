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
  ExpectRows(
      R"(subject in ["a", "b"])",
      {{Subject("b"), kTrue}, {Subject("B"), kFalse}, {Subject("ab"), kFalse}, {nullptr, kNull}});
  ExpectRows(R"(subject not in ["a", "b"])",
             {{Subject("c"), kTrue}, {Subject("a"), kFalse}, {nullptr, kNull}});
}

TEST_F(MembershipTest, InlineListOfDomainOperandIgnoresCaseButNotSubdomains) {
  ExpectRows(R"(sender.domain in ["Gmail.COM"])",
             {{Domain("gmail.com"), kTrue}, {Domain("mail.gmail.com"), kFalse}});
}

TEST_F(MembershipTest, InlineNumbers) {
  ExpectRows("spam.score in [1, 5, 9]", {{Score(5), kTrue}, {Score(4), kFalse}});
  ExpectRows("spam.score in [1.5, 5.0]", {{Score(5), kTrue}, {Score(1), kFalse}});
  ExpectRows("spam.score in [-5]", {{Score(-5), kTrue}});
}

TEST_F(MembershipTest, NetworksV4AndV6) {
  ExpectRows("sender_ip in 10.0.0.0/8",
             {{Ip("10.200.1.1"), kTrue}, {Ip("11.0.0.1"), kFalse}, {nullptr, kNull}});
  ExpectRows(R"(sender_ip in cidr("2001:db8::/32"))",
             {{Ip("2001:db8:1::5"), kTrue}, {Ip("2001:db9::5"), kFalse}, {Ip("10.0.0.1"), kFalse}});
  ExpectRows("sender_ip in [192.168.0.0/16, 10.1.2.3]",
             {{Ip("10.1.2.3"), kTrue}, {Ip("10.1.2.4"), kFalse}, {Ip("192.168.9.9"), kTrue}});
  ExpectRows(R"(sender_ip in [192.168.0.0/16, ip("::1")])", {{Ip("::1"), kTrue}});
  ExpectRows("sender_ip not in [192.168.0.0/16]", {{Ip("192.168.7.7"), kFalse}});
}

TEST_F(MembershipTest, PackStringAndEmailLists) {
  const std::string decls =
      "list words: string = [\"Alpha\", \"beta\"]\n"
      "list people: email = [\"Bob@Example.com\"]\n";
  ExpectRows("subject in $words", {{Subject("Alpha"), kTrue}, {Subject("alpha"), kFalse}},
             "receipt", decls);
  ExpectRows("sender in $people", {{Str(FieldId::kSender, "BOB@example.com"), kTrue}}, "receipt",
             decls);
  ExpectRows("from.name in $people", {{Str(FieldId::kFromName, "bob@EXAMPLE.com"), kTrue}},
             "receipt", decls);
}

TEST_F(MembershipTest, PackDomainListsMatchSubdomains) {
  ExpectRows("sender.domain in $orgs",
             {{Domain("acme.com"), kTrue},
              {Domain("mail.acme.com"), kTrue},
              {Domain("notacme.com"), kFalse},
              {Domain("x.corp.example"), kTrue},
              {Domain("acme.org"), kFalse},
              {nullptr, kNull}},
             "receipt", R"(list orgs: domain = ["Acme.com", "*.corp.example"])");
}

TEST_F(MembershipTest, PackIntLists) {
  ExpectRows("spam.score in $codes", {{Score(500), kTrue}, {Score(0), kTrue}, {Score(4), kFalse}},
             "receipt", "list codes: int = [3, 500, 0]");
}

TEST_F(MembershipTest, PackCidrLists) {
  ExpectRows("sender_ip in $nets",
             {{Ip("10.9.9.9"), kTrue},
              {Ip("2001:db8::77"), kTrue},
              {Ip("1.2.3.4"), kTrue},
              {Ip("1.2.3.5"), kFalse}},
             "receipt", R"(list nets: cidr = [10.0.0.0/8, "2001:db8::/32", 1.2.3.4])");
}

TEST_F(MembershipTest, RegexLists) {
  const std::string decls = R"(list pats: regex = ["^inv[0-9]+", "pay(ment)?"])";
  ExpectRows(
      "subject in $pats",
      {{Subject("inv42 due"), kTrue}, {Subject("the payment"), kTrue}, {Subject("INV42"), kFalse}},
      "receipt", decls);
  ExpectRows("subject imatches $pats", {{Subject("INV42"), kTrue}}, "receipt", decls);
  ExpectRows("subject matches $pats", {{Subject("pay"), kTrue}}, "receipt", decls);
}

TEST_F(MembershipTest, GlobLists) {
  const std::string decls = R"(list globs: glob = ["*.exe", "report-??.pdf"])";
  ExpectRows(
      "subject in $globs",
      {{Subject("a.exe"), kTrue}, {Subject("report-01.pdf"), kTrue}, {Subject("A.EXE"), kFalse}},
      "receipt", decls);
  ExpectRows("subject ilike $globs", {{Subject("A.EXE"), kTrue}}, "receipt", decls);
  ExpectRows("subject not like $globs", {{Subject("a.txt"), kTrue}}, "receipt", decls);
}

TEST_F(MembershipTest, StringOperatorOverAPackList) {
  const Case cases[] = {
      {"subject icontains $words", kTrue},
      {"subject contains $words", kFalse},
  };
  ExpectCases(Subject("URGENT: pay"), cases, "receipt",
              R"(list words: string = ["urgent", "wire"])");
}

TEST_F(MembershipTest, IocLists) {
  const std::string decls =
      R"(list bad: ioc = ["evil.example", "203.0.113.0/24", "44d88612fea8a8f36de82e1278abb02f"])";
  ExpectRows("sender.domain in $bad",
             {{Domain("x.evil.example"), kTrue}, {Domain("ok.com"), kFalse}}, "receipt", decls);
  ExpectRows("sender_ip in $bad", {{Ip("203.0.113.9"), kTrue}, {Ip("203.0.114.9"), kFalse}},
             "receipt", decls);
  ExpectRows("file.md5 in $bad",
             {{Str(FieldId::kFileMd5, "44d88612fea8a8f36de82e1278abb02f"), kTrue}}, "av", decls);
}

TEST_F(MembershipTest, TenantListsUseTenantValuesElseDefaults) {
  Load("sender.domain in $orgs", "receipt", R"(tenant list orgs: domain = ["default.example"])");
  EXPECT_EQ(Row(Domain("mail.default.example")), kTrue);
  std::vector<stdlib::EntryError> errors;
  auto own = stdlib::BuildList({.kind = stdlib::ListKind::kDomain}, {"acme.com"}, &errors);
  tenant_.lists["orgs"] = own.get();
  EXPECT_EQ(Row(Domain("mail.default.example")), kFalse);
  EXPECT_EQ(Row(Domain("x.acme.com")), kTrue);
}

TEST_F(MembershipTest, TenantListWithoutDefaultsIsEmpty) {
  ExpectRows("sender in $vips", {{Str(FieldId::kSender, "a@b.c"), kFalse}}, "receipt",
             "tenant list vips: email");
}

TEST_F(MembershipTest, TenantExactListComparesWithTheOperandsCase) {
  Load("sender in $vips or subject in $words", "receipt",
       "tenant list vips: email\ntenant list words: string");
  std::vector<stdlib::EntryError> errors;
  auto vips = stdlib::BuildList({}, {"CEO@Acme.com"}, &errors);  // built case-sensitive
  auto words = stdlib::BuildList({}, {"Urgent"}, &errors);
  tenant_.lists = {{"vips", vips.get()}, {"words", words.get()}};
  EXPECT_EQ(Row(Str(FieldId::kSender, "ceo@acme.com")), kTrue);  // true or null
  EXPECT_EQ(Row(Both(Str(FieldId::kSender, "ceo@acme.com"), Subject("x"))), kTrue);
  EXPECT_EQ(Row(Both(Str(FieldId::kSender, "x@acme.com"), Subject("urgent"))), kFalse);
  EXPECT_EQ(Row(Both(Str(FieldId::kSender, "x@acme.com"), Subject("Urgent"))), kTrue);
}

TEST_F(MembershipTest, Arrays) {
  const Fill ids = [](auto& b) {
    b.AppendArrayString(FieldId::kIdentifiers, "new_domain");
    b.AppendArrayString(FieldId::kIdentifiers, "reply_mismatch");
  };
  const Fill empty = [](auto& b) { b.SetPresent(FieldId::kIdentifiers); };
  ExpectRows(R"("new_domain" in identifiers)", {{ids, kTrue}, {empty, kFalse}, {nullptr, kFalse}},
             "process");
  ExpectRows(R"("New_Domain" in identifiers)", {{ids, kFalse}}, "process");
  ExpectRows(R"("other" not in identifiers)", {{ids, kTrue}, {nullptr, kTrue}}, "process");
  ExpectRows("subject in identifiers", {{ids, kNull}, {Both(ids, Subject("new_domain")), kTrue}},
             "process");
}

}  // namespace
}  // namespace vigil::interp::testing

namespace vigil::interp::testing {
namespace {

// Writes `text` to a fresh file under the test's temporary directory and returns its path.
std::string TempFile(const std::string& name, const std::string& text) {
  const std::string path = ::testing::TempDir() + "/interp_" + name;
  FILE* f = fopen(path.c_str(), "wb");
  EXPECT_NE(f, nullptr);
  if (f != nullptr) {
    fwrite(text.data(), 1, text.size(), f);
    fclose(f);
  }
  return path;
}

TEST_F(MembershipTest, ListsFromFiles) {
  const std::string domains = TempFile("domains.txt", "# shorteners\nbit.ly\n\nTinyURL.com\n");
  const std::string iocs = TempFile(
      "iocs.csv", "indicator,type,source\nevil.example,domain,feed\n203.0.113.0/24,cidr,feed\n");
  const std::string decls =
      "list short: domain from \"" + domains + "\"\nlist bad: ioc from \"" + iocs + "\"\n";
  ExpectRows("sender.domain in $short or sender.domain in $bad",
             {{Str(FieldId::kSenderDomain, "x.tinyurl.com"), kTrue},
              {Str(FieldId::kSenderDomain, "a.evil.example"), kTrue},
              {Str(FieldId::kSenderDomain, "bit.ly.example"), kFalse}},
             "receipt", decls);
  ExpectRows("sender_ip in $bad", {{IpAt(FieldId::kSenderIp, "203.0.113.200"), kTrue}}, "receipt",
             decls);
  EXPECT_TRUE(interp_->errors().empty());
}

}  // namespace
}  // namespace vigil::interp::testing

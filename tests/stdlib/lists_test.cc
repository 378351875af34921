// lists_test.cc: typed lists (string, domain with subdomains, CIDR, regex, glob), the file
// loaders with file:line errors, IOC lists and the Mimecast STIX feed sample.
#include <gtest/gtest.h>

#include "stdlib/lists/domain_trie.h"
#include "stdlib/lists/ioc.h"
#include "stdlib/lists/loaders.h"
#include "stdlib/lists/stix.h"
#include "stdlib/lists/typed_lists.h"
#include "tests/stdlib/example_eval.h"

namespace vigil::stdlib {
namespace {

LoadResult Load(std::string_view text, std::string_view name, ListKind kind,
                std::string column = "", bool caseless = false) {
  LoadOptions o;
  o.list.kind = kind;
  o.list.caseless = caseless;
  o.column = std::move(column);
  return LoadListText(text, name, o);
}

bool Has(const schema::ListValue& l, std::string_view v) { return l.Find(Datum::String(v)) >= 0; }

TEST(ListsTest, StringListsExactOrCaseless) {
  LoadResult r =
      Load("# VIPs\nCEO@corp.example\n\n  cfo@corp.example  \n", "vips.txt", ListKind::kString);
  ASSERT_TRUE(r.errors.empty());
  EXPECT_EQ(r.list->size(), 2u);
  EXPECT_TRUE(Has(*r.list, "cfo@corp.example"));
  EXPECT_FALSE(Has(*r.list, "ceo@corp.example"));
  r = Load("CEO@corp.example\n", "vips.txt", ListKind::kString, "", true);
  EXPECT_TRUE(Has(*r.list, "ceo@CORP.example"));
  EXPECT_TRUE(Has(*r.list, "ceo@corp.example"));  // no upper-case letter: probed as it is
  EXPECT_FALSE(Has(*r.list, "ceo@corp.exampl"));
  EXPECT_FALSE(Has(*r.list, "CEO@CORP.EXAMPLE.X"));
}

TEST(ListsTest, DomainListsMatchSubdomains) {
  LoadResult r = Load("example.com\n*.partner.example\n.Shop.Example.\nbad domain\n", "d.txt",
                      ListKind::kDomain);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0], "d.txt:4: invalid domain \"bad domain\"");
  EXPECT_TRUE(Has(*r.list, "example.com"));
  EXPECT_TRUE(Has(*r.list, "A.B.EXAMPLE.COM."));
  EXPECT_FALSE(Has(*r.list, "badexample.com"));
  EXPECT_FALSE(Has(*r.list, "com"));
  EXPECT_TRUE(Has(*r.list, "x.partner.example"));
  EXPECT_TRUE(Has(*r.list, "shop.example"));
  EXPECT_FALSE(Has(*r.list, ""));
  EXPECT_EQ(r.list->entries()[2], "shop.example");
}

TEST(ListsTest, DomainTrieReturnsTheMostSpecificEntry) {
  DomainTrie t;
  t.Insert("example.com", 0);
  t.Insert("a.example.com", 1);
  EXPECT_EQ(t.FindSuffix("x.a.example.com"), 1);
  EXPECT_EQ(t.FindSuffix("b.example.com"), 0);
  EXPECT_EQ(t.FindExact("b.example.com"), -1);
  EXPECT_EQ(t.FindSuffix("example.org"), -1);
  std::string deep;
  for (int i = 0; i < 200000; ++i) deep += "b.";
  EXPECT_EQ(t.FindSuffix(deep + "example.com"), 0);  // linear in the host
}

TEST(ListsTest, CidrListsFromCsvColumns) {
  const std::string csv =
      "name,network\noffice,10.0.0.0/8\n\"vpn, EU\",2001:db8::/32\nbad,10.1.2.3/8\n";
  LoadResult r = Load(csv, "nets.csv", ListKind::kCidr, "Network");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].substr(0, 32), "nets.csv:4: invalid CIDR \"10.1.2");
  EXPECT_GE(r.list->Find(Datum::Ip(*base::ParseIp("10.9.9.9"))), 0);
  EXPECT_GE(r.list->Find(Datum::Ip(*base::ParseIp("2001:db8::7"))), 0);
  EXPECT_LT(r.list->Find(Datum::Ip(*base::ParseIp("11.0.0.1"))), 0);
  EXPECT_TRUE(Has(*r.list, "10.1.1.1"));  // IPs written as strings are parsed
  r = Load(csv, "nets.csv", ListKind::kCidr, "missing");
  EXPECT_EQ(r.errors[0], "nets.csv:2: no \"missing\" field");
}

TEST(ListsTest, CsvQuotingAndUnterminatedFields) {
  LoadResult r = Load("\"a\"\"b\",x\r\n\"multi\nline\",y\r\nc,z\n", "q.csv", ListKind::kString);
  ASSERT_TRUE(r.errors.empty());
  EXPECT_TRUE(Has(*r.list, "a\"b"));
  EXPECT_TRUE(Has(*r.list, "multi\nline"));
  EXPECT_TRUE(Has(*r.list, "c"));
  r = Load("a\n\"open\n", "q.csv", ListKind::kString);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0], "q.csv:line 2: unterminated quoted field");
  EXPECT_EQ(r.list, nullptr);
}

TEST(ListsTest, JsonArraysObjectsAndLinesCarryLineNumbers) {
  LoadResult r = Load("[\n  \"a.com\",\n  \"b com\"\n]", "d.json", ListKind::kDomain);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0], "d.json:3: invalid domain \"b com\"");
  r = Load("[{\"domain\": \"a.com\"},\n {\"other\": 1}]", "d.json", ListKind::kDomain, "domain");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0], "d.json:2: no \"domain\" field");
  r = Load("{\"value\": \"a.com\"}\n{\"value\": \"b.com\"}\n", "d.jsonl", ListKind::kDomain);
  EXPECT_TRUE(r.errors.empty());
  EXPECT_EQ(r.list->size(), 2u);
  r = Load("[\"a\",\n oops]", "d.json", ListKind::kString);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].substr(0, 14), "d.json:line 2:");
}

TEST(ListsTest, RegexAndGlobLists) {
  LoadResult r = Load("^invoice\n(unclosed\n[0-9]{6}$\n", "re.txt", ListKind::kRegex);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].substr(0, 30), "re.txt:2: invalid regex \"(uncl");
  EXPECT_EQ(r.list->Find(Datum::String("code 123456")), 1);
  EXPECT_EQ(r.list->Find(Datum::String("invoice 123456")), 0);  // the first pattern wins
  EXPECT_EQ(r.list->Find(Datum::String("nothing")), -1);
  r = Load("*.exe\n*.PDF\n", "g.txt", ListKind::kGlob, "", true);
  EXPECT_EQ(r.list->Find(Datum::String("a.pdf")), 1);
  EXPECT_EQ(r.list->Find(Datum::String("a.txt")), -1);
}

TEST(ListsTest, InlineListsTakeTheParameterType) {
  const Datum elems[] = {Datum::String("Example.com"), Datum::String("x y")};
  std::string error;
  EXPECT_EQ(BuildInlineList(ListOf(ScalarType::kDomain), elems, &error), nullptr);
  EXPECT_EQ(error, "list element 2: invalid domain \"x y\"");
  auto l = BuildInlineList(ListOf(ScalarType::kEmail), elems, &error);
  ASSERT_NE(l, nullptr);
  EXPECT_TRUE(Has(*l, "example.COM"));
  testing::ExampleEvaluator ev;
  EXPECT_EQ(ev.Run(R"(in_list("a.example.com", ["example.com"]))"), "false");  // list<string>
  EXPECT_EQ(ev.Run(R"(lookalike("exarnple.com", ["Example.com"]))"), R"("example.com")");
}

TEST(ListsTest, IocListsClassifyAndReturnMetadata) {
  const std::string csv =
      "indicator,type,source,severity,description,tags,campaign\n"
      "44d88612fea8a8f36de82e1278abb02f,,vt,high,EICAR,test;av,c1\n"
      "evil.example,domain,feed,medium,,,\n"
      "203.0.113.0/24,,feed,low,,,\n"
      "HTTP://Bad.Example/path/,url,feed,,,,\n"
      "phisher@bad.example,,feed,,,,\n"
      "not a thing,,feed,,,,\n"
      "abc,sha256,feed,,,,\n";
  LoadResult r = LoadIocText(csv, "iocs.csv", FileFormat::kAuto, "local");
  ASSERT_EQ(r.errors.size(), 2u);
  EXPECT_EQ(r.errors[0], "iocs.csv:7: invalid domain indicator \"not a thing\"");
  EXPECT_EQ(r.errors[1], "iocs.csv:8: invalid sha256 indicator \"abc\"");
  const schema::ListValue& l = *r.list;
  const int64_t hash = l.Find(Datum::String("44D88612FEA8A8F36DE82E1278ABB02F"));
  ASSERT_GE(hash, 0);
  EXPECT_EQ(l.Metadata(hash),
            R"({"indicator":"44d88612fea8a8f36de82e1278abb02f","type":"md5","source":"vt",)"
            R"("severity":"high","description":"EICAR","labels":["test","av"],"campaign":"c1"})");
  EXPECT_GE(l.Find(Datum::String("login.evil.example")), 0);
  EXPECT_GE(l.Find(Datum::Ip(*base::ParseIp("203.0.113.77"))), 0);
  EXPECT_GE(l.Find(Datum::String("http://bad.example/path")), 0);
  EXPECT_GE(l.Find(Datum::String("Phisher@Bad.Example")), 0);
  EXPECT_LT(l.Find(Datum::String("good.example")), 0);
  EXPECT_LT(l.Find(Datum::String("")), 0);
}

TEST(ListsTest, MimecastStixFeedSample) {
  const std::string path =
      std::string(VIGIL_SAMPLES_DIR) +
      "/elastic_integrations__packages_mimecast_data_stream_threat_intel_malware_customer__dev_"
      "test_pipeline_test-threat-intel-malware-customer.log";
  LoadResult r = LoadStixFile(path, "mimecast");
  ASSERT_TRUE(r.errors.empty()) << r.errors[0];
  ASSERT_NE(r.list, nullptr);
  EXPECT_GE(r.list->size(), 5u);
  const int64_t i = r.list->Find(
      Datum::String("c20d551424f2df6312f7fa700ed97cd199c3d5c8a0f4dfd683627f18913096de"));
  ASSERT_GE(i, 0);
  const std::string_view meta = r.list->Metadata(i);
  EXPECT_NE(meta.find(R"("type":"sha256")"), std::string::npos) << meta;
  EXPECT_NE(meta.find(R"("description":"Business Proposal_Final")"), std::string::npos) << meta;
  EXPECT_NE(meta.find(R"("labels":["malicious-activity","virus"])"), std::string::npos) << meta;
  EXPECT_NE(meta.find(R"("feed_file":"malware_customer_stix_20211028161801144.stix")"),
            std::string::npos)
      << meta;
}

TEST(ListsTest, StixPatterns) {
  std::vector<StixComparison> v;
  EXPECT_TRUE(ParseStixPattern(
      "[url:value = 'http://x.example/a'] OR [ipv4-addr:value = '198.51.100.0/24']", &v));
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0].type, IocType::kUrl);
  EXPECT_EQ(v[1].type, IocType::kCidr);
  EXPECT_TRUE(ParseStixPattern("[file:hashes.MD5 = '44D88612FEA8A8F36DE82E1278ABB02F']", &v));
  EXPECT_EQ(v[0].value, "44d88612fea8a8f36de82e1278abb02f");
  EXPECT_FALSE(ParseStixPattern("[file:name = 'x.exe' AND file:size = 10]", &v));
  EXPECT_FALSE(ParseStixPattern("[file:name = 'x.exe']", &v));
  EXPECT_FALSE(ParseStixPattern("", &v));
  EXPECT_FALSE(ParseStixPattern("[domain-name:value = 'unterminated", &v));
  const std::string bundle = R"({"type": "bundle", "objects": [
    {"type": "indicator", "id": "indicator--1", "pattern": "[domain-name:value = 'evil.example']"},
    {"type": "indicator", "id": "indicator--2", "pattern": "[process:pid = 4]"}
  ]})";
  LoadResult r = LoadStixText(bundle, "b.json", "feed");
  EXPECT_EQ(r.skipped, 1u);
  EXPECT_GE(r.list->Find(Datum::String("a.evil.example")), 0);
}

TEST(ListsMemoTest, MemoizeComputesOncePerValueAndIsPerList) {
  LoadResult a = Load("paypal.com\nacme.com\n", "a.txt", ListKind::kDomain);
  LoadResult b = Load("acme.com\n", "b.txt", ListKind::kDomain);
  int computed = 0;
  auto compute = [&] {
    ++computed;
    return std::pair<int64_t, size_t>(computed, 1);
  };
  EXPECT_EQ(a.list->Memoize("paypa1.com", compute).first, 1);
  EXPECT_EQ(a.list->Memoize("paypa1.com", compute).first, 1);  // remembered
  EXPECT_EQ(b.list->Memoize("paypa1.com", compute).first, 2);  // another list computes its own
  EXPECT_EQ(computed, 2);
  for (size_t i = 0; i < schema::ListValue::kMemoEntries + 10; ++i) {
    a.list->Memoize("d" + std::to_string(i) + ".example", compute);
  }
  EXPECT_GT(a.list->Memoize("paypa1.com", compute).first, 2);  // bounded: it started over
}

}  // namespace
}  // namespace vigil::stdlib

// net_file_test.cc: the network family (parsing, special ranges, CIDR membership, the prefix
// trie against a linear reference) and the file family (extensions, classes, MIME).
#include <gtest/gtest.h>

#include <random>

#include "stdlib/file/file_types.h"
#include "stdlib/net/cidr_trie.h"
#include "stdlib/net/ip_ranges.h"
#include "tests/stdlib/example_eval.h"

namespace vigil::stdlib {
namespace {

class NetFileTest : public ::testing::Test {
 protected:
  std::string Run(std::string_view call) { return ev_.Run(call); }
  testing::ExampleEvaluator ev_;
};

TEST_F(NetFileTest, ParsingAndFamilies) {
  EXPECT_EQ(Run(R"(ip("10.0.0.256"))"), "null");
  EXPECT_EQ(Run(R"(ip(""))"), "null");
  EXPECT_EQ(Run(R"(ip("::ffff:1.2.3.4"))"), "1.2.3.4");
  EXPECT_EQ(Run(R"(cidr("10.1.0.0/8"))"), "null");  // host bits set
  EXPECT_EQ(Run(R"(cidr("10.0.0.1"))"), "10.0.0.1/32");
  EXPECT_EQ(Run(R"(is_ipv4(ip("::ffff:1.2.3.4")))"), "true");
  EXPECT_EQ(Run(R"(ip_version(1.2.3.4))"), "4");
  EXPECT_EQ(Run(R"(ip_network(ip("2001:db8::1"), 32))"), R"(cidr("2001:db8::/32"))");
  EXPECT_EQ(Run(R"(ip_network(1.2.3.4, 33))"), "null");
  EXPECT_EQ(Run(R"(ip_network(1.2.3.4, 0))"), "0.0.0.0/0");
}

TEST_F(NetFileTest, SpecialRanges) {
  EXPECT_EQ(Run(R"(is_private_ip(172.15.255.255))"), "false");
  EXPECT_EQ(Run(R"(is_private_ip(172.31.255.255))"), "true");
  EXPECT_EQ(Run(R"(is_private_ip(ip("fd00::1")))"), "true");
  EXPECT_EQ(Run(R"(is_loopback_ip(ip("::1")))"), "true");
  EXPECT_EQ(Run(R"(is_link_local_ip(ip("fe80::1")))"), "true");
  EXPECT_EQ(Run(R"(is_reserved_ip(255.255.255.255))"), "true");
  EXPECT_EQ(Run(R"(is_reserved_ip(100.64.0.1))"), "true");
  EXPECT_EQ(Run(R"(is_reserved_ip(ip("2001:db8::5")))"), "true");
  EXPECT_EQ(Run(R"(is_public_ip(ip("2606:4700::1111")))"), "true");
  EXPECT_EQ(Run(R"(is_public_ip(10.0.0.1))"), "false");
  for (const IpRangeEntry& e : SpecialIpRanges()) {
    const auto c = base::ParseCidr(e.cidr);
    ASSERT_TRUE(c) << e.cidr;
    EXPECT_EQ(ClassifyIp(c->addr), e.range) << e.cidr;
  }
}

TEST_F(NetFileTest, CidrMembership) {
  EXPECT_EQ(Run(R"(in_cidr(10.255.0.1, 10.0.0.0/8))"), "true");
  EXPECT_EQ(Run(R"(in_cidr(11.0.0.1, 10.0.0.0/8))"), "false");
  EXPECT_EQ(Run(R"(in_cidr(ip("2001:db8::9"), cidr("2001:db8::/32")))"), "true");
  EXPECT_EQ(Run(R"(in_cidr(1.2.3.4, 0.0.0.0/0))"), "true");
}

base::IpAddr RandomIp(std::mt19937& rng, bool v4) {
  base::IpAddr ip;
  for (auto& b : ip.bytes) b = rng() & 0xFF;
  if (v4) {
    for (int i = 0; i < 10; ++i) ip.bytes[i] = 0;
    ip.bytes[10] = ip.bytes[11] = 0xFF;
  }
  ip.bytes[12] &= 0x0F;  // cluster addresses so networks overlap
  return ip;
}

TEST_F(NetFileTest, CidrTrieMatchesALinearScan) {
  std::mt19937 rng(17);
  std::vector<base::Cidr> nets;
  CidrTrie trie;
  for (uint32_t i = 0; i < 3000; ++i) {
    const bool v4 = rng() % 3 != 0;
    base::Cidr c{RandomIp(rng, v4), static_cast<uint8_t>(v4 ? 96 + rng() % 33 : rng() % 129)};
    for (int bit = c.prefix; bit < 128; ++bit) c.addr.bytes[bit / 8] &= ~(0x80 >> (bit % 8));
    nets.push_back(c);
    trie.Insert(c, i);
  }
  for (int q = 0; q < 5000; ++q) {
    const base::IpAddr ip = RandomIp(rng, rng() % 3 != 0);
    int64_t longest = -1, shortest = -1;
    int best_len = -1, short_len = 200;
    for (size_t i = 0; i < nets.size(); ++i) {
      if (!nets[i].Contains(ip)) continue;
      if (nets[i].prefix > best_len) longest = static_cast<int64_t>(i), best_len = nets[i].prefix;
      if (nets[i].prefix < short_len)
        shortest = static_cast<int64_t>(i), short_len = nets[i].prefix;
    }
    ASSERT_EQ(trie.LongestMatch(ip), longest);
    ASSERT_EQ(trie.ShortestMatch(ip), shortest);
  }
}

TEST_F(NetFileTest, FileNames) {
  EXPECT_EQ(Run(R"(file_extension(""))"), R"("")");
  EXPECT_EQ(Run(R"(file_extension(".bashrc"))"), R"("")");
  EXPECT_EQ(Run(R"(file_extension("archive.tar.GZ"))"), R"("gz")");
  EXPECT_EQ(Run(R"(file_extension("evil.exe. . "))"), R"("exe")");
  EXPECT_EQ(Run(R"(file_extension("dir.d/noext"))"), R"("")");
  EXPECT_EQ(Run(R"(file_extensions("a"))"), "[]");
  EXPECT_EQ(Run(R"(file_extensions("résumé.PDF .exe"))"), R"(["pdf", "exe"])");
  EXPECT_EQ(Run(R"(has_double_extension("archive.tar.gz"))"), "false");
  EXPECT_EQ(Run(R"(has_double_extension("photo.jpg.scr"))"), "true");
  EXPECT_EQ(Run(R"(has_double_extension("report.pdf.html"))"), "true");
  EXPECT_EQ(Run(R"(has_double_extension("exe.pdf"))"), "false");
  EXPECT_EQ(Run(R"(file_class("x.LNK"))"), R"("shortcut")");
  EXPECT_EQ(Run(R"(file_class("x.docm"))"), R"("office_macro")");
  EXPECT_EQ(Run(R"(file_class("x.vhdx"))"), R"("disk_image")");
  EXPECT_EQ(Run(R"(file_class("x.hta"))"), R"("script")");
  EXPECT_EQ(Run(R"(file_class("x.svg"))"), R"("html")");
  EXPECT_EQ(Run(R"(file_class("x.unknownext"))"), R"("other")");
  EXPECT_EQ(Run(R"(file_is("a.7z", "archive"))"), "true");
  EXPECT_EQ(Run(R"(file_is("a.7z", "archives"))").substr(0, 25), "error: unknown file class");
  for (const auto& [ext, cls] : ExtensionTable()) EXPECT_EQ(ExtensionClass(ext), cls) << ext;
}

TEST_F(NetFileTest, MimeFamilies) {
  EXPECT_EQ(Run(R"(mime_family("TEXT/HTML; charset=utf-8"))"), R"("html")");
  EXPECT_EQ(Run(R"(mime_family("application/x-msdownload"))"), R"("executable")");
  EXPECT_EQ(
      Run(R"(mime_family("application/vnd.openxmlformats-officedocument.wordprocessingml.document"))"),
      R"("office")");
  EXPECT_EQ(Run(R"(mime_family("image/png"))"), R"("image")");
  EXPECT_EQ(Run(R"(mime_family("text/plain"))"), R"("text")");
  EXPECT_EQ(Run(R"(mime_family(""))"), R"("other")");
  EXPECT_EQ(Run(R"(mime_family("application/onenote"))"), R"("onenote")");
}

TEST_F(NetFileTest, MegabyteInputs) {
  const std::string big(1 << 20, '.');
  EXPECT_EQ(ev_.MustCall("file_extension", {Datum::String("a" + big + "exe")}).s, "exe");
  EXPECT_TRUE(
      ev_.MustCall("has_double_extension", {Datum::String("a" + big + "pdf.exe")}).AsBool());
  EXPECT_EQ(ev_.MustCall("mime_family", {Datum::String(big)}).s, "other");
  EXPECT_FALSE(ev_.MustCall("ip", {Datum::String(big)}).valid);
}

}  // namespace
}  // namespace vigil::stdlib

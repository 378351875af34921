// vm_set_groups_test.cc: grouped constant-set lookups (compiler/opt/set_groups.h, the InSets
// opcode): several `x in [...]` tests of one value answer as the separate tests do, on
// dictionary strings (caseless domains), addresses (network runs) and batch sizes around the
// 64-element words the kernel transposes; the pass groups only what it should.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "tests/vm/both_engines.h"
#include "vm/bytecode/verifier.h"
#include "vm/exec/set_masks.h"

namespace vigil::testing {
namespace {

using bytecode::Opcode;

// The opcodes of the one program of `c`, counted.
size_t CountOps(const Compiled& c, Opcode op) {
  size_t n = 0;
  for (const auto& in : c.pack->exe().programs.at(0).code) n += in.op == op;
  return n;
}

Fill Domain(const char* d) {
  return [=](BatchBuilder& w) {
    if (d != nullptr) w.SetString(FieldId::kSenderDomain, d);
  };
}

Fill Ip(const char* text) {
  return [=](BatchBuilder& w) {
    if (text != nullptr) w.SetIp(FieldId::kSenderIp, *base::ParseIp(text));
  };
}

TEST(TransposeBits64Test, SwapsRowsAndColumns) {
  std::mt19937_64 rng(7);
  uint64_t m[64], t[64];
  for (auto& x : m) x = rng();
  std::copy(m, m + 64, t);
  vm::TransposeBits64(t);
  for (size_t j = 0; j < 64; ++j) {
    for (size_t k = 0; k < 64; ++k) ASSERT_EQ((t[k] >> j) & 1, (m[j] >> k) & 1) << j << " " << k;
  }
}

TEST(SetGroupsTest, TestsOfOneFieldBecomeOneInstruction) {
  auto c = CompileCondition("receipt",
                            "(sender.domain in [\"a.com\", \"b.com\"] and sender.domain not in "
                            "[\"b.com\"]) or sender.domain in [\"c.com\"] or spam.score in [1, 2]"
                            " or (spam.score in [3] and sender_ip in [10.0.0.0/8])");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(CountOps(*c, Opcode::kInSets), 1u);
  EXPECT_EQ(CountOps(*c, Opcode::kInSet), 3u);  // the int sets and the lone network set
  EXPECT_EQ(c->pack->exe().sets.size(), 6u);   // the originals of the grouped sets are dropped
}

TEST(SetGroupsTest, MoreThan63SetsSplitIntoGroups) {
  std::string cond;
  for (int i = 0; i < 127; ++i) {
    cond += (i ? " or " : "") + std::string("sender.domain in [\"d") + std::to_string(i) +
            ".com\", \"x.com\"]";
  }
  auto c = CompileCondition("receipt", cond);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(CountOps(*c, Opcode::kInSets), 2u);  // 63 + 63, and one left alone
  EXPECT_EQ(CountOps(*c, Opcode::kInSet), 1u);
  const std::vector<Fill> rows = {Domain("d64.com"), Domain("x.com"), Domain("y.com"),
                                  Domain("D126.COM"), Domain(nullptr)};
  ExpectBoth(RunBoth("receipt", cond, rows), V{0, 1, 3});
}

TEST(SetGroupsTest, StringSetsAnswerAsSeparateTests) {
  const std::vector<Fill> rows = {Domain("a.com"), Domain("B.com"), Domain("c.com"),
                                  Domain(nullptr), Domain("a.com"), Domain("d.com"),
                                  Domain("C.COM"), Domain("b.com")};
  const std::string cond =
      "(sender.domain in [\"a.com\", \"b.com\"] and sender.domain not in [\"b.com\"])"
      " or sender.domain in [\"c.com\"]";
  ExpectBoth(RunBoth("receipt", cond, rows), V{0, 2, 4, 6});
  ExpectBoth(RunBoth("receipt", "not (sender.domain in [\"a.com\"] or sender.domain in [\"x\"])",
                     rows),
             V{1, 2, 5, 6, 7});
}

TEST(SetGroupsTest, NetworkSetsAnswerAsSeparateTests) {
  const std::vector<Fill> rows = {Ip("10.255.255.255"), Ip("11.0.0.0"),   Ip("9.255.255.255"),
                                  Ip("192.168.1.255"),  Ip("0.0.0.0"),    Ip("2001:db8:ffff::1"),
                                  Ip("2001:db9::"),     Ip(nullptr),      Ip("203.0.113.7"),
                                  Ip("::"),             Ip("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")};
  const std::string cond =
      "(sender_ip in [10.0.0.0/8, 192.168.1.0/24] and sender_ip not in [10.255.0.0/16])"
      " or sender_ip in [cidr(\"2001:db8::/32\"), 203.0.113.7] or sender_ip in [0.0.0.0/32]"
      " or sender_ip in [cidr(\"ffff::/16\")]";
  ExpectBoth(RunBoth("receipt", cond, rows), V{3, 4, 5, 8, 10});
  ExpectBoth(RunBoth("receipt", "sender_ip in [cidr(\"::/0\")] and sender_ip not in [11.0.0.0/8]",
                     rows),
             V{0, 2, 3, 4, 5, 6, 8, 9, 10});
}

TEST(SetGroupsTest, BatchSizesAroundWords) {
  const std::string cond = "sender.domain in [\"a.com\", \"c.com\"] and sender.domain not in "
                           "[\"c.com\"] or sender_ip in [10.0.0.0/8] or sender_ip in [11.0.0.0/8]";
  for (size_t n : {0, 1, 63, 64, 65, 2047, 2048, 2049}) {
    std::vector<Fill> rows;
    V want;
    for (size_t i = 0; i < n; ++i) {
      const char* d = i % 5 == 0 ? nullptr : i % 3 == 0 ? "a.com" : i % 3 == 1 ? "c.com" : "b.com";
      const char* ip = i % 7 == 0 ? "11.1.2.3" : i % 4 == 0 ? nullptr : "12.0.0.1";
      rows.push_back(Both(Domain(d), Ip(ip)));
      if ((d != nullptr && i % 3 == 0) || i % 7 == 0) want.push_back(static_cast<uint32_t>(i));
    }
    SCOPED_TRACE(n);
    ExpectBoth(RunBoth("receipt", cond, rows), want);
  }
}

// The verifier's rules for InSets: 2 to 63 sets of one family, in range, no selection.
TEST(SetGroupsTest, VerifierRejectsMalformedGroups) {
  auto c = CompileCondition("receipt",
                            "sender.domain in [\"a.com\"] or sender.domain in [\"b.com\"] or "
                            "spam.score in [1]");
  ASSERT_NE(c, nullptr);
  const bytecode::Executable good = c->pack->exe();
  EXPECT_EQ(bytecode::Verify(good), "");
  auto mutate = [&](auto change) {
    bytecode::Executable exe = good;
    for (auto& in : exe.programs[0].code) {
      if (in.op == Opcode::kInSets) change(exe, in);
    }
    return bytecode::Verify(exe);
  };
  EXPECT_NE(mutate([](auto&, auto& in) { in.extra_count = 1; }), "");
  EXPECT_NE(mutate([](auto&, auto& in) { in.sel = in.a; }), "");
  EXPECT_NE(mutate([](auto& exe, auto& in) { in.b = static_cast<uint32_t>(exe.sets.size()) - 1; }),
            "");
  EXPECT_NE(mutate([](auto& exe, auto& in) {
              exe.sets[in.b + 1].kind = bytecode::ConstSet::Kind::kNetworks;
            }),
            "");
  EXPECT_NE(mutate([](auto& exe, auto& in) {
              exe.sets[in.b].kind = bytecode::ConstSet::Kind::kInts;
            }),
            "");
}

}  // namespace
}  // namespace vigil::testing

// static_words_test.cc: dictionary writes that skip hashing (a static word recognized by
// address, a repeat of the value interned last) store the same codes and values as Intern.
// Part of vm/columnar tests (the batch layout ingest writes and the VM reads).
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "vm/columnar/batch.h"
#include "vm/columnar/batch_builder.h"

namespace vigil::columnar {
namespace {

using schema::EventType;
using schema::FieldId;

constexpr std::string_view kWords[] = {"inbound",  "outbound", "internal",
                                       "external", "accept",   "reject"};

TEST(StaticWordsTest, InternStaticGivesInternsCodeForEveryCopyOfTheBytes) {
  Arena arena;
  StringDict d;
  // More distinct words than the address cache holds, each also interned from a copy.
  for (int round = 0; round < 3; ++round) {
    for (std::string_view w : kWords) {
      const std::string copy(w);
      const uint32_t by_address = d.InternStatic(w, arena);
      EXPECT_EQ(d.Intern(copy, arena), by_address) << w;
      EXPECT_EQ(d.value(by_address), w);
    }
  }
  EXPECT_EQ(d.size(), std::size(kWords));
  d.Clear();
  EXPECT_EQ(d.InternStatic(kWords[3], arena), 0u);  // the cache does not outlive Clear
  EXPECT_EQ(d.InternStatic(kWords[0], arena), 1u);
  EXPECT_EQ(d.InternStatic(kWords[3], arena), 0u);
}

TEST(StaticWordsTest, APrefixViewOfAWordIsADifferentValue) {
  Arena arena;
  StringDict d;
  const std::string_view word = "softfail";
  const uint32_t whole = d.InternStatic(word, arena);
  const uint32_t prefix = d.InternStatic(word.substr(0, 4), arena);
  EXPECT_NE(whole, prefix);
  EXPECT_EQ(d.value(prefix), "soft");
}

TEST(StaticWordsTest, RepeatsLastMatchesOnlyTheLastValue) {
  Batch b(EventType::kReceipt, 8);
  BatchBuilder w(&b);
  w.BeginRow({});
  Column* c = w.column(FieldId::kTlsVersion);
  EXPECT_FALSE(c->RepeatsLast("TLSv1.3"));  // nothing interned yet
  c->SetString(w.row(), "TLSv1.3", w.arena());
  w.BeginRow({});
  c = w.column(FieldId::kTlsVersion);
  ASSERT_TRUE(c->RepeatsLast(std::string("TLSv1.3")));
  EXPECT_FALSE(c->RepeatsLast("TLSv1.2"));
  c->SetLastString(w.row());
  EXPECT_EQ(c->code[1], c->code[0]);
  EXPECT_EQ(c->GetString(1), "TLSv1.3");
  b.Reset();
  EXPECT_FALSE(b.column(FieldId::kTlsVersion)->RepeatsLast("TLSv1.3"));
}

TEST(StaticWordsTest, CaseInsensitiveAndFlatColumnsStoreStaticWordsAsSetStringDoes) {
  // A domain column lower-cases; a flat column copies: both as SetString.
  Batch b(EventType::kReceipt, 2048);
  BatchBuilder w(&b);
  const std::string_view upper = "Example.COM";
  for (int i = 0; i < 2; ++i) {
    w.BeginRow({});
    w.column(FieldId::kSenderDomain)->SetStaticString(w.row(), upper, w.arena());
  }
  const Column* domain = b.column(FieldId::kSenderDomain);
  EXPECT_EQ(domain->GetString(0), "example.com");
  EXPECT_EQ(domain->code[0], domain->code[1]);
  Batch flat_batch(EventType::kReceipt, 2048);
  BatchBuilder f(&flat_batch);
  for (size_t i = 0; i < Column::kFlatProbe + 1; ++i) {  // distinct senders: the column turns flat
    f.BeginRow({});
    f.SetString(FieldId::kSender, "u" + std::to_string(i) + "@x.org");
  }
  ASSERT_EQ(flat_batch.column(FieldId::kSender)->storage(), Storage::kFlatString);
  f.BeginRow({});
  f.column(FieldId::kSender)->SetStaticString(f.row(), "Static@X.org", f.arena());
  EXPECT_EQ(flat_batch.column(FieldId::kSender)->GetString(f.row()), "static@x.org");
}

TEST(StaticWordsTest, AColumnThatTurnsFlatKeepsItsStaticWords) {
  // Distinct values mixed with static words: the column turns flat mid-batch (the address cache
  // is dropped with the dictionary) and every row keeps its value.
  Batch b(EventType::kReceipt, 2048);
  BatchBuilder w(&b);
  const size_t n = Column::kFlatProbe * 2;
  for (size_t i = 0; i < n; ++i) {
    w.BeginRow({});
    Column* c = w.column(FieldId::kPolicy);
    if (i % 8 == 0) {
      c->SetStaticString(w.row(), kWords[i % std::size(kWords)], w.arena());
    } else {
      c->SetString(w.row(), "policy " + std::to_string(i), w.arena());
    }
  }
  const Column* c = b.column(FieldId::kPolicy);
  EXPECT_EQ(c->storage(), Storage::kFlatString);
  for (size_t i = 0; i < n; ++i) {
    const std::string want =
        i % 8 == 0 ? std::string(kWords[i % std::size(kWords)]) : "policy " + std::to_string(i);
    EXPECT_EQ(c->GetString(i), want) << i;
  }
}

}  // namespace
}  // namespace vigil::columnar

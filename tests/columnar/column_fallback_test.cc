// column_fallback_test.cc: a dictionary field's batch column turns flat when its values are
// mostly distinct, keeps every value and null, and is a dictionary again in the next batch.
// Part of vm/columnar tests (the batch layout ingest writes and the VM reads).
#include <gtest/gtest.h>

#include <string>

#include "vm/columnar/batch.h"
#include "vm/columnar/batch_builder.h"

namespace vigil::columnar {
namespace {

using schema::EventType;
using schema::FieldId;

std::string Address(size_t i) { return "User" + std::to_string(i) + "@Example.COM"; }

// Writes n rows of sender = Address(i % distinct), every 7th row null, through the
// hash-then-store path ingest uses (and SetString where that path declines).
void FillSenders(Batch* b, size_t n, size_t distinct) {
  BatchBuilder w(b);
  for (size_t i = 0; i < n; ++i) {
    w.BeginRow({});
    if (i % 7 == 3) continue;
    const std::string s = Address(i % distinct);
    Column* c = w.column(FieldId::kSender);
    uint32_t hash = 0;
    if (i % 2 == 0 && c->PrepareDictString(s, &hash)) {
      c->SetDictString(w.row(), s, hash, w.arena());
    } else {
      c->SetString(w.row(), s, w.arena());
    }
  }
}

void ExpectSenders(const Batch& b, size_t distinct) {
  const Column* c = b.column(FieldId::kSender);
  ASSERT_EQ(c->size(), b.size());
  for (size_t i = 0; i < b.size(); ++i) {
    if (i % 7 == 3) {
      EXPECT_TRUE(c->IsNull(i)) << i;
      continue;
    }
    std::string want = Address(i % distinct);
    for (char& ch : want) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    ASSERT_FALSE(c->IsNull(i)) << i;
    EXPECT_EQ(c->GetString(i), want) << i;
  }
}

TEST(ColumnFallbackTest, MostlyDistinctValuesTurnTheColumnFlat) {
  for (size_t n : {size_t{300}, size_t{2047}, size_t{2048}}) {
    Batch b(EventType::kReceipt, 2048);
    FillSenders(&b, n, 100000);
    EXPECT_EQ(b.column(FieldId::kSender)->storage(), Storage::kFlatString) << n;
    ExpectSenders(b, 100000);
  }
}

TEST(ColumnFallbackTest, RepeatedValuesStayDictionary) {
  for (size_t n : {size_t{0}, size_t{1}, size_t{255}, size_t{2048}}) {
    Batch b(EventType::kReceipt, 2048);
    FillSenders(&b, n, 200);
    EXPECT_EQ(b.column(FieldId::kSender)->storage(), Storage::kDictString) << n;
    ExpectSenders(b, 200);
  }
}

TEST(ColumnFallbackTest, NextBatchStartsAsDictionaryAgain) {
  Batch b(EventType::kReceipt, 2048);
  FillSenders(&b, 2048, 100000);
  ASSERT_EQ(b.column(FieldId::kSender)->storage(), Storage::kFlatString);
  b.Reset();
  FillSenders(&b, 2048, 50);
  const Column* c = b.column(FieldId::kSender);
  EXPECT_EQ(c->storage(), Storage::kDictString);
  EXPECT_LE(c->dict.size(), 50u);
  ExpectSenders(b, 50);
  b.Reset();
  FillSenders(&b, 2049 - 1, 100000);
  ExpectSenders(b, 100000);
}

TEST(ColumnFallbackTest, RecordMembersFallBackToo) {
  Batch b(EventType::kReceipt, 2048);
  BatchBuilder w(&b);
  for (size_t i = 0; i < 400; ++i) {
    w.BeginRow({});
    w.AppendRecord(FieldId::kRecipients);
    w.SetMemberString(FieldId::kRecipientsAddress, Address(i));
    w.SetMemberString(FieldId::kRecipientsDomain, "example.com");
  }
  const Column* a = b.column(FieldId::kRecipientsAddress);
  const Column* d = b.column(FieldId::kRecipientsDomain);
  EXPECT_EQ(a->storage(), Storage::kFlatString);
  EXPECT_EQ(d->storage(), Storage::kDictString);
  ASSERT_EQ(a->size(), 400u);
  for (size_t i = 0; i < 400; ++i) {
    EXPECT_EQ(a->GetString(i), "user" + std::to_string(i) + "@example.com");
    EXPECT_EQ(d->GetString(i), "example.com");
  }
  b.Reset();
  w.BeginRow({});
  w.AppendRecord(FieldId::kRecipients);
  w.SetMemberString(FieldId::kRecipientsAddress, "a@b.c");
  EXPECT_EQ(b.column(FieldId::kRecipientsAddress)->storage(), Storage::kDictString);
  EXPECT_EQ(b.column(FieldId::kRecipientsAddress)->GetString(0), "a@b.c");
}

TEST(ColumnFallbackTest, ColumnsBuiltOutsideABatchNeverFallBack) {
  Column c(schema::ScalarType::kString, Storage::kDictString);
  c.Reset(1000);
  Arena arena;
  for (size_t i = 0; i < 1000; ++i) c.SetString(i, Address(i), arena);
  EXPECT_EQ(c.storage(), Storage::kDictString);
  EXPECT_EQ(c.dict.size(), 1000u);
}

}  // namespace
}  // namespace vigil::columnar

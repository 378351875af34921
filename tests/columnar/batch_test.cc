// batch_test.cc: rows, typed writes, dictionary encoding and records through BatchBuilder.
#include "vm/columnar/batch.h"

#include <gtest/gtest.h>

#include "vm/columnar/batch_builder.h"

namespace vigil::columnar {
namespace {

using schema::EventType;
using schema::FieldId;

TEST(BatchTest, OnlyFieldsOfTheEventTypeHaveColumns) {
  Batch b(EventType::kAudit, 4);
  EXPECT_NE(b.column(FieldId::kAuditType), nullptr);
  EXPECT_EQ(b.column(FieldId::kDelivered), nullptr);
  BatchBuilder w(&b);
  w.BeginRow({});
  EXPECT_FALSE(w.SetBool(FieldId::kDelivered, true));
}

TEST(BatchTest, DictionaryColumnsShareCodesCaseInsensitivelyForDomains) {
  Batch b(EventType::kReceipt, 8);
  BatchBuilder w(&b);
  for (std::string_view d : {"Example.COM", "example.com", "other.org"}) {
    w.BeginRow({});
    w.SetString(FieldId::kSenderDomain, d);
  }
  const Column* c = b.column(FieldId::kSenderDomain);
  ASSERT_EQ(c->storage(), Storage::kDictString);
  EXPECT_EQ(c->code[0], c->code[1]);
  EXPECT_NE(c->code[0], c->code[2]);
  EXPECT_EQ(c->GetString(0), "example.com");
  EXPECT_EQ(c->dict.size(), 2u);
}

TEST(BatchTest, UnsetFieldsAreNullAndRowsKeepTheirSource) {
  Batch b(EventType::kReceipt, 2);
  BatchBuilder w(&b);
  w.BeginRow({3, 42, "raw line"});
  w.SetString(FieldId::kSubject, "hello");
  EXPECT_TRUE(b.column(FieldId::kSpamScore)->IsNull(0));
  EXPECT_EQ(b.column(FieldId::kSubject)->GetString(0), "hello");
  EXPECT_EQ(b.sources()[0].offset, 42u);
  EXPECT_EQ(b.sources()[0].raw, "raw line");
  w.BeginRow({});
  EXPECT_TRUE(b.full());
  b.Reset();
  EXPECT_EQ(b.size(), 0u);
}

TEST(BatchTest, RecordsAppendMembersWithOffsets) {
  Batch b(EventType::kProcess, 4);
  BatchBuilder w(&b);
  w.BeginRow({});
  w.AppendRecord(FieldId::kAttachments);
  w.SetMemberString(FieldId::kAttachmentsName, "a.pdf");
  w.AppendRecord(FieldId::kAttachments);
  w.SetMemberString(FieldId::kAttachmentsName, "b.exe");
  w.BeginRow({});
  w.BeginRow({});
  w.AppendRecord(FieldId::kAttachments);
  const Column* att = b.column(FieldId::kAttachments);
  ASSERT_EQ(att->size(), 3u);
  ASSERT_GE(att->offsets.size(), 4u);
  EXPECT_EQ(att->offsets[0], 0u);
  EXPECT_EQ(att->offsets[1], 2u);
  EXPECT_EQ(att->offsets[2], 2u);
  EXPECT_EQ(att->offsets[3], 3u);
  EXPECT_TRUE(att->IsNull(1));
  const Column* names = b.column(FieldId::kAttachmentsName);
  EXPECT_EQ(names->GetString(1), "b.exe");
  EXPECT_TRUE(names->IsNull(2));
}

TEST(BatchTest, ArraysOfStringsKeepElementsPerRow) {
  Batch b(EventType::kImpersonation, 4);
  BatchBuilder w(&b);
  w.BeginRow({});
  w.AppendArrayString(FieldId::kIdentifiers, "new_domain");
  w.AppendArrayString(FieldId::kIdentifiers, "reply_mismatch");
  w.BeginRow({});
  const Column* c = b.column(FieldId::kIdentifiers);
  EXPECT_EQ(c->offsets[1], 2u);
  EXPECT_EQ(c->offsets[2], 2u);
  EXPECT_EQ(c->elements->GetString(1), "reply_mismatch");
}

TEST(BatchTest, ColumnsNeverWrittenAreCompletedWithNullsOnAccess) {
  Batch b(EventType::kProcess, 8);
  BatchBuilder w(&b);
  for (int i = 0; i < 5; ++i) w.BeginRow({});
  w.SetInt(FieldId::kSize, 7);  // only row 4 has a value
  const Column* size = b.column(FieldId::kSize);
  ASSERT_EQ(size->size(), 5u);
  EXPECT_TRUE(size->IsNull(0));
  EXPECT_FALSE(size->IsNull(4));
  const Column* att = b.column(FieldId::kAttachments);
  ASSERT_EQ(att->size(), 5u);
  EXPECT_EQ(std::vector<uint32_t>(att->offsets.begin(), att->offsets.begin() + 6),
            std::vector<uint32_t>(6, 0));
  const Column* subject = b.column(FieldId::kSubject);
  EXPECT_EQ(subject->size(), 5u);
  EXPECT_EQ(subject->valid.CountSet(), 0u);
  b.Reset();
  EXPECT_EQ(b.column(FieldId::kSubject)->size(), 0u);
}

TEST(BatchTest, ARefilledBatchCompletesColumnsWithNullsAgain) {
  Batch b(EventType::kProcess, 4);
  BatchBuilder w(&b);
  for (int round = 0; round < 3; ++round) {
    for (int i = 0; i < 4; ++i) {
      w.BeginRow({});
      if (i == 1) w.SetInt(FieldId::kSize, 10 + round);
      if (i == 2) w.AppendRecord(FieldId::kAttachments);
    }
    const Column* size = b.column(FieldId::kSize);
    ASSERT_EQ(size->size(), 4u);
    EXPECT_EQ(size->valid.CountSet(), 1u);
    EXPECT_EQ(size->i64[1], 10 + round);
    const Column* att = b.column(FieldId::kAttachments);
    ASSERT_EQ(att->size(), 4u);
    EXPECT_EQ(std::vector<uint32_t>(att->offsets.begin(), att->offsets.begin() + 5),
              (std::vector<uint32_t>{0, 0, 0, 1, 1}));
    EXPECT_EQ(att->valid.word_count(), 1u);
    b.Reset();
    EXPECT_EQ(b.column(FieldId::kSize)->valid.CountSet(), 0u);
  }
}

TEST(BatchTest, DictionaryRepeatsShareTheLastCode) {
  Arena arena;
  StringDict d;
  EXPECT_EQ(d.Intern("a", arena), 0u);
  EXPECT_EQ(d.Intern("a", arena), 0u);
  EXPECT_EQ(d.Intern("b", arena), 1u);
  EXPECT_EQ(d.Intern("a", arena), 0u);
  d.Clear();
  EXPECT_EQ(d.Intern("b", arena), 0u);
}

TEST(BitmapTest, AppendZerosKeepsExistingBits) {
  Bitmap m(3, true);
  m.AppendZeros(70);
  EXPECT_EQ(m.size(), 73u);
  EXPECT_EQ(m.CountSet(), 3u);
  EXPECT_FALSE(m.Get(72));
}

}  // namespace
}  // namespace vigil::columnar

// staged_row_test.cc: StagedRow::Commit stores the same batch whichever write path a value
// takes (a static word by address, a repeat of the column's last value, hashed, flat), over
// batch boundaries, the flat fallback, weak writes and unset fields.
#include "ingest/staged_row.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <deque>
#include <random>
#include <string>

#include "vm/columnar/batch.h"
#include "vm/columnar/batch_builder.h"

namespace vigil::ingest {
namespace {

using columnar::Batch;
using columnar::BatchBuilder;
using columnar::Column;
using schema::EventType;
using schema::FieldId;

constexpr std::string_view kWords[] = {"inbound", "outbound", "internal", "external",
                                       "accept",  "reject",   "hold"};
constexpr FieldId kFields[] = {FieldId::kFeed,       FieldId::kDirection, FieldId::kAction,
                               FieldId::kTlsVersion, FieldId::kSender,    FieldId::kAccount,
                               FieldId::kPolicy};

void ExpectSameColumns(const Batch& a, const Batch& b) {
  ASSERT_EQ(a.size(), b.size());
  for (FieldId f : kFields) {
    const Column* x = a.column(f);
    const Column* y = b.column(f);
    ASSERT_EQ(x->storage(), y->storage()) << schema::Field(f).name;
    for (size_t i = 0; i < a.size(); ++i) {
      ASSERT_EQ(x->IsNull(i), y->IsNull(i)) << schema::Field(f).name << " row " << i;
      if (x->IsNull(i)) continue;
      ASSERT_EQ(x->GetString(i), y->GetString(i)) << schema::Field(f).name << " row " << i;
      if (x->storage() == columnar::Storage::kDictString) {
        ASSERT_EQ(x->code[i], y->code[i]) << schema::Field(f).name << " row " << i;
      }
    }
  }
}

// Stages one random row: per field nothing, a static word, a value repeated across rows or a
// fresh one (`serial`), sometimes twice (strong then weak, or weak then strong).
void StageRandom(std::mt19937& rng, uint64_t serial, StagedRow* row,
                 std::deque<std::string>* keep) {
  row->Reset();
  for (FieldId f : kFields) {
    const int writes = static_cast<int>(rng() % 3);
    for (int k = 0; k < writes; ++k) {
      const bool weak = rng() % 2 == 0;
      const uint32_t pick = rng() % 4;
      if (pick <= 1) {
        row->SetWord(f, kWords[rng() % std::size(kWords)], weak);
      } else {
        row->SetString(
            f,
            keep->emplace_back(pick == 2 ? "Same Value" : "v" + std::to_string(serial) + "@X.org"),
            weak);
      }
    }
  }
}

// The reference: the row's staged values written one by one with BatchBuilder::SetString from
// copies (Column::SetString, the generic interning path).
void WriteReference(const StagedRow& row, Batch* batch) {
  BatchBuilder w(batch);
  w.BeginRow({});
  for (FieldId f : kFields) {
    if (row.Has(f)) w.SetString(f, std::string(row.GetString(f)));
  }
}

TEST(StagedRowTest, StaticWordsAndRepeatsCommitAsGenericStringWrites) {
  for (size_t capacity : {size_t{1}, size_t{2047}, size_t{2048}, size_t{2049}}) {
    std::mt19937 rng(static_cast<uint32_t>(capacity));
    Batch committed(EventType::kReceipt, capacity);
    Batch reference(EventType::kReceipt, capacity);
    StagedRow row;
    std::deque<std::string> keep;  // the staged strings' bytes, alive until committed
    for (uint64_t n = 0; n < 6000; ++n) {
      // Mostly distinct values in the first 1000 rows (the flat fallback), repeats after.
      StageRandom(rng, n < 1000 || n % 3 == 0 ? n : n % 50, &row, &keep);
      BatchBuilder w(&committed);
      w.BeginRow({});
      row.Commit(&w);
      WriteReference(row, &reference);
      keep.clear();
      if (committed.full()) {
        ExpectSameColumns(committed, reference);
        committed.Reset();
        reference.Reset();
      }
    }
    ExpectSameColumns(committed, reference);
  }
}

TEST(StagedRowTest, AStrongWriteReplacesAWeakWordAndAWeakOneKeepsIt) {
  Batch b(EventType::kReceipt, 4);
  StagedRow row;
  row.SetWord(FieldId::kDirection, kWords[0], true);
  row.SetString(FieldId::kDirection, "sideways");
  row.SetWord(FieldId::kAction, kWords[4]);
  row.SetString(FieldId::kAction, "other", true);
  BatchBuilder w(&b);
  w.BeginRow({});
  row.Commit(&w);
  EXPECT_EQ(b.column(FieldId::kDirection)->GetString(0), "sideways");
  EXPECT_EQ(b.column(FieldId::kAction)->GetString(0), "accept");
}

}  // namespace
}  // namespace vigil::ingest

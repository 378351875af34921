// evaluate_test.cc: Interpreter::Evaluate over whole batches: batch sizes 0, 1, 2047, 2048,
// 2049, all-null and none-selected batches, rule indexing by event type, aggregate rules (their
// per-event condition), sequence rules (skipped), and hostile batches (corrupt offsets,
// dictionary codes and validity) that must read as null without crashing.
#include <string>
#include <vector>

#include "tests/interp/interp_fixture.h"

namespace vigil::interp::testing {
namespace {

using columnar::Batch;
using columnar::BatchBuilder;
using columnar::MatchSet;

// A receipt batch of n rows: spam.score = row, except every 7th row, which is null.
std::unique_ptr<Batch> ScoreBatch(size_t n) {
  auto batch = std::make_unique<Batch>(EventType::kReceipt, std::max<size_t>(n, 1));
  BatchBuilder b(batch.get());
  for (size_t i = 0; i < n; ++i) {
    b.BeginRow({});
    if (i % 7 != 0) b.SetInt(FieldId::kSpamScore, static_cast<int64_t>(i));
  }
  return batch;
}

class EvaluateTest : public InterpTest {
 protected:
  MatchSet Run(const Batch& batch) {
    MatchSet out;
    interp_->Evaluate(batch, tenant_, &out);
    return out;
  }
};

TEST_F(EvaluateTest, BatchSizesAtAndAroundTheDefault) {
  Load("spam.score % 3 == 0");
  for (size_t n : {0, 1, 2, 2047, 2048, 2049}) {
    SCOPED_TRACE(n);
    const auto batch = ScoreBatch(n);
    std::vector<uint32_t> want;
    for (size_t i = 0; i < n; ++i) {
      if (i % 7 != 0 && i % 3 == 0) want.push_back(static_cast<uint32_t>(i));
    }
    const MatchSet out = Run(*batch);
    ASSERT_EQ(out.rows.size(), 1u);
    EXPECT_EQ(out.rows[0], want);
  }
}

TEST_F(EvaluateTest, AllNullAndNoneSelected) {
  Load("spam.score >= 0 or subject contains \"x\"");
  Batch nulls(EventType::kReceipt, 2048);
  nulls.SetSizeForTesting(2048);
  EXPECT_EQ(Run(nulls).total(), 0u);
  Load("spam.score < 0");
  EXPECT_EQ(Run(*ScoreBatch(2048)).total(), 0u);
  Load("spam.score is null");
  EXPECT_EQ(Run(*ScoreBatch(2048)).total(), (2048u + 6) / 7);
}

TEST_F(EvaluateTest, RulesRunOnlyOnTheirEventTypes) {
  LoadPack(RuleSource("spam.score > 0", "receipt", 0) + RuleSource("size > 0", "process", 1) +
           RuleSource("subject == \"x\"", "receipt, process", 2) +
           RuleSource("true", "delivery", 3));
  Batch batch(EventType::kProcess, 8);
  BatchBuilder b(&batch);
  b.BeginRow({});
  b.SetInt(FieldId::kSize, 5);
  b.SetString(FieldId::kSubject, "x");
  b.BeginRow({});
  const MatchSet out = Run(batch);
  ASSERT_EQ(out.rows.size(), 4u);
  EXPECT_TRUE(out.rows[0].empty());
  EXPECT_EQ(out.rows[1], std::vector<uint32_t>{0});
  EXPECT_EQ(out.rows[2], std::vector<uint32_t>{0});
  EXPECT_TRUE(out.rows[3].empty());
}

TEST_F(EvaluateTest, AggregateRulesYieldTheirPerEventCondition) {
  LoadPack(
      "rule t.agg {\n  title \"t\"\n  description \"d\"\n  class expel\n  severity low\n"
      "  on receipt\n  when spam.score > 5\n"
      "  aggregate by sender_ip over 10m sliding having count() >= 2\n}\n");
  const MatchSet out = Run(*ScoreBatch(10));
  ASSERT_EQ(out.rows.size(), 1u);
  EXPECT_EQ(out.rows[0], (std::vector<uint32_t>{6, 8, 9}));
}

TEST_F(EvaluateTest, SequenceStepsFillTheirMatchSlots) {
  LoadPack(
      "rule t.seq {\n  title \"t\"\n  description \"d\"\n  class expel\n  severity low\n"
      "  sequence by recipient within 2h {\n"
      "    step a: receipt where spam.score > 1\n"
      "    step b: delivery where delivered == true\n  }\n}\n" +
      RuleSource("spam.score > 1", "receipt", 1));
  const MatchSet out = Run(*ScoreBatch(5));
  ASSERT_EQ(out.rows.size(), 3u);  // two rules plus the sequence's second step
  EXPECT_EQ(out.rows[0], (std::vector<uint32_t>{2, 3, 4}));  // step a (receipt)
  EXPECT_EQ(out.rows[1], (std::vector<uint32_t>{2, 3, 4}));
  EXPECT_TRUE(out.rows[2].empty());  // step b reads delivery events
}

TEST_F(EvaluateTest, HealthyPackHasNoErrors) {
  Load("sender.domain in $l", "receipt", R"(list l: domain = ["a.com"])");
  EXPECT_TRUE(interp_->errors().empty());
}

// Hostile batches: columns written directly, bypassing BatchBuilder's invariants.
class HostileBatchTest : public EvaluateTest {
 protected:
  void SetUp() override {
    batch_ = std::make_unique<Batch>(EventType::kProcess, 4);
    batch_->SetSizeForTesting(2);
  }
  columnar::Column& Col(FieldId f) { return *batch_->column(f); }
  std::optional<bool> Eval(std::string_view when) {
    Load(when, "process");
    return interp_->EvalCondition(pack_->rules[0], *batch_, 0, tenant_);
  }
  std::unique_ptr<Batch> batch_;
};

TEST_F(HostileBatchTest, OffsetsPastTheElementsAreClamped) {
  columnar::Column& ids = Col(FieldId::kIdentifiers);
  ids.valid.Set(0);
  ids.offsets[0] = 0;
  ids.offsets[1] = 1000000;  // no elements exist
  EXPECT_EQ(Eval("count(i in identifiers) == 0"), kTrue);
  EXPECT_EQ(Eval("identifiers[5] is null"), kTrue);
  columnar::Column& atts = Col(FieldId::kAttachments);
  atts.valid.Set(0);
  atts.offsets[1] = 4000000000u;
  EXPECT_EQ(Eval("count(a in attachments) == 0"), kTrue);
  EXPECT_EQ(Eval("any(a in attachments: a.name == \"x\")"), kFalse);
}

TEST_F(HostileBatchTest, DecreasingOffsetsReadAsEmpty) {
  columnar::Column& ids = Col(FieldId::kIdentifiers);
  ids.elements->AppendNull();
  ids.elements->SetString(0, "x", batch_->arena());
  ids.valid.Set(0);
  ids.offsets[0] = 1;
  ids.offsets[1] = 0;
  EXPECT_EQ(Eval("count(i in identifiers) == 0"), kTrue);
}

TEST_F(HostileBatchTest, DictionaryCodesOutOfRangeReadAsNull) {
  columnar::Column& dir = Col(FieldId::kDirection);
  ASSERT_EQ(dir.storage(), columnar::Storage::kDictString);
  dir.valid.Set(0);
  dir.code[0] = 12345;
  EXPECT_EQ(Eval("direction is null"), kTrue);
}

TEST_F(HostileBatchTest, BoolsOtherThanZeroOrOneReadAsTrue) {
  batch_ = std::make_unique<Batch>(EventType::kReceipt, 4);
  batch_->SetSizeForTesting(1);
  Col(FieldId::kTlsUsed).SetInt(0, 5);
  Load("tls.used == true and not (tls.used == false)");
  EXPECT_EQ(interp_->EvalCondition(pack_->rules[0], *batch_, 0, tenant_), kTrue);
}

TEST_F(HostileBatchTest, RowsPastTheColumnsReadAsNull) {
  Load("size is null and identifiers is null and count(a in attachments) == 0", "process");
  EXPECT_EQ(interp_->EvalCondition(pack_->rules[0], *batch_, 99, tenant_), kTrue);
}

TEST_F(HostileBatchTest, MembersShorterThanTheirRecords) {
  columnar::Column& atts = Col(FieldId::kAttachments);
  Col(FieldId::kAttachmentsName).AppendNull();  // one element in names, none in exts
  atts.valid.Set(0);
  atts.offsets[1] = 1;
  atts.offsets[2] = 1;
  EXPECT_EQ(Eval("count(a in attachments) == 1"), kTrue);
  EXPECT_EQ(Eval("any(a in attachments: a.ext is null and a.name is null)"), kTrue);
}

}  // namespace
}  // namespace vigil::interp::testing

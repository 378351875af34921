// logic_test.cc: three-valued logic of the reference interpreter: Kleene and/or/not truth
// tables, `is [not] null`, null propagation through comparisons, and rule matching on true only.
#include <array>

#include "tests/interp/interp_fixture.h"

namespace vigil::interp::testing {
namespace {

// Sets bool field f to v (left null for nullopt).
void SetTri(columnar::BatchBuilder& b, FieldId f, std::optional<bool> v) {
  if (v) b.SetBool(f, *v);
}

constexpr std::array<std::optional<bool>, 3> kValues = {kTrue, kFalse, kNull};

class LogicTest : public InterpTest {
 protected:
  // The condition over a = tls.used and b = spam.grey for every pair of values, row-major.
  std::array<std::optional<bool>, 9> Table(std::string_view when) {
    Load(when);
    std::array<std::optional<bool>, 9> out;
    for (size_t i = 0; i < 3; ++i) {
      for (size_t j = 0; j < 3; ++j) {
        out[i * 3 + j] = Row([&](columnar::BatchBuilder& b) {
          SetTri(b, FieldId::kTlsUsed, kValues[i]);
          SetTri(b, FieldId::kSpamGrey, kValues[j]);
        });
      }
    }
    return out;
  }
};

TEST_F(LogicTest, AndFollowsKleene) {
  const std::array<std::optional<bool>, 9> want = {kTrue,  kFalse, kNull,   // true and ...
                                                   kFalse, kFalse, kFalse,  // false and ...
                                                   kNull,  kFalse, kNull};  // null and ...
  EXPECT_EQ(Table("tls.used and spam.grey"), want);
}

TEST_F(LogicTest, OrFollowsKleene) {
  const std::array<std::optional<bool>, 9> want = {kTrue, kTrue,  kTrue,   // true or ...
                                                   kTrue, kFalse, kNull,   // false or ...
                                                   kTrue, kNull,  kNull};  // null or ...
  EXPECT_EQ(Table("tls.used or spam.grey"), want);
}

TEST_F(LogicTest, NotOfNullIsNull) {
  Load("not tls.used");
  EXPECT_EQ(Row([](auto& b) { b.SetBool(FieldId::kTlsUsed, true); }), kFalse);
  EXPECT_EQ(Row([](auto& b) { b.SetBool(FieldId::kTlsUsed, false); }), kTrue);
  EXPECT_EQ(Row(), kNull);
}

TEST_F(LogicTest, IsNullIsNeverNull) {
  Load("tls.used is null");
  EXPECT_EQ(Row(), kTrue);
  EXPECT_EQ(Row([](auto& b) { b.SetBool(FieldId::kTlsUsed, false); }), kFalse);
  Load("subject is not null");
  EXPECT_EQ(Row(), kFalse);
  EXPECT_EQ(Row([](auto& b) { b.SetString(FieldId::kSubject, ""); }), kTrue);
}

TEST_F(LogicTest, IsNullOfArraysUsesPresence) {
  Load("identifiers is null", "process");
  EXPECT_EQ(Row(), kTrue);
  EXPECT_EQ(Row([](auto& b) { b.SetPresent(FieldId::kIdentifiers); }), kFalse);
}

TEST_F(LogicTest, ComparisonsWithNullAreNull) {
  EXPECT_EQ(Truth("spam.score > 3"), kNull);
  EXPECT_EQ(Truth("spam.score == spam.limit", [](auto& b) { b.SetInt(FieldId::kSpamScore, 3); }),
            kNull);
  EXPECT_EQ(Truth("subject != \"x\""), kNull);
  EXPECT_EQ(Truth("spam.score == null", [](auto& b) { b.SetInt(FieldId::kSpamScore, 3); }), kNull);
}

TEST_F(LogicTest, NullConditionDoesNotMatch) {
  Load("spam.score > 3");
  columnar::Batch batch(EventType::kReceipt, 8);
  columnar::BatchBuilder b(&batch);
  b.BeginRow({});
  b.BeginRow({});
  b.SetInt(FieldId::kSpamScore, 5);
  b.BeginRow({});
  b.SetInt(FieldId::kSpamScore, 1);
  columnar::MatchSet out;
  interp_->Evaluate(batch, tenant_, &out);
  ASSERT_EQ(out.rows.size(), 1u);
  EXPECT_EQ(out.rows[0], std::vector<uint32_t>{1});
}

TEST_F(LogicTest, FalseAndNullIsFalseSoNotOfItMatches) {
  Load("not (spam.score > 3 and subject == \"x\")");
  EXPECT_EQ(Row([](auto& b) { b.SetInt(FieldId::kSpamScore, 1); }), kTrue);
  EXPECT_EQ(Row([](auto& b) { b.SetInt(FieldId::kSpamScore, 9); }), kNull);
}

TEST_F(LogicTest, NullLiteralInLogic) {
  EXPECT_EQ(Truth("false and null"), kFalse);
  EXPECT_EQ(Truth("true or null"), kTrue);
  EXPECT_EQ(Truth("true and null"), kNull);
  EXPECT_EQ(Truth("not null"), kNull);
  EXPECT_EQ(Truth("null is null"), kTrue);
}

}  // namespace
}  // namespace vigil::interp::testing

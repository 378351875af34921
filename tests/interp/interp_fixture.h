// interp_fixture.h: helpers for the reference interpreter's tests: compile a one-rule pack
// from a condition (plus list and macro declarations), fill batches row by row with
// BatchBuilder, and evaluate. Shared by every tests/interp/*_test.cc.
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "compiler/driver/driver.h"
#include "interp/interpreter.h"
#include "vm/columnar/batch_builder.h"

namespace vigil::interp::testing {

using Fill = std::function<void(columnar::BatchBuilder&)>;
using schema::EventType;
using schema::FieldId;

inline constexpr std::optional<bool> kTrue = true;
inline constexpr std::optional<bool> kFalse = false;
inline constexpr std::optional<bool> kNull = std::nullopt;

// Fills that set one field of the row.
Fill Str(FieldId f, std::string v);
Fill Int(FieldId f, int64_t v);
Fill IpAt(FieldId f, std::string_view text);
// Fills the fields of a row in order.
Fill Both(Fill a, Fill b);
inline Fill Subject(std::string v) { return Str(FieldId::kSubject, std::move(v)); }
inline Fill Score(int64_t v) { return Int(FieldId::kSpamScore, v); }

// The source of a rule `t.r<index>` with required metadata, `on <on>` and `when <when>`.
std::string RuleSource(std::string_view when, std::string_view on = "receipt", int index = 0);

// Compiles a pack from `source`; null and a test failure (with rendered diagnostics) on any
// error. Warnings are allowed.
std::unique_ptr<sema::Pack> CompileSource(const std::string& source);

// A condition and its expected value.
struct Case {
  std::string when;
  std::optional<bool> want;
};
// A row and the value a condition should have on it.
struct RowCase {
  Fill fill;
  std::optional<bool> want;
};

class InterpTest : public ::testing::Test {
 protected:
  // Compiles `decls` followed by one rule on `on` with condition `when`.
  void Load(std::string_view when, std::string_view on = "receipt", std::string_view decls = "");
  // Compiles a whole pack source.
  void LoadPack(const std::string& source);

  // The rule's condition on a single row of an `on`-typed batch filled by `fill`.
  std::optional<bool> Row(const Fill& fill = nullptr);
  // Load(when, on, decls) then Row(fill).
  std::optional<bool> Truth(std::string_view when, const Fill& fill = nullptr,
                            std::string_view on = "receipt", std::string_view decls = "");

  // Expects each case's condition (compiled on its own) to have its value on one row.
  void ExpectCases(const Fill& fill, std::span<const Case> cases, std::string_view on = "receipt",
                   std::string_view decls = "");
  void ExpectCases(const Fill& fill, std::initializer_list<Case> cases,
                   std::string_view on = "receipt", std::string_view decls = "") {
    ExpectCases(fill, std::span<const Case>(cases.begin(), cases.size()), on, decls);
  }

  // Expects one condition (compiled once) to have each case's value on the case's row.
  void ExpectRows(std::string_view when, std::initializer_list<RowCase> rows,
                  std::string_view on = "receipt", std::string_view decls = "");

  std::unique_ptr<sema::Pack> pack_;
  std::unique_ptr<Interpreter> interp_;
  columnar::TenantContext tenant_;
  EventType type_ = EventType::kReceipt;
};

}  // namespace vigil::interp::testing

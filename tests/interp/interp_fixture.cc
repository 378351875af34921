// interp_fixture.cc: compiling test rules and evaluating them on one-row batches.
#include "tests/interp/interp_fixture.h"

#include <fmt/format.h>

#include "compiler/base/render.h"

namespace vigil::interp::testing {

Fill Str(FieldId f, std::string v) {
  return [f, v](columnar::BatchBuilder& b) { b.SetString(f, v); };
}

Fill Int(FieldId f, int64_t v) {
  return [f, v](columnar::BatchBuilder& b) { b.SetInt(f, v); };
}

Fill IpAt(FieldId f, std::string_view text) {
  const base::IpAddr ip = base::ParseIp(text).value();
  return [f, ip](columnar::BatchBuilder& b) { b.SetIp(f, ip); };
}

Fill Both(Fill a, Fill b) {
  return [a, b](columnar::BatchBuilder& builder) {
    a(builder);
    b(builder);
  };
}

std::string RuleSource(std::string_view when, std::string_view on, int index) {
  return fmt::format(
      "rule t.r{} {{\n  title \"t\"\n  description \"d\"\n  class expel\n  severity low\n"
      "  on {}\n  when {}\n}}\n",
      index, on, when);
}

std::unique_ptr<sema::Pack> CompileSource(const std::string& source) {
  compiler::LoadOptions options;
  compiler::LoadResult r = compiler::LoadSource("test.vgl", source, options);
  if (r.errors != 0) {
    std::string text;
    for (const compiler::Diagnostic& d : r.diagnostics) {
      text += compiler::RenderText(d, r.pack->sources) + "\n";
    }
    ADD_FAILURE() << "compile errors in:\n" << source << "\n" << text;
    return nullptr;
  }
  return std::move(r.pack);
}

void InterpTest::Load(std::string_view when, std::string_view on, std::string_view decls) {
  LoadPack(std::string(decls) + "\n" + RuleSource(when, on));
  schema::FindEvent(std::string(on), &type_);
}

void InterpTest::LoadPack(const std::string& source) {
  interp_.reset();
  pack_ = CompileSource(source);
  if (pack_ != nullptr) interp_ = std::make_unique<Interpreter>(*pack_);
}

std::optional<bool> InterpTest::Row(const Fill& fill) {
  columnar::Batch batch(type_, 4);
  columnar::BatchBuilder b(&batch);
  b.BeginRow({});
  if (fill) fill(b);
  if (pack_ == nullptr || pack_->rules.empty()) {
    ADD_FAILURE() << "no rule compiled";
    return kNull;
  }
  return interp_->EvalCondition(pack_->rules[0], batch, 0, tenant_);
}

std::optional<bool> InterpTest::Truth(std::string_view when, const Fill& fill, std::string_view on,
                                      std::string_view decls) {
  Load(when, on, decls);
  return Row(fill);
}

void InterpTest::ExpectCases(const Fill& fill, std::span<const Case> cases, std::string_view on,
                             std::string_view decls) {
  for (const Case& c : cases) {
    SCOPED_TRACE(c.when);
    EXPECT_EQ(Truth(c.when, fill, on, decls), c.want);
  }
}

void InterpTest::ExpectRows(std::string_view when, std::initializer_list<RowCase> rows,
                            std::string_view on, std::string_view decls) {
  SCOPED_TRACE(when);
  Load(when, on, decls);
  int index = 0;
  for (const RowCase& r : rows) {
    SCOPED_TRACE("row case " + std::to_string(index++));
    EXPECT_EQ(Row(r.fill), r.want);
  }
}

}  // namespace vigil::interp::testing

// diagnostics.cc: the code table and the collecting sink.
#include "compiler/base/diagnostics.h"

#include <algorithm>
#include <tuple>

namespace vigil::compiler {

const std::vector<DiagInfo>& AllDiagnostics() {
  static const std::vector<DiagInfo> kTable = {
#define VIGIL_DIAG(code, severity, slug, title) \
  {DiagCode::k##code, #code, Severity::k##severity, slug, title},
#include "compiler/base/diagnostic_codes.def"
#undef VIGIL_DIAG
  };
  return kTable;
}

const DiagInfo& InfoOf(DiagCode code) {
  const auto& table = AllDiagnostics();
  for (const DiagInfo& d : table) {
    if (d.code == code) return d;
  }
  return table.front();
}

bool ParseDiagCode(std::string_view id, DiagCode* out) {
  for (const DiagInfo& d : AllDiagnostics()) {
    if (d.id == id) {
      *out = d.code;
      return true;
    }
  }
  return false;
}

Diagnostic& DiagnosticSink::Report(DiagCode code, Span span, std::string message) {
  Diagnostic d;
  d.code = code;
  d.severity = InfoOf(code).severity;
  d.span = span;
  d.message = std::move(message);
  diags_.push_back(std::move(d));
  return diags_.back();
}

size_t DiagnosticSink::error_count() const {
  size_t n = 0;
  for (const Diagnostic& d : diags_) {
    const bool off = disabled_.count(d.code) > 0 && d.severity == Severity::kWarning;
    if (!off && (d.severity == Severity::kError ||
                 (warnings_as_errors_ && d.severity == Severity::kWarning))) {
      ++n;
    }
  }
  return n;
}

std::vector<Diagnostic> DiagnosticSink::Take() {
  std::vector<Diagnostic> out;
  for (Diagnostic& d : diags_) {
    if (d.severity == Severity::kWarning && disabled_.count(d.code)) continue;
    if (warnings_as_errors_ && d.severity == Severity::kWarning) d.severity = Severity::kError;
    out.push_back(std::move(d));
  }
  diags_.clear();
  auto key = [](const Diagnostic& d) {
    return std::make_tuple(d.span.file, d.span.begin, d.span.end, static_cast<int>(d.code),
                           std::string_view(d.message));
  };
  std::stable_sort(out.begin(), out.end(),
                   [&](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); });
  out.erase(std::unique(out.begin(), out.end(),
                        [&](const Diagnostic& a, const Diagnostic& b) { return key(a) == key(b); }),
            out.end());
  return out;
}

}  // namespace vigil::compiler

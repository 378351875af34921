// diagnostics.h: coded, located diagnostics. A user's mistake in a rule becomes a Diagnostic
// collected in a DiagnosticSink (every error of a run is reported at once); tool failures are
// reported by the caller separately. Codes and titles come from diagnostic_codes.def.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/base/source.h"

namespace vigil::compiler {

enum class Severity : uint8_t { kError, kWarning, kNote };

enum class DiagCode : uint16_t {
#define VIGIL_DIAG(code, severity, slug, title) k##code,
#include "compiler/base/diagnostic_codes.def"
#undef VIGIL_DIAG
};

struct DiagInfo {
  DiagCode code;
  std::string_view id;  // "E0201"
  Severity severity;
  std::string_view slug;
  std::string_view title;
};
const DiagInfo& InfoOf(DiagCode code);
const std::vector<DiagInfo>& AllDiagnostics();
// Parses "E0201" or "W0501"; returns false when unknown.
bool ParseDiagCode(std::string_view id, DiagCode* out);

// A secondary location with a short label.
struct Label {
  Span span;
  std::string text;
};

struct Diagnostic {
  DiagCode code;
  Severity severity;
  std::string message;  // specific message: "unknown field `sender.domian`"
  Span span;            // primary location
  std::string label;    // text under the caret (may be empty)
  std::vector<Label> secondary;
  std::vector<std::string> notes;  // "= note: ..."
  std::string help;                // "= help: did you mean `sender.domain`?"
};

// Collects diagnostics: drops exact duplicates (same code, span and message), applies the
// switched-off warning codes, and keeps them in report order.
class DiagnosticSink {
 public:
  // Creates and returns the diagnostic to fill in (severity from the code table).
  Diagnostic& Report(DiagCode code, Span span, std::string message);
  void Disable(DiagCode code) { disabled_.insert(code); }
  void SetWarningsAsErrors(bool v) { warnings_as_errors_ = v; }

  // Finalizes: removes duplicates and disabled warnings, sorts by file, position, code.
  std::vector<Diagnostic> Take();
  size_t error_count() const;
  bool has_errors() const { return error_count() > 0; }

 private:
  std::vector<Diagnostic> diags_;
  std::set<DiagCode> disabled_;
  bool warnings_as_errors_ = false;
};

}  // namespace vigil::compiler

// render.h: the three renderings of diagnostics: rustc-like text with the source line and a
// caret, JSON (one array, stable keys) and SARIF 2.1.0 for code-scanning UIs.
#pragma once

#include <string>
#include <vector>

#include "compiler/base/diagnostics.h"

namespace vigil::compiler {

// error[E0201]: unknown field `sender.domian`
//   --> rules/a.vgl:12:8
//    |
// 12 |   when sender.domian == "x"
//    |        ^^^^^^^^^^^^^ no such field on receipt
//    |
//    = help: did you mean `sender.domain`?
std::string RenderText(const Diagnostic& d, const SourceManager& sm, bool color = false);

// [{"code":"E0201","severity":"error","message":..,"file":..,"line":..,"column":..,
//   "end_line":..,"end_column":..,"label":..,"help":..,"notes":[..]}]
std::string RenderJson(const std::vector<Diagnostic>& diags, const SourceManager& sm);

// A SARIF 2.1.0 log with one run of tool "vigil", every code as a rule descriptor.
std::string RenderSarif(const std::vector<Diagnostic>& diags, const SourceManager& sm);

}  // namespace vigil::compiler

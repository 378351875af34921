// diag_output.cc: printing diagnostics for the CLI.
#include "cli/diag_output.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>

#include "compiler/base/render.h"

namespace vigil::cli {

void AddDiagFlags(CLI::App* cmd, DiagFlags* flags) {
  cmd->add_option("--format", flags->format, "Diagnostics format")
      ->check(CLI::IsMember({"text", "json", "sarif"}))
      ->capture_default_str();
  cmd->add_option("--color", flags->color, "Color text output")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  // One code per -A (repeat it), so `-A W0505 rules/` does not read `rules/` as a code.
  cmd->add_option("-A,--allow", flags->allow,
                  "Switch off a warning by code, e.g. -A W0505 (repeatable)")
      ->allow_extra_args(false);
  cmd->add_flag("--deny-warnings", flags->deny_warnings, "Treat warnings as errors");
}

bool ToLoadOptions(const DiagFlags& flags, compiler::LoadOptions* out) {
  for (const std::string& code : flags.allow) {
    compiler::DiagCode c;
    if (!compiler::ParseDiagCode(code, &c) || compiler::InfoOf(c).severity != compiler::Severity::kWarning) {
      std::fprintf(stderr, "vigil: `%s` is not a warning code (W05xx)\n", code.c_str());
      return false;
    }
    out->disabled.push_back(c);
  }
  out->warnings_as_errors = flags.deny_warnings;
  return true;
}

void PrintDiagnostics(const compiler::LoadResult& r, const DiagFlags& flags) {
  for (const std::string& e : r.tool_errors) std::fprintf(stderr, "vigil: %s\n", e.c_str());
  const compiler::SourceManager& sm = r.pack->sources;
  if (flags.format == "json") {
    std::fputs(compiler::RenderJson(r.diagnostics, sm).c_str(), stdout);
    return;
  }
  if (flags.format == "sarif") {
    std::fputs(compiler::RenderSarif(r.diagnostics, sm).c_str(), stdout);
    return;
  }
  const bool color = flags.color == "always" || (flags.color == "auto" && isatty(STDERR_FILENO));
  for (const compiler::Diagnostic& d : r.diagnostics) {
    std::fputs(compiler::RenderText(d, sm, color).c_str(), stderr);
    std::fputs("\n", stderr);
  }
  std::fprintf(stderr, "%s\n",
               fmt::format("checked {} file(s), {} rule(s): {} error(s), {} warning(s)", r.files,
                           r.pack->rules.size(), r.errors, r.warnings)
                   .c_str());
}

}  // namespace vigil::cli

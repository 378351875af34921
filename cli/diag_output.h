// diag_output.h: shared CLI plumbing for commands that load rule packs: the options that
// control diagnostics and their printing in text, JSON or SARIF.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "compiler/driver/driver.h"

namespace vigil::cli {

struct DiagFlags {
  std::string format = "text";      // text | json | sarif
  std::string color = "auto";       // auto | always | never
  std::vector<std::string> allow;   // warning codes switched off
  bool deny_warnings = false;
};

// Adds --format, --color, --allow and --deny-warnings to `cmd`.
void AddDiagFlags(CLI::App* cmd, DiagFlags* flags);
// Builds load options from the flags; false (and a message on stderr) for an unknown code.
bool ToLoadOptions(const DiagFlags& flags, compiler::LoadOptions* out);
// Prints the diagnostics of `r` to stdout (json/sarif) or stderr (text), with a summary line
// for text. Tool errors (missing paths) always go to stderr.
void PrintDiagnostics(const compiler::LoadResult& r, const DiagFlags& flags);

}  // namespace vigil::cli

// commands.h: every `vigil` subcommand registers itself here. Each lives in its own
// cli/cmd_<name>.cc, parses its options with CLI11 and runs through the stage libraries.
// Exit status (docs/cli.md): 0 success, 1 findings (rule errors, failed tests, quarantined
// records under --strict), 2 usage, configuration or tool failure, 3 interrupted.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace vigil::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitInterrupted = 3;

// A subcommand's body, run after parsing; returns the process exit status.
using CommandFn = std::function<int()>;

// Each Register* adds one subcommand to `app` and returns it; *run receives the body that
// main calls when that subcommand was chosen.
CLI::App* RegisterCheck(CLI::App& app, CommandFn* run);
CLI::App* RegisterFmt(CLI::App& app, CommandFn* run);
CLI::App* RegisterSchema(CLI::App& app, CommandFn* run);
CLI::App* RegisterIngest(CLI::App& app, CommandFn* run);
CLI::App* RegisterFunctions(CLI::App& app, CommandFn* run);
CLI::App* RegisterCompile(CLI::App& app, CommandFn* run);
CLI::App* RegisterDisasm(CLI::App& app, CommandFn* run);
CLI::App* RegisterRun(CLI::App& app, CommandFn* run);
CLI::App* RegisterTest(CLI::App& app, CommandFn* run);
CLI::App* RegisterExplain(CLI::App& app, CommandFn* run);
CLI::App* RegisterGen(CLI::App& app, CommandFn* run);
CLI::App* RegisterCatalog(CLI::App& app, CommandFn* run);

}  // namespace vigil::cli

// cmd_check.cc: `vigil check PATH...`: parses and type-checks rule files and reports every
// diagnostic at once. Exit 0 clean, 1 errors in rules, 2 usage or tool failure.
#include "cli/commands.h"
#include "cli/diag_output.h"

namespace vigil::cli {

CLI::App* RegisterCheck(CLI::App& app, CommandFn* run) {
  struct Opts {
    std::vector<std::string> paths;
    DiagFlags diag;
  };
  auto opts = std::make_shared<Opts>();
  CLI::App* cmd = app.add_subcommand("check", "Parse and type-check rule files (.vgl)");
  cmd->add_option("paths", opts->paths, "Rule files or directories (searched recursively)")->required();
  AddDiagFlags(cmd, &opts->diag);
  *run = [opts]() {
    compiler::LoadOptions load;
    if (!ToLoadOptions(opts->diag, &load)) return kExitUsage;
    const compiler::LoadResult r = compiler::LoadPack(opts->paths, load);
    PrintDiagnostics(r, opts->diag);
    if (!r.tool_errors.empty()) return kExitUsage;
    return r.errors > 0 ? kExitFindings : kExitOk;
  };
  return cmd;
}

}  // namespace vigil::cli

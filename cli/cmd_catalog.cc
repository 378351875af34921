// cmd_catalog.cc: `vigil catalog PATH... -o DIR`: writes the Detections catalog of a rule pack:
// DIR/index.html (self-contained page with search and filters), DIR/rules.json and
// DIR/rules.csv. Exit 0 written, 1 rule errors, 2 usage or I/O failure.
#include <fmt/format.h>

#include "catalog/catalog.h"
#include "cli/commands.h"
#include "cli/diag_output.h"

namespace vigil::cli {

CLI::App* RegisterCatalog(CLI::App& app, CommandFn* run) {
  struct Opts {
    std::vector<std::string> paths;
    std::string out = "site";
    std::string title = "Mimecast detections";
    DiagFlags diag;
  };
  auto o = std::make_shared<Opts>();
  CLI::App* cmd = app.add_subcommand(
      "catalog", "Write the Detections catalog of a rule pack (index.html, rules.json, rules.csv)");
  cmd->add_option("paths", o->paths, "Rule files or directories (searched recursively)")
      ->required();
  cmd->add_option("-o,--output", o->out, "Directory to write the site into")->capture_default_str();
  cmd->add_option("--title", o->title, "Heading of the page")->capture_default_str();
  AddDiagFlags(cmd, &o->diag);
  *run = [o]() {
    compiler::LoadOptions load;
    if (!ToLoadOptions(o->diag, &load)) return kExitUsage;
    const compiler::LoadResult r = compiler::LoadPack(o->paths, load);
    if (!r.tool_errors.empty() || r.errors > 0 || r.warnings > 0) PrintDiagnostics(r, o->diag);
    if (!r.tool_errors.empty()) return kExitUsage;
    if (r.errors > 0) return kExitFindings;
    catalog::Options options;
    options.title = o->title;
    for (const std::string& p : o->paths) options.source += (options.source.empty() ? "" : " ") + p;
    const nlohmann::json c = catalog::BuildCatalog(*r.pack, options);
    std::string error;
    if (!catalog::WriteCatalog(c, o->out, &error)) {
      std::fprintf(stderr, "vigil: %s\n", error.c_str());
      return kExitUsage;
    }
    std::printf("%s\n", fmt::format("wrote {} rules to {}/ (index.html, rules.json, rules.csv)",
                                    c["count"].get<size_t>(), o->out)
                            .c_str());
    return kExitOk;
  };
  return cmd;
}

}  // namespace vigil::cli

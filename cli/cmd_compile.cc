// cmd_compile.cc: `vigil compile PATH... -o pack.vgp` (check, compile, write a deterministic
// pack) and `vigil disasm PACK|PATH...` (print the program readably).
#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/commands.h"
#include "cli/diag_output.h"
#include "compiler/driver/pack_builder.h"
#include "vm/bytecode/disasm.h"
#include "vm/bytecode/verifier.h"

namespace vigil::cli {
namespace {

bool WriteFileAtomically(const std::string& path, const std::string& bytes) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out || !out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()))) return false;
  }
  return std::rename(tmp.c_str(), path.c_str()) == 0;
}

// Loads a .vgp file, or compiles rule sources, into *pack. Prints problems; returns an exit code.
int LoadOrCompile(const std::vector<std::string>& paths, const DiagFlags& diag, bytecode::PackFile* pack) {
  if (paths.size() == 1 && paths[0].ends_with(".vgp")) {
    std::ifstream in(paths[0], std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "vigil: cannot read %s\n", paths[0].c_str());
      return kExitUsage;
    }
    std::stringstream buf;
    buf << in.rdbuf();
    std::string error;
    if (!bytecode::Deserialize(buf.str(), pack, &error)) {
      std::fprintf(stderr, "vigil: %s: %s\n", paths[0].c_str(), error.c_str());
      return kExitUsage;
    }
    error = bytecode::Verify(pack->exe);
    if (!error.empty()) {
      std::fprintf(stderr, "vigil: %s: pack rejected by the verifier: %s\n", paths[0].c_str(), error.c_str());
      return kExitUsage;
    }
    return kExitOk;
  }
  compiler::LoadOptions load;
  if (!ToLoadOptions(diag, &load)) return kExitUsage;
  const compiler::LoadResult r = compiler::LoadPack(paths, load);
  if (r.errors > 0 || !r.tool_errors.empty()) {
    PrintDiagnostics(r, diag);
    return r.tool_errors.empty() ? kExitFindings : kExitUsage;
  }
  *pack = compiler::BuildPackFile(*r.pack);
  return kExitOk;
}

}  // namespace

CLI::App* RegisterCompile(CLI::App& app, CommandFn* run) {
  struct Opts {
    std::vector<std::string> paths;
    std::string output = "pack.vgp";
    DiagFlags diag;
  };
  auto opts = std::make_shared<Opts>();
  CLI::App* cmd = app.add_subcommand("compile", "Check and compile rules into a verified pack file (.vgp)");
  cmd->add_option("paths", opts->paths, "Rule files or directories")->required();
  cmd->add_option("-o,--output", opts->output, "Pack file to write")->capture_default_str();
  AddDiagFlags(cmd, &opts->diag);
  *run = [opts]() {
    compiler::LoadOptions load;
    if (!ToLoadOptions(opts->diag, &load)) return kExitUsage;
    const compiler::LoadResult r = compiler::LoadPack(opts->paths, load);
    if (r.errors > 0 || !r.tool_errors.empty() || !r.diagnostics.empty()) PrintDiagnostics(r, opts->diag);
    if (!r.tool_errors.empty()) return kExitUsage;
    if (r.errors > 0) return kExitFindings;
    codegen::CompileStats stats;
    const bytecode::PackFile pack = compiler::BuildPackFile(*r.pack, &stats);
    const std::string verify = bytecode::Verify(pack.exe);
    if (!verify.empty()) {
      std::fprintf(stderr, "vigil: internal error: the compiled pack fails verification: %s\n", verify.c_str());
      return kExitUsage;
    }
    if (!WriteFileAtomically(opts->output, bytecode::Serialize(pack))) {
      std::fprintf(stderr, "vigil: cannot write %s\n", opts->output.c_str());
      return kExitUsage;
    }
    std::fprintf(stderr, "%s\n",
                 fmt::format("compiled {} rule(s) into {}: {} instruction(s), {} IR node(s), {} shared "
                             "subexpression(s), {} fused pattern(s)",
                             r.pack->rules.size(), opts->output, stats.instructions, stats.ir_nodes,
                             stats.cse_hits, stats.patterns_fused)
                     .c_str());
    return kExitOk;
  };
  return cmd;
}

CLI::App* RegisterDisasm(CLI::App& app, CommandFn* run) {
  struct Opts {
    std::vector<std::string> paths;
    DiagFlags diag;
  };
  auto opts = std::make_shared<Opts>();
  CLI::App* cmd = app.add_subcommand("disasm", "Print the compiled program of a pack (.vgp) or of rule files");
  cmd->add_option("paths", opts->paths, "A .vgp pack, or rule files/directories")->required();
  AddDiagFlags(cmd, &opts->diag);
  *run = [opts]() {
    bytecode::PackFile pack;
    const int rc = LoadOrCompile(opts->paths, opts->diag, &pack);
    if (rc != kExitOk) return rc;
    std::vector<std::string> names;
    const auto meta = nlohmann::json::parse(pack.metadata_json, nullptr, false);
    if (meta.is_object() && meta.contains("rules")) {
      for (const auto& r : meta["rules"]) names.push_back(r.value("id", ""));
    }
    std::fputs(bytecode::Disassemble(pack.exe, names).c_str(), stdout);
    return kExitOk;
  };
  return cmd;
}

}  // namespace vigil::cli

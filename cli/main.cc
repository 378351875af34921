// main.cc: the `vigil` command-line tool: parses the subcommand and runs it.
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#ifdef VIGIL_JEMALLOC
#include <jemalloc/jemalloc.h>
#endif

#include "cli/commands.h"

namespace vigil::cli {
namespace {

using Registrar = CLI::App* (*)(CLI::App&, CommandFn*);

// The allocator the process runs on, as `vigil --version` reports it: the jemalloc version
// that is actually linked (asked from jemalloc itself), or the C library's malloc.
std::string AllocatorName() {
#ifdef VIGIL_JEMALLOC
  const char* version = nullptr;
  size_t size = sizeof version;
  if (mallctl("version", static_cast<void*>(&version), &size, nullptr, 0) == 0 &&
      version != nullptr)
    return std::string("jemalloc ") + version;
  return "jemalloc";
#else
  return "system malloc";
#endif
}

// The subcommands in the order `vigil --help` lists them.
const std::vector<Registrar>& Registrars() {
  static const std::vector<Registrar> kAll = {
      // one line per subcommand; each stage adds its own
      RegisterCheck,     RegisterCompile, RegisterDisasm, RegisterRun,
      RegisterTest,      RegisterCatalog, RegisterFmt,    RegisterIngest,
      RegisterFunctions, RegisterExplain, RegisterSchema, RegisterGen,
  };
  return kAll;
}

int Main(int argc, char** argv) {
  CLI::App app{"vigil: detection rules for email-security events", "vigil"};
  app.set_version_flag("--version", [] {
    return std::string("vigil " VIGIL_VERSION " (allocator: ") + AllocatorName() + ")";
  });
  app.require_subcommand(1);
  std::vector<CommandFn> bodies(Registrars().size());
  std::vector<CLI::App*> subs;
  for (size_t i = 0; i < Registrars().size(); ++i) subs.push_back(Registrars()[i](app, &bodies[i]));
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  for (size_t i = 0; i < subs.size(); ++i) {
    if (subs[i]->parsed() && bodies[i]) return bodies[i]();
  }
  return kExitUsage;
}

}  // namespace
}  // namespace vigil::cli

int main(int argc, char** argv) {
  try {
    return vigil::cli::Main(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "vigil: internal error: %s\n", e.what());
    return vigil::cli::kExitUsage;
  }
}

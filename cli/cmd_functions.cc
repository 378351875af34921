// cmd_functions.cc: `vigil functions [NAME] [--format text|json|markdown]`: the standard
// library's catalog from the same registry the type checker uses (one overload per line).
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "base/strings.h"
#include "cli/commands.h"
#include "stdlib/docs.h"
#include "stdlib/invoke.h"
#include "stdlib/registry.h"

namespace vigil::cli {
namespace {

struct FunctionsOptions {
  std::string name;
  std::string format = "text";
};

nlohmann::ordered_json ToJson(const stdlib::FunctionDef& d) {
  nlohmann::ordered_json params = nlohmann::ordered_json::array();
  for (size_t i = 0; i < d.params.size(); ++i) {
    params.push_back({{"name", d.param_names[i]},
                      {"type", d.params[i].ToString()},
                      {"constant", stdlib::IsConstParam(d, i)}});
  }
  return {{"name", d.name},
          {"family", d.family},
          {"signature", stdlib::Signature(d)},
          {"params", params},
          {"result", d.result.ToString()},
          {"variadic", d.variadic},
          {"null_aware", d.null_aware},
          {"doc", d.doc},
          {"example", d.example},
          {"example_result", d.example_result}};
}

int Run(const FunctionsOptions& o) {
  const stdlib::Registry& reg = stdlib::Registry::Get();
  std::vector<const stdlib::FunctionDef*> defs;
  if (o.name.empty()) {
    for (const stdlib::FunctionDef& d : reg.all()) defs.push_back(&d);
  } else {
    defs = reg.Overloads(o.name);
    if (defs.empty()) {
      const std::string hint = base::ClosestMatch(o.name, reg.Names());
      std::fprintf(stderr, "vigil functions: unknown function \"%s\"%s\n", o.name.c_str(),
                   hint.empty() ? "" : ("; did you mean \"" + hint + "\"?").c_str());
      return kExitUsage;
    }
  }
  if (o.format == "markdown") {
    std::fputs(stdlib::RenderStdlibDocs(reg).c_str(), stdout);
  } else if (o.format == "json") {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const stdlib::FunctionDef* d : defs) out.push_back(ToJson(*d));
    std::printf("%s\n", out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
  } else {
    for (const stdlib::FunctionDef* d : defs) {
      std::printf("%s\n", stdlib::FunctionLine(*d).c_str());
    }
  }
  return kExitOk;
}

}  // namespace

CLI::App* RegisterFunctions(CLI::App& app, CommandFn* run) {
  auto opts = std::make_shared<FunctionsOptions>();
  CLI::App* cmd = app.add_subcommand(
      "functions", "List the standard library: one overload per line, or one function's");
  cmd->add_option("name", opts->name, "Only this function's overloads");
  cmd->add_option("--format", opts->format, "text (default), json, or markdown (docs/stdlib.md)")
      ->check(CLI::IsMember({"text", "json", "markdown"}));
  *run = [opts] { return Run(*opts); };
  return cmd;
}

}  // namespace vigil::cli

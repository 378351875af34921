// cmd_test.cc: `vigil test PATH...`: runs every rule's embedded tests on the VM and on the
// reference interpreter. Exit 0 when all pass, 1 on failures or rule errors, 2 on usage errors.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/diag_output.h"
#include "runtime/test_runner.h"

namespace vigil::cli {

CLI::App* RegisterTest(CLI::App& app, CommandFn* run) {
  struct Opts {
    std::vector<std::string> paths;
    std::vector<std::string> rules;
    std::string format = "text";
    bool verbose = false;
  };
  auto o = std::make_shared<Opts>();
  CLI::App* cmd = app.add_subcommand("test", "Run the embedded tests of rules (on the VM and the reference interpreter)");
  cmd->add_option("paths", o->paths, "Rule files or directories")->required();
  cmd->add_option("--rule", o->rules, "Only the tests of this rule (repeatable)")->allow_extra_args(false);
  cmd->add_option("--format", o->format, "Report format")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
  cmd->add_flag("-v,--verbose", o->verbose, "List passing tests too");
  *run = [o]() {
    runtime::RuleSet rules;
    std::string error;
    if (!runtime::LoadRuleSet(o->paths, &rules, &error)) {
      DiagFlags flags;
      if (rules.load.pack) PrintDiagnostics(rules.load, flags);
      std::fprintf(stderr, "vigil: %s\n", error.c_str());
      return rules.load.errors > 0 ? kExitFindings : kExitUsage;
    }
    const runtime::TestReport report = runtime::RunRuleTests(rules, o->rules);
    if (o->format == "json") {
      nlohmann::ordered_json j;
      j["passed"] = report.passed;
      j["failed"] = report.failed;
      j["rules"] = report.rules;
      nlohmann::ordered_json tests = nlohmann::ordered_json::array();
      for (const auto& t : report.outcomes) {
        tests.push_back({{"rule", t.rule_id}, {"test", t.test}, {"location", t.location},
                         {"passed", t.passed}, {"alerts", t.alerts}, {"message", t.message}});
      }
      j["tests"] = tests;
      std::puts(j.dump(2).c_str());
    } else {
      for (const auto& t : report.outcomes) {
        if (t.passed && !o->verbose) continue;
        std::printf("%s\n", fmt::format("{} {} \"{}\" ({}){}", t.passed ? "PASS" : "FAIL", t.rule_id, t.test,
                                        t.location, t.passed ? "" : ": " + t.message).c_str());
      }
      std::printf("%s\n", fmt::format("{} passed, {} failed ({} rules)", report.passed, report.failed, report.rules).c_str());
    }
    return report.failed > 0 ? kExitFindings : kExitOk;
  };
  return cmd;
}

}  // namespace vigil::cli

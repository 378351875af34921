// cmd_gen.cc: `vigil gen`: writes realistic Mimecast traffic with planted attack scenarios
// (gen/), plus DIR/tenants.json and DIR/ground_truth.json. With --rules, tenants.json keeps
// only the tenant lists and opt-in rules that pack declares, so `vigil run --tenants` accepts
// it. Exit 0; 2 on usage errors, an unreadable rule pack or an unwritable directory.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>
#include <string>

#include "cli/commands.h"
#include "compiler/driver/driver.h"
#include "gen/generator.h"
#include "gen/tenant_filter.h"

namespace vigil::cli {
namespace {

struct GenOpts {
  size_t messages = 1000;
  int tenants = 1;
  uint64_t seed = 1;
  std::string format = "api2";
  std::string output;
  int days = 1;
  int chunk_minutes = 60;
  bool no_attacks = false;
  std::vector<std::string> rules;
  bool quiet = false;
};

// Keeps only what the pack at `paths` declares in DIR/tenants.json.
bool FilterTenants(const std::vector<std::string>& paths, const std::string& dir) {
  const compiler::LoadResult load = compiler::LoadPack(paths, compiler::LoadOptions{});
  if (load.errors > 0 || !load.tool_errors.empty()) {
    std::fprintf(stderr, "vigil gen: the rules in --rules do not load (run `vigil check`)\n");
    return false;
  }
  std::set<std::string> lists, opt_ins;
  for (const sema::List& l : load.pack->lists) {
    if (l.tenant) lists.insert(l.name);
  }
  for (const sema::Rule& r : load.pack->rules) {
    if (r.opt_in) opt_ins.insert(r.id);
  }
  const std::string path = dir + "/tenants.json";
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << gen::FilterTenantsJson(text.str(), lists, opt_ins);
  return out.flush().good();
}

int Run(const GenOpts& o) {
  gen::GenOptions options;
  options.messages = o.messages;
  options.tenants = o.tenants;
  options.seed = o.seed;
  options.days = o.days;
  options.chunk_minutes = o.chunk_minutes;
  options.attacks = !o.no_attacks;
  if (!gen::ParseFormat(o.format, &options.format)) return kExitUsage;
  const auto start = std::chrono::steady_clock::now();
  gen::GenSummary summary;
  std::string error;
  if (!gen::Generate(options, o.output, &summary, &error)) {
    std::fprintf(stderr, "vigil gen: %s\n", error.c_str());
    return kExitUsage;
  }
  if (!o.rules.empty() && !FilterTenants(o.rules, o.output)) return kExitUsage;
  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!o.quiet) {
    std::fprintf(stderr,
                 "vigil gen: %zu messages, %d tenants, %s: %zu records in %zu files (%.1f MB), "
                 "%zu planted scenarios, in %.2fs (%.0f records/s)\n",
                 summary.messages, o.tenants, o.format.c_str(), summary.records, summary.files,
                 static_cast<double>(summary.bytes) / 1e6, summary.scenarios, secs,
                 secs > 0 ? static_cast<double>(summary.records) / secs : 0.0);
  }
  return kExitOk;
}

}  // namespace

CLI::App* RegisterGen(CLI::App& app, CommandFn* run) {
  auto o = std::make_shared<GenOpts>();
  CLI::App* cmd = app.add_subcommand(
      "gen", "Generate realistic Mimecast logs with planted attacks and their ground truth");
  cmd->add_option("--messages", o->messages, "Benign messages over all tenants (default 1000)")
      ->check(CLI::Range(size_t{0}, size_t{100'000'000}));
  cmd->add_option("--tenants", o->tenants, "Number of tenants (default 1)")
      ->check(CLI::Range(1, 1000));
  cmd->add_option("--seed", o->seed, "Random seed: same arguments, same bytes (default 1)");
  cmd->add_option("--format", o->format, "api2 (default), api1-json or api1-kv")
      ->check(CLI::IsMember({"api2", "api1-json", "api1-kv"}));
  cmd->add_option("-o,--output", o->output, "Output directory (created if missing)")->required();
  cmd->add_option("--days", o->days, "Days of traffic from 2024-11-04T00:00Z (default 1)")
      ->check(CLI::Range(1, 366));
  cmd->add_option("--chunk-minutes", o->chunk_minutes,
                  "Minutes of traffic per directory of files (default 60: run the logs with "
                  "vigil run --allowed-lateness of at least this)")
      ->check(CLI::Range(1, 1440));
  cmd->add_flag("--no-attacks", o->no_attacks, "Benign traffic only, no planted scenarios");
  cmd->add_option("-r,--rules", o->rules,
                  "Rule files or directories: keep in tenants.json only the tenant lists and "
                  "opt-in rules they declare");
  cmd->add_flag("-q,--quiet", o->quiet, "No summary line on stderr");
  *run = [o]() { return Run(*o); };
  return cmd;
}

}  // namespace vigil::cli

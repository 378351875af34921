// packs.cc: reading the real pack, cutting subsets of it, and generated packs.
#include "bench/common/packs.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "bench/common/rule_gen.h"
#include "compiler/base/render.h"
#include "compiler/driver/pack_builder.h"
#include "vm/bytecode/verifier.h"

namespace vigil::bench {
namespace {

namespace fs = std::filesystem;

constexpr char kPackDir[] = "rules/mimecast";

std::string ReadOrDie(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "bench: cannot read %s\n", p.c_str());
    std::abort();
  }
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

// Every file under rules/mimecast, by virtual path "rules/mimecast/...", sorted.
SourceFiles RealFiles() {
  const fs::path root = fs::path(SourceDir()) / kPackDir;
  std::vector<fs::path> paths;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (e.is_regular_file()) paths.push_back(e.path());
  }
  std::sort(paths.begin(), paths.end());
  SourceFiles out;
  for (const fs::path& p : paths) {
    out.emplace_back((fs::path(kPackDir) / fs::relative(p, root)).string(), ReadOrDie(p));
  }
  return out;
}

// `text` without the rule blocks that `keep` rejects (lists, macros and imports stay).
template <typename Keep>
std::string Filter(const std::string& text, Keep keep, size_t* kept) {
  std::string out;
  std::istringstream in(text);
  std::string block;
  bool inside = false;
  for (std::string line; std::getline(in, line);) {
    if (!inside && line.starts_with("rule ")) inside = true;
    if (!inside) {
      out += line + "\n";
      continue;
    }
    block += line + "\n";
    if (line == "}") {
      if (keep(block)) {
        out += block;
        ++*kept;
      }
      block.clear();
      inside = false;
    }
  }
  return out;
}

}  // namespace

std::string SourceDir() { return VIGIL_SOURCE_DIR; }

std::vector<std::string> RuleBlocks(const std::string& text) {
  std::vector<std::string> blocks;
  size_t kept = 0;
  Filter(
      text,
      [&](const std::string& b) {
        blocks.push_back(b);
        return false;
      },
      &kept);
  return blocks;
}

bool IsStateful(const std::string& block) {
  return block.find("\n  aggregate ") != std::string::npos ||
         block.find("\n  sequence ") != std::string::npos ||
         block.find("first_seen(") != std::string::npos ||
         block.find("prevalence(") != std::string::npos;
}

PackSpec RealPack(size_t max_rules, bool stateless_only) {
  PackSpec spec;
  spec.name = "real";
  for (auto& [path, text] : RealFiles()) {
    if (path.ends_with(".vgl")) {
      text = Filter(
          text,
          [&](const std::string& b) {
            if (stateless_only && IsStateful(b)) return false;
            return max_rules == 0 || spec.rules < max_rules;
          },
          &spec.rules);
    }
    spec.files.emplace_back(path, std::move(text));
  }
  spec.name += std::to_string(spec.rules);
  return spec;
}

namespace {

std::string RuleId(const std::string& block) {
  const size_t end = block.find_first_of(" {\n", 5);
  return block.substr(5, end - 5);
}

}  // namespace

std::vector<std::string> RealRuleIds() {
  std::vector<std::string> ids;
  for (const auto& [path, text] : RealFiles()) {
    if (!path.ends_with(".vgl")) continue;
    for (const std::string& b : RuleBlocks(text)) ids.push_back(RuleId(b));
  }
  return ids;
}

PackSpec RealPackRule(const std::string& rule_id) {
  PackSpec spec;
  spec.name = rule_id;
  for (auto& [path, text] : RealFiles()) {
    if (path.ends_with(".vgl")) {
      text = Filter(
          text, [&](const std::string& b) { return RuleId(b) == rule_id; }, &spec.rules);
    }
    spec.files.emplace_back(path, std::move(text));
  }
  return spec;
}

PackSpec GeneratedPack(size_t rules, uint64_t seed) {
  PackSpec spec;
  spec.name = "gen" + std::to_string(rules);
  for (auto& [path, text] : RealFiles()) {
    if (path.ends_with(".vgl") && !path.ends_with("/common.vgl")) continue;
    spec.files.emplace_back(path, std::move(text));
  }
  // The parser caps a file at 500,000 tokens: 1,000 rules per file.
  constexpr size_t kPerFile = 1000;
  for (size_t first = 0; first < rules; first += kPerFile) {
    RuleGenOptions o;
    o.seed = seed + first;
    o.first_index = first;
    char name[32];
    std::snprintf(name, sizeof name, "/gen_%03zu.vgl", first / kPerFile);
    spec.files.emplace_back(kPackDir + std::string(name),
                            GenerateRules(std::min(kPerFile, rules - first), o));
  }
  spec.rules = rules;
  return spec;
}

compiler::LoadResult LoadOrDie(const PackSpec& pack) {
  compiler::LoadResult r = compiler::LoadSources(pack.files, compiler::LoadOptions{});
  if (r.errors > 0 || r.pack->rules.size() != pack.rules) {
    for (const auto& d : r.diagnostics) {
      std::fputs(compiler::RenderText(d, r.pack->sources).c_str(), stderr);
    }
    std::fprintf(stderr, "bench: pack %s: %zu errors, %zu rules (expected %zu)\n",
                 pack.name.c_str(), r.errors, r.pack->rules.size(), pack.rules);
    std::abort();
  }
  return r;
}

CompiledPack CompileOrDie(const PackSpec& pack) {
  CompiledPack c{LoadOrDie(pack), nullptr};
  bytecode::PackFile file = compiler::BuildPackFile(*c.load.pack);
  std::string error = bytecode::Verify(file.exe);
  if (error.empty()) c.exe = vm::LoadedPack::Load(std::move(file.exe), &error);
  if (c.exe == nullptr) {
    std::fprintf(stderr, "bench: pack %s does not load: %s\n", pack.name.c_str(), error.c_str());
    std::abort();
  }
  return c;
}

}  // namespace vigil::bench

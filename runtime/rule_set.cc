// rule_set.cc: loading rules for a run.
#include "runtime/rule_set.h"

#include <fstream>
#include <sstream>

#include "compiler/driver/metadata.h"
#include "compiler/driver/pack_builder.h"
#include "vm/bytecode/serializer.h"
#include "vm/bytecode/verifier.h"

namespace vigil::runtime {
namespace {

bool ReadPackFile(const std::string& path, bytecode::PackFile* pack, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = "cannot read " + path;
    return false;
  }
  std::stringstream buf;
  buf << in.rdbuf();
  if (!bytecode::Deserialize(buf.str(), pack, error)) {
    *error = path + ": " + *error;
    return false;
  }
  const std::string verify = bytecode::Verify(pack->exe);
  if (!verify.empty()) {
    *error = path + ": pack rejected by the verifier: " + verify;
    return false;
  }
  return true;
}

bool Finish(bytecode::Executable exe, RuleSet* out, std::string* error) {
  if (exe.rule_count != out->load.pack->rules.size()) {
    *error = out->origin + ": the pack's program and its rule sources disagree";
    return false;
  }
  out->exe = vm::LoadedPack::Load(std::move(exe), error);
  if (out->exe == nullptr) return false;
  for (const sema::Rule& r : out->load.pack->rules) {
    out->metadata.push_back(compiler::RuleMetadata(r, out->load.pack->sources));
  }
  return true;
}

}  // namespace

bool LoadRuleSet(const std::vector<std::string>& paths, RuleSet* out, std::string* error) {
  out->origin = paths.size() == 1 ? paths[0] : std::to_string(paths.size()) + " paths";
  if (paths.size() == 1 && paths[0].ends_with(".vgp")) {
    bytecode::PackFile pack;
    if (!ReadPackFile(paths[0], &pack, error)) return false;
    std::vector<std::pair<std::string, std::string>> files;
    for (const bytecode::PackSource& s : pack.sources) files.emplace_back(s.path, s.text);
    out->load = compiler::LoadSources(files, {});
    if (out->load.errors > 0) {
      *error = paths[0] + ": the rule sources embedded in the pack do not check";
      return false;
    }
    return Finish(std::move(pack.exe), out, error);
  }
  out->load = compiler::LoadPack(paths, {});
  if (!out->load.tool_errors.empty()) {
    *error = out->load.tool_errors[0];
    return false;
  }
  if (out->load.errors > 0) {
    *error = "the rules have errors";
    return false;
  }
  bytecode::PackFile pack = compiler::BuildPackFile(*out->load.pack);
  const std::string verify = bytecode::Verify(pack.exe);
  if (!verify.empty()) {
    *error = "internal error: the compiled pack fails verification: " + verify;
    return false;
  }
  return Finish(std::move(pack.exe), out, error);
}

}  // namespace vigil::runtime

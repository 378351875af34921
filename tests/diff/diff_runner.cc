// diff_runner.cc: building both engines, running batches through them, statistics.
#include "tests/diff/diff_runner.h"

#include <algorithm>
#include <cstdio>

#include "compiler/base/render.h"
#include "compiler/codegen/compile.h"
#include "compiler/driver/pack_builder.h"
#include "vm/bytecode/serializer.h"
#include "vm/bytecode/verifier.h"

namespace vigil::difftest {

namespace {

compiler::LoadOptions Options() {
  compiler::LoadOptions o;
  using compiler::DiagCode;
  o.disabled = {DiagCode::kW0501, DiagCode::kW0502, DiagCode::kW0503, DiagCode::kW0504,
                DiagCode::kW0505, DiagCode::kW0506, DiagCode::kW0508, DiagCode::kW0509};
  return o;
}

}  // namespace

std::string DiffStats::Summary() const {
  char buf[512];
  const double rate =
      rule_rows ? 100.0 * static_cast<double>(matches) / static_cast<double>(rule_rows) : 0;
  const double s = sampled ? static_cast<double>(sampled) / 100.0 : 1;
  std::snprintf(buf, sizeof buf,
                "%zu packs (%zu discarded), %zu rules, %zu batches, %zu rule-rows, match rate "
                "%.1f%%; sampled outcomes: %.1f%% true, %.1f%% false, %.1f%% null; %zu mismatches",
                packs, discarded, rules, batches, rule_rows, rate,
                static_cast<double>(sampled_true) / s, static_cast<double>(sampled_false) / s,
                static_cast<double>(sampled_null) / s, mismatches);
  return buf;
}

std::unique_ptr<Engines> BuildEngines(const GenPack& pack, const std::string& source) {
  auto e = std::make_unique<Engines>();
  e->load = compiler::LoadSource("diff.vgl", source, Options());
  if (e->load.errors > 0) {
    for (const auto& d : e->load.diagnostics) {
      e->diagnostics += compiler::RenderText(d, e->load.pack->sources);
    }
    e->error = "front end rejected the pack";
    return e;
  }
  const sema::Pack& p = *e->load.pack;
  codegen::CompilePack(p, nullptr, /*verify_ir=*/true);  // aborts on an invalid IR
  const bytecode::PackFile file = compiler::BuildPackFile(p);
  const std::string bytes = bytecode::Serialize(file);
  bytecode::PackFile read;
  std::string error;
  if (!bytecode::Deserialize(bytes, &read, &error)) {
    e->error = "pack file does not read back: " + error;
    return e;
  }
  if (bytecode::Serialize(read) != bytes) e->error = "pack file round trip is not byte-identical";
  if (const std::string v = bytecode::Verify(read.exe); !v.empty()) e->error = "verifier: " + v;
  if (!e->error.empty()) return e;
  e->loaded = vm::LoadedPack::Load(std::move(read.exe), &error);
  if (e->loaded == nullptr) {
    e->error = "loader: " + error;
    return e;
  }
  e->vm = std::make_unique<vm::Vm>(*e->loaded);
  e->vm_tenant = MakeTenant(pack, &e->vm_history);
  e->interp_tenant = MakeTenant(pack, &e->interp_history);
  e->interp = std::make_unique<interp::Interpreter>(p);
  for (const std::string& err : e->interp->errors()) e->diagnostics += "interp: " + err + "\n";
  return e;
}

std::vector<size_t> RunBoth(Engines& e, const BatchSpec& spec, columnar::MatchSet* vm_out,
                            columnar::MatchSet* interp_out) {
  columnar::Batch batch(spec.type, std::max<size_t>(1, spec.rows.size()));
  FillBatch(spec.rows, &batch);
  e.vm->Run(batch, e.vm_tenant->context, vm_out);
  e.interp->Evaluate(batch, e.interp_tenant->context, interp_out);
  std::vector<size_t> differ;
  const size_t rules = e.load.pack->rules.size();
  for (size_t r = 0; r < rules; ++r) {
    static const std::vector<uint32_t> kNone;
    const auto& v = r < vm_out->rows.size() ? vm_out->rows[r] : kNone;
    const auto& i = r < interp_out->rows.size() ? interp_out->rows[r] : kNone;
    if (v != i) differ.push_back(r);
  }
  return differ;
}

void DiffRunner::Sample(Engines& e, const GenPack& pack, const columnar::Batch& batch) {
  // Outcomes through EvalCondition without history (so the engines' history stays in step).
  columnar::TenantContext quiet = e.interp_tenant->context;
  quiet.history = nullptr;
  for (size_t r = 0; r < pack.rules.size(); ++r) {
    const sema::Rule& rule = e.load.pack->rules[r];
    if (!(rule.events & schema::MaskOf(batch.type()))) continue;
    for (size_t row = 0; row < batch.size(); row += 7) {
      const std::optional<bool> v = e.interp->EvalCondition(rule, batch, row, quiet);
      ++stats_.sampled;
      (v ? (*v ? stats_.sampled_true : stats_.sampled_false) : stats_.sampled_null)++;
    }
  }
}

bool DiffRunner::RunPack(uint64_t seed, std::string* report) {
  Rng rng(seed);
  const GenPack pack = GeneratePack(rng, PackOptions());
  ++stats_.packs;
  if (verbose_) {
    long pages = 0, resident = 0;
    if (FILE* f = std::fopen("/proc/self/statm", "r")) {
      if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
      std::fclose(f);
    }
    std::fprintf(stderr, "diff: seed %llu (virtual %ld MB, resident %ld MB)\n%s",
                 static_cast<unsigned long long>(seed), pages * 4096 / (1 << 20),
                 resident * 4096 / (1 << 20), pack.Source().c_str());
  }
  auto e = BuildEngines(pack, pack.Source());
  if (!e->error.empty()) {
    if (e->load.errors > 0) {
      ++stats_.discarded;
      std::fprintf(stderr, "diff: discarded pack (seed %llu): %s\n%s\n%s\n",
                   static_cast<unsigned long long>(seed), e->error.c_str(), e->diagnostics.c_str(),
                   pack.Source().c_str());
      return true;
    }
    *report = "seed " + std::to_string(seed) + ": " + e->error + "\n" + pack.Source();
    ++stats_.mismatches;
    return false;
  }
  stats_.rules += pack.rules.size();
  EventGen events(rng, pack.pool);
  std::vector<BatchSpec> batches;
  const size_t n = 2 + rng.Below(4);
  for (size_t b = 0; b < n; ++b) {
    BatchSpec spec;
    spec.type = pack.home;
    if (rng.Chance(0.15)) spec.type = rng.Pick(pack.rules).events.back();
    spec.rows = events.Rows(spec.type);
    batches.push_back(std::move(spec));
    columnar::MatchSet vm_out, interp_out;
    const std::vector<size_t> differ = RunBoth(*e, batches.back(), &vm_out, &interp_out);
    ++stats_.batches;
    for (size_t r = 0; r < pack.rules.size(); ++r) {
      if (e->load.pack->rules[r].events & schema::MaskOf(batches.back().type)) {
        stats_.rule_rows += batches.back().rows.size();
        stats_.matches += interp_out.rows[r].size();
      }
    }
    if (!differ.empty()) {
      ++stats_.mismatches;
      *report = "seed " + std::to_string(seed) + "\n" +
                MismatchReport(pack, differ.front(), batches, vm_out, interp_out);
      return false;
    }
    if (seed % 4 == 0) {
      columnar::Batch batch(batches.back().type, std::max<size_t>(1, batches.back().rows.size()));
      FillBatch(batches.back().rows, &batch);
      Sample(*e, pack, batch);
    }
  }
  return true;
}

}  // namespace vigil::difftest

// diff_runner.h: the differential test's driver: compiles a generated pack (front end, back end
// with IR verification, pack file round trip through bytes, verifier, loader), runs the VM and
// the reference interpreter on the same random batches under the same tenant, compares their
// match sets rule by rule, and on a mismatch writes a report with a minimized reproduction.
// Part of tests/diff; diff_test.cc runs it with a fixed seed and a budget.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "compiler/driver/driver.h"
#include "interp/interpreter.h"
#include "tests/diff/event_gen.h"
#include "tests/diff/fake_history.h"
#include "tests/diff/pack_gen.h"
#include "vm/exec/vm.h"

namespace vigil::difftest {

struct DiffStats {
  size_t packs = 0;
  size_t discarded = 0;  // packs the front end rejected (generator bugs; printed)
  size_t rules = 0;
  size_t batches = 0;
  size_t rule_rows = 0;  // (rule, row) pairs both engines evaluated
  size_t matches = 0;    // of those, where the condition was true
  size_t sampled = 0;    // (rule, row) pairs whose three-valued outcome was sampled
  size_t sampled_true = 0, sampled_false = 0, sampled_null = 0;
  size_t mismatches = 0;
  std::string Summary() const;
};

// A generated batch: its event type and rows.
struct BatchSpec {
  schema::EventType type = schema::EventType::kReceipt;
  std::vector<RowSpec> rows;
};

// Both engines over one compiled pack, with separate history providers and tenants.
struct Engines {
  compiler::LoadResult load;
  std::unique_ptr<vm::LoadedPack> loaded;
  std::unique_ptr<vm::Vm> vm;
  FakeHistory vm_history, interp_history;
  std::unique_ptr<GenTenant> vm_tenant, interp_tenant;
  std::unique_ptr<interp::Interpreter> interp;
  std::string error;  // why the pack could not be built ("" when ready)
  std::string diagnostics;
};

// Compiles `source` (whose lists are pack's) and prepares both engines.
std::unique_ptr<Engines> BuildEngines(const GenPack& pack, const std::string& source);

// Runs `spec` through both engines; returns the pack rule indices whose rows differ.
std::vector<size_t> RunBoth(Engines& e, const BatchSpec& spec, columnar::MatchSet* vm_out,
                            columnar::MatchSet* interp_out);

class DiffRunner {
 public:
  // Generates one pack from `seed`, checks it on several batches; false on a mismatch, with
  // the report in *report. Discarded packs return true and are counted.
  bool RunPack(uint64_t seed, std::string* report);
  const DiffStats& stats() const { return stats_; }
  // Print every pack before running it (to find the pack behind a crash).
  void set_verbose(bool v) { verbose_ = v; }

 private:
  void Sample(Engines& e, const GenPack& pack, const columnar::Batch& batch);
  DiffStats stats_;
  bool verbose_ = false;
};

// diff_shrink.cc: a report for a mismatch of rule `rule` on batch `failing` (the last of
// `batches`), with a one-rule, few-row, shrunk-condition reproduction when one is found.
std::string MismatchReport(const GenPack& pack, size_t rule, const std::vector<BatchSpec>& batches,
                           const columnar::MatchSet& vm_out, const columnar::MatchSet& interp_out);

}  // namespace vigil::difftest

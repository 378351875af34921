// diff_shrink.cc: mismatch reports: the differing rows with their field values and both
// results, then a reproduction minimized in three steps (the rule alone, a single differing
// row, the condition shrunk greedily to a smaller one that still differs).
#include <algorithm>
#include <set>

#include "compiler/codegen/compile.h"
#include "tests/diff/diff_runner.h"
#include "vm/bytecode/disasm.h"

namespace vigil::difftest {

namespace {

constexpr int kShrinkBudget = 400;  // compilations spent on shrinking one condition

// Whether rule `rule` of `pack` differs between the engines on `batches` (fresh engines).
bool Differs(const GenPack& pack, size_t rule, const std::vector<BatchSpec>& batches) {
  auto e = BuildEngines(pack, pack.Source());
  if (!e->error.empty()) return false;
  for (const BatchSpec& b : batches) {
    columnar::MatchSet v, i;
    const std::vector<size_t> d = RunBoth(*e, b, &v, &i);
    if (std::find(d.begin(), d.end(), rule) != d.end()) return true;
  }
  return false;
}

// Rows of `rule` where exactly one engine matched.
std::vector<uint32_t> DifferingRows(size_t rule, const columnar::MatchSet& v,
                                    const columnar::MatchSet& i) {
  const std::set<uint32_t> a(v.rows[rule].begin(), v.rows[rule].end());
  const std::set<uint32_t> b(i.rows[rule].begin(), i.rows[rule].end());
  std::vector<uint32_t> out;
  std::set_symmetric_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

std::string Tri(const std::optional<bool>& v) { return v ? (*v ? "true" : "false") : "null"; }

// Both engines' verdicts on the rows of the last batch that differ, with the rows' fields.
std::string DescribeDifferences(const GenPack& pack, size_t rule,
                                const std::vector<BatchSpec>& batches, size_t max_rows) {
  auto e = BuildEngines(pack, pack.Source());
  if (!e->error.empty()) return "  (cannot rebuild: " + e->error + ")\n";
  columnar::MatchSet v, i;
  for (const BatchSpec& b : batches) RunBoth(*e, b, &v, &i);
  const BatchSpec& last = batches.back();
  columnar::Batch batch(last.type, std::max<size_t>(1, last.rows.size()));
  FillBatch(last.rows, &batch);
  columnar::TenantContext quiet = e->interp_tenant->context;
  quiet.history = nullptr;
  std::string out;
  const std::vector<uint32_t> rows = DifferingRows(rule, v, i);
  for (size_t k = 0; k < rows.size() && k < max_rows; ++k) {
    const uint32_t row = rows[k];
    const bool vm_match = std::binary_search(v.rows[rule].begin(), v.rows[rule].end(), row);
    out += "row " + std::to_string(row) + ": vm " + (vm_match ? "matches" : "does not match") +
           ", interpreter condition = " +
           Tri(e->interp->EvalCondition(e->load.pack->rules[rule], batch, row, quiet)) +
           " (without history)\n" + DescribeRow(last.rows[row]);
  }
  if (rows.size() > max_rows)
    out += "... " + std::to_string(rows.size() - max_rows) + " more rows\n";
  return out;
}

// The VM program of a pack (for the report).
std::string Disassembly(const GenPack& pack) {
  auto e = BuildEngines(pack, pack.Source());
  if (e->load.errors > 0) return "";
  return bytecode::Disassemble(codegen::CompilePack(*e->load.pack), {});
}

}  // namespace

std::string MismatchReport(const GenPack& pack, size_t rule, const std::vector<BatchSpec>& batches,
                           const columnar::MatchSet& vm_out, const columnar::MatchSet& interp_out) {
  const BatchSpec& last = batches.back();
  std::string out = "MISMATCH in rule " + pack.rules[rule].id + " on batch " +
                    std::to_string(batches.size() - 1) + " (" +
                    std::string(schema::Event(last.type).name) + ", " +
                    std::to_string(last.rows.size()) + " rows), tenant time zone " +
                    pack.time_zone + "\n--- pack ---\n" + pack.Source() +
                    "--- differing rows ---\n" + DescribeDifferences(pack, rule, batches, 3);
  (void)vm_out;
  (void)interp_out;
  GenPack one = pack;
  one.rules = {pack.rules[rule]};
  std::vector<BatchSpec> cur = batches;
  if (!Differs(one, 0, cur)) return out + "(the rule alone does not reproduce it)\n";
  // A single differing row, without the earlier batches (unless history needs them).
  {
    auto e = BuildEngines(one, one.Source());
    columnar::MatchSet v, i;
    for (const BatchSpec& b : cur) RunBoth(*e, b, &v, &i);
    for (uint32_t row : DifferingRows(0, v, i)) {
      const std::vector<BatchSpec> single = {{last.type, {last.rows[row]}}};
      if (Differs(one, 0, single)) {
        cur = single;
        break;
      }
    }
  }
  int budget = kShrinkBudget;
  for (bool progress = true; progress && budget > 0;) {
    progress = false;
    for (const GenExpr& c : ShrinkCandidates(one.rules[0].when)) {
      if (--budget < 0) break;
      GenPack candidate = one;
      candidate.rules[0].when = c;
      if (Differs(candidate, 0, cur)) {
        one = std::move(candidate);
        progress = true;
        break;
      }
    }
  }
  return out + "--- minimized reproduction (" + std::to_string(cur.size()) +
         " batch(es), last has " + std::to_string(cur.back().rows.size()) + " rows) ---\n" +
         one.Source() + DescribeDifferences(one, 0, cur, 3) + "--- its VM program ---\n" +
         Disassembly(one);
}

}  // namespace vigil::difftest

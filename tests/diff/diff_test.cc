// diff_test.cc: differential test of the VM against the reference interpreter (tests/diff):
// random well-typed packs and random batches must give identical match sets, rule by rule.
//
// Budget: CI runs a fixed seed and a small budget. A larger run:
//   VIGIL_DIFF_ITERATIONS=20000 VIGIL_DIFF_SEED=7 ./tests/diff/diff_test
// VIGIL_DIFF_ITERATIONS  packs to generate (default 300; each runs 2-5 batches)
// VIGIL_DIFF_SEED        seed of the first pack (default 1); pack i uses seed + i
// VIGIL_DIFF_FAILURES    stop after this many mismatching packs (default 3)
// VIGIL_DIFF_VERBOSE=1   print every pack before running it (to find the pack behind a crash)
// A mismatch prints the pack, the differing rows with their fields and both results, and a
// reproduction minimized to one rule, one row and a shrunk condition.
#include <gtest/gtest.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdlib>
#include <new>

#include "tests/diff/diff_runner.h"
#include "tests/diff/gen_expr.h"

namespace vigil::difftest {
namespace {

uint64_t EnvOr(const char* name, uint64_t fallback) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? std::strtoull(v, nullptr, 10) : fallback;
}

// A VM bug that allocates without bound (a register read with a stale size) must fail this
// test, not exhaust the machine. Sanitizer builds reserve huge address ranges: no limit there.
void LimitMemory() {
#if !defined(__SANITIZE_ADDRESS__)
  const rlimit limit = {8ull << 30, 8ull << 30};
  setrlimit(RLIMIT_AS, &limit);
#endif
}

TEST(DiffTest, VmMatchesInterpreterOnRandomPacks) {
  LimitMemory();
  const uint64_t seed = EnvOr("VIGIL_DIFF_SEED", 1);
  const uint64_t iterations = EnvOr("VIGIL_DIFF_ITERATIONS", 300);
  const uint64_t max_failures = EnvOr("VIGIL_DIFF_FAILURES", 3);
  const auto start = std::chrono::steady_clock::now();
  DiffRunner runner;
  runner.set_verbose(EnvOr("VIGIL_DIFF_VERBOSE", 0) != 0);
  uint64_t failures = 0;
  for (uint64_t i = 0; i < iterations && failures < max_failures; ++i) {
    std::string report;
    bool ok = false;
    try {
      ok = runner.RunPack(seed + i, &report);
    } catch (const std::bad_alloc&) {
      report = "seed " + std::to_string(seed + i) + ": out of memory";
    }
    if (!ok) {
      ADD_FAILURE() << report;
      ++failures;
    }
  }
  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("diff: seeds %llu.., %s; %.1fs\n", static_cast<unsigned long long>(seed),
              runner.stats().Summary().c_str(), secs);
  EXPECT_EQ(runner.stats().discarded, 0u) << "the generator wrote packs the front end rejects";
  EXPECT_GT(runner.stats().matches, 0u);
}

TEST(DiffShrinkTest, CandidatesKeepVariablesInScope) {
  GenExpr body = GenExpr::Cond("(" + Kid(0) + " == \"x\")",
                               {GenExpr::Leaf(schema::ScalarType::kString, "v1.ext", "v1")});
  GenExpr any = GenExpr::Cond("any(v1 in " + Kid(0) + ": " + Kid(1) + ")",
                              {GenExpr::Leaf(schema::ScalarType::kString, "attachments"), body});
  any.binds = "v1";
  GenExpr root =
      GenExpr::Cond("(" + Kid(0) + " and " + Kid(1) + ")", {any, GenExpr::Cond("spam.grey", {})});
  ASSERT_EQ(root.Render(), "(any(v1 in attachments: (v1.ext == \"x\")) and spam.grey)");
  for (const GenExpr& c : ShrinkCandidates(root)) {
    EXPECT_TRUE(c.FreeVars().empty()) << c.Render();
  }
  EXPECT_FALSE(ShrinkCandidates(root).empty());
}

}  // namespace
}  // namespace vigil::difftest

// test_runner.h: runs the embedded tests of rules (`vigil test`): each test's events go in
// order through the real run pipeline (tenant lists from `set`, the rule's opt-in enabled,
// exceptions, suppression, stateful state), once on the VM and once on the reference
// interpreter; the number of alerts of the rule under test must meet the expectation and the
// two engines must agree.
#pragma once

#include <string>
#include <vector>

#include "runtime/rule_set.h"

namespace vigil::runtime {

struct TestOutcome {
  std::string rule_id;
  std::string test;
  std::string location;  // file:line of the test
  bool passed = false;
  std::string message;   // why it failed
  size_t alerts = 0;     // alerts of the rule (VM engine)
};

struct TestReport {
  std::vector<TestOutcome> outcomes;
  size_t passed = 0;
  size_t failed = 0;
  size_t rules = 0;
};

// Runs every test of every rule (or of the rules whose id is in `only`, when not empty).
TestReport RunRuleTests(const RuleSet& rules, const std::vector<std::string>& only);

}  // namespace vigil::runtime

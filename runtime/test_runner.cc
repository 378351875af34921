// test_runner.cc: embedded test execution.
#include "runtime/test_runner.h"

#include <fmt/format.h>

#include <algorithm>

#include "runtime/runner.h"
#include "runtime/test_events.h"
#include "stdlib/lists/declared.h"

namespace vigil::runtime {
namespace {

constexpr int64_t kBaseTs = 1704067200000;  // 2024-01-01T00:00:00Z
constexpr int64_t kStepMs = 1000;

class CountingAlerts : public AlertSink {
 public:
  explicit CountingAlerts(std::string rule) : rule_(std::move(rule)) {}
  void Write(const std::string& line) override {
    const auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_object() && j.value("rule_id", "") == rule_) ++count_;
  }
  size_t count() const { return count_; }

 private:
  std::string rule_;
  size_t count_ = 0;
};

// The tenant a test runs as: lists from `set`, the rule's opt-in enabled.
std::unique_ptr<TenantConfig> TestTenant(const sema::Rule& rule, const ast::TestCase& tc, const sema::Pack& pack) {
  auto config = TenantConfig::Default("test");
  Tenant* t = config->Find("test");
  t->enabled.insert(rule.id);
  for (const ast::TestItem& item : tc.items) {
    if (item.kind != ast::TestItem::Kind::kSet) continue;
    const sema::List* decl = pack.FindList(item.list);
    if (decl == nullptr) continue;
    std::vector<std::string> entries;
    for (const ast::ExprPtr& e : item.entries) entries.push_back(sema::ListEntryText(e->lit));
    std::vector<std::string> errors;
    t->lists[item.list] = stdlib::BuildDeclaredList(sema::ListKindName(decl->kind), entries, "test", &errors);
    t->context.lists[item.list] = t->lists[item.list].get();
  }
  return config;
}

// Runs one test on one engine; returns the number of alerts of the rule.
size_t RunOnce(const RuleSet& rules, const sema::Rule& rule, const ast::TestCase& tc, bool interp) {
  auto tenants = TestTenant(rule, tc, rules.pack());
  CountingAlerts alerts(rule.id);
  RunnerOptions options;
  options.use_interp = interp;
  options.tenant_fallback = "test";
  Runner runner(rules, *tenants, alerts, options);
  int64_t ts = kBaseTs;
  for (const ast::TestItem& item : tc.items) {
    if (item.kind != ast::TestItem::Kind::kEvent) continue;
    schema::EventType type;
    if (!schema::FindEvent(item.event_type, &type)) continue;  // sema reported it
    const int64_t every = item.every_ms > 0 ? item.every_ms : kStepMs;
    for (int64_t k = 0; k < item.repeat; ++k) {
      columnar::Batch batch(type, 1);
      columnar::BatchBuilder builder(&batch);
      AddTestEvent(item, ts, k * every, &builder);
      ts += every;
      runner.OnBatch(batch);
    }
  }
  runner.Finish();
  return alerts.count();
}

std::string Location(const sema::Pack& pack, const ast::TestCase& tc) {
  if (tc.name_span.file >= pack.sources.size()) return "";
  const auto& f = pack.sources.file(tc.name_span.file);
  return fmt::format("{}:{}", f.path(), f.Position(tc.name_span.begin).line);
}

TestOutcome RunTest(const RuleSet& rules, const sema::Rule& rule, const ast::TestCase& tc) {
  TestOutcome o;
  o.rule_id = rule.id;
  o.test = tc.name;
  o.location = Location(rules.pack(), tc);
  int64_t expect = -1;
  for (const ast::TestItem& item : tc.items) {
    if (item.kind == ast::TestItem::Kind::kExpect) expect = item.expect_count;
  }
  const size_t vm = RunOnce(rules, rule, tc, false);
  const size_t ref = RunOnce(rules, rule, tc, true);
  o.alerts = vm;
  if (vm != ref) {
    o.message = fmt::format("the engines disagree: VM {} alert(s), reference interpreter {}", vm, ref);
  } else if (expect == -1 && vm == 0) {
    o.message = "expected a match, got no alert";
  } else if (expect == 0 && vm > 0) {
    o.message = fmt::format("expected no match, got {} alert(s)", vm);
  } else if (expect > 0 && static_cast<int64_t>(vm) != expect) {
    o.message = fmt::format("expected {} alert(s), got {}", expect, vm);
  }
  o.passed = o.message.empty();
  return o;
}

}  // namespace

TestReport RunRuleTests(const RuleSet& rules, const std::vector<std::string>& only) {
  TestReport report;
  for (const sema::Rule& rule : rules.pack().rules) {
    if (!only.empty() && std::find(only.begin(), only.end(), rule.id) == only.end()) continue;
    ++report.rules;
    for (const sema::Test& t : rule.tests) {
      TestOutcome o = RunTest(rules, rule, *t.ast);
      (o.passed ? report.passed : report.failed)++;
      report.outcomes.push_back(std::move(o));
    }
  }
  return report;
}

}  // namespace vigil::runtime

// score.h: compares the alerts of a run over generated logs with ground_truth.json. A planted
// (instance, rule) pair is detected when an alert of that rule names one of the instance's
// records; an alert naming no planted record is a false positive (benign traffic must be
// silent); an opt-in control must stay silent for its rules; alerts of other rules on planted
// records are "extra" (reported, not errors). Rules the pack does not have are "not covered".
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

namespace vigil::gen {

struct RuleScore {
  size_t expected = 0;
  size_t detected = 0;
};

struct DetectionScore {
  size_t expected = 0;   // (instance, rule) pairs whose rule is in the pack
  size_t detected = 0;   // of those, fired on the instance's records
  size_t scenarios = 0;  // instances in the ground truth
  size_t alerts = 0;
  std::vector<std::string> misses;              // "scenario #id (tenant): rule"
  std::vector<std::string> false_positives;     // "rule: title (file:offset)"
  std::vector<std::string> control_violations;  // opt-in rule fired where not enabled
  std::vector<std::string> extras;              // "scenario: rule" (deduplicated)
  std::set<std::string> not_covered;            // scenario rules the pack does not have
  std::set<std::string> unplanted;              // pack rules no scenario plants
  std::map<std::string, RuleScore> by_rule;

  double rate() const {
    return expected == 0 ? 1.0 : static_cast<double>(detected) / static_cast<double>(expected);
  }
  bool ok() const {
    return misses.empty() && false_positives.empty() && control_violations.empty();
  }
  // A human-readable report: totals, per-rule table, misses, false positives, extras, gaps.
  std::string Report() const;
};

// `ground_truth`: ground_truth.json text; `alerts`: the alerts JSONL text of a run over the
// logs of `dir` (the directory ground_truth.json lives in, spelt as given to `vigil run`);
// `pack_rules`: the rule ids of the pack that ran. Malformed input yields a score whose
// `misses` say so.
DetectionScore ScoreAlerts(const std::string& ground_truth, const std::string& alerts,
                           const std::string& dir, const std::set<std::string>& pack_rules);

}  // namespace vigil::gen

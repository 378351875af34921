// score.cc: matching alerts to planted records.
#include "gen/score.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <sstream>

namespace vigil::gen {
namespace {

using Json = nlohmann::json;
using Key = std::pair<std::string, uint64_t>;  // file relative to the output dir, offset

struct Instance {
  int id = 0;
  std::string name, tenant;
  bool expect_alert = true;
  std::set<std::string> rules, may_also;
  std::set<std::string> fired;
};

std::string Relative(const std::string& file, const std::string& dir) {
  std::string prefix = dir;
  while (prefix.size() > 1 && prefix.back() == '/') prefix.pop_back();
  prefix += "/";
  return file.starts_with(prefix) ? file.substr(prefix.size()) : file;
}

std::vector<Instance> ReadTruth(const Json& gt, std::map<Key, size_t>* records) {
  std::vector<Instance> out;
  for (const Json& s : gt.value("scenarios", Json::array())) {
    Instance in;
    in.id = s.value("id", 0);
    in.name = s.value("name", "");
    in.tenant = s.value("tenant", "");
    in.expect_alert = s.value("expect_alert", true);
    for (const Json& r : s.value("rules", Json::array())) in.rules.insert(r.get<std::string>());
    for (const Json& r : s.value("may_also", Json::array()))
      in.may_also.insert(r.get<std::string>());
    for (const Json& r : s.value("records", Json::array())) {
      (*records)[{r.value("file", ""), r.value("offset", uint64_t{0})}] = out.size();
    }
    out.push_back(std::move(in));
  }
  return out;
}

// Marks the instances an alert names; returns false when it names none.
bool Attribute(const Json& alert, const std::string& dir, const std::map<Key, size_t>& records,
               std::vector<Instance>* instances) {
  bool any = false;
  for (const Json& e : alert.value("events", Json::array())) {
    const Key k{Relative(e.value("file", ""), dir), e.value("offset", uint64_t{0})};
    const auto it = records.find(k);
    if (it == records.end()) continue;
    (*instances)[it->second].fired.insert(alert.value("rule_id", ""));
    any = true;
  }
  return any;
}

std::string FirstEvent(const Json& alert) {
  const Json events = alert.value("events", Json::array());
  if (events.empty()) return "";
  return fmt::format("{}:{}", events[0].value("file", ""), events[0].value("offset", uint64_t{0}));
}

void Judge(const std::vector<Instance>& instances, const std::set<std::string>& pack,
           DetectionScore* s) {
  std::set<std::string> extras;
  std::set<std::string> planted;
  for (const Instance& in : instances) {
    const std::string who = fmt::format("{} #{} ({})", in.name, in.id, in.tenant);
    for (const std::string& r : in.rules) {
      planted.insert(r);
      if (!pack.count(r)) {
        s->not_covered.insert(r);
        continue;
      }
      if (!in.expect_alert) {
        if (in.fired.count(r)) s->control_violations.push_back(who + ": " + r);
        continue;
      }
      ++s->expected;
      ++s->by_rule[r].expected;
      if (in.fired.count(r)) {
        ++s->detected;
        ++s->by_rule[r].detected;
      } else {
        s->misses.push_back(who + ": " + r);
      }
    }
    for (const std::string& r : in.fired) {
      if (!in.rules.count(r) && !in.may_also.count(r)) extras.insert(in.name + ": " + r);
    }
  }
  s->extras.assign(extras.begin(), extras.end());
  for (const std::string& r : pack) {
    if (!planted.count(r)) s->unplanted.insert(r);
  }
}

}  // namespace

DetectionScore ScoreAlerts(const std::string& ground_truth, const std::string& alerts,
                           const std::string& dir, const std::set<std::string>& pack_rules) {
  DetectionScore score;
  const Json gt = Json::parse(ground_truth, nullptr, false);
  if (gt.is_discarded() || !gt.is_object()) {
    score.misses.push_back("ground_truth.json is not a JSON object");
    return score;
  }
  std::map<Key, size_t> records;
  std::vector<Instance> instances = ReadTruth(gt, &records);
  score.scenarios = instances.size();
  std::istringstream lines(alerts);
  for (std::string line; std::getline(lines, line);) {
    if (line.empty()) continue;
    const Json a = Json::parse(line, nullptr, false);
    if (a.is_discarded()) {
      score.misses.push_back("an alert line is not JSON");
      continue;
    }
    ++score.alerts;
    if (!Attribute(a, dir, records, &instances)) {
      score.false_positives.push_back(
          fmt::format("{}: {} ({})", a.value("rule_id", ""), a.value("title", ""), FirstEvent(a)));
    }
  }
  Judge(instances, pack_rules, &score);
  return score;
}

std::string DetectionScore::Report() const {
  std::string out = fmt::format(
      "detection: {}/{} planted (scenario, rule) pairs detected ({:.1f}%), {} false positives, "
      "{} opt-in control violations; {} scenarios, {} alerts\n",
      detected, expected, 100.0 * rate(), false_positives.size(), control_violations.size(),
      scenarios, alerts);
  for (const auto& [rule, r] : by_rule) {
    out += fmt::format("  {:3}/{:<3} {}\n", r.detected, r.expected, rule);
  }
  for (const std::string& m : misses) out += "  MISS " + m + "\n";
  for (const std::string& f : false_positives) out += "  FALSE POSITIVE " + f + "\n";
  for (const std::string& c : control_violations) out += "  CONTROL FIRED " + c + "\n";
  for (const std::string& e : extras) out += "  extra (also fired on planted records) " + e + "\n";
  for (const std::string& n : not_covered)
    out += "  not covered (rule not in the pack) " + n + "\n";
  for (const std::string& u : unplanted) out += "  no planted scenario for " + u + "\n";
  return out;
}

}  // namespace vigil::gen

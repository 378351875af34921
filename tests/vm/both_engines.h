// both_engines.h: runs one condition on the VM and on the reference interpreter over a
// hand-built batch, for tests that pin the VM to the interpreter's results.
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "interp/interpreter.h"
#include "tests/vm/vm_test_util.h"
#include "vm/columnar/batch_builder.h"

namespace vigil::testing {

using columnar::BatchBuilder;
using schema::FieldId;
using V = std::vector<uint32_t>;
using Fill = std::function<void(BatchBuilder&)>;

inline constexpr int64_t kTenAm = 1714557600000;  // 2024-05-01T10:00:00Z

// Remembers keys per site; records the sites it was asked about and every call's key, in order.
class History : public columnar::HistoryProvider {
 public:
  bool FirstSeen(uint32_t site, const std::string& keys, int64_t, int64_t) override {
    sites.insert(site);
    calls.push_back(keys);
    return seen_.insert({site, keys}).second;
  }
  int64_t Prevalence(uint32_t site, const std::string& keys, int64_t, int64_t) override {
    sites.insert(site);
    calls.push_back(keys);
    return count_[{site, keys}]++;
  }
  std::set<uint32_t> sites;
  std::vector<std::string> calls;

 private:
  std::set<std::pair<uint32_t, std::string>> seen_;
  std::map<std::pair<uint32_t, std::string>, int64_t> count_;
};

struct Results {
  V vm, interp;
  std::set<uint32_t> vm_sites, interp_sites;
  std::vector<std::string> vm_keys, interp_keys;  // history keys asked for, in order
};

// Compiles `condition` on `event`, fills one batch with `rows` and runs both engines (each with
// its own history) under `tenant`.
inline Results RunBoth(const std::string& event, const std::string& condition,
                       const std::vector<Fill>& rows, const std::string& decls = "",
                       columnar::TenantContext tenant = {}) {
  Results out;
  auto c = CompileCondition(event, condition, decls);
  if (c == nullptr) return out;
  schema::EventType type;
  EXPECT_TRUE(schema::FindEvent(event, &type));
  columnar::Batch batch(type, rows.size() + 1);
  BatchBuilder w(&batch);
  for (const Fill& f : rows) {
    w.BeginRow({});
    if (f) f(w);
  }
  History vm_history, interp_history;
  tenant.history = &vm_history;
  out.vm = Matches(*c, batch, tenant);
  interp::Interpreter in(*c->load.pack);
  columnar::MatchSet m;
  tenant.history = &interp_history;
  in.Evaluate(batch, tenant, &m);
  out.interp = m.rows[0];
  out.vm_sites = vm_history.sites;
  out.interp_sites = interp_history.sites;
  out.vm_keys = vm_history.calls;
  out.interp_keys = interp_history.calls;
  return out;
}

inline void ExpectBoth(const Results& r, const V& want) {
  EXPECT_EQ(r.interp, want) << "interpreter";
  EXPECT_EQ(r.vm, want) << "vm";
}

inline Fill Ts(int64_t ms) {
  return [=](BatchBuilder& w) { w.SetTimestamp(FieldId::kTs, ms); };
}
inline Fill Score(int64_t v) {
  return [=](BatchBuilder& w) { w.SetInt(FieldId::kSpamScore, v); };
}
inline Fill Str(FieldId f, std::string v) {
  return [=](BatchBuilder& w) { w.SetString(f, v); };
}
inline Fill Both(Fill a, Fill b) {
  return [=](BatchBuilder& w) {
    a(w);
    b(w);
  };
}

}  // namespace vigil::testing

// guards.h: what can stop a match from becoming an alert: structured exceptions (the rule's
// own values plus those its tenant appended) and suppression windows (`suppress by keys for d`,
// per tenant, in event time). Suppression state is bounded: the oldest keys are evicted first.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <unordered_map>
#include <vector>

#include "compiler/sema/pack.h"
#include "runtime/tenants.h"
#include "schema/datum.h"

namespace vigil::runtime {

// True when exception `x` (values: the rule's and `extra`) excludes an event whose exception
// fields have `values` (one per field, in order).
bool ExceptionMatches(const sema::Exception& x, const std::vector<std::vector<std::string>>& extra,
                      const std::vector<schema::Datum>& values);

class Suppressor {
 public:
  explicit Suppressor(size_t max_keys = 1u << 20) : max_keys_(max_keys) {}
  // True when an alert of `rule` for `tenant` with these key values at `ts` lies less than the
  // suppression period before or after the latest alert kept for the key (event time; inputs
  // arrive out of order); otherwise records this one and returns false.
  bool Suppress(const sema::Rule& rule, const std::string& tenant, const std::string& key,
                int64_t ts);
  uint64_t evicted() const { return evicted_; }
  void Save(std::string* out) const;
  bool Load(std::string_view in);

 private:
  size_t max_keys_;
  std::unordered_map<std::string, int64_t> last_;
  std::deque<std::string> order_;
  uint64_t evicted_ = 0;
};

// The text of key values, as suppression and stateful keys use them.
std::string KeyText(const std::vector<schema::Datum>& values);

}  // namespace vigil::runtime

// fake_history.h: a deterministic in-memory HistoryProvider for the differential test. The VM
// and the reference interpreter each get their own instance, fed the same batches in the same
// order, so equal call-site numbering and equal keys give equal answers. Answers depend on the
// site number on purpose (prevalence adds it, first_seen flips on every third site), so a VM
// that numbers sites differently from the interpreter is caught. Part of tests/diff.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "vm/columnar/tenant_context.h"

namespace vigil::difftest {

class FakeHistory : public columnar::HistoryProvider {
 public:
  bool FirstSeen(uint32_t site, const std::string& keys, int64_t ts_ms, int64_t over_ms) override {
    const bool first = Seen(site, keys, ts_ms, over_ms) == 0;
    return first != (site % 3 == 2);
  }
  int64_t Prevalence(uint32_t site, const std::string& keys, int64_t ts_ms,
                     int64_t over_ms) override {
    return Seen(site, keys, ts_ms, over_ms) + site;
  }

 private:
  // How many recorded events of (site, keys) fall in (ts - over, ts]; then records ts.
  int64_t Seen(uint32_t site, const std::string& keys, int64_t ts_ms, int64_t over_ms) {
    std::vector<int64_t>& times = seen_[{site, keys}];
    int64_t n = 0;
    for (int64_t t : times) n += (t <= ts_ms && ts_ms - t < over_ms) ? 1 : 0;
    times.push_back(ts_ms);
    return n;
  }

  std::map<std::pair<uint32_t, std::string>, std::vector<int64_t>> seen_;
};

}  // namespace vigil::difftest

// check.cc: the failure path of VIGIL_CHECK.
#include "base/check.h"

#include <cstdio>
#include <cstdlib>

namespace vigil::base {

void CheckFailed(const char* file, int line, const char* cond, std::string_view msg) {
  std::fprintf(stderr, "vigil internal error at %s:%d: check failed: %s", file, line, cond);
  if (!msg.empty()) {
    std::fprintf(stderr, " (%.*s)", static_cast<int>(msg.size()), msg.data());
  }
  std::fprintf(stderr, "\n");
  std::abort();
}

}  // namespace vigil::base

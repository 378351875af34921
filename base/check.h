// check.h: always-on internal invariant checks for all of vigil.
// A failed VIGIL_CHECK is a bug in vigil, never a user error: it names file and line and aborts.
#pragma once

#include <string_view>

namespace vigil::base {

// Prints "vigil internal error at FILE:LINE: COND (MSG)" to stderr and aborts. Never returns.
[[noreturn]] void CheckFailed(const char* file, int line, const char* cond, std::string_view msg);

}  // namespace vigil::base

#define VIGIL_CHECK(cond)                                               \
  do {                                                                  \
    if (!(cond)) [[unlikely]] {                                         \
      ::vigil::base::CheckFailed(__FILE__, __LINE__, #cond, {});        \
    }                                                                   \
  } while (0)

#define VIGIL_CHECK_MSG(cond, msg)                                      \
  do {                                                                  \
    if (!(cond)) [[unlikely]] {                                         \
      ::vigil::base::CheckFailed(__FILE__, __LINE__, #cond, (msg));     \
    }                                                                   \
  } while (0)

#define VIGIL_UNREACHABLE() ::vigil::base::CheckFailed(__FILE__, __LINE__, "unreachable", {})

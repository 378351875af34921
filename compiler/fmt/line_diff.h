// line_diff.h: line diffs for `vigil fmt --diff`: a unified diff (as `diff -u` prints it) of a
// file against its formatted text, from a Myers shortest edit script.
#pragma once

#include <string>
#include <string_view>

namespace vigil::format {

// The unified diff turning `before` into `after` with 3 lines of context, headed
// "--- <before_name>" / "+++ <after_name>"; empty when the texts are equal. Very different
// texts (more than a few thousand changed lines) may diff as one large replacement.
std::string UnifiedDiff(std::string_view before, std::string_view after,
                        const std::string& before_name, const std::string& after_name);

}  // namespace vigil::format

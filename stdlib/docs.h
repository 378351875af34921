// docs.h: renders docs/stdlib.md from the function registry (signatures, descriptions,
// examples and the built-in tables), so the reference can never drift from the code.
// `vigil functions --format markdown` prints it; tests/stdlib/docs_test.cc compares it with
// the committed file.
#pragma once

#include <string>

#include "stdlib/registry.h"

namespace vigil::stdlib {

// The whole of docs/stdlib.md.
std::string RenderStdlibDocs(const Registry& registry);

// One overload as `vigil functions` prints it: "name(a: type, ...) -> type  description".
std::string FunctionLine(const FunctionDef& def);

}  // namespace vigil::stdlib

// fusion.h: pattern fusion: every string pattern the pack applies to one value (a field, a
// member, a computed string) becomes one output of a single fused scan (stdlib PatternSet:
// one Vectorscan database plus one RE2::Set), so a value is scanned once however many rules
// and patterns read it.
#pragma once

#include "compiler/ir/ir.h"

namespace vigil::opt {

// Rewrites `g` in place. Returns the number of patterns fused.
size_t FusePatterns(ir::Module& m, ir::Graph& g);

}  // namespace vigil::opt

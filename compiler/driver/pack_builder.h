// pack_builder.h: compiles a checked pack into the pack file `vigil compile` writes and
// `vigil run` loads: executable, rule metadata and the rule sources (which the runtime reads
// for per-alert expressions: evidence, keys, templates).
#pragma once

#include "compiler/codegen/compile.h"
#include "compiler/sema/pack.h"
#include "vm/bytecode/serializer.h"

namespace vigil::compiler {

bytecode::PackFile BuildPackFile(const sema::Pack& pack, codegen::CompileStats* stats = nullptr);

}  // namespace vigil::compiler

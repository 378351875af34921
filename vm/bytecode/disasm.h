// disasm.h: the readable form of an executable (`vigil disasm`): per event type the rules it
// evaluates, its registers by kind, and its instructions with operands decoded (fields by name,
// constants by value, pattern sets by their patterns, call sites by signature), marking the
// instructions that run under a selection.
#pragma once

#include <string>

#include "vm/bytecode/program.h"

namespace vigil::bytecode {

// `rule_names[i]` names rule i (may be empty: rules print as #i).
std::string Disassemble(const Executable& exe, const std::vector<std::string>& rule_names);

}  // namespace vigil::bytecode

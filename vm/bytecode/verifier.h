// verifier.h: checks an Executable before the VM may run it. A pack read from disk can be
// corrupted or hostile; the VM's kernels trust what the verifier establishes: every opcode,
// sub-operation, register, constant, set, pattern set, call site, list slot and match slot
// index is in range; every register has the kind and type its instruction needs; registers are
// written before they are read; operands live in the domains the op requires; members are read
// through domains over their own records field; call sites name functions of this engine with
// matching argument types. Also enforces size limits so verification and loading stay bounded.
#pragma once

#include <string>

#include "vm/bytecode/program.h"

namespace vigil::bytecode {

// "" when `exe` is safe to run, else the first problem found ("program 2 instruction 17: ...").
std::string Verify(const Executable& exe);

}  // namespace vigil::bytecode

// program.cc: the opcode information table generated from opcodes.def.
#include "vm/bytecode/program.h"

namespace vigil::bytecode {
namespace {

#define _ '_'
#define B 'B'
#define V 'V'
#define A 'A'
#define X 'X'
#define D 'D'
#define F 'F'
#define M 'M'
#define K 'K'
#define T 'T'
#define P 'P'
#define L 'L'
#define C 'C'
#define H 'H'
#define R 'R'
#define N 'N'
constexpr OpInfo kOps[] = {
#define VIGIL_OP(name, mnemonic, dst, a, b, sel, extra, doc) {mnemonic, {dst, a, b, sel, extra}, doc},
#include "vm/bytecode/opcodes.def"
#undef VIGIL_OP
};
#undef _
#undef B
#undef V
#undef A
#undef X
#undef D
#undef F
#undef M
#undef K
#undef T
#undef P
#undef L
#undef C
#undef H
#undef R
#undef N
static_assert(sizeof(kOps) / sizeof(kOps[0]) == kOpcodeCount);

}  // namespace

const OpInfo& InfoOf(Opcode op) { return kOps[static_cast<size_t>(op)]; }

}  // namespace vigil::bytecode

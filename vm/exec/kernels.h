// kernels.h: one function per opcode. Each runs one
// instruction over every element of its destination's domain. Contracts are the rows of
// vm/bytecode/opcodes.def.
#pragma once

#include <vector>

#include "vm/bytecode/program.h"
#include "vm/exec/exec_state.h"

namespace vigil::vm::kernels {

using bytecode::Instr;

void Field(ExecState& s, const Instr& in);
void Member(ExecState& s, const Instr& in);
void Elem(ExecState& s, const Instr& in);
void Splat(ExecState& s, const Instr& in);
void ToBool(ExecState& s, const Instr& in);
void IsNull(ExecState& s, const Instr& in);
void CmpK(ExecState& s, const Instr& in);
void Cmp(ExecState& s, const Instr& in);
void Str(ExecState& s, const Instr& in);
void Scan(ExecState& s, const Instr& in);
void InSet(ExecState& s, const Instr& in);
void InList(ExecState& s, const Instr& in);
void InArray(ExecState& s, const Instr& in);
void And(ExecState& s, const Instr& in);
void Or(ExecState& s, const Instr& in);
void Not(ExecState& s, const Instr& in);
void Const(ExecState& s, const Instr& in);
void Arith(ExecState& s, const Instr& in);
void ArithK(ExecState& s, const Instr& in);
void Neg(ExecState& s, const Instr& in);
void Call(ExecState& s, const Instr& in);
void Domain(ExecState& s, const Instr& in);
void Bcast(ExecState& s, const Instr& in);
void Reduce(ExecState& s, const Instr& in);
void Count(ExecState& s, const Instr& in);
void Index(ExecState& s, const Instr& in);
void IndexK(ExecState& s, const Instr& in);
void History(ExecState& s, const Instr& in);
void InSets(ExecState& s, const Instr& in);
// A fresh owned result column of `type` with n null elements, bound to dst; with `dict`, a
// string type is dictionary-encoded (values interned as given, without case folding).
columnar::Column& ResultColumn(ValueReg& dst, schema::ScalarType type, size_t n, bool dict = false);
// For each element of `domain` (n of them), its batch row; empty for the rows domain.
std::vector<uint32_t> RowsOf(ExecState& s, uint32_t domain, size_t n);

// No-ops: the interpreter loop records Emit's matches and Out's outputs itself.
void Emit(ExecState& s, const Instr& in);
void Out(ExecState& s, const Instr& in);

}  // namespace vigil::vm::kernels

// scalar_ops.h: the language's scalar semantics (docs/language.md §4) for the reference
// interpreter: Kleene logic, equality and ordering (ASCII case folding when either side is an
// email or domain), and arithmetic where integer overflow and division by zero give null.
// The VM's kernels must agree with these functions exactly.
#pragma once

#include <optional>

#include "compiler/ast/ast.h"
#include "schema/datum.h"

namespace vigil::interp {

// A three-valued boolean: nullopt is null.
using Tri = std::optional<bool>;

// Kleene logic: false and x = false, true or x = true, otherwise a null operand gives null.
Tri And(Tri a, Tri b);
Tri Or(Tri a, Tri b);
Tri Not(Tri a);

// True when values of static type `t` (scalar, array or list element) compare ignoring ASCII
// case: email and domain.
bool Caseless(const ast::Type& t);

// a <op> b for a comparison op (== != < <= > >=) on values of comparable types; null when
// either is null. Strings compare bytewise (unsigned), folding ASCII case when `caseless`;
// int with int exactly, int with float as doubles (IEEE: NaN is unequal to everything and
// unordered); timestamps and durations as integers; ips by address; cidrs by address and
// prefix; bools as 0 < 1.
Tri Compare(ast::BinaryOp op, const schema::Datum& a, const schema::Datum& b, bool caseless);

// Equality of two non-null values (Compare(kEq) without nulls).
bool Equal(const schema::Datum& a, const schema::Datum& b, bool caseless);

// a <op> b for + - * / % giving a value of type `result` (the node's static type). Null when
// either operand is null, on int64 overflow (also INT64_MIN / -1), and on division or modulo
// by zero (int or float). Ints divide truncating toward zero; % takes the dividend's sign
// (INT64_MIN % -1 is 0); float % is fmod. Other float results follow IEEE (inf, NaN).
schema::Datum Arith(ast::BinaryOp op, const schema::Datum& a, const schema::Datum& b,
                    schema::ScalarType result);

// -a: null for null and for INT64_MIN (int or duration).
schema::Datum Negate(const schema::Datum& a);

}  // namespace vigil::interp

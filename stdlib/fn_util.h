// fn_util.h: helpers shared by the stdlib families for writing FunctionDef rows and their
// scalar eval routines (type shorthands, argument access, arena-backed results).
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "base/check.h"
#include "stdlib/registry.h"

namespace vigil::stdlib {

// Type shorthands for table rows.
inline constexpr TypeSpec kBoolT{TypeSpec::Kind::kScalar, ScalarType::kBool};
inline constexpr TypeSpec kIntT{TypeSpec::Kind::kScalar, ScalarType::kInt};
inline constexpr TypeSpec kFloatT{TypeSpec::Kind::kScalar, ScalarType::kFloat};
inline constexpr TypeSpec kStringT{TypeSpec::Kind::kScalar, ScalarType::kString};
inline constexpr TypeSpec kEmailT{TypeSpec::Kind::kScalar, ScalarType::kEmail};
inline constexpr TypeSpec kDomainT{TypeSpec::Kind::kScalar, ScalarType::kDomain};
inline constexpr TypeSpec kIpT{TypeSpec::Kind::kScalar, ScalarType::kIp};
inline constexpr TypeSpec kCidrT{TypeSpec::Kind::kScalar, ScalarType::kCidr};
inline constexpr TypeSpec kTimestampT{TypeSpec::Kind::kScalar, ScalarType::kTimestamp};
inline constexpr TypeSpec kDurationT{TypeSpec::Kind::kScalar, ScalarType::kDuration};
inline constexpr TypeSpec kStringArrayT{TypeSpec::Kind::kArray, ScalarType::kString};
inline constexpr TypeSpec kStringListT{TypeSpec::Kind::kList, ScalarType::kString};
inline constexpr TypeSpec kDomainListT{TypeSpec::Kind::kList, ScalarType::kDomain};
inline constexpr TypeSpec kCidrListT{TypeSpec::Kind::kList, ScalarType::kCidr};

// Bit for FunctionDef::const_params.
constexpr uint32_t ConstParam(int index) { return 1u << index; }

// Result setters. Strings must outlive the batch: a view of an input, a constant, or bytes
// copied into ctx.arena.
inline void SetNull(Datum* out, ScalarType t) { *out = Datum::Null(t); }
inline void SetBool(Datum* out, bool v) { *out = Datum::Bool(v); }
inline void SetInt(Datum* out, int64_t v) { *out = Datum::Int(v); }
inline void SetFloat(Datum* out, double v) { *out = Datum::Float(v); }
inline void SetString(Datum* out, std::string_view v, ScalarType t = ScalarType::kString) {
  *out = Datum::String(v, t);
}

// Copies s into the call's arena (ctx.arena must be set).
std::string_view ArenaCopy(EvalContext& ctx, std::string_view s);
// ASCII-lower-cased copy of s in the arena (a view of s when it has no upper-case letter).
std::string_view ArenaLower(EvalContext& ctx, std::string_view s);
// n default-initialized Datums in the arena, suitably aligned.
std::span<Datum> ArenaDatums(EvalContext& ctx, size_t n);

// The state a prepare function built, downcast to its concrete type.
template <typename T>
const T& StateAs(const FnState* state) {
  VIGIL_CHECK(state != nullptr);
  return static_cast<const T&>(*state);
}

}  // namespace vigil::stdlib

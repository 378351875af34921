// types.h: the value types of vigil's normalized events and of the language's scalars.
// Shared by every stage (compiler, VM, ingest, stdlib); no dependencies.
#pragma once

#include <cstdint>
#include <string_view>

namespace vigil::schema {

// Scalar value types. Order is part of the compiled-pack format: append only.
enum class ScalarType : uint8_t {
  kBool,
  kInt,        // int64
  kFloat,      // double
  kString,     // UTF-8 bytes, case-sensitive comparisons
  kEmail,      // address, stored lower-case, case-insensitive
  kDomain,     // host name, stored lower-case, case-insensitive
  kIp,         // IPv4 or IPv6 address
  kCidr,       // IPv4 or IPv6 network
  kTimestamp,  // milliseconds since the Unix epoch, UTC
  kDuration,   // milliseconds
};
inline constexpr int kScalarTypeCount = 10;

// Name of a scalar type as written in the language ("string", "email", ...).
std::string_view ScalarTypeName(ScalarType t);
// Parses a scalar type name; returns false when `name` is not one.
bool ParseScalarType(std::string_view name, ScalarType* out);

// True for the string-like types that share the string representation.
constexpr bool IsStringLike(ScalarType t) {
  return t == ScalarType::kString || t == ScalarType::kEmail || t == ScalarType::kDomain;
}
// True for types compared case-insensitively (stored lower-case).
constexpr bool IsCaseInsensitive(ScalarType t) {
  return t == ScalarType::kEmail || t == ScalarType::kDomain;
}
constexpr bool IsNumeric(ScalarType t) { return t == ScalarType::kInt || t == ScalarType::kFloat; }

// How a field's values are laid out per event.
enum class Shape : uint8_t {
  kScalar,   // one value (or null)
  kArray,    // array of scalars
  kRecords,  // array of records; its members are fields with Shape::kMember
  kMember,   // one field of each record of a kRecords parent
};

}  // namespace vigil::schema

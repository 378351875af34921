// types.cc: names of the scalar types.
#include "schema/types.h"

#include <array>

namespace vigil::schema {
namespace {
constexpr std::array<std::string_view, kScalarTypeCount> kNames = {
    "bool", "int", "float", "string", "email", "domain", "ip", "cidr", "timestamp", "duration"};
}  // namespace

std::string_view ScalarTypeName(ScalarType t) { return kNames[static_cast<size_t>(t)]; }

bool ParseScalarType(std::string_view name, ScalarType* out) {
  for (size_t i = 0; i < kNames.size(); ++i) {
    if (kNames[i] == name) {
      *out = static_cast<ScalarType>(i);
      return true;
    }
  }
  return false;
}

}  // namespace vigil::schema

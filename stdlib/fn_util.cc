// fn_util.cc: arena-backed result helpers for stdlib eval routines.
#include "stdlib/fn_util.h"

#include <cstring>
#include <memory>
#include <type_traits>

namespace vigil::stdlib {

static_assert(std::is_trivially_destructible_v<Datum> && std::is_trivially_copyable_v<Datum>,
              "Datums are placed in arenas without destructors");

std::string_view ArenaCopy(EvalContext& ctx, std::string_view s) {
  VIGIL_CHECK(ctx.arena != nullptr);
  return ctx.arena->Copy(s);
}

std::string_view ArenaLower(EvalContext& ctx, std::string_view s) {
  for (char c : s) {
    if (c >= 'A' && c <= 'Z') {
      VIGIL_CHECK(ctx.arena != nullptr);
      return ctx.arena->CopyLower(s);
    }
  }
  return s;
}

std::span<Datum> ArenaDatums(EvalContext& ctx, size_t n) {
  VIGIL_CHECK(ctx.arena != nullptr);
  if (n == 0) return {};
  const size_t bytes = n * sizeof(Datum) + alignof(Datum);
  void* raw = ctx.arena->Allocate(bytes);
  size_t space = bytes;
  void* aligned = std::align(alignof(Datum), n * sizeof(Datum), raw, space);
  VIGIL_CHECK(aligned != nullptr);
  auto* first = static_cast<Datum*>(aligned);
  for (size_t i = 0; i < n; ++i) new (first + i) Datum();
  return {first, n};
}

}  // namespace vigil::stdlib

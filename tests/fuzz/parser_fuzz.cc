// parser_fuzz.cc: libFuzzer target for the rule-language front end: LoadSource (lexer, parser,
// sema) on any bytes; when the input parses cleanly, `vigil fmt` on it too. Crashes, sanitizer
// reports, timeouts (hangs) and a formatter that fails its own verification (the output does
// not parse, means something else, loses a comment or is not a fixed point) are findings.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "compiler/driver/driver.h"
#include "compiler/fmt/formatter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const vigil::compiler::LoadResult loaded =
      vigil::compiler::LoadSource("fuzz.vgl", text, vigil::compiler::LoadOptions{});
  if (loaded.errors != 0 && loaded.diagnostics.empty()) std::abort();  // errors must be reported
  const vigil::format::FormatResult formatted = vigil::format::FormatSource("fuzz.vgl", text);
  if (!formatted.internal_error.empty()) {
    std::fprintf(stderr, "vigil fmt failed its verification: %s\n",
                 formatted.internal_error.c_str());
    std::abort();
  }
  return 0;
}

# CompilerFlags.cmake: warning and sanitizer switches as INTERFACE targets, not global flags.
# vigil_warnings applies to our own code only; generated ANTLR code links vigil_relaxed.
add_library(vigil_warnings INTERFACE)
target_compile_options(vigil_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Wunused
  -Woverloaded-virtual -Wnull-dereference -Wimplicit-fallthrough -Wno-missing-field-initializers)
# GCC 12 reports false -Wrestrict / -Wstringop-overflow positives inside libstdc++'s
# std::string at -O2 and above (GCC bugs 105329, 105651).
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  target_compile_options(vigil_warnings INTERFACE -Wno-restrict -Wno-stringop-overflow)
endif()
if(VIGIL_WERROR)
  target_compile_options(vigil_warnings INTERFACE -Werror)
endif()

add_library(vigil_relaxed INTERFACE)
target_compile_options(vigil_relaxed INTERFACE -w)

if(VIGIL_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()

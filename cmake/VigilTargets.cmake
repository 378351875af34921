# VigilTargets.cmake: helpers that give every vigil library and test the same settings.

# vigil_library(NAME SOURCES... [DEPS ...]): a static library of our own code, rooted at the
# repository so includes read "vm/columnar/batch.h".
function(vigil_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_library(${name} STATIC ${ARG_SOURCES})
  target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR} ${PROJECT_BINARY_DIR})
  target_link_libraries(${name} PUBLIC ${ARG_DEPS} PRIVATE vigil_warnings)
endfunction()

# vigil_test(NAME SOURCES... DEPS ...): one GoogleTest binary registered with CTest.
function(vigil_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gtest GTest::gtest_main vigil_warnings)
  target_compile_definitions(${name} PRIVATE
    VIGIL_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    VIGIL_SAMPLES_DIR="${PROJECT_SOURCE_DIR}/../shared/data/mimecast")
  include(GoogleTest)
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60 PROPERTIES TIMEOUT 300)
endfunction()

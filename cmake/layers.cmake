# The standard and third-party headers nearly every file includes, parsed once per target
# instead of once per file (nlohmann/json alone is ~2.5 s of each compile on these machines).
set(MDSC_PCH_HEADERS <cstdint> <functional> <map> <memory> <optional> <string> <string_view> <vector>
    <nlohmann/json.hpp> <spdlog/spdlog.h>)
function(mdsc_precompile target)
  target_precompile_headers(${target} PRIVATE ${MDSC_PCH_HEADERS})
endfunction()

# mdsc_layer(name DIRS d... [GLOB_RECURSE] [EXCLUDE f...] [EXTRA_SOURCES s...] LIBS l... [TEST_LIBS l...])
# Makes the static library mdsc_<name> from the layer's sources and, when the layer has
# x_test.cpp files beside its code, the test program mdsc_<name>_tests.
function(mdsc_layer name)
  cmake_parse_arguments(L "GLOB_RECURSE" "" "DIRS;EXCLUDE;EXTRA_SOURCES;LIBS;TEST_LIBS" ${ARGN})
  set(all "")
  foreach(d ${L_DIRS})
    if(L_GLOB_RECURSE)
      file(GLOB_RECURSE found CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/${d}/*.cpp)
    else()
      file(GLOB found CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/${d}/*.cpp)
    endif()
    list(APPEND all ${found})
  endforeach()
  foreach(x ${L_EXCLUDE})
    list(REMOVE_ITEM all ${CMAKE_SOURCE_DIR}/${x})
  endforeach()
  set(srcs ${all})
  list(FILTER srcs EXCLUDE REGEX "_test\\.cpp$")
  set(tests ${all})
  list(FILTER tests INCLUDE REGEX "_test\\.cpp$")

  add_library(mdsc_${name} STATIC ${srcs} ${L_EXTRA_SOURCES})
  target_include_directories(mdsc_${name} PUBLIC ${CMAKE_SOURCE_DIR}/src)
  target_compile_options(mdsc_${name} PRIVATE ${MDSC_WARNINGS})
  target_link_libraries(mdsc_${name} PUBLIC ${L_LIBS})
  mdsc_precompile(mdsc_${name})

  if(tests)
    add_executable(mdsc_${name}_tests ${tests})
    target_include_directories(mdsc_${name}_tests PRIVATE ${CMAKE_SOURCE_DIR}/tests)
    target_compile_options(mdsc_${name}_tests PRIVATE ${MDSC_WARNINGS})
    target_link_libraries(mdsc_${name}_tests PRIVATE mdsc_${name} ${L_TEST_LIBS}
      GTest::gtest GTest::gmock GTest::gtest_main)
    mdsc_precompile(mdsc_${name}_tests)
  endif()
endfunction()

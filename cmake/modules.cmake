# Domain modules: one static library each, src/modules/<name>/, its face src/modules/<name>.h
# (decision 0018).
#
# mdsc_module(name [DEPS module...] [LIBS library...])
#   DEPS   the modules whose faces it uses (their libraries are linked; no cycles: CMake refuses one)
# Before the library is compiled, the build checks every file of the module (tests included):
# an include of another module's internals fails the build, naming the file and the include.
# The modules' x_test.cpp files form one test program, mdsc_modules_tests.
function(mdsc_module name)
  cmake_parse_arguments(M "" "" "DEPS;LIBS" ${ARGN})
  set(dir ${CMAKE_SOURCE_DIR}/src/modules/${name})
  file(GLOB_RECURSE all CONFIGURE_DEPENDS ${dir}/*.cpp ${dir}/*.h)
  set(checked ${all})
  if(EXISTS ${CMAKE_SOURCE_DIR}/src/modules/${name}.h)
    list(APPEND checked ${CMAKE_SOURCE_DIR}/src/modules/${name}.h)
  endif()
  set(srcs ${all})
  list(FILTER srcs INCLUDE REGEX "\\.cpp$")
  set(tests ${srcs})
  list(FILTER srcs EXCLUDE REGEX "_test\\.cpp$")
  list(FILTER tests INCLUDE REGEX "_test\\.cpp$")

  set(stamp ${CMAKE_BINARY_DIR}/module-includes/${name}.ok)
  add_custom_command(
    OUTPUT ${stamp}
    COMMAND ${CMAKE_COMMAND} -DROOT=${CMAKE_SOURCE_DIR} -DMODULE=${name} "-DDEPS=${M_DEPS}"
            -DSTAMP=${stamp} -P ${CMAKE_SOURCE_DIR}/cmake/check_module_includes.cmake
    DEPENDS ${checked} ${CMAKE_SOURCE_DIR}/cmake/check_module_includes.cmake
    COMMENT "Checking the includes of module ${name}" VERBATIM)
  add_custom_target(mdsc_module_${name}_includes DEPENDS ${stamp})

  add_library(mdsc_module_${name} STATIC ${srcs})
  add_dependencies(mdsc_module_${name} mdsc_module_${name}_includes)
  target_include_directories(mdsc_module_${name} PUBLIC ${CMAKE_SOURCE_DIR}/src)
  target_compile_options(mdsc_module_${name} PRIVATE ${MDSC_WARNINGS})
  set(deps "")
  foreach(d IN LISTS M_DEPS)
    list(APPEND deps mdsc_module_${d})
  endforeach()
  target_link_libraries(mdsc_module_${name} PUBLIC mdsc_platform ${deps} ${M_LIBS})
  mdsc_precompile(mdsc_module_${name})
  set_property(GLOBAL APPEND PROPERTY MDSC_MODULE_LIBRARIES mdsc_module_${name})
  set_property(GLOBAL APPEND PROPERTY MDSC_MODULE_TESTS ${tests})
endfunction()

# After the modules: the library of them all (what app/ links) and their test program.
function(mdsc_modules_done)
  get_property(libs GLOBAL PROPERTY MDSC_MODULE_LIBRARIES)
  get_property(tests GLOBAL PROPERTY MDSC_MODULE_TESTS)
  add_library(mdsc_modules INTERFACE)
  target_link_libraries(mdsc_modules INTERFACE ${libs})
  add_executable(mdsc_modules_tests ${tests})
  target_include_directories(mdsc_modules_tests PRIVATE ${CMAKE_SOURCE_DIR}/tests)
  target_compile_options(mdsc_modules_tests PRIVATE ${MDSC_WARNINGS})
  target_link_libraries(mdsc_modules_tests PRIVATE mdsc_modules mdsc_testdb GTest::gtest GTest::gmock GTest::gtest_main)
  mdsc_precompile(mdsc_modules_tests)
endfunction()

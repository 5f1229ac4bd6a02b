# Test registration. Every suite that touches a database runs twice: on SQLite and on a real
# PostgreSQL that the `pg` fixture starts in a temporary folder (tests/support/pg-server).
set(MDSC_TEST_TMP ${CMAKE_BINARY_DIR}/test-tmp)
set(MDSC_PG_DIR ${MDSC_TEST_TMP}/pg)
set(MDSC_ARTIFACTS ${CMAKE_SOURCE_DIR}/test-artifacts)

add_test(NAME pg-start COMMAND ${CMAKE_SOURCE_DIR}/tests/support/pg-server start ${MDSC_PG_DIR})
set_tests_properties(pg-start PROPERTIES FIXTURES_SETUP pg)
add_test(NAME pg-stop COMMAND ${CMAKE_SOURCE_DIR}/tests/support/pg-server stop ${MDSC_PG_DIR})
set_tests_properties(pg-stop PROPERTIES FIXTURES_CLEANUP pg)

# A test program that starts a TestServer and waits to be killed (tests/http/test_server_lifetime_test.cpp).
add_executable(mdsc_hold_test_server ${CMAKE_SOURCE_DIR}/tests/programs/hold_test_server.cpp)
target_compile_options(mdsc_hold_test_server PRIVATE ${MDSC_WARNINGS})
target_link_libraries(mdsc_hold_test_server PRIVATE mdsc_test_support)
add_dependencies(mdsc_blackbox_tests mdsc_hold_test_server)

set(MDSC_TEST_ENV
  MDSC_TEST_TMP=${MDSC_TEST_TMP}
  MDSC_TEST_PG_DIR=${MDSC_PG_DIR}
  MDSC_BINARY=$<TARGET_FILE:mdsc>
  MDSC_TEST_HOLD_SERVER=$<TARGET_FILE:mdsc_hold_test_server>
  MDSC_ARTIFACTS=${MDSC_ARTIFACTS}
  MDSC_RESOURCE_DIR=)

# mdsc_add_suite(name program [BOTH_BACKENDS])
# A suite whose program is missing stops the configuration: a test run that silently leaves a
# suite out would pass for the wrong reason.
function(mdsc_add_suite name program)
  cmake_parse_arguments(S "BOTH_BACKENDS" "" "" ${ARGN})
  if(NOT TARGET ${program})
    message(FATAL_ERROR "test suite '${name}': its program ${program} is not defined (no *_test.cpp "
                        "found for it, or the target was renamed); fix the suite list in cmake/tests.cmake")
  endif()
  if(S_BOTH_BACKENDS)
    add_test(NAME ${name}@sqlite COMMAND ${program})
    set_tests_properties(${name}@sqlite PROPERTIES
      ENVIRONMENT "${MDSC_TEST_ENV};MDSC_TEST_BACKEND=sqlite")
    add_test(NAME ${name}@postgresql COMMAND ${program})
    set_tests_properties(${name}@postgresql PROPERTIES
      ENVIRONMENT "${MDSC_TEST_ENV};MDSC_TEST_BACKEND=postgresql" FIXTURES_REQUIRED pg)
  else()
    add_test(NAME ${name} COMMAND ${program})
    set_tests_properties(${name} PROPERTIES ENVIRONMENT "${MDSC_TEST_ENV}")
  endif()
endfunction()

mdsc_add_suite(core mdsc_core_tests)
mdsc_add_suite(http mdsc_http_tests)
mdsc_add_suite(ctt mdsc_ctt_tests)
mdsc_add_suite(db mdsc_db_tests BOTH_BACKENDS)
mdsc_add_suite(web mdsc_web_tests BOTH_BACKENDS)
mdsc_add_suite(platform mdsc_platform_tests BOTH_BACKENDS)
mdsc_add_suite(modules mdsc_modules_tests BOTH_BACKENDS)
mdsc_add_suite(app mdsc_app_tests BOTH_BACKENDS)
mdsc_add_suite(blackbox mdsc_blackbox_tests BOTH_BACKENDS)

# Browser tests: Playwright (playwright-core from npm) drives Debian's chromium against a real server.
# Without node they would not run at all, so its absence stops the configuration instead.
find_program(NODE node)
if(NOT NODE)
  message(FATAL_ERROR "node not found: the browser tests (e2e@sqlite, e2e@postgresql) need it; "
                      "run scripts/install-deps")
endif()
foreach(backend sqlite postgresql)
  add_test(NAME e2e@${backend} COMMAND ${NODE} ${CMAKE_SOURCE_DIR}/tests/e2e/run.mjs
           WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  set_tests_properties(e2e@${backend} PROPERTIES
    ENVIRONMENT "${MDSC_TEST_ENV};MDSC_TEST_BACKEND=${backend}")
endforeach()
set_tests_properties(e2e@postgresql PROPERTIES FIXTURES_REQUIRED pg)

# The module boundary (decision 0018): the check the build runs before compiling a module refuses a
# file that includes another module's internals, and lets through one that uses a face.
set(MDSC_BOUNDARY ${CMAKE_SOURCE_DIR}/tests/data/module_boundary)
add_test(NAME module-boundary-refuses
         COMMAND ${CMAKE_COMMAND} -DROOT=${CMAKE_SOURCE_DIR} -DMODULE=timetable -DDEPS=curriculum
                 -DFILES=${MDSC_BOUNDARY}/reaches_into_members.cpp -DONLY=1 -P ${CMAKE_SOURCE_DIR}/cmake/check_module_includes.cmake)
set_tests_properties(module-boundary-refuses PROPERTIES PASS_REGULAR_EXPRESSION
  "module timetable includes what is not its own.*reaches_into_members.cpp: #include \"modules/members/repo.h\"")
add_test(NAME module-boundary-allows-faces
         COMMAND ${CMAKE_COMMAND} -DROOT=${CMAKE_SOURCE_DIR} -DMODULE=timetable -DDEPS=curriculum
                 -DFILES=${MDSC_BOUNDARY}/uses_a_face.cpp -DONLY=1 -P ${CMAKE_SOURCE_DIR}/cmake/check_module_includes.cmake)

# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 11 (hardening): hygiene suites.

# The skip rules, proven with ctest itself on a fixture project (hygiene/skip-fixture) whose
# stand-in suite is tst_hygiene_fake (a QtTest binary, not a test of its own).
add_executable(tst_hygiene_fake hygiene/tst_hygiene_fake.cpp)
target_link_libraries(tst_hygiene_fake PRIVATE zaw_testsupport)
zaw_add_test(tst_hygiene_skip SOURCES hygiene/tst_hygiene_skip.cpp TIMEOUT 180)
target_compile_definitions(tst_hygiene_skip PRIVATE
    ZAW_CMAKE="${CMAKE_COMMAND}" ZAW_CTEST="${CMAKE_CTEST_COMMAND}" ZAW_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    ZAW_FAKE="$<TARGET_FILE:tst_hygiene_fake>")
add_dependencies(tst_hygiene_skip tst_hygiene_fake)

# with-keyring.sh cleans up after itself (keyring folder, daemon) and keeps the exit status.
add_test(NAME hygiene_keyring_cleanup
    COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/hygiene/keyring-cleanup.sh ${PROJECT_SOURCE_DIR}/scripts/with-keyring.sh)
zaw_skip_rules(hygiene_keyring_cleanup)
set_tests_properties(hygiene_keyring_cleanup PROPERTIES TIMEOUT 120
    ENVIRONMENT "ZAW_EXPECTED_SKIPS_FILE=${PROJECT_SOURCE_DIR}/.ci/expected-skips")

# No lookup of a setup adopts an object listed as discarded.
zaw_add_test(tst_hygiene_discarded SOURCES hygiene/tst_hygiene_discarded.cpp LIBS zaw_core TIMEOUT 300)

# The test helpers fail loudly (timeouts, a crash is no exit code, a command that cannot start).
zaw_add_test(tst_hygiene_helpers SOURCES hygiene/tst_hygiene_helpers.cpp LIBS zaw_core TIMEOUT 120)

# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 11 (hardening): fault suites.
# The fault matrix: every HTTP call of sign-in, account checks, both setup recipes and reconnect
# × 429/500/503/drop/lost reply/stall/truncated/non-JSON/expired token. One executable, built
# like zaw_add_test's, with one ctest entry per area so that they run side by side (each prints
# its own matrix; a failed cell fails its entry).
add_executable(tst_fault_matrix fault/tst_fault_matrix.cpp fault/FaultMatrix.cpp fault/FaultMatrix.h)
target_link_libraries(tst_fault_matrix PRIVATE zaw_testsupport zaw_core)
target_include_directories(tst_fault_matrix PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/fault)
foreach(area signIn adobeCredentialCheck healthCheck reconnect setupFlowMode setupFlowModeRecovery setupSyncMode)
    add_test(NAME tst_fault_matrix_${area} COMMAND tst_fault_matrix ${area})
    set_tests_properties(tst_fault_matrix_${area} PROPERTIES ENVIRONMENT "${ZAW_TEST_ENV}" TIMEOUT 300)
    zaw_skip_rules(tst_fault_matrix_${area})
endforeach()

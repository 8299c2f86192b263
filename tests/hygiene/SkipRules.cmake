# SPDX-License-Identifier: GPL-3.0-or-later
# How ctest tells a skip (see tests/common/TestSkip.h): included by tests/CMakeLists.txt and by the
# fixture project of tst_hygiene_skip, which proves these rules with ctest itself.
#
# A skip is a marker line, never an exit code: a QtTest binary exits with its failure count, so
# SKIP_RETURN_CODE 77 read 77 failures as "skipped". ctest lets a matching skip expression win over
# the exit code, so the marker alone would let a skipped case hide a failed one: in a QtTest run it
# counts only with "0 failed" in QtTest's totals after it; otherwise only as the whole output (a
# shell test that printed the marker and stopped). A crash is never a skip (ctest checks it first).
set(ZAW_SKIP_REGEX
    "ZAW-SKIPPED:.*Totals: [0-9]+ passed, 0 failed"
    "^ZAW-SKIPPED:[^\n]*\n?$")

# zaw_skip_rules(TEST...): the tests' skip expression.
function(zaw_skip_rules)
    set_tests_properties(${ARGN} PROPERTIES SKIP_REGULAR_EXPRESSION "${ZAW_SKIP_REGEX}")
endfunction()

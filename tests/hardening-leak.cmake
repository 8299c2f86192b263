# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 11 (hardening): leak suites. The secret-leak scan over the whole demo flow: the command
# line against a standalone sandbox here, the wizard (embedded browser) below when it is built;
# tst_secret_leak (the wizard's sign-in alone) stays registered in tests/CMakeLists.txt.
add_library(zaw_leakscan STATIC leak/LeakScan.cpp leak/LeakScan.h)
target_include_directories(zaw_leakscan PUBLIC leak)
target_link_libraries(zaw_leakscan PUBLIC Qt6::Core)

zaw_add_test(tst_leak_cli SOURCES leak/tst_leak_cli.cpp LIBS zaw_leakscan zaw_core KEYCHAIN TIMEOUT 300)
target_compile_definitions(tst_leak_cli PRIVATE ZAW_CONNECT_EXE="$<TARGET_FILE:zoho-aep-connect>"
    ZAW_SANDBOX_EXE="$<TARGET_FILE:zoho-aep-sandbox>")
add_dependencies(tst_leak_cli zoho-aep-connect zoho-aep-sandbox)

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

if(ZAW_BUILD_WIZARD)
    # The wizard's demo end to end in a child process (embedded browser: the plugin from the build).
    zaw_add_test(tst_leak_wizard SOURCES leak/tst_leak_wizard.cpp wizard/WizardDriver.cpp wizard/WizardDriver.h
        LIBS zaw_leakscan zaw_wizard KEYCHAIN TIMEOUT 300)
    target_include_directories(tst_leak_wizard PRIVATE wizard)
    add_dependencies(tst_leak_wizard zaw_webengine_browser zoho-aep-connect)
    set_property(TEST tst_leak_wizard APPEND PROPERTY ENVIRONMENT "ZAW_PLUGIN_DIR=${PROJECT_BINARY_DIR}/app/wizard")
endif()

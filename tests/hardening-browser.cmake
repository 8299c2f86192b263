# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 11 (hardening): browser suites.

# The pop-up and address filters on their own (no WebEngine).
zaw_add_test(tst_consent_policy SOURCES wizard/tst_consent_policy.cpp LIBS zaw_browserapi TIMEOUT 60)

# The real plugin against local pages: pop-ups, address line, page/profile order.
zaw_add_test(tst_consent_popups SOURCES wizard/tst_consent_popups.cpp LIBS zaw_browserapi Qt6::Widgets TIMEOUT 300)
add_dependencies(tst_consent_popups zaw_webengine_browser)
set_property(TEST tst_consent_popups APPEND PROPERTY ENVIRONMENT "ZAW_PLUGIN_DIR=${PROJECT_BINARY_DIR}/app/wizard")

# The plugin loader compiled as a package build compiles it (no ZAW_TEST_HOOKS): ZAW_PLUGIN_DIR
# must be ignored.
zaw_add_test(tst_consent_plugin_dir SOURCES wizard/tst_consent_plugin_dir.cpp
    ${PROJECT_SOURCE_DIR}/app/browser/ConsentBrowser.cpp ${PROJECT_SOURCE_DIR}/app/browser/ConsentBrowser.h
    LIBS Qt6::Widgets TIMEOUT 60)
target_compile_definitions(tst_consent_plugin_dir PRIVATE ZAW_BROWSERAPI_LIBRARY)
target_include_directories(tst_consent_plugin_dir PRIVATE ${PROJECT_SOURCE_DIR}/app)
add_dependencies(tst_consent_plugin_dir zaw_webengine_browser)
set_property(TEST tst_consent_plugin_dir APPEND PROPERTY ENVIRONMENT "ZAW_PLUGIN_DIR=${PROJECT_BINARY_DIR}/app/wizard")

# Remote text in the wizard's labels shows literally.
zaw_add_test(tst_consent_plaintext SOURCES wizard/tst_consent_plaintext.cpp LIBS zaw_wizard TIMEOUT 120)

# SPDX-License-Identifier: GPL-3.0-or-later
# Setup logic: unit suites without network, and one suite against the in-process sandbox.
zaw_add_test(tst_setup_schema SOURCES core/tst_setup_schema.cpp LIBS zaw_core TIMEOUT 60)
zaw_add_test(tst_setup_mapping SOURCES core/tst_setup_mapping.cpp LIBS zaw_core TIMEOUT 60)
zaw_add_test(tst_setup_schedule SOURCES core/tst_setup_schedule.cpp LIBS zaw_core TIMEOUT 60)
zaw_add_test(tst_setup_sandbox SOURCES core/tst_setup_sandbox.cpp LIBS zaw_core TIMEOUT 120)
zaw_add_test(tst_setup_plan SOURCES core/tst_setup_plan.cpp LIBS zaw_core TIMEOUT 180)
zaw_add_test(tst_setup_script SOURCES core/tst_setup_script.cpp LIBS zaw_core TIMEOUT 120)
zaw_add_test(tst_account SOURCES core/tst_account.cpp LIBS zaw_core TIMEOUT 300)
zaw_add_test(tst_setup_sync SOURCES core/tst_setup_sync.cpp LIBS zaw_core TIMEOUT 120)
# A profile written by an earlier version (tests/fixtures/make-old-profile.py) resumed by this one.
zaw_add_test(tst_setup_oldprofile SOURCES core/tst_setup_oldprofile.cpp LIBS zaw_core TIMEOUT 120)
target_compile_definitions(tst_setup_oldprofile PRIVATE ZAW_FIXTURES_DIR="${PROJECT_SOURCE_DIR}/tests/fixtures")

# SPDX-License-Identifier: GPL-3.0-or-later
# Setup logic: unit suites without network, and one suite against the in-process sandbox.
zaw_add_test(tst_setup_schema SOURCES core/tst_setup_schema.cpp LIBS zaw_core TIMEOUT 60)
zaw_add_test(tst_setup_mapping SOURCES core/tst_setup_mapping.cpp LIBS zaw_core TIMEOUT 60)
zaw_add_test(tst_setup_schedule SOURCES core/tst_setup_schedule.cpp LIBS zaw_core TIMEOUT 60)
zaw_add_test(tst_setup_sandbox SOURCES core/tst_setup_sandbox.cpp LIBS zaw_core TIMEOUT 120)
zaw_add_test(tst_setup_plan SOURCES core/tst_setup_plan.cpp LIBS zaw_core TIMEOUT 180)
zaw_add_test(tst_setup_script SOURCES core/tst_setup_script.cpp LIBS zaw_core TIMEOUT 120)
zaw_add_test(tst_account SOURCES core/tst_account.cpp LIBS zaw_core TIMEOUT 300)

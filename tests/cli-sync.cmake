# SPDX-License-Identifier: GPL-3.0-or-later
# Direct sync tests (issue 10): cli-sync.
# The schedule files of the three OS schedulers (no network, no keychain).
zaw_add_test(tst_sync_schedule SOURCES cli/tst_sync_schedule.cpp LIBS zaw_core TIMEOUT 60)
# create --mode, sync, status and schedule as child processes against a sandbox whose organisation
# no longer offers the Zoho CRM source.
zaw_add_test(tst_cli_sync SOURCES cli/tst_cli_sync.cpp KEYCHAIN TIMEOUT 300)
target_compile_definitions(tst_cli_sync PRIVATE ZAW_CONNECT_EXE="$<TARGET_FILE:zoho-aep-connect>")
add_dependencies(tst_cli_sync zoho-aep-connect)

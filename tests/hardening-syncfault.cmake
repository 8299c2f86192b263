# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 11 (hardening): the fault matrix of a direct sync run (every HTTP call × every fault).
zaw_add_test(tst_sync_fault SOURCES sync/tst_sync_fault.cpp sync/SyncRig.cpp sync/SyncRig.h KEYCHAIN TIMEOUT 900)
target_compile_definitions(tst_sync_fault PRIVATE
    ZAW_CONNECT_EXE="$<TARGET_FILE:zoho-aep-connect>"
    ZAW_SYNC_RUNNER="$<TARGET_FILE:sync_runner>")
add_dependencies(tst_sync_fault zoho-aep-connect sync_runner)

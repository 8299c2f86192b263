# SPDX-License-Identifier: GPL-3.0-or-later
# Direct sync tests (issue 10): sync.
zaw_add_test(tst_sync_unit SOURCES sync/tst_sync_unit.cpp LIBS zaw_core TIMEOUT 60)

# The runner the sync suites and bench/sync-firstload.sh start as a child process.
add_executable(sync_runner sync/sync_runner.cpp)
target_link_libraries(sync_runner PRIVATE zaw_core)
zaw_add_test(tst_sync_engine SOURCES sync/tst_sync_engine.cpp sync/SyncRig.cpp sync/SyncRig.h KEYCHAIN TIMEOUT 600)
target_compile_definitions(tst_sync_engine PRIVATE
    ZAW_CONNECT_EXE="$<TARGET_FILE:zoho-aep-connect>"
    ZAW_SYNC_RUNNER="$<TARGET_FILE:sync_runner>")
add_dependencies(tst_sync_engine zoho-aep-connect sync_runner)

# bench/sync-firstload.sh: first load of 10,000 and 100,000 Leads (not a test; not installed).
add_executable(zaw-bench-sync ${PROJECT_SOURCE_DIR}/bench/sync-firstload/main.cpp sync/SyncRig.cpp sync/SyncRig.h)
target_include_directories(zaw-bench-sync PRIVATE sync)
target_link_libraries(zaw-bench-sync PRIVATE zaw_testsupport)
target_compile_definitions(zaw-bench-sync PRIVATE
    ZAW_CONNECT_EXE="$<TARGET_FILE:zoho-aep-connect>"
    ZAW_SYNC_RUNNER="$<TARGET_FILE:sync_runner>")
add_dependencies(zaw-bench-sync zoho-aep-connect sync_runner)

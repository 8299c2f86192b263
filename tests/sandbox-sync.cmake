# SPDX-License-Identifier: GPL-3.0-or-later
# Direct sync tests (issue 10): sandbox-sync.
zaw_add_test(tst_sandbox_ingestion SOURCES sandbox/tst_sandbox_ingestion.cpp TIMEOUT 120)
find_package(LibArchive REQUIRED)
zaw_add_test(tst_sandbox_bulkread SOURCES sandbox/tst_sandbox_bulkread.cpp LIBS LibArchive::LibArchive TIMEOUT 180)

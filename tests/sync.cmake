# SPDX-License-Identifier: GPL-3.0-or-later
# Direct sync tests (issue 10): sync.
zaw_add_test(tst_sync_unit SOURCES sync/tst_sync_unit.cpp LIBS zaw_core TIMEOUT 60)

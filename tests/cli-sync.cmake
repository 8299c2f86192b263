# SPDX-License-Identifier: GPL-3.0-or-later
# Direct sync tests (issue 10): cli-sync.
# The schedule files of the three OS schedulers (no network, no keychain).
zaw_add_test(tst_sync_schedule SOURCES cli/tst_sync_schedule.cpp LIBS zaw_core TIMEOUT 60)

# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 11 (hardening): net suites.
zaw_add_test(tst_net_hostile SOURCES core/tst_net_hostile.cpp LIBS zaw_core TIMEOUT 120)
zaw_add_test(tst_net_redaction SOURCES core/tst_net_redaction.cpp LIBS zaw_core TIMEOUT 60)

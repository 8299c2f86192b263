# SPDX-License-Identifier: GPL-3.0-or-later
# The Adobe clients (app/core/adobe) against the sandbox over loopback.
zaw_add_test(tst_adobe_platform SOURCES core/tst_adobe_platform.cpp LIBS zaw_core TIMEOUT 120)
zaw_add_test(tst_adobe_flowservice SOURCES core/tst_adobe_flowservice.cpp LIBS zaw_core TIMEOUT 120)
zaw_add_test(tst_adobe_target SOURCES core/tst_adobe_target.cpp LIBS zaw_core TIMEOUT 120)

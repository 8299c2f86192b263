# SPDX-License-Identifier: GPL-3.0-or-later
# Direct sync tests (issue 10): zoho-read.
zaw_add_test(tst_zoho_read SOURCES core/tst_zoho_read.cpp LIBS zaw_core TIMEOUT 180)
find_package(LibArchive REQUIRED)
zaw_add_test(tst_zoho_read_csv SOURCES core/tst_zoho_read_csv.cpp LIBS zaw_core LibArchive::LibArchive Qt6::Network TIMEOUT 120)

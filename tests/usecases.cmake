# SPDX-License-Identifier: GPL-3.0-or-later
# The use cases the wizard and the command line share (core/account, core/catalogue, core/zoho).
zaw_add_test(tst_usecase_zoho_settings SOURCES core/tst_usecase_zoho_settings.cpp LIBS zaw_core)
zaw_add_test(tst_usecase_adobe_credential SOURCES core/tst_usecase_adobe_credential.cpp LIBS zaw_core)
zaw_add_test(tst_usecase_catalogue SOURCES core/tst_usecase_catalogue.cpp LIBS zaw_core)
zaw_add_test(tst_usecase_dataflow SOURCES core/tst_usecase_dataflow.cpp LIBS zaw_core)

# SPDX-License-Identifier: GPL-3.0-or-later
# Direct sync tests (issue 10): wizard-sync.
if(TARGET zaw_wizard)
    zaw_add_test(tst_wizard_sync SOURCES wizard/tst_wizard_sync.cpp wizard/WizardDriver.cpp wizard/WizardDriver.h
        LIBS zaw_wizard TIMEOUT 300)
    # The schedule runs zoho-aep-connect by absolute path: it must exist.
    add_dependencies(tst_wizard_sync zoho-aep-connect)
endif()

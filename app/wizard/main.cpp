// SPDX-License-Identifier: GPL-3.0-or-later
#include "WizardMain.h"

int main(int argc, char *argv[])
{
    return zaw::runWizard(argc, argv);
}

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "i18n/Translations.h"

namespace zaw {

// The whole of zoho-aep-wizard's main(), kept in the library so tests can run it.
int runWizard(int argc, char *argv[]);

} // namespace zaw

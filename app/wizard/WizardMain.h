// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QLocale;

namespace zaw {

// Installs Qt's and the wizard's translations for locale; false when the wizard has none for it
// (English is the source language).
bool installTranslations(const QLocale &locale);

// The whole of zoho-aep-wizard's main(), kept in the library so tests can run it.
int runWizard(int argc, char *argv[]);

} // namespace zaw

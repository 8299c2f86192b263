// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QLocale;

namespace zaw {

// Installs Qt's own translation (Back, Next, Cancel) and ours for locale on the running
// application. Returns whether ours has that language; without it the English plural forms are
// installed ("1 module", "2 modules").
bool installTranslations(const QLocale &locale);

} // namespace zaw

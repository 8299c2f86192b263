// SPDX-License-Identifier: GPL-3.0-or-later
// Drives the wizard as a person would: fills pages through their widgets (found by objectName)
// and clicks through Zoho's consent page inside the real embedded browser with JavaScript.
#pragma once

#include "ConnectionWizard.h"
#include "ConsentBrowser.h"
#include "WizardContext.h"

#include <QString>

namespace zaw::test {

// Waits until the element with this id exists in the browser's current page.
bool waitForElement(ConsentBrowser *browser, const QString &id, int timeoutMs = 30000);
// Runs script in the page and waits for its result.
QVariant runScript(ConsentBrowser *browser, const QString &script, int timeoutMs = 10000);
// Clicks through the consent page in the embedded browser: sign-in, org (first), decision.
bool consentInBrowser(ConsentBrowser *browser, const QString &login,
                      const QString &decision = QStringLiteral("accept"));
// The sign-in page's browser, once the wizard shows that page.
ConsentBrowser *signInBrowser(ConnectionWizard &wizard, int timeoutMs = 30000);
// Clicks Next (or Commit) like a user; false when it is hidden, disabled or did not move.
bool clickNext(ConnectionWizard &wizard);
// From the welcome page to the sign-in page with the settings already in the context.
bool goToSignIn(ConnectionWizard &wizard);

} // namespace zaw::test

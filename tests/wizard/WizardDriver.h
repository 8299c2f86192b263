// SPDX-License-Identifier: GPL-3.0-or-later
// Drives the wizard as a person would: fills pages through their widgets (found by objectName)
// and clicks through Zoho's consent page inside the real embedded browser with JavaScript.
#pragma once

#include "ConnectionWizard.h"
#include "ConsentBrowser.h"
#include "WizardContext.h"

#include <QString>

#include <functional>

class QAbstractButton;

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

// The button that moves on from the current page: Commit, Next (shown as Create on Review) or
// Finish, whichever is visible; nullptr when none is.
QAbstractButton *advanceButton(ConnectionWizard &wizard);
bool canAdvance(ConnectionWizard &wizard);
// Waits until the page lets the user go on, clicks, and waits until page id is shown.
bool advanceTo(ConnectionWizard &wizard, int id, int timeoutMs = 20000);
// From the page shown (Adobe credential or later) to pageId, doing on each page what a user
// would: check the credential and keep the default sandbox, choose module, keep or choose the
// target (an existing dataset whose title starts with existingDataSet), accept the proposals.
// Calls screenshot(name) on each page when given.
bool walkSetupTo(ConnectionWizard &wizard, int pageId, const QString &module = QStringLiteral("Leads"),
                 const QString &existingDataSet = {}, const std::function<void(const QString &)> &screenshot = {});

} // namespace zaw::test

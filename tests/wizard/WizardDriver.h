// SPDX-License-Identifier: GPL-3.0-or-later
// Drives the wizard as a person would: fills pages through their widgets (found by objectName)
// and clicks through Zoho's consent page inside the real embedded browser with JavaScript.
#pragma once

#include "TestHttp.h"
#include "browser/ConsentBrowser.h"
#include "setup/SetupPlan.h"
#include "store/MemorySecretStore.h"
#include "wizard/ConnectionWizard.h"
#include "wizard/DemoEnvironment.h"
#include "wizard/NetworkSettings.h"
#include "wizard/SetupDraft.h"
#include "wizard/WizardContext.h"
#include "wizard/WizardServices.h"

#include <QString>
#include <QTemporaryDir>

#include <functional>

class QAbstractButton;

namespace zaw::test {

// The helpers fail loudly: a wait that times out, a missing browser or a script without a result
// fails the current test (QTest::qFail, saying what was awaited) and returns false / nothing;
// callers QVERIFY the result so that the test stops there.

// Waits until the element with this id exists in the browser's current page.
[[nodiscard]] bool waitForElement(ConsentBrowser *browser, const QString &id, int timeoutMs = 30000);
// Runs script in the page and waits for its result (an invalid QVariant after a failure).
QVariant runScript(ConsentBrowser *browser, const QString &script, int timeoutMs = 10000);
// Clicks through the consent page in the embedded browser: sign-in, org (first), decision.
[[nodiscard]] bool consentInBrowser(ConsentBrowser *browser, const QString &login,
                                    const QString &decision = QStringLiteral("accept"));
// The sign-in page's browser, once the wizard shows that page; nullptr (and a failed test) when it
// does not appear in timeoutMs.
ConsentBrowser *signInBrowser(ConnectionWizard &wizard, int timeoutMs = 30000);
// Clicks Next (or Commit) like a user; false when it is hidden, disabled or did not move (not a
// failure by itself: a test may expect that).
bool clickNext(ConnectionWizard &wizard);
// From the welcome page to the sign-in page with the settings already in the context.
[[nodiscard]] bool goToSignIn(ConnectionWizard &wizard);

// The button that moves on from the current page: Commit, Next (shown as Create on Review) or
// Finish, whichever is visible; nullptr when none is.
QAbstractButton *advanceButton(ConnectionWizard &wizard);
bool canAdvance(ConnectionWizard &wizard);
// Waits until the page lets the user go on, clicks, and waits until page id is shown.
[[nodiscard]] bool advanceTo(ConnectionWizard &wizard, int id, int timeoutMs = 20000);
// From the page shown (Adobe credential or later) to pageId, doing on each page what a user
// would: check the credential and keep the default sandbox, choose module, keep or choose the
// target (an existing dataset whose title starts with existingDataSet), accept the proposals.
// Calls screenshot(name) on each page when given. False on the Done page before pageId.
[[nodiscard]] bool walkSetupTo(ConnectionWizard &wizard, int pageId, const QString &module = QStringLiteral("Leads"),
                               const QString &existingDataSet = {},
                               const std::function<void(const QString &)> &screenshot = {});

// A wizard on its own demo sandbox (state kept in dir, so a second DemoRun on the same dir finds
// what the first made), with an in-memory keychain and a profile folder in dir.
struct DemoRun
{
    explicit DemoRun(const QString &folder = {});

    // Signs in to Zoho through the consent page over HTTP (the sign-in suites test the embedded
    // browser) and puts the session into the context, as the sign-in page would.
    void signIn(const QString &login = QStringLiteral("ana.lima@example.com"));
    // A new wizard window on this context, showing page startId.
    ConnectionWizard &newWizard(int startId);

    QWizardPage *page() const { return wizard->currentPage(); }
    template <typename T> T *find(const QString &name) const { return page()->findChild<T *>(name); }
    QUrl url(const QString &path) const;
    void addFault(const QJsonObject &fault);
    // POSTs (or another method) to a step's route; madeOnly: only those answered 2xx.
    int posts(setup::SetupPlan::Step step, bool madeOnly) const;
    int requests(const QByteArray &method, const QString &pathPattern, bool okOnly = false) const;
    QAbstractButton *advanceButton() const { return test::advanceButton(*wizard); }
    bool canAdvance() const { return test::canAdvance(*wizard); }
    [[nodiscard]] bool advanceTo(int id, int timeoutMs = 20000) { return test::advanceTo(*wizard, id, timeoutMs); }

    static QString routeOf(setup::SetupPlan::Step step);

    QTemporaryDir tempDir;
    QString dir;
    store::MemorySecretStore *secrets;
    WizardContext context;
    mutable Http http;
    std::unique_ptr<ConnectionWizard> wizard;
};

} // namespace zaw::test

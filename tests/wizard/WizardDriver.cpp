// SPDX-License-Identifier: GPL-3.0-or-later
#include "WizardDriver.h"

#include <QAbstractButton>
#include <QTest>

namespace zaw::test {

QVariant runScript(ConsentBrowser *browser, const QString &script, int timeoutMs)
{
    QVariant result;
    bool done = false;
    browser->runJavaScript(script, [&](const QVariant &v) {
        result = v;
        done = true;
    });
    QTest::qWaitFor([&] { return done; }, timeoutMs);
    return result;
}

bool waitForElement(ConsentBrowser *browser, const QString &id, int timeoutMs)
{
    const QString script = QStringLiteral("document.getElementById('%1') !== null").arg(id);
    return QTest::qWaitFor([&] { return runScript(browser, script, 2000).toBool(); }, timeoutMs);
}

bool consentInBrowser(ConsentBrowser *browser, const QString &login, const QString &decision)
{
    if (!waitForElement(browser, QStringLiteral("login")) || !waitForElement(browser, QStringLiteral("next")))
        return false;
    runScript(browser, QStringLiteral("document.getElementById('login').value = '%1';"
                                      "document.getElementById('next').click(); true")
                           .arg(login));
    if (!waitForElement(browser, decision))
        return false;
    runScript(browser, QStringLiteral("document.getElementById('%1').click(); true").arg(decision));
    return true;
}

ConsentBrowser *signInBrowser(ConnectionWizard &wizard, int timeoutMs)
{
    ConsentBrowser *browser = nullptr;
    QTest::qWaitFor(
        [&] {
            browser = wizard.findChild<ConsentBrowser *>(QStringLiteral("consentBrowser"));
            return browser != nullptr;
        },
        timeoutMs);
    return browser;
}

bool clickNext(ConnectionWizard &wizard)
{
    QAbstractButton *next = wizard.button(QWizard::NextButton);
    if (!next->isVisible() || !next->isEnabled())
        return false;
    const int before = wizard.currentId();
    QTest::mouseClick(next, Qt::LeftButton);
    return wizard.currentId() != before;
}

bool goToSignIn(ConnectionWizard &wizard)
{
    if (wizard.currentId() == ConnectionWizard::WelcomePageId && !clickNext(wizard))
        return false;
    if (wizard.currentId() != ConnectionWizard::ZohoAppPageId || !clickNext(wizard))
        return false;
    return wizard.currentId() == ConnectionWizard::ZohoSignInPageId;
}

} // namespace zaw::test

// SPDX-License-Identifier: GPL-3.0-or-later
#include "WizardDriver.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
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

QAbstractButton *advanceButton(ConnectionWizard &wizard)
{
    for (QWizard::WizardButton which : {QWizard::CommitButton, QWizard::NextButton, QWizard::FinishButton}) {
        QAbstractButton *b = wizard.button(which);
        if (b->isVisible())
            return b;
    }
    return nullptr;
}

bool canAdvance(ConnectionWizard &wizard)
{
    QAbstractButton *b = advanceButton(wizard);
    return b && b->isEnabled();
}

bool advanceTo(ConnectionWizard &wizard, int id, int timeoutMs)
{
    if (!QTest::qWaitFor([&wizard] { return canAdvance(wizard); }, timeoutMs))
        return false;
    QTest::mouseClick(advanceButton(wizard), Qt::LeftButton);
    return QTest::qWaitFor([&wizard, id] { return wizard.currentId() == id; }, timeoutMs);
}

bool walkSetupTo(ConnectionWizard &wizard, int pageId, const QString &module, const QString &existingDataSet,
                 const std::function<void(const QString &)> &screenshot)
{
    auto find = [&wizard](const char *name) {
        return wizard.currentPage()->findChild<QWidget *>(QString::fromLatin1(name));
    };
    while (wizard.currentId() != pageId) {
        const int here = wizard.currentId();
        if (here == ConnectionWizard::AdobeCredentialsPageId) {
            QTest::mouseClick(qobject_cast<QPushButton *>(find("checkAdobeButton")), Qt::LeftButton);
            auto *sandbox = qobject_cast<QComboBox *>(find("sandboxCombo"));
            if (!QTest::qWaitFor([sandbox] { return sandbox->count() > 0; }, 15000))
                return false;
        } else if (here == ConnectionWizard::SelectDataPageId) {
            auto *list = qobject_cast<QListWidget *>(find("moduleList"));
            if (!QTest::qWaitFor([list] { return list->count() > 0; }, 15000))
                return false;
            for (int i = 0; i < list->count(); ++i) {
                if (list->item(i)->data(Qt::UserRole).toString() == module)
                    list->setCurrentRow(i);
            }
        } else if (here == ConnectionWizard::TargetPageId && !existingDataSet.isEmpty()) {
            auto *combo = qobject_cast<QComboBox *>(find("dataSetCombo"));
            if (!QTest::qWaitFor([combo] { return combo->count() > 0; }, 15000))
                return false;
            qobject_cast<QRadioButton *>(find("existingDataSetRadio"))->setChecked(true);
            const int index = combo->findText(existingDataSet, Qt::MatchStartsWith);
            if (index < 0)
                return false;
            combo->setCurrentIndex(index);
        } else if (here == ConnectionWizard::DonePageId) {
            return false;
        }
        if (screenshot) {
            QTest::qWaitFor([&wizard] { return canAdvance(wizard); }, 15000);
            screenshot(wizard.currentPage()->objectName());
        }
        if (!advanceTo(wizard, wizard.nextId()))
            return false;
    }
    return true;
}

} // namespace zaw::test

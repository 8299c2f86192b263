// SPDX-License-Identifier: GPL-3.0-or-later
#include "WizardDriver.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QJsonArray>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QTest>

#include <memory>
#include <utility>

#include "ConsentDriver.h"
#include "zoho/RedirectMatcher.h"
#include "zoho/ZohoAuthClient.h"

namespace zaw::test {

namespace {

// The current test fails with message, reported at the helper's caller-facing line.
void fail(const QString &message, int line)
{
    QTest::qFail(qPrintable(message), __FILE__, line);
}

QString shortScript(const QString &script)
{
    return script.size() > 80 ? script.left(77) + QStringLiteral("...") : script;
}

// Runs script and waits up to timeoutMs; false when no result arrived (no failure reported).
bool tryRunScript(ConsentBrowser *browser, const QString &script, int timeoutMs, QVariant *result)
{
    // The result may come after a timeout: it is written through a shared flag, never into the
    // caller's (then gone) stack.
    auto answer = std::make_shared<std::pair<bool, QVariant>>(false, QVariant());
    browser->runJavaScript(script, [answer](const QVariant &v) {
        answer->second = v;
        answer->first = true;
    });
    const bool done = QTest::qWaitFor([&] { return answer->first; }, timeoutMs);
    if (done && result)
        *result = answer->second;
    return done;
}

} // namespace

QVariant runScript(ConsentBrowser *browser, const QString &script, int timeoutMs)
{
    if (!browser) {
        fail(QStringLiteral("no consent browser to run JavaScript in: %1").arg(shortScript(script)), __LINE__);
        return {};
    }
    QVariant result;
    if (!tryRunScript(browser, script, timeoutMs, &result))
        fail(QStringLiteral("timed out after %1 ms waiting for the result of JavaScript in the consent browser: %2")
                 .arg(timeoutMs)
                 .arg(shortScript(script)),
             __LINE__);
    return result;
}

bool waitForElement(ConsentBrowser *browser, const QString &id, int timeoutMs)
{
    if (!browser) {
        fail(QStringLiteral("no consent browser to find #%1 in").arg(id), __LINE__);
        return false;
    }
    const QString script = QStringLiteral("document.getElementById('%1') !== null").arg(id);
    // Each probe may go unanswered while a page loads: only the whole wait counts.
    const bool found = QTest::qWaitFor(
        [&] {
            QVariant present;
            return tryRunScript(browser, script, 2000, &present) && present.toBool();
        },
        timeoutMs);
    if (!found)
        fail(QStringLiteral("timed out after %1 ms waiting for the element #%2 in the consent browser (page %3)")
                 .arg(timeoutMs)
                 .arg(id, browser->currentUrl().toString(QUrl::RemoveQuery)),
             __LINE__);
    return found;
}

bool consentInBrowser(ConsentBrowser *browser, const QString &login, const QString &decision)
{
    if (!browser) {
        fail(QStringLiteral("no consent browser to sign in with"), __LINE__);
        return false;
    }
    if (!waitForElement(browser, QStringLiteral("login")) || !waitForElement(browser, QStringLiteral("next")))
        return false;
    if (!runScript(browser, QStringLiteral("document.getElementById('login').value = '%1';"
                                           "document.getElementById('next').click(); true")
                                .arg(login))
             .toBool())
        return false;
    if (!waitForElement(browser, decision))
        return false;
    return runScript(browser, QStringLiteral("document.getElementById('%1').click(); true").arg(decision)).toBool();
}

ConsentBrowser *signInBrowser(ConnectionWizard &wizard, int timeoutMs)
{
    ConsentBrowser *browser = nullptr;
    const bool found = QTest::qWaitFor(
        [&] {
            browser = wizard.findChild<ConsentBrowser *>(QStringLiteral("consentBrowser"));
            return browser != nullptr;
        },
        timeoutMs);
    if (!found)
        fail(QStringLiteral("timed out after %1 ms waiting for the sign-in page's consent browser (page %2 shown)")
                 .arg(timeoutMs)
                 .arg(wizard.currentId()),
             __LINE__);
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
    const int from = wizard.currentId();
    if (!QTest::qWaitFor([&wizard] { return canAdvance(wizard); }, timeoutMs)) {
        fail(QStringLiteral("timed out after %1 ms waiting for page %2 to let the user go on to page %3")
                 .arg(timeoutMs)
                 .arg(from)
                 .arg(id),
             __LINE__);
        return false;
    }
    QTest::mouseClick(advanceButton(wizard), Qt::LeftButton);
    if (!QTest::qWaitFor([&wizard, id] { return wizard.currentId() == id; }, timeoutMs)) {
        fail(QStringLiteral("timed out after %1 ms waiting for page %2 after clicking on from page %3 (page %4 shown)")
                 .arg(timeoutMs)
                 .arg(id)
                 .arg(from)
                 .arg(wizard.currentId()),
             __LINE__);
        return false;
    }
    return true;
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
            if (!QTest::qWaitFor([sandbox] { return sandbox->count() > 0; }, 15000)) {
                fail(QStringLiteral("timed out after 15000 ms waiting for the Adobe sandboxes to be listed"), __LINE__);
                return false;
            }
        } else if (here == ConnectionWizard::SelectDataPageId) {
            auto *list = qobject_cast<QListWidget *>(find("moduleList"));
            if (!QTest::qWaitFor([list] { return list->count() > 0; }, 15000)) {
                fail(QStringLiteral("timed out after 15000 ms waiting for the Zoho modules to be listed"), __LINE__);
                return false;
            }
            for (int i = 0; i < list->count(); ++i) {
                if (list->item(i)->data(Qt::UserRole).toString() == module)
                    list->setCurrentRow(i);
            }
        } else if (here == ConnectionWizard::TargetPageId && !existingDataSet.isEmpty()) {
            auto *combo = qobject_cast<QComboBox *>(find("dataSetCombo"));
            if (!QTest::qWaitFor([combo] { return combo->count() > 0; }, 15000)) {
                fail(QStringLiteral("timed out after 15000 ms waiting for the datasets to be listed"), __LINE__);
                return false;
            }
            qobject_cast<QRadioButton *>(find("existingDataSetRadio"))->setChecked(true);
            const int index = combo->findText(existingDataSet, Qt::MatchStartsWith);
            if (index < 0) {
                fail(QStringLiteral("no dataset whose title starts with %1").arg(existingDataSet), __LINE__);
                return false;
            }
            combo->setCurrentIndex(index);
        } else if (here == ConnectionWizard::DonePageId) {
            return false;
        }
        if (screenshot) {
            if (!QTest::qWaitFor([&wizard] { return canAdvance(wizard); }, 15000)) {
                fail(QStringLiteral("timed out after 15000 ms waiting for page %1 to let the user go on").arg(here),
                     __LINE__);
                return false;
            }
            screenshot(wizard.currentPage()->objectName());
        }
        if (!advanceTo(wizard, wizard.nextId()))
            return false;
    }
    return true;
}

QString DemoRun::routeOf(setup::SetupPlan::Step step)
{
    using Step = setup::SetupPlan::Step;
    switch (step) {
    case Step::BaseConnection:
        return QStringLiteral("flowservice/connections$");
    case Step::Schema:
        return QStringLiteral("schemaregistry/tenant/schemas$");
    case Step::DataSet:
        return QStringLiteral("catalog/dataSets$");
    case Step::SourceConnection:
        return QStringLiteral("flowservice/sourceConnections$");
    case Step::TargetConnection:
        return QStringLiteral("flowservice/targetConnections$");
    case Step::MappingSet:
        return QStringLiteral("conversion/mappingSets$");
    case Step::Flow:
        return QStringLiteral("flowservice/flows$");
    }
    return {};
}

// The keychain outlives the DemoRun (a later run on the same folder reads the same secrets),
// like the system keychain outlives the program.
static store::MemorySecretStore *sharedKeychain()
{
    static auto *store = new store::MemorySecretStore;
    return store;
}

DemoRun::DemoRun(const QString &folder)
    : dir(folder.isEmpty() ? tempDir.path() : folder)
    , secrets(sharedKeychain())
{
    QString error;
    if (!context.startDemo(dir + QStringLiteral("/sandbox.json"), &error))
        qFatal("demo: %s", qPrintable(error));
    context.services()->setProfileLocation(dir + QStringLiteral("/config"), QStringLiteral("default"));
    context.services()->setSecretStore(secrets);
}

void DemoRun::signIn(const QString &login)
{
    const QJsonObject demo = context.demo()->credentials().value(QStringLiteral("zoho")).toObject();
    zoho::ZohoSession &session = context.services()->zohoFlow()->session();
    session = {};
    QString error;
    if (!signInToZoho(http, context.services()->endpoints(), demo, login, &session, &error,
                      context.services()->zohoFlow()->authClient()))
        qFatal("sign-in failed: %s", qPrintable(error));
}

ConnectionWizard &DemoRun::newWizard(int startId)
{
    wizard = std::make_unique<ConnectionWizard>(&context);
    wizard->start(startId);
    wizard->show();
    return *wizard;
}

QUrl DemoRun::url(const QString &path) const
{
    QUrl u = context.demo()->url();
    u.setPath(path);
    return u;
}

void DemoRun::addFault(const QJsonObject &fault)
{
    const HttpResult r = http.postJson(url(QStringLiteral("/_sandbox/faults")), fault);
    if (r.status != 200 && r.status != 201)
        qFatal("fault refused: %s", r.body.constData());
}

int DemoRun::requests(const QByteArray &method, const QString &pathPattern, bool okOnly) const
{
    const QJsonArray log =
        http.get(url(QStringLiteral("/_sandbox/requests"))).object().value(QStringLiteral("requests")).toArray();
    const QRegularExpression route(pathPattern);
    int n = 0;
    for (const QJsonValue &v : log) {
        const QJsonObject o = v.toObject();
        if (o.value(QStringLiteral("method")).toString().toLatin1() != method ||
            !route.match(o.value(QStringLiteral("path")).toString()).hasMatch())
            continue;
        const int status = o.value(QStringLiteral("status")).toInt();
        if (!okOnly || (status >= 200 && status < 300))
            ++n;
    }
    return n;
}

int DemoRun::posts(setup::SetupPlan::Step step, bool madeOnly) const
{
    return requests("POST", routeOf(step), madeOnly);
}

} // namespace zaw::test

// SPDX-License-Identifier: GPL-3.0-or-later
// Coming back to the wizard: the welcome page lists saved connections with their health as it
// arrives, and each action works end to end against the demo sandbox — reconnect with a working
// refresh token, with a dead one (consent again in the embedded browser), with another user
// (refused); a rotated secret; add a dataflow; resume a half-finished setup; manage a dataflow
// (disable, enable, schedule, delete); forget (with the AEP objects); two connections side by
// side; and a second demo run on the same state.
#include "WizardDriver.h"
#include "account/HealthCheck.h"
#include "store/ProfileStore.h"
#include "store/SecretStore.h"
#include "wizard/ConnectionWizard.h"
#include "wizard/ErrorPanel.h"
#include "wizard/WelcomePage.h"
#include "zoho/ZohoAuthClient.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace zaw;
using namespace Qt::StringLiterals;
using Step = setup::SetupPlan::Step;

namespace {

// With ZAW_SCREENSHOT_DIR set, the pages are saved there as PNG files (for reviewing the layout).
void screenshot(QWidget *w, const QString &name)
{
    const QString dir = qEnvironmentVariable("ZAW_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QTest::qWait(300);
        w->grab().save(QDir(dir).filePath(name + u".png"_s));
    }
}

// The keychain's value of name for the run's profile into *value. A read that fails or does not
// answer fails the test (a failed read is not an empty secret: two failed reads would compare equal).
[[nodiscard]] bool readKeychain(test::DemoRun &run, QObject *guard, const char *name, QString *value)
{
    store::SecretResult result;
    bool done = false;
    run.secrets->read(store::SecretStore::key(run.context.services()->profile()->id, QString::fromLatin1(name)), guard,
                      [&](const store::SecretResult &r) {
                          result = r;
                          done = true;
                      });
    if (!QTest::qWaitFor([&done] { return done; }, 5000)) {
        QTest::qFail(
            qPrintable(u"timed out after 5000 ms waiting for the keychain to read %1"_s.arg(QString::fromLatin1(name))),
            __FILE__, __LINE__);
        return false;
    }
    if (!result.ok()) {
        QTest::qFail(qPrintable(u"the keychain could not read %1: %2 (%3)"_s.arg(QString::fromLatin1(name),
                                                                                 result.message, result.detail)),
                     __FILE__, __LINE__);
        return false;
    }
    *value = result.value;
    return true;
}

// A connection set up through the wizard (module Leads, new dataset), then a fresh wizard
// window on the same folder, as when the user starts the application again.
struct Returning : test::DemoRun
{
    explicit Returning(const QString &profile = u"default"_s, const QString &login = u"ana.lima@example.com"_s)
    {
        setUp(profile, login);
    }

    void setUp(const QString &profile, const QString &login)
    {
        context.services()->setProfileLocation({}, profile);
        context.controller()->setMode(WizardContext::Mode::NewConnection);
        signIn(login);
        // What the sign-in page stores: the account in the profile, the secrets in the keychain.
        storeSignIn(login);
        newWizard(ConnectionWizard::AdobeCredentialsPageId);
        if (!test::walkSetupTo(*wizard, ConnectionWizard::DonePageId))
            qFatal("setup did not complete");
    }

    void storeSignIn(const QString &login)
    {
        // What the sign-in page does: the secrets to the keychain, the account into the profile
        // (the sign-in suites check that the account is the one Zoho reports).
        store::Profile *p = context.services()->profile();
        bool done = false;
        store::SecretResult stored;
        context.services()->zohoFlow()->store(context.services()->profiles(), secrets, p, &guard,
                                              [&](const QString &, const store::SecretResult &r) {
                                                  stored = r;
                                                  done = true;
                                              });
        if (!QTest::qWaitFor([&done] { return done; }, 10000))
            QTest::qFail("timed out after 10000 ms waiting for the sign-in to be stored in the keychain", __FILE__,
                         __LINE__);
        else if (!stored.ok())
            QTest::qFail(qPrintable(u"storing the sign-in in the keychain failed: "_s + stored.message), __FILE__,
                         __LINE__);
        p->zoho.insert(u"dc"_s, u"us"_s);
        p->zoho.insert(u"clientId"_s, context.services()->zohoFlow()->session().clientId);
        p->zoho.insert(u"clientType"_s, u"server"_s);
        p->zoho.insert(u"environment"_s, u"production"_s);
        p->zoho.remove(u"userId"_s); // compared by e-mail then
        p->zoho.insert(u"email"_s, login);
        p->zoho.insert(u"org"_s, u"Demo"_s);
        p->zoho.insert(u"redirectUri"_s, context.demo()->credentials()["zoho"].toObject()["redirectUri"].toString());
        QString error;
        context.services()->profiles()->save(*p, &error);
    }

    // The application started again: a new window on the welcome page.
    QTreeWidget *welcome()
    {
        newWizard(ConnectionWizard::WelcomePageId);
        return find<QTreeWidget>(u"savedProfiles"_s);
    }
    QString healthOf(const QString &profile)
    {
        auto *list = wizard->page(ConnectionWizard::WelcomePageId)->findChild<QTreeWidget *>(u"savedProfiles"_s);
        for (int i = 0; i < list->topLevelItemCount(); ++i) {
            if (list->topLevelItem(i)->text(0) == profile)
                return list->topLevelItem(i)->text(WelcomePage::HealthColumn);
        }
        return {};
    }
    void select(const QString &profile)
    {
        auto *list = find<QTreeWidget>(u"savedProfiles"_s);
        for (int i = 0; i < list->topLevelItemCount(); ++i) {
            if (list->topLevelItem(i)->text(0) == profile)
                list->setCurrentItem(list->topLevelItem(i));
        }
    }
    void click(const char *button)
    {
        QTest::mouseClick(find<QPushButton>(QString::fromLatin1(button)), Qt::LeftButton);
    }

    // The keychain's value of name into *value (see readKeychain).
    [[nodiscard]] bool keychainValue(const char *name, QString *value)
    {
        return readKeychain(*this, &guard, name, value);
    }
    // Kills the saved sign-in at Zoho: revoked refresh token, stale access token.
    void killZohoSignIn()
    {
        zoho::ZohoSession s = context.services()->zohoFlow()->session();
        bool done = false;
        net::Error revoked;
        context.services()->zohoFlow()->authClient()->revoke(s, &guard, [&](const net::Error &e) {
            revoked = e;
            done = true;
        });
        if (!QTest::qWaitFor([&done] { return done; }, 5000))
            QTest::qFail("timed out after 5000 ms waiting for Zoho to revoke the refresh token", __FILE__, __LINE__);
        else if (revoked)
            QTest::qFail(qPrintable(u"Zoho did not revoke the refresh token: "_s + revoked.message), __FILE__,
                         __LINE__);
        done = false;
        store::SecretResult written;
        secrets->write(store::SecretStore::key(context.services()->profile()->id, u"zoho.accessToken"_s),
                       QString::fromUtf8(QJsonDocument(QJsonObject{{u"token"_s, u"stale"_s},
                                                                   {u"expiresAt"_s, u"2020-01-01T00:00:00Z"_s}})
                                             .toJson(QJsonDocument::Compact)),
                       &guard, [&](const store::SecretResult &r) {
                           written = r;
                           done = true;
                       });
        if (!QTest::qWaitFor([&done] { return done; }, 5000))
            QTest::qFail("timed out after 5000 ms waiting for the keychain to write the stale access token", __FILE__,
                         __LINE__);
        else if (!written.ok())
            QTest::qFail(qPrintable(u"the keychain could not write the stale access token: "_s + written.message),
                         __FILE__, __LINE__);
    }

    QObject guard;
};

} // namespace

class TestWizardDashboard : public QObject
{
    Q_OBJECT

private slots:
    // The helpers fail loudly (each failure is expected here, so the test passes only when they
    // report it): a keychain read that fails is no empty secret, a missing browser is no browser to
    // click in, a sign-in page that never shows is a timeout saying so.
    void helpersFailLoudly()
    {
        test::DemoRun run;
        QObject guard;
        QString value = u"untouched"_s;
        QEXPECT_FAIL("", "reading a secret the keychain does not hold fails the test", Continue);
        QVERIFY(!readKeychain(run, &guard, "zoho.refreshToken", &value));
        QCOMPARE(value, u"untouched"_s);
        QEXPECT_FAIL("", "signing in without a browser fails the test", Continue);
        QVERIFY(!test::consentInBrowser(nullptr, u"ana.lima@example.com"_s));
        QEXPECT_FAIL("", "a script without a browser fails the test", Continue);
        QVERIFY(!test::runScript(nullptr, u"true"_s).isValid());
        ConnectionWizard &wizard = run.newWizard(ConnectionWizard::WelcomePageId);
        QEXPECT_FAIL("", "a sign-in page that does not show fails the test", Continue);
        QVERIFY(!test::signInBrowser(wizard, 300));
    }

    void welcomeShowsTheConnectionAndItsHealth()
    {
        Returning r;
        QTreeWidget *list = r.welcome();
        QCOMPARE(list->topLevelItemCount(), 1);
        QVERIFY(list->topLevelItem(0)->text(WelcomePage::ZohoColumn).contains(u"ana.lima@example.com"_s));
        QVERIFY(list->topLevelItem(0)->text(WelcomePage::AdobeColumn).contains(u"sandbox prod"_s));
        QCOMPARE(list->topLevelItem(0)->text(WelcomePage::FlowsColumn), u"1"_s);
        QTRY_COMPARE_WITH_TIMEOUT(r.healthOf(u"default"_s), u"Works"_s, 15000);
        QVERIFY(r.find<QLabel>(u"profileDetails"_s)->text().contains(u"Zoho CRM Leads dataflow"_s));
        screenshot(r.wizard.get(), u"dashboard-welcome"_s);
        // A new connection needs a new name.
        QVERIFY(r.find<QLineEdit>(u"newProfileEdit"_s)->text() != u"default"_s);
        QVERIFY(r.advanceTo(ConnectionWizard::ZohoAppPageId));
        QCOMPARE(r.context.services()->profileName(),
                 r.wizard->page(0)->findChild<QLineEdit *>(u"newProfileEdit"_s)->text());
    }

    // The welcome page shows each part of the health check as it arrives: with the base
    // connection's answer held back by the sandbox, a dead Zoho sign-in is flagged (with
    // Reconnect) while that answer is still on its way, not only once the whole check ended.
    void healthShowsAPartBeforeTheWholeCheckEnds()
    {
        Returning r;
        r.killZohoSignIn();
        const QString baseRoute = u"flowservice/connections/[^/]+$"_s;
        const int baseReadsBefore = r.requests("GET", baseRoute);
        constexpr int kHeldBack = 8000;
        r.addFault(
            QJsonObject{{u"method"_s, u"GET"_s}, {u"route"_s, baseRoute}, {u"delay"_s, kHeldBack}, {u"count"_s, 1}});
        QElapsedTimer clock;
        clock.start();
        r.welcome();
        QTRY_VERIFY_WITH_TIMEOUT(r.healthOf(u"default"_s).startsWith(u"Needs attention"_s), kHeldBack / 2);
        QVERIFY2(clock.elapsed() < kHeldBack, qPrintable(u"shown after %1 ms"_s.arg(clock.elapsed())));
        QVERIFY(r.healthOf(u"default"_s).contains(u"Reconnect"_s));
        // The sandbox logs a request when it answers it: the base connection's is still held back.
        QCOMPARE(r.requests("GET", baseRoute), baseReadsBefore);
        r.http.send("DELETE", r.url(u"/_sandbox/faults"_s));
    }

    void deadSignInIsFlaggedAndReconnectSignsInAgain()
    {
        Returning r;
        r.killZohoSignIn();
        r.welcome();
        QTRY_VERIFY_WITH_TIMEOUT(r.healthOf(u"default"_s).startsWith(u"Needs attention"_s), 15000);
        QVERIFY(r.healthOf(u"default"_s).contains(u"Reconnect"_s));
        QString oldRefresh;
        QVERIFY(r.keychainValue("zoho.refreshToken", &oldRefresh));
        QVERIFY(!oldRefresh.isEmpty());
        r.click("reconnectButton");
        QTRY_COMPARE_WITH_TIMEOUT(r.wizard->currentId(), int(ConnectionWizard::ReconnectPageId), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(r.canAdvance(), 15000);
        QVERIFY(r.find<QLabel>(u"reconnectStatus"_s)->text().contains(u"sign in"_s));
        QVERIFY(r.advanceTo(ConnectionWizard::ZohoSignInPageId));
        ConsentBrowser *browser = test::signInBrowser(*r.wizard);
        QVERIFY(browser);
        QVERIFY(test::consentInBrowser(browser, u"ana.lima@example.com"_s));
        QTRY_COMPARE_WITH_TIMEOUT(r.wizard->currentId(), int(ConnectionWizard::ReconnectDonePageId), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(r.find<QLabel>(u"reconnectChanges"_s)->text().contains(u"Signed in to Zoho again"_s),
                                 15000);
        QString newRefresh;
        QVERIFY(r.keychainValue("zoho.refreshToken", &newRefresh));
        QVERIFY(!newRefresh.isEmpty() && newRefresh != oldRefresh);
        QCOMPARE(r.requests("PATCH", u"flowservice/connections/"_s, true), 1);
        // Healthy again.
        r.welcome();
        QTRY_COMPARE_WITH_TIMEOUT(r.healthOf(u"default"_s), u"Works"_s, 15000);
    }

    void reconnectWithAnotherUserIsRefused()
    {
        Returning r;
        r.killZohoSignIn();
        r.welcome();
        r.click("reconnectButton");
        QTRY_VERIFY_WITH_TIMEOUT(r.canAdvance(), 15000);
        QVERIFY(r.advanceTo(ConnectionWizard::ZohoSignInPageId));
        ConsentBrowser *browser = test::signInBrowser(*r.wizard);
        QVERIFY(test::consentInBrowser(browser, u"jonas.berg@example.eu"_s));
        QTRY_COMPARE_WITH_TIMEOUT(r.wizard->currentId(), int(ConnectionWizard::ReconnectDonePageId), 30000);
        auto *panel = r.page()->findChild<ErrorPanel *>();
        QTRY_VERIFY_WITH_TIMEOUT(panel->isVisible(), 15000);
        QVERIFY2(panel->message().contains(u"jonas.berg@example.eu"_s) &&
                     panel->message().contains(u"ana.lima@example.com"_s),
                 qPrintable(panel->message()));
        QCOMPARE(r.requests("PATCH", u"flowservice/connections/"_s), 0);
    }

    void reconnectWithAWorkingSignInUpdatesTheAccount()
    {
        Returning r;
        r.welcome();
        QTRY_COMPARE_WITH_TIMEOUT(r.healthOf(u"default"_s), u"Works"_s, 15000);
        // Another client changed the base connection meanwhile: the first PATCH meets a stale etag.
        r.addFault(QJsonObject{{u"method"_s, u"PATCH"_s},
                               {u"route"_s, u"flowservice/connections/"_s},
                               {u"status"_s, 412},
                               {u"count"_s, 1}});
        r.click("reconnectButton");
        QTRY_COMPARE_WITH_TIMEOUT(r.wizard->currentId(), int(ConnectionWizard::ReconnectPageId), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(r.canAdvance(), 15000);
        QVERIFY(r.advanceTo(ConnectionWizard::ReconnectDonePageId));
        const QString changes = r.find<QLabel>(u"reconnectChanges"_s)->text();
        QVERIFY2(changes.contains(u"new access token"_s) && changes.contains(u"uses the new credentials"_s),
                 qPrintable(changes));
        screenshot(r.wizard.get(), u"dashboard-reconnected"_s);
        QCOMPARE(r.requests("PATCH", u"flowservice/connections/"_s), 2); // the stale one and the retry
        QCOMPARE(r.requests("PATCH", u"flowservice/connections/"_s, true), 1);
    }

    void rotatedZohoSecretIsCheckedFirst()
    {
        Returning r;
        r.welcome();
        r.click("reconnectButton");
        QTRY_COMPARE_WITH_TIMEOUT(r.wizard->currentId(), int(ConnectionWizard::ReconnectPageId), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(r.canAdvance(), 15000);
        QString stored;
        QVERIFY(r.keychainValue("zoho.clientSecret", &stored));
        QVERIFY(!stored.isEmpty());
        QTest::keyClicks(r.find<QLineEdit>(u"newZohoSecretEdit"_s), u"not-the-secret"_s);
        r.click("rotateZohoButton");
        auto *panel = r.page()->findChild<ErrorPanel *>();
        QTRY_VERIFY_WITH_TIMEOUT(panel->isVisible(), 15000);
        QVERIFY(panel->message().contains(u"stored one is kept"_s));
        QString kept;
        QVERIFY(r.keychainValue("zoho.clientSecret", &kept));
        QVERIFY2(kept == stored, "the stored Zoho client secret changed"); // no QCOMPARE: it would print them
        QTest::keyClicks(r.find<QLineEdit>(u"newZohoSecretEdit"_s), stored);
        r.click("rotateZohoButton");
        QTRY_VERIFY_WITH_TIMEOUT(r.find<QLabel>(u"reconnectStatus"_s)->text().contains(u"new Zoho client secret"_s),
                                 15000);
        QVERIFY(r.find<QLineEdit>(u"newZohoSecretEdit"_s)->text().isEmpty()); // not left on screen
    }

    void addAnotherDataflowStartsAtSelectData()
    {
        Returning r;
        r.welcome();
        QTRY_VERIFY_WITH_TIMEOUT(r.find<QPushButton>(u"addFlowButton"_s)->isEnabled(), 15000);
        r.click("addFlowButton");
        QTRY_COMPARE_WITH_TIMEOUT(r.wizard->currentId(), int(ConnectionWizard::SelectDataPageId), 15000);
        QVERIFY(test::walkSetupTo(*r.wizard, ConnectionWizard::DonePageId, u"Contacts"_s));
        QCOMPARE(r.posts(Step::BaseConnection, true), 1); // the stored account, not a new one
        QCOMPARE(r.posts(Step::Flow, true), 2);
        r.welcome();
        QCOMPARE(r.find<QTreeWidget>(u"savedProfiles"_s)->topLevelItem(0)->text(WelcomePage::FlowsColumn), u"2"_s);
    }

    void halfFinishedSetupIsResumed()
    {
        Returning r;
        // A second dataflow whose creation stops at the target connection; the window is closed.
        r.welcome();
        QTRY_VERIFY_WITH_TIMEOUT(r.find<QPushButton>(u"addFlowButton"_s)->isEnabled(), 15000);
        r.addFault(QJsonObject{{u"method"_s, u"POST"_s},
                               {u"route"_s, r.routeOf(Step::TargetConnection)},
                               {u"status"_s, 500},
                               {u"count"_s, 1}});
        r.click("addFlowButton");
        QTRY_COMPARE_WITH_TIMEOUT(r.wizard->currentId(), int(ConnectionWizard::SelectDataPageId), 15000);
        QVERIFY(test::walkSetupTo(*r.wizard, ConnectionWizard::CreatePageId, u"Contacts"_s));
        QTRY_VERIFY_WITH_TIMEOUT(r.page()->findChild<ErrorPanel *>()->isVisible(), 20000);
        r.wizard.reset();

        r.welcome();
        QTRY_VERIFY_WITH_TIMEOUT(r.healthOf(u"default"_s).contains(u"Contacts stopped half-way"_s), 15000);
        QVERIFY(r.find<QPushButton>(u"resumeButton"_s)->isEnabled());
        r.click("resumeButton");
        QTRY_COMPARE_WITH_TIMEOUT(r.wizard->currentId(), int(ConnectionWizard::CreatePageId), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(r.canAdvance(), 30000);
        QCOMPARE(r.posts(Step::SourceConnection, true), 2); // Leads and Contacts, none twice
        QCOMPARE(r.posts(Step::TargetConnection, true), 2);
        QCOMPARE(r.posts(Step::Flow, true), 2);
    }

    void manageDisableEnableRescheduleDelete()
    {
        Returning r;
        r.welcome();
        QTRY_VERIFY_WITH_TIMEOUT(r.find<QPushButton>(u"manageButton"_s)->isEnabled(), 15000);
        r.click("manageButton");
        QTRY_COMPARE_WITH_TIMEOUT(r.wizard->currentId(), int(ConnectionWizard::ManagePageId), 15000);
        auto *flows = r.find<QTreeWidget>(u"manageFlows"_s);
        QTRY_COMPARE_WITH_TIMEOUT(flows->topLevelItemCount(), 1, 15000);
        QTRY_COMPARE(flows->topLevelItem(0)->text(2), u"enabled"_s);
        QCOMPARE(flows->topLevelItem(0)->text(3), u"hour/1"_s);
        screenshot(r.wizard.get(), u"dashboard-manage"_s);

        QTRY_VERIFY(r.find<QPushButton>(u"disableFlowButton"_s)->isEnabled());
        r.click("disableFlowButton");
        QTRY_COMPARE_WITH_TIMEOUT(flows->topLevelItemCount() > 0 ? flows->topLevelItem(0)->text(2) : QString(),
                                  u"disabled"_s, 15000);
        QTRY_VERIFY(r.find<QPushButton>(u"enableFlowButton"_s)->isEnabled());
        r.click("enableFlowButton");
        QTRY_COMPARE_WITH_TIMEOUT(flows->topLevelItemCount() > 0 ? flows->topLevelItem(0)->text(2) : QString(),
                                  u"enabled"_s, 15000);

        // AEP's minimum is refused before any request; a valid schedule is applied.
        auto *frequency = r.find<QComboBox>(u"manageFrequencyCombo"_s);
        auto *interval = r.find<QSpinBox>(u"manageIntervalSpin"_s);
        QTRY_VERIFY(r.find<QPushButton>(u"applyScheduleButton"_s)->isEnabled());
        frequency->setCurrentIndex(frequency->findData(u"minute"_s));
        interval->setValue(10);
        QVERIFY(!r.find<QPushButton>(u"applyScheduleButton"_s)->isEnabled());
        QVERIFY(r.find<QLabel>(u"manageScheduleProblem"_s)->text().contains(u"15"_s));
        interval->setValue(30);
        r.click("applyScheduleButton");
        QTRY_COMPARE_WITH_TIMEOUT(flows->topLevelItemCount() > 0 ? flows->topLevelItem(0)->text(3) : QString(),
                                  u"minute/30"_s, 15000);
        QCOMPARE(r.requests("PATCH", u"flowservice/flows/"_s, true), 1);

        // Delete, confirmed in the question box.
        QTimer::singleShot(0, [] {
            QTRY_VERIFY(qobject_cast<QMessageBox *>(QApplication::activeModalWidget()));
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
        });
        r.click("deleteFlowButton");
        QTRY_COMPARE_WITH_TIMEOUT(flows->topLevelItemCount(), 0, 15000);
        QCOMPARE(r.requests("DELETE", u"flowservice/flows/"_s, true), 1);
    }

    void forgetDeletesEverythingInOrder()
    {
        Returning r;
        const QString profileId = r.context.services()->profile()->id;
        r.welcome();
        QTRY_VERIFY_WITH_TIMEOUT(r.healthOf(u"default"_s) == u"Works"_s, 15000);
        r.click("forgetButton");
        QTRY_COMPARE_WITH_TIMEOUT(r.wizard->currentId(), int(ConnectionWizard::ForgetPageId), 15000);
        r.find<QCheckBox>(u"deleteRemoteCheck"_s)->setChecked(true);
        r.click("forgetNowButton");
        QTRY_VERIFY_WITH_TIMEOUT(r.find<QLabel>(u"forgetResult"_s)->text().contains(u"forgotten"_s), 20000);
        QVERIFY(r.find<QLabel>(u"forgetResult"_s)->text().contains(u"revoked"_s));
        // AEP's order: flow, source, target, base connection.
        const QJsonArray log = r.http.get(r.url(u"/_sandbox/requests"_s)).object().value(u"requests"_s).toArray();
        QStringList deletes;
        for (const QJsonValue &v : log) {
            if (v.toObject().value(u"method"_s).toString() == u"DELETE"_s)
                deletes << v.toObject().value(u"path"_s).toString().section(u'/', -2, -2);
        }
        QCOMPARE(deletes, (QStringList{u"flows"_s, u"sourceConnections"_s, u"targetConnections"_s, u"connections"_s}));
        QVERIFY(!r.context.services()->profiles()->exists(u"default"_s));
        for (const QString &key : r.secrets->keys())
            QVERIFY2(!key.contains(profileId), qPrintable(key));
        // The welcome page has nothing left to show.
        r.welcome();
        QVERIFY(r.find<QTreeWidget>(u"savedProfiles"_s)->isHidden());
    }

    void twoConnectionsSideBySide()
    {
        Returning r(u"first"_s);
        const QString firstId = r.context.services()->profile()->id;
        r.setUp(u"second"_s, u"ana.lima@example.com"_s);
        const QString secondId = r.context.services()->profile()->id;
        QVERIFY(firstId != secondId);
        r.welcome();
        QCOMPARE(r.find<QTreeWidget>(u"savedProfiles"_s)->topLevelItemCount(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(r.healthOf(u"first"_s), u"Works"_s, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(r.healthOf(u"second"_s), u"Works"_s, 15000);
        // Forget the first: the second keeps its secrets and its health.
        r.select(u"first"_s);
        r.click("forgetButton");
        QTRY_COMPARE_WITH_TIMEOUT(r.wizard->currentId(), int(ConnectionWizard::ForgetPageId), 15000);
        r.click("forgetNowButton");
        QTRY_VERIFY_WITH_TIMEOUT(r.find<QLabel>(u"forgetResult"_s)->text().contains(u"forgotten"_s), 20000);
        QStringList firstKeys, secondKeys;
        for (const QString &key : r.secrets->keys()) {
            if (key.contains(firstId))
                firstKeys << key;
            if (key.contains(secondId))
                secondKeys << key;
        }
        QVERIFY(firstKeys.isEmpty());
        QVERIFY(secondKeys.size() >= 3);
        r.welcome();
        QCOMPARE(r.find<QTreeWidget>(u"savedProfiles"_s)->topLevelItemCount(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(r.healthOf(u"second"_s), u"Works"_s, 15000);
    }

    void secondDemoRunShowsTheConnection()
    {
        QTemporaryDir folder;
        {
            Returning first;
            Q_UNUSED(first);
            // The first run's folder is its own; copy nothing: run the second on the same folder.
            QDir().mkpath(folder.path());
            QFile::copy(first.dir + u"/sandbox.json"_s, folder.path() + u"/sandbox.json"_s);
            QDir().mkpath(folder.path() + u"/config/profiles"_s);
            for (const QString &f : QDir(first.dir + u"/config/profiles"_s).entryList(QDir::Files))
                QFile::copy(first.dir + u"/config/profiles/"_s + f, folder.path() + u"/config/profiles/"_s + f);
        }
        // A new sandbox on a new port, from the saved state: the profile and its objects are there.
        test::DemoRun second(folder.path());
        second.newWizard(ConnectionWizard::WelcomePageId);
        auto *list = second.find<QTreeWidget>(u"savedProfiles"_s);
        QCOMPARE(list->topLevelItemCount(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(list->topLevelItem(0)->text(WelcomePage::HealthColumn), u"Works"_s, 15000);
    }
};

QTEST_MAIN(TestWizardDashboard)
#include "tst_wizard_dashboard.moc"

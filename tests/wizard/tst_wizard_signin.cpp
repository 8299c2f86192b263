// SPDX-License-Identifier: GPL-3.0-or-later
// Zoho sign-in in the wizard, end to end against the in-process sandbox: the real consent page
// in the real embedded browser (offscreen), the system-browser fallback through the loopback
// listener, the paste fallback, Deny and retry, the commit page, the Zoho app page's
// validation, and the no-keychain path.
#include "ConsentDriver.h"
#include "WizardDriver.h"
#include "net/HttpClient.h"
#include "store/MemorySecretStore.h"
#include "store/ProfileStore.h"
#include "wizard/ErrorPanel.h"
#include "wizard/ZohoSignInPage.h"

#include <QAbstractButton>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace zaw;
using namespace zaw::test;

namespace {

QString labelText(QWidget &w, const char *name)
{
    auto *label = w.findChild<QLabel *>(QString::fromLatin1(name));
    return label ? label->text() : QStringLiteral("<missing %1>").arg(QString::fromLatin1(name));
}

// With ZAW_SCREENSHOT_DIR set, key moments are saved as PNG files for a person to look at.
void screenshot(QWidget *w, const QString &name)
{
    const QString dir = qEnvironmentVariable("ZAW_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QTest::qWait(300);
        w->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
    }
}

// A person's click (mouse press and release on the view's render widget) on the element with this
// id: unlike a script's click(), Chromium counts it as a user gesture.
bool realClick(ConsentBrowser *browser, const QString &id)
{
    const QVariantList centre =
        runScript(browser, QStringLiteral("(function(){const e=document.getElementById('%1');"
                                          "e.scrollIntoView({block:'center'});const r=e.getBoundingClientRect();"
                                          "return [r.left+r.width/2, r.top+r.height/2];})()")
                               .arg(id))
            .toList();
    auto *view = browser->findChild<QWidget *>(QStringLiteral("consentWebView"));
    if (centre.size() != 2 || !view || !view->focusProxy())
        return false;
    QTest::mouseClick(view->focusProxy(), Qt::LeftButton, {}, QPoint(centre[0].toInt(), centre[1].toInt()));
    return true;
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

// A demo wizard with its own sandbox, config folder and in-memory keychain.
struct DemoWizard
{
    DemoWizard()
    {
        QString error;
        if (!context.startDemo(dir.filePath(QStringLiteral("sandbox.json")), &error))
            qFatal("demo did not start: %s", qPrintable(error));
        context.services()->setProfileLocation(dir.filePath(QStringLiteral("config")), QStringLiteral("default"));
        context.services()->setSecretStore(&secrets);
        wizard = std::make_unique<ConnectionWizard>(&context);
        wizard->show();
    }

    QUrl sandboxUrl(const QString &path) const
    {
        QUrl u = context.demo()->url();
        u.setPath(path);
        return u;
    }

    QTemporaryDir dir;
    WizardContext context;
    store::MemorySecretStore secrets;
    std::unique_ptr<ConnectionWizard> wizard;
    Http http;
};

} // namespace

class TestWizardSignIn : public QObject
{
    Q_OBJECT

private slots:
    void webEngineIsNotLoadedAtStartUp()
    {
        DemoWizard d;
        QVERIFY(QTest::qWaitForWindowExposed(d.wizard.get()));
        QVERIFY(clickNext(*d.wizard)); // to the Zoho app page
        QVERIFY(!consentBrowserLoaded());
    }

    void embeddedConsentForAnEuUserStartingAtUs()
    {
        DemoWizard d;
        QCOMPARE(d.context.services()->zohoSettings().startDc, QStringLiteral("us"));
        screenshot(d.wizard.get(), "1-welcome");
        QVERIFY(clickNext(*d.wizard));
        screenshot(d.wizard.get(), "2-zoho-app");
        d.wizard->back();
        QVERIFY(goToSignIn(*d.wizard));
        QVERIFY(consentBrowserLoaded());
        ConsentBrowser *browser = signInBrowser(*d.wizard);
        QVERIFY(browser);
        QVERIFY(waitForElement(browser, QStringLiteral("login")));
        screenshot(d.wizard.get(), "3-sign-in");
        QVERIFY(consentInBrowser(browser, QStringLiteral("jonas.berg@example.eu")));
        QTRY_COMPARE_WITH_TIMEOUT(d.wizard->currentId(), int(ConnectionWizard::ZohoAccountPageId), 30000);

        screenshot(d.wizard.get(), "4-account");
        QCOMPARE(labelText(*d.wizard, "accountEmail"), QStringLiteral("jonas.berg@example.eu"));
        QVERIFY(labelText(*d.wizard, "accountDataCenter").startsWith("eu"));
        QCOMPARE(labelText(*d.wizard, "accountEnvironment"), QStringLiteral("Production"));
        QVERIFY(!labelText(*d.wizard, "accountOrg").isEmpty());
        QVERIFY(!labelText(*d.wizard, "accountEdition").isEmpty());
        QVERIFY(labelText(*d.wizard, "keychainStatus").contains("keychain"));
        // The code went to the EU accounts server, never to the US one.
        const QJsonArray log = d.http.get(d.sandboxUrl("/_sandbox/requests")).object()["requests"].toArray();
        int euTokens = 0, usTokens = 0;
        for (const QJsonValue &v : log) {
            const QString path = v.toObject()["path"].toString();
            euTokens += path == QLatin1String("/zoho/eu/accounts/oauth/v2/token");
            usTokens += path == QLatin1String("/zoho/us/accounts/oauth/v2/token");
            // The redirect URI was never loaded (it would have been a request to the listener port,
            // not the sandbox; the sandbox saw no callback either).
            QVERIFY(!path.contains("callback"));
        }
        QCOMPARE(euTokens, 1);
        QCOMPARE(usTokens, 0);
        // Secrets in the keychain under the profile id; the profile holds none.
        store::Profile *profile = d.context.services()->profile();
        QVERIFY(d.secrets.keys().contains(store::SecretStore::key(profile->id, "zoho.refreshToken")));
        QVERIFY(d.secrets.keys().contains(store::SecretStore::key(profile->id, "zoho.clientSecret")));
        QFile file(d.dir.filePath("config/profiles/default.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray json = file.readAll();
        QVERIFY(json.contains("\"dc\": \"eu\"") || json.contains("\"dc\":\"eu\""));
        QVERIFY(!json.contains(d.context.services()->zohoSettings().clientSecret.toUtf8()));
        QVERIFY(!json.contains(d.context.services()->zohoFlow()->session().refreshToken.toUtf8()));

        // Commit page: Back cannot reopen consent.
        QVERIFY(!d.wizard->button(QWizard::BackButton)->isVisible() ||
                !d.wizard->button(QWizard::BackButton)->isEnabled());
    }

    void denyThenTryAgain()
    {
        DemoWizard d;
        QVERIFY(goToSignIn(*d.wizard));
        ConsentBrowser *browser = signInBrowser(*d.wizard);
        const QUrl firstAttempt = d.wizard->findChild<ZohoSignInPage *>()->consentUrl();
        QVERIFY(consentInBrowser(browser, QStringLiteral("ana.lima@example.com"), QStringLiteral("deny")));
        auto *panel = d.wizard->currentPage()->findChild<ErrorPanel *>(QStringLiteral("errorPanel"));
        QTRY_VERIFY_WITH_TIMEOUT(panel->isVisible(), 20000);
        QVERIFY(panel->message().contains("Accept"));
        QCOMPARE(d.wizard->currentId(), int(ConnectionWizard::ZohoSignInPageId));
        QVERIFY(!d.wizard->button(QWizard::CommitButton)->isEnabled());
        QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("retryButton")), Qt::LeftButton);
        QVERIFY(!panel->isVisible());
        // A new attempt has a new state.
        const QUrl secondAttempt = d.wizard->findChild<ZohoSignInPage *>()->consentUrl();
        QVERIFY(QUrlQuery(secondAttempt).queryItemValue("state") != QUrlQuery(firstAttempt).queryItemValue("state"));
        QVERIFY(consentInBrowser(browser, QStringLiteral("ana.lima@example.com")));
        QTRY_COMPARE_WITH_TIMEOUT(d.wizard->currentId(), int(ConnectionWizard::ZohoAccountPageId), 30000);
        QCOMPARE(labelText(*d.wizard, "accountEmail"), QStringLiteral("ana.lima@example.com"));
    }

    void systemBrowserThroughTheLoopbackListener()
    {
        DemoWizard d;
        const quint16 port = freePort();
        const QString redirect = QStringLiteral("http://127.0.0.1:%1/zaw-callback").arg(port);
        QCOMPARE(d.http.postJson(d.sandboxUrl("/_sandbox/clients"), QJsonObject{{"redirectUri", redirect}}).status,
                 201);
        zoho::ZohoAppSettings settings = d.context.services()->zohoSettings();
        settings.redirectUri = redirect;
        d.context.services()->setZohoSettings(settings);
        QUrl opened;
        ZohoSignInPage::setExternalOpener([&opened](const QUrl &url) {
            opened = url;
            return true;
        });
        QVERIFY(goToSignIn(*d.wizard));
        auto *page = d.wizard->findChild<ZohoSignInPage *>();
        QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("openExternalButton")), Qt::LeftButton);
        QCOMPARE(opened, page->consentUrl());
        QCOMPARE(page->listenerPort(), port);
        // "The system browser": consent over HTTP, then it follows the redirect to the listener.
        const ConsentOutcome outcome = runConsent(d.http, opened, QStringLiteral("ana.lima@example.com"));
        QCOMPARE(outcome.status, 302);
        QCOMPARE(outcome.redirect.port(), int(port));
        // Another path on the listener is a 404 and the wait goes on.
        QUrl other = outcome.redirect;
        other.setPath("/favicon.ico");
        QCOMPARE(d.http.get(other).status, 404);
        const HttpResult browserPage = d.http.get(outcome.redirect);
        QCOMPARE(browserPage.status, 200);
        QVERIFY(browserPage.body.contains("close this tab"));
        QTRY_COMPARE_WITH_TIMEOUT(d.wizard->currentId(), int(ConnectionWizard::ZohoAccountPageId), 20000);
        ZohoSignInPage::setExternalOpener([](const QUrl &) { return false; });
    }

    void pastedFinalUrl()
    {
        DemoWizard d;
        QVERIFY(goToSignIn(*d.wizard));
        auto *page = d.wizard->findChild<ZohoSignInPage *>();
        const ConsentOutcome outcome = runConsent(d.http, page->consentUrl(), QStringLiteral("ana.lima@example.com"));
        QCOMPARE(outcome.status, 302);
        auto *edit = page->findChild<QLineEdit *>(QStringLiteral("pasteUrlEdit"));
        // Something else first: a clear message, the page stays.
        QTest::keyClicks(edit, QStringLiteral("https://example.com/elsewhere?code=x"));
        QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("pasteUrlButton")), Qt::LeftButton);
        auto *panel = page->findChild<ErrorPanel *>();
        QTRY_VERIFY(panel->isVisible());
        QVERIFY(panel->message().contains("redirect URI"));
        edit->clear();
        QTest::keyClicks(edit, outcome.redirect.toString(QUrl::FullyEncoded));
        QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("pasteUrlButton")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(d.wizard->currentId(), int(ConnectionWizard::ZohoAccountPageId), 20000);
    }

    void popUpsGoToTheSystemBrowser()
    {
        DemoWizard d;
        QList<QUrl> opened;
        ZohoSignInPage::setExternalOpener([&opened](const QUrl &url) {
            opened << url;
            return true;
        });
        QVERIFY(goToSignIn(*d.wizard));
        ConsentBrowser *browser = signInBrowser(*d.wizard);
        QVERIFY(waitForElement(browser, QStringLiteral("help")));
        const QUrl before = browser->currentUrl();
        // A script "click" is no user action: nothing reaches the system browser.
        runScript(browser, QStringLiteral("document.getElementById('help').click(); true"));
        QTest::qWait(1000);
        QVERIFY2(opened.isEmpty(), qPrintable(opened.value(0).toString()));
        // A real click does, once.
        QVERIFY(realClick(browser, QStringLiteral("help")));
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 10000);
        QVERIFY(opened.first().path().endsWith(QLatin1String("/accounts/oauth/v2/help")));
        QCOMPARE(d.http.get(opened.first()).status, 200);
        QCOMPARE(browser->currentUrl(), before); // the consent page stays where it was
        // The address line shows the sandbox's host, without a warning in demo mode.
        auto *address = browser->findChild<QLineEdit *>(QStringLiteral("consentAddress"));
        QVERIFY(address);
        QCOMPARE(address->text(), QStringLiteral("http://%1:%2").arg(before.host()).arg(before.port()));
        QVERIFY(!browser->findChild<QLabel *>(QStringLiteral("consentAddressWarning"))->isVisible());
        ZohoSignInPage::setExternalOpener([](const QUrl &) { return false; });
    }

    void noLinkWithoutABoundListener()
    {
        DemoWizard d;
        // Another program holds the redirect URI's port.
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
        const quint16 port = squatter.serverPort();
        const QString redirect = QStringLiteral("http://127.0.0.1:%1/zaw-callback").arg(port);
        QCOMPARE(d.http.postJson(d.sandboxUrl("/_sandbox/clients"), QJsonObject{{"redirectUri", redirect}}).status,
                 201);
        zoho::ZohoAppSettings settings = d.context.services()->zohoSettings();
        settings.redirectUri = redirect;
        d.context.services()->setZohoSettings(settings);
        QList<QUrl> opened;
        ZohoSignInPage::setExternalOpener([&opened](const QUrl &url) {
            opened << url;
            return true;
        });
        QApplication::clipboard()->setText(QStringLiteral("before"));
        QVERIFY(goToSignIn(*d.wizard));
        auto *page = d.wizard->findChild<ZohoSignInPage *>();
        auto *open = page->findChild<QPushButton *>(QStringLiteral("openExternalButton"));
        auto *copy = page->findChild<QPushButton *>(QStringLiteral("copyLinkButton"));
        QTest::mouseClick(open, Qt::LeftButton);
        QVERIFY2(opened.isEmpty(), "the consent link was opened without a bound listener");
        auto *panel = page->findChild<ErrorPanel *>();
        QTRY_VERIFY(panel->isVisible());
        QVERIFY2(panel->message().contains(QString::number(port)), qPrintable(panel->message()));
        QVERIFY(panel->message().contains(QStringLiteral("Try again")));
        // Neither way is offered any more in this attempt.
        QVERIFY(!open->isEnabled());
        QVERIFY(!copy->isEnabled());
        QTest::mouseClick(copy, Qt::LeftButton);
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("before"));
        // Once the port is free, Try again offers both again and the link goes out.
        squatter.close();
        QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("retryButton")), Qt::LeftButton);
        QVERIFY(open->isEnabled());
        QTest::mouseClick(open, Qt::LeftButton);
        QCOMPARE(opened.size(), 1);
        QCOMPARE(page->listenerPort(), port);
        ZohoSignInPage::setExternalOpener([](const QUrl &) { return false; });
    }

    void wrongSecretIsExplained()
    {
        DemoWizard d;
        QVERIFY(clickNext(*d.wizard));
        auto *secret = d.wizard->findChild<QLineEdit *>(QStringLiteral("clientSecretEdit"));
        secret->clear();
        QTest::keyClicks(secret, QStringLiteral("not-the-secret"));
        QVERIFY(clickNext(*d.wizard));
        QVERIFY(consentInBrowser(signInBrowser(*d.wizard), QStringLiteral("ana.lima@example.com")));
        auto *panel = d.wizard->findChild<ZohoSignInPage *>()->findChild<ErrorPanel *>();
        QTRY_VERIFY_WITH_TIMEOUT(panel->isVisible(), 20000);
        QVERIFY2(panel->message().contains("client secret"), qPrintable(panel->message()));
        QCOMPARE(d.wizard->currentId(), int(ConnectionWizard::ZohoSignInPageId));
    }

    void zohoAppPageValidatesAndKeepsInput()
    {
        DemoWizard d;
        QVERIFY(clickNext(*d.wizard));
        auto *id = d.wizard->findChild<QLineEdit *>(QStringLiteral("clientIdEdit"));
        auto *redirect = d.wizard->findChild<QLineEdit *>(QStringLiteral("redirectUriEdit"));
        auto *scopes = d.wizard->findChild<QPlainTextEdit *>(QStringLiteral("scopesEdit"));
        QVERIFY(d.wizard->button(QWizard::NextButton)->isEnabled()); // demo client prefilled

        id->clear();
        QTest::keyClicks(id, QStringLiteral(" "));
        QVERIFY(!d.wizard->button(QWizard::NextButton)->isEnabled());
        QVERIFY(labelText(*d.wizard, "clientIdError").contains("client ID"));
        id->clear();
        QTest::keyClicks(id, QStringLiteral("1000.TYPEDBYHAND"));

        redirect->clear();
        QTest::keyClicks(redirect, QStringLiteral("http://example.com/cb"));
        QVERIFY(!d.wizard->button(QWizard::NextButton)->isEnabled());
        QVERIFY(labelText(*d.wizard, "redirectUriError").contains("https"));
        redirect->clear();
        QTest::keyClicks(redirect, QStringLiteral("http://127.0.0.1:47913/callback"));
        QCOMPARE(labelText(*d.wizard, "registerRedirectValue"), QStringLiteral("http://127.0.0.1:47913/callback"));
        QCOMPARE(labelText(*d.wizard, "homepageValue"), QStringLiteral("http://127.0.0.1:47913"));

        scopes->setPlainText(QStringLiteral("ZohoCRM.modules.READ"));
        QVERIFY(!d.wizard->button(QWizard::NextButton)->isEnabled());
        QVERIFY(labelText(*d.wizard, "scopesError").contains("ZohoCRM.users.READ"));
        scopes->setPlainText(QStringLiteral("ZohoCRM.modules.READ, ZohoCRM.users.READ, ZohoCRM.org.READ, bad scope!"));
        QVERIFY(labelText(*d.wizard, "scopesError").contains("bad"));
        scopes->setPlainText(QStringLiteral("ZohoCRM.modules.READ, ZohoCRM.users.READ, ZohoCRM.org.READ"));
        QVERIFY(d.wizard->button(QWizard::NextButton)->isEnabled());

        // Back and forth keeps what was typed.
        d.wizard->back();
        QVERIFY(clickNext(*d.wizard));
        QCOMPARE(id->text(), QStringLiteral("1000.TYPEDBYHAND"));
        QVERIFY(scopes->toPlainText().contains("ZohoCRM.org.READ"));
    }

    void networkSettingsKeepThePasswordInTheKeychain()
    {
        DemoWizard d;
        QTimer::singleShot(0, [&] {
            QTRY_VERIFY(QApplication::activeModalWidget());
            QWidget *dialog = QApplication::activeModalWidget();
            QCOMPARE(dialog->objectName(), QStringLiteral("networkSettingsDialog"));
            dialog->findChild<QRadioButton *>(QStringLiteral("manualProxyRadio"))->setChecked(true);
            QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("proxyHostEdit")), "proxy.example.test");
            dialog->findChild<QSpinBox *>(QStringLiteral("proxyPortSpin"))->setValue(8080);
            QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("proxyUserEdit")), "alice");
            QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("proxyPasswordEdit")), "pr0xy-pa55");
            QMetaObject::invokeMethod(dialog, "accept");
        });
        QTest::mouseClick(d.wizard->button(QWizard::CustomButton1), Qt::LeftButton);
        QCOMPARE(d.context.services()->http()->proxy().hostName(), QStringLiteral("proxy.example.test"));
        QCOMPARE(d.context.services()->http()->proxy().port(), quint16(8080));
        QCOMPARE(QNetworkProxy::applicationProxy().hostName(), QStringLiteral("proxy.example.test"));
        QTRY_VERIFY(d.secrets.keys().contains(store::SecretStore::key("global", "proxy.password")));
        QFile ini(d.dir.filePath("config/network.ini"));
        QVERIFY(ini.open(QIODevice::ReadOnly));
        const QByteArray text = ini.readAll();
        QVERIFY(text.contains("proxy.example.test"));
        QVERIFY(!text.contains("pr0xy-pa55"));
        // Back to the system settings.
        net::ProxySettings system;
        d.context.network()->setProxy(system, std::nullopt);
        QCOMPARE(d.context.services()->http()->proxy().type(), QNetworkProxy::DefaultProxy);
    }

    void noUsableKeychain()
    {
        DemoWizard d;
        d.secrets.setAvailable(false);
        QVERIFY(goToSignIn(*d.wizard));
        QVERIFY(consentInBrowser(signInBrowser(*d.wizard), QStringLiteral("ana.lima@example.com")));
        QTRY_COMPARE_WITH_TIMEOUT(d.wizard->currentId(), int(ConnectionWizard::ZohoAccountPageId), 30000);
        QVERIFY2(labelText(*d.wizard, "keychainStatus").contains("no usable keychain"),
                 qPrintable(labelText(*d.wizard, "keychainStatus")));
        QVERIFY(d.secrets.keys().isEmpty());
    }

    // Last, since it loads WebEngine for the rest of the process. The whole wizard as a user
    // clicks it in demo mode: consent in the embedded browser, then
    // every Experience Platform page, to an enabled dataflow whose first run is reported.
    void wholeWizardFromWelcomeToFirstRun()
    {
        DemoWizard d;
        QVERIFY(goToSignIn(*d.wizard));
        ConsentBrowser *browser = signInBrowser(*d.wizard);
        QVERIFY(browser);
        QVERIFY(consentInBrowser(browser, QStringLiteral("ana.lima@example.com")));
        QTRY_COMPARE_WITH_TIMEOUT(d.wizard->currentId(), int(ConnectionWizard::ZohoAccountPageId), 30000);
        QVERIFY(advanceTo(*d.wizard, ConnectionWizard::AdobeCredentialsPageId));
        int shot = 5;
        QVERIFY(
            walkSetupTo(*d.wizard, ConnectionWizard::DonePageId, QStringLiteral("Leads"), {}, [&](const QString &page) {
                screenshot(d.wizard.get(), QStringLiteral("%1-%2").arg(shot++).arg(page));
            }));
        auto *state = d.wizard->currentPage()->findChild<QLabel *>(QStringLiteral("flowState"));
        auto *run = d.wizard->currentPage()->findChild<QLabel *>(QStringLiteral("firstRun"));
        QTRY_COMPARE_WITH_TIMEOUT(state->text(), QStringLiteral("Enabled"), 10000);
        QTest::mouseClick(d.wizard->currentPage()->findChild<QPushButton *>(QStringLiteral("runNowButton")),
                          Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(run->text().startsWith(QLatin1String("Succeeded")), 40000);
        screenshot(d.wizard.get(), QStringLiteral("%1-done").arg(shot));
        QVERIFY(d.wizard->button(QWizard::FinishButton)->isVisible());
        QVERIFY(!d.wizard->button(QWizard::BackButton)->isEnabled() ||
                !d.wizard->button(QWizard::BackButton)->isVisible());
    }
};

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    TestWizardSignIn test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_wizard_signin.moc"

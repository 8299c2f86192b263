// SPDX-License-Identifier: GPL-3.0-or-later
// The secret-leak scan over the wizard's whole demo, as the shipped demo runs it (built-in
// sandbox, real keychain, real embedded browser, every zaw log category on), in a child process:
// Zoho sign-in in the embedded browser, the Adobe credential, a dataflow created (flow mode), a
// second connection in sync mode with its first sync (the schedule's files written), the dashboard
// with the connections' health, and a reconnect. Meanwhile this process watches the child and
// everything it starts (QtWebEngineProcess, a stand-in xdg-open): command lines and environments.
// Afterwards no client secret, token or grant code (read from the real keychain and from the demo
// sandbox's state) may be in any file under the child's config, cache, data, state, temp and home
// folders, in its output, or in those command lines and environments. A hit names the place and
// the secret, never the secret itself.
#include "LeakScan.h"
#include "TestSkip.h"
#include "WizardDriver.h"
#include "store/KeychainSecretStore.h"
#include "store/SecretStore.h"
#include "wizard/ConnectionWizard.h"
#include "wizard/WelcomePage.h"
#include "wizard/WizardContext.h"
#include "wizard/WizardServices.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUrlQuery>

#include <cstdio>

using namespace zaw;
using namespace zaw::test;
using namespace zaw::test::leak;

namespace {

// The demo sandbox's database: it plays Zoho's and Adobe's servers, so it holds what they issued
// by design. Only this one file is left out of the scan (and read for the tokens to look for).
const char kSandboxState[] = "demo-sandbox-state.json";

void step(const char *what)
{
    std::printf("CHILD-STEP %s\n", what);
    std::fflush(stdout);
}

int failed(ConnectionWizard &wizard, int code, const char *what)
{
    std::printf("CHILD-FAILED %s on page %d (%s)\n", what, wizard.currentId(),
                wizard.currentPage() ? qPrintable(wizard.currentPage()->objectName()) : "none");
    std::fflush(stdout);
    return code;
}

// Everything a window shows or tells assistive technology goes to the output to be searched.
void printWidgetTexts()
{
    for (QWidget *w : QApplication::allWidgets()) {
        QStringList texts{w->windowTitle(), w->accessibleName(), w->accessibleDescription(),
                          w->toolTip(),     w->statusTip(),      w->whatsThis()};
        if (auto *label = qobject_cast<QLabel *>(w))
            texts << label->text();
        if (auto *edit = qobject_cast<QLineEdit *>(w); edit && edit->echoMode() == QLineEdit::Normal)
            texts << edit->text();
        if (QAccessibleInterface *a = QAccessible::queryAccessibleInterface(w))
            texts << a->text(QAccessible::Name) << a->text(QAccessible::Value) << a->text(QAccessible::Description);
        std::printf("widget %s: %s\n", qPrintable(w->objectName()), qPrintable(texts.join(QLatin1Char('|'))));
    }
    std::fflush(stdout);
}

bool selectProfile(ConnectionWizard &wizard, const QString &name)
{
    auto *list = wizard.currentPage()->findChild<QTreeWidget *>(QStringLiteral("savedProfiles"));
    if (!list || !QTest::qWaitFor([list] { return list->topLevelItemCount() > 0; }, 15000))
        return false;
    for (int i = 0; i < list->topLevelItemCount(); ++i) {
        if (list->topLevelItem(i)->text(WelcomePage::NameColumn) == name) {
            list->setCurrentItem(list->topLevelItem(i));
            return true;
        }
    }
    return false;
}

QString healthOf(ConnectionWizard &wizard, const QString &name)
{
    auto *list =
        wizard.page(ConnectionWizard::WelcomePageId)->findChild<QTreeWidget *>(QStringLiteral("savedProfiles"));
    for (int i = 0; list && i < list->topLevelItemCount(); ++i) {
        if (list->topLevelItem(i)->text(WelcomePage::NameColumn) == name)
            return list->topLevelItem(i)->text(WelcomePage::HealthColumn);
    }
    return {};
}

// From the welcome page (profile name already set) through the Zoho sign-in in the embedded
// browser to the Zoho account page.
bool signIn(ConnectionWizard &wizard)
{
    if (!advanceTo(wizard, ConnectionWizard::ZohoAppPageId) || !advanceTo(wizard, ConnectionWizard::ZohoSignInPageId))
        return false;
    ConsentBrowser *browser = signInBrowser(wizard);
    if (!browser)
        return false;
    // The grant code passes through the browser: handed to the test (outside the scanned folders)
    // as one more secret to look for.
    QObject::connect(browser, &ConsentBrowser::redirectCaught, browser, [](const QUrl &url) {
        QFile codes(qEnvironmentVariable("ZAW_LEAK_CODES"));
        if (codes.open(QIODevice::Append))
            codes.write(QUrlQuery(url).queryItemValue(QStringLiteral("code")).toUtf8() + '\n');
    });
    if (!consentInBrowser(browser, QStringLiteral("ana.lima@example.com")))
        return false;
    return QTest::qWaitFor([&] { return wizard.currentId() == ConnectionWizard::ZohoAccountPageId; }, 60000);
}

// The child: the demo as WizardMain sets it up, driven like a person would.
int runChild()
{
    QCoreApplication::setOrganizationName(QStringLiteral("zoho-aep-wizard"));
    QCoreApplication::setApplicationName(QStringLiteral("zoho-aep-wizard"));
    const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    WizardContext context;
    context.services()->setProfileLocation(dataDir + QStringLiteral("/demo-config"), QStringLiteral("default"));
    QString error;
    if (!context.startDemo(dataDir + QLatin1Char('/') + QLatin1String(kSandboxState), &error)) {
        std::fprintf(stderr, "child: %s\n", qPrintable(error));
        return 2;
    }

    // 1. A dataflow (flow mode) as "default".
    step("flow");
    {
        ConnectionWizard wizard(&context);
        wizard.show();
        if (!signIn(wizard))
            return failed(wizard, 3, "the Zoho sign-in");
        if (!walkSetupTo(wizard, ConnectionWizard::DonePageId))
            return failed(wizard, 4, "the flow-mode setup");
        printWidgetTexts();
    }

    // 2. A second connection in sync mode (the demo acting as a 2026 organisation), first sync.
    step("sync");
    {
        ConnectionWizard wizard(&context);
        wizard.show();
        auto *retired = wizard.currentPage()->findChild<QCheckBox *>(QStringLiteral("retiredSourceDemoCheck"));
        auto *name = wizard.currentPage()->findChild<QLineEdit *>(QStringLiteral("newProfileEdit"));
        if (!retired || !name)
            return failed(wizard, 5, "the welcome page's controls");
        retired->setChecked(true);
        name->setText(QStringLiteral("leak-sync"));
        if (!signIn(wizard))
            return failed(wizard, 6, "the second Zoho sign-in");
        if (!walkSetupTo(wizard, ConnectionWizard::SyncCreatePageId))
            return failed(wizard, 7, "the sync-mode setup");
        if (!QTest::qWaitFor([&] { return canAdvance(wizard); }, 90000))
            return failed(wizard, 8, "the first sync");
        if (!advanceTo(wizard, ConnectionWizard::SyncDonePageId))
            return failed(wizard, 9, "the sync's Done page");
        printWidgetTexts();
        retired->setChecked(false);
    }

    // 3. The dashboard: both connections and their health; 4. a reconnect of the first.
    step("dashboard");
    {
        ConnectionWizard wizard(&context);
        wizard.show();
        if (!QTest::qWaitFor([&] { return healthOf(wizard, QStringLiteral("default")) == QLatin1String("Works"); },
                             30000))
            return failed(wizard, 10, "the dashboard's health");
        printWidgetTexts();
        step("reconnect");
        if (!selectProfile(wizard, QStringLiteral("default")))
            return failed(wizard, 11, "selecting the connection");
        auto *reconnect = wizard.currentPage()->findChild<QPushButton *>(QStringLiteral("reconnectButton"));
        if (!reconnect || !QTest::qWaitFor([reconnect] { return reconnect->isEnabled(); }, 15000))
            return failed(wizard, 12, "the reconnect button");
        QTest::mouseClick(reconnect, Qt::LeftButton);
        if (!QTest::qWaitFor([&] { return wizard.currentId() == ConnectionWizard::ReconnectPageId; }, 15000))
            return failed(wizard, 13, "the reconnect page");
        if (!advanceTo(wizard, ConnectionWizard::ReconnectDonePageId, 30000))
            return failed(wizard, 14, "the reconnect");
        auto *changes = wizard.currentPage()->findChild<QLabel *>(QStringLiteral("reconnectChanges"));
        if (!changes || !QTest::qWaitFor([changes] { return !changes->text().isEmpty(); }, 15000))
            return failed(wizard, 15, "the reconnect's result");
        printWidgetTexts();
    }
    std::printf("CHILD-DONE\n");
    std::fflush(stdout);
    return 0;
}

} // namespace

class TestLeakWizard : public QObject
{
    Q_OBJECT

    QTemporaryDir m_root;
    QString path(const QString &name) const { return m_root.filePath(name); }

    // The secrets of every profile the child made, as the keychain holds them.
    int readKeychain(SecretSet *secrets)
    {
        int found = 0;
        store::KeychainSecretStore keychain;
        QObject guard;
        QDirIterator it(path(QStringLiteral("data")), {QStringLiteral("*.json")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            if (!file.contains(QLatin1String("/profiles/")))
                continue;
            QFile f(file);
            if (!f.open(QIODevice::ReadOnly))
                continue;
            const QString id = QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("id")).toString();
            for (const char *name : {store::SecretName::ZohoClientSecret, store::SecretName::ZohoRefreshToken,
                                     store::SecretName::ZohoAccessToken, store::SecretName::AdobeClientSecret,
                                     store::SecretName::AdobeAccessToken}) {
                bool done = false;
                store::SecretResult result;
                keychain.read(store::SecretStore::key(id, QString::fromLatin1(name)), &guard,
                              [&](const store::SecretResult &r) {
                                  result = r;
                                  done = true;
                              });
                if (!QTest::qWaitFor([&] { return done; }, 15000))
                    return -1;
                if (!result.ok())
                    continue;
                ++found;
                const QString label = QStringLiteral("keychain %1").arg(QString::fromLatin1(name));
                // Cached access tokens are JSON with their expiry: the token is the secret.
                const QJsonObject o = QJsonDocument::fromJson(result.value.toUtf8()).object();
                secrets->add(label, o.isEmpty() ? result.value : o.value(QStringLiteral("token")).toString());
            }
        }
        return found;
    }

private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            ZAW_SKIP_MISSING_TOOL(QStringLiteral("needs the keyring session of scripts/with-keyring.sh"));
        QVERIFY(m_root.isValid());
    }

    void wholeDemoLeavesNoSecretBehind()
    {
        const QStringList folders{QStringLiteral("config"), QStringLiteral("cache"), QStringLiteral("data"),
                                  QStringLiteral("state"),  QStringLiteral("tmp"),   QStringLiteral("home")};
        for (const QString &folder : folders)
            QVERIFY(QDir().mkpath(path(folder)));
        StandIns standIns;
        QVERIFY(standIns.create(path(QStringLiteral("bin")), path(QStringLiteral("dumps")),
                                {{QStringLiteral("xdg-open"), 0}, {QStringLiteral("systemctl"), 1}}));

        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ZAW_LEAK_CHILD"), QStringLiteral("1"));
        QVERIFY(QDir().mkpath(path(QStringLiteral("private"))));
        const QString codesFile = path(QStringLiteral("private/codes"));
        env.insert(QStringLiteral("ZAW_LEAK_CODES"), codesFile);
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), path(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), path(QStringLiteral("cache")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), path(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_STATE_HOME"), path(QStringLiteral("state")));
        env.insert(QStringLiteral("TMPDIR"), path(QStringLiteral("tmp")));
        env.insert(QStringLiteral("HOME"), path(QStringLiteral("home")));
        env.insert(QStringLiteral("PATH"), standIns.binDir + QLatin1Char(':') + env.value(QStringLiteral("PATH")));
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("zaw.*=true"));
        env.insert(QStringLiteral("QT_MESSAGE_PATTERN"), QStringLiteral("%{category} %{type}: %{message}"));
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::MergedChannels);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForStarted(10000));
        FolderWatcher folderWatcher;
        for (const QString &folder : folders)
            folderWatcher.watch(path(folder), folder);
        ProcessWatcher watcher;
        // The child was given no secret: its own environment is scanned too.
        watcher.watch(child.processId(), QStringLiteral("the wizard"), true);
        QByteArray output;
        const bool ended = QTest::qWaitFor(
            [&] {
                output += child.readAll();
                return child.state() == QProcess::NotRunning;
            },
            200000);
        if (!ended) {
            child.kill();
            child.waitForFinished(5000);
        }
        output += child.readAll();
        QVERIFY2(ended && child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0,
                 output.right(4000).constData());
        QVERIFY2(output.contains("CHILD-DONE"), output.right(3000).constData());
        // The logs really were on, and the browser really ran in its own processes.
        QVERIFY(output.contains("zaw."));
        QVERIFY2(watcher.descendantNames().join(u' ').contains(QLatin1String("QtWebEngine")),
                 qPrintable(watcher.descendantNames().join(u", ")));

        SecretSet secrets;
        QVERIFY2(readKeychain(&secrets) >= 8, "the keychain holds too few of the two profiles' secrets");
        QString stateFile;
        QDirIterator states(path(QStringLiteral("data")), {QLatin1String(kSandboxState)}, QDir::Files,
                            QDirIterator::Subdirectories);
        if (states.hasNext())
            stateFile = states.next();
        QFile state(stateFile);
        QVERIFY2(state.open(QIODevice::ReadOnly), "the demo sandbox kept no state");
        secrets.addFromSandboxState(state.readAll());
        const QStringList names = secrets.names();
        QFile codes(codesFile);
        QVERIFY2(codes.open(QIODevice::ReadOnly), "no grant code was caught");
        int codeCount = 0;
        for (const QByteArray &code : codes.readAll().split('\n'))
            codeCount += secrets.add(QStringLiteral("zoho grant code"), QString::fromUtf8(code)) ? 1 : 0;
        QVERIFY2(codeCount >= 2, "fewer grant codes than sign-ins");
        const QString all = names.join(u", ");
        for (const char *needed :
             {"zoho.refreshToken", "zoho.clientSecret", "adobe.clientSecret", "adobe access token"})
            QVERIFY2(all.contains(QLatin1String(needed)), qPrintable(QStringLiteral("no %1 to look for").arg(needed)));

        QList<Place> places{{QStringLiteral("the wizard's output and logs"), output}};
        folderWatcher.poll();
        int files = 0;
        for (const Place &p : folderWatcher.places()) {
            if (p.name.endsWith(QLatin1String(kSandboxState)))
                continue;
            places.append(p);
            ++files;
        }
        qInfo("files scanned: %s", qPrintable(folderWatcher.fileNames().join(u", ")));
        QVERIFY2(files >= 3, "too few files to scan: the profiles, sync files and schedule were not written");
        places += watcher.places();
        places += standIns.places();
        const QStringList hits = scan(secrets, places);
        qInfo("leak scan: %d secrets, %d places (%d files), %d processes (%s)", secrets.size(), int(places.size()),
              files, watcher.processCount(), qPrintable(watcher.descendantNames().join(u", ")));
        for (const QString &hit : hits)
            qWarning("LEAK: %s", qPrintable(hit));
        QVERIFY2(hits.isEmpty(),
                 qPrintable(QStringLiteral("%1 leaks, the first: %2").arg(hits.size()).arg(hits.value(0))));
    }
};

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    if (qEnvironmentVariableIsSet("ZAW_LEAK_CHILD"))
        return runChild();
    TestLeakWizard test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_leak_wizard.moc"

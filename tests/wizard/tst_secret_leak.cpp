// SPDX-License-Identifier: GPL-3.0-or-later
// Secrets stay in the keychain and in memory: a whole sign-in runs in a child process (real
// keychain, real embedded browser, every zaw log category at debug level), then this test looks
// for the client secret, the refresh and access tokens and the grant code in the child's output
// (test output and logs), in every file of its config folder, and in the texts of its widgets.
#include "TestSkip.h"
#include "WizardDriver.h"
#include "browser/ConsentBrowser.h"
#include "wizard/ConnectionWizard.h"
#include "wizard/DemoEnvironment.h"
#include "wizard/WizardContext.h"
#include "wizard/WizardServices.h"

#include <QAccessible>
#include <QApplication>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <cstdio>

using namespace zaw;
using namespace zaw::test;

namespace {

// The child: the wizard, driven like a person would, against the external sandbox.
int runChild()
{
    const QString endpoints = qEnvironmentVariable("ZAW_LEAK_ENDPOINTS");
    const QString configDir = qEnvironmentVariable("ZAW_LEAK_CONFIG");
    const QJsonObject zoho = QJsonDocument::fromJson(qgetenv("ZAW_LEAK_CLIENT")).object();
    WizardContext context;
    QString error;
    if (!context.useEndpointsFile(endpoints, &error)) {
        std::fprintf(stderr, "child: %s\n", qPrintable(error));
        return 2;
    }
    context.services()->setProfileLocation(configDir, QStringLiteral("default"));
    ConnectionWizard wizard(&context);
    wizard.show();
    if (!clickNext(wizard))
        return 3;
    auto type = [&](const char *name, const QString &text) {
        auto *edit = wizard.findChild<QLineEdit *>(QString::fromLatin1(name));
        edit->clear();
        QTest::keyClicks(edit, text);
    };
    type("clientIdEdit", zoho.value("clientId").toString());
    type("clientSecretEdit", zoho.value("clientSecret").toString());
    type("redirectUriEdit", zoho.value("redirectUri").toString());
    if (!clickNext(wizard))
        return 4;
    if (!consentInBrowser(signInBrowser(wizard), QStringLiteral("jonas.berg@example.eu")))
        return 5;
    if (!QTest::qWaitFor([&] { return wizard.currentId() == ConnectionWizard::ZohoAccountPageId; }, 60000))
        return 6;
    const QString keychain = wizard.findChild<QLabel *>(QStringLiteral("keychainStatus"))->text();
    // Everything a window shows or tells assistive technology goes to the output to be searched.
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
    std::printf("CHILD-DONE keychain=%s\n",
                keychain.contains(QLatin1String("stored in your system keychain")) ? "stored" : "not-stored");
    std::fflush(stdout);
    return 0;
}

QStringList secretsIn(const QJsonValue &value)
{
    // Zoho's tokens and codes: 1000.<32 hex>.<32 hex>.
    static const QRegularExpression re(QStringLiteral("^1000\\.[0-9a-f]{32}\\.[0-9a-f]{32}$"));
    QStringList found;
    if (value.isString() && re.match(value.toString()).hasMatch())
        found << value.toString();
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (re.match(it.key()).hasMatch())
                found << it.key();
            found << secretsIn(it.value());
        }
    }
    if (value.isArray()) {
        for (const QJsonValue &v : value.toArray())
            found << secretsIn(v);
    }
    return found;
}

} // namespace

class TestSecretLeak : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            ZAW_SKIP_MISSING_TOOL(QStringLiteral("needs the keyring session of scripts/with-keyring.sh"));
    }

    void noSecretOutsideTheKeychain()
    {
        QTemporaryDir dir;
        const QString endpoints = dir.filePath("endpoints.json");
        const QString state = dir.filePath("sandbox-state.json");
        QProcess sandbox;
        sandbox.start(QStringLiteral(ZAW_SANDBOX_EXE),
                      {"--write-endpoints", endpoints, "--state", state, "--print-credentials"});
        QVERIFY(sandbox.waitForReadyRead(10000));
        const QJsonObject credentials = QJsonDocument::fromJson(sandbox.readLine()).object();
        const QJsonObject zoho = credentials["zoho"].toObject();
        QVERIFY(!zoho["clientSecret"].toString().isEmpty());

        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("ZAW_LEAK_CHILD", "1");
        env.insert("ZAW_LEAK_ENDPOINTS", endpoints);
        env.insert("ZAW_LEAK_CONFIG", dir.filePath("config"));
        env.insert("ZAW_LEAK_CLIENT", QJsonDocument(zoho).toJson(QJsonDocument::Compact));
        env.insert("QT_LOGGING_RULES", "zaw.*.debug=true");
        env.insert("QT_MESSAGE_PATTERN", "%{category} %{type}: %{message}");
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::MergedChannels);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForFinished(180000));
        const QByteArray output = child.readAll();
        QVERIFY2(child.exitCode() == 0, output.right(3000).constData());
        QVERIFY2(output.contains("CHILD-DONE keychain=stored"), output.right(2000).constData());
        // The logs really were on: request lines of the token exchange are there, masked.
        QVERIFY(output.contains("zaw.zoho debug"));
        QVERIFY(output.contains("/oauth/v2/token"));

        ::kill(sandbox.processId(), SIGTERM);
        QVERIFY(sandbox.waitForFinished(10000));
        QFile stateFile(state);
        QVERIFY(stateFile.open(QIODevice::ReadOnly));
        QStringList secrets = secretsIn(QJsonDocument::fromJson(stateFile.readAll()).object());
        QVERIFY2(secrets.size() >= 2, "the sandbox issued no tokens: the search would prove nothing");
        secrets << zoho["clientSecret"].toString();

        QByteArray files;
        QDirIterator it(dir.filePath("config"), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        int fileCount = 0;
        while (it.hasNext()) {
            QFile f(it.next());
            if (f.open(QIODevice::ReadOnly)) {
                files += f.readAll();
                ++fileCount;
            }
        }
        QVERIFY(fileCount >= 1); // the profile was written
        for (const QString &secret : std::as_const(secrets)) {
            const QByteArray s = secret.toUtf8();
            QVERIFY2(!output.contains(s), "a secret appeared in the output or the logs");
            QVERIFY2(!files.contains(s), "a secret appeared in the config folder");
        }
    }
};

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    if (qEnvironmentVariableIsSet("ZAW_LEAK_CHILD"))
        return runChild();
    TestSecretLeak test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_secret_leak.moc"

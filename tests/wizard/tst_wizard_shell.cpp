// SPDX-License-Identifier: GPL-3.0-or-later
// The wizard's shell: first page, demo mode against the in-process sandbox, endpoints files,
// the Dutch translation and the executable's options.
#include "wizard/ConnectionWizard.h"
#include "wizard/DemoEnvironment.h"
#include "wizard/WizardContext.h"
#include "wizard/WizardMain.h"
#include "wizard/WizardServices.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLocale>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace zaw;

class TestWizardShell : public QObject
{
    Q_OBJECT

private slots:
    void firstPageOutsideDemo()
    {
        WizardContext context;
        ConnectionWizard wizard(&context);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        QCOMPARE(wizard.currentId(), int(ConnectionWizard::WelcomePageId));
        QCOMPARE(wizard.currentPage()->title(), QStringLiteral("Connect Zoho CRM to Adobe Experience Platform"));
        auto *banner = wizard.findChild<QLabel *>(QStringLiteral("demoBanner"));
        QVERIFY(banner);
        QVERIFY(!banner->isVisible());
        QVERIFY(!wizard.windowTitle().contains(QStringLiteral("demo")));
    }

    void demoModeRunsAgainstTheSandbox()
    {
        QTemporaryDir dir;
        WizardContext context;
        QString error;
        QVERIFY2(context.startDemo(dir.filePath(QStringLiteral("state.json")), &error), qPrintable(error));
        QVERIFY(context.isDemo());
        // Every endpoint points at the loopback sandbox, none at a real service.
        QCOMPARE(context.services()->endpoints().platform().host(), QStringLiteral("127.0.0.1"));
        QCOMPARE(context.services()->endpoints().dataCenters().size(), 8);
        QVERIFY(context.services()
                    ->endpoints()
                    .dataCenter(QStringLiteral("eu"))
                    ->accounts.toString()
                    .startsWith(context.demo()->url().toString()));

        ConnectionWizard wizard(&context);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        auto *banner = wizard.findChild<QLabel *>(QStringLiteral("demoBanner"));
        QVERIFY(banner->isVisible());
        QVERIFY(banner->text().contains(context.demo()->url().toString()));
        QVERIFY(wizard.windowTitle().contains(QStringLiteral("demo")));
        // The sandbox's state file exists so that a later demo run finds what this one made.
        QTRY_VERIFY(QFile::exists(dir.filePath(QStringLiteral("state.json"))));
    }

    void endpointsFileIsShown()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("endpoints.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        // (no raw string literal: moc 6.4 stops parsing at a multi-line one)
        file.write("{\"zoho\":{\"dataCenters\":{\"us\":{\"accounts\":\"http://127.0.0.1:9/zoho/us/accounts\","
                   "\"api\":\"http://127.0.0.1:9/zoho/us/api\"}}},\"adobe\":{\"ims\":\"http://127.0.0.1:9/adobe/ims\","
                   "\"platform\":\"http://127.0.0.1:9/adobe/platform\"}}");
        file.close();
        WizardContext context;
        QString error;
        QVERIFY2(context.useEndpointsFile(path, &error), qPrintable(error));
        ConnectionWizard wizard(&context);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        auto *note = wizard.findChild<QLabel *>(QStringLiteral("endpointsNote"));
        QVERIFY(note->isVisible());
        QVERIFY(note->text().contains(QStringLiteral("http://127.0.0.1:9/adobe/platform")));
    }

    // Which page follows the welcome page is the wizard's decision, per mode (ConnectionWizard::nextId).
    void navigationPerMode()
    {
        QTemporaryDir dir;
        WizardContext context;
        context.services()->setProfileLocation(dir.filePath(QStringLiteral("config")), QStringLiteral("default"));
        ConnectionWizard wizard(&context);
        wizard.start(ConnectionWizard::WelcomePageId);
        wizard.restart();
        QCOMPARE(wizard.currentId(), int(ConnectionWizard::WelcomePageId));
        using Mode = WizardContext::Mode;
        const QList<QPair<Mode, int>> expected{{Mode::NewConnection, ConnectionWizard::ZohoAppPageId},
                                               {Mode::Reconnect, ConnectionWizard::ReconnectPageId},
                                               {Mode::AddDataflow, ConnectionWizard::SelectDataPageId},
                                               {Mode::Resume, ConnectionWizard::SelectDataPageId},
                                               {Mode::Manage, ConnectionWizard::ManagePageId},
                                               {Mode::Forget, ConnectionWizard::ForgetPageId}};
        for (const auto &e : expected) {
            context.controller()->setMode(e.first);
            QCOMPARE(wizard.nextId(), e.second);
        }
    }

    void dutchTranslation()
    {
        QVERIFY(installTranslations(QLocale(QLocale::Dutch, QLocale::Netherlands)));
        WizardContext context;
        ConnectionWizard wizard(&context);
        QCOMPARE(wizard.page(ConnectionWizard::WelcomePageId)->title(),
                 QStringLiteral("Zoho CRM koppelen aan Adobe Experience Platform"));
        // Qt's own buttons are translated too when Qt's Dutch catalogue is installed.
        for (QTranslator *t : findTranslators())
            QCoreApplication::removeTranslator(t);
    }

    // Counted phrases read right in English ("1 module", "2 modules") and in Dutch, and a language
    // without a translation falls back to the English forms.
    void pluralForms()
    {
        auto count = [](int n) {
            return QCoreApplication::translate("zaw::SelectDataPage", "%n module(s). Choose one.", nullptr, n);
        };
        QVERIFY(!installTranslations(QLocale(QLocale::German, QLocale::Germany)));
        QCOMPARE(count(1), QStringLiteral("1 module. Choose it."));
        QCOMPARE(count(3), QStringLiteral("3 modules. Choose one."));
        for (QTranslator *t : findTranslators())
            QCoreApplication::removeTranslator(t);
        QVERIFY(installTranslations(QLocale(QLocale::Dutch, QLocale::Netherlands)));
        QCOMPARE(count(1), QStringLiteral("1 module. Kies er een."));
        QCOMPARE(count(3), QStringLiteral("3 modules. Kies er een."));
        for (QTranslator *t : findTranslators())
            QCoreApplication::removeTranslator(t);
    }

    void executableOptions_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("expectedOutput");
        QTest::newRow("help") << QStringList{QStringLiteral("--help")} << 0 << QStringLiteral("--demo");
        QTest::newRow("version") << QStringList{QStringLiteral("--version")} << 0 << QStringLiteral(ZAW_VERSION);
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--bogus")} << 2 << QStringLiteral("bogus");
        QTest::newRow("missing endpoints file") << QStringList{QStringLiteral("--smoke"), QStringLiteral("--endpoints"),
                                                               QStringLiteral("/nonexistent.json")}
                                                << 2 << QStringLiteral("/nonexistent.json");
        QTest::newRow("smoke") << QStringList{QStringLiteral("--smoke")} << 0 << QString();
        QTest::newRow("smoke demo") << QStringList{QStringLiteral("--smoke"), QStringLiteral("--demo")} << 0
                                    << QString();
    }

    void executableOptions()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, expectedOutput);
        QTemporaryDir home;
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.path());
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(ZAW_WIZARD_EXE), arguments);
        QVERIFY(process.waitForFinished(60000));
        const QString output = QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QVERIFY2(process.exitCode() == exitCode, qPrintable(output));
        QVERIFY2(output.contains(expectedOutput), qPrintable(output));
    }

private:
    QList<QTranslator *> findTranslators() { return qApp->findChildren<QTranslator *>(); }
};

QTEST_MAIN(TestWizardShell)
#include "tst_wizard_shell.moc"

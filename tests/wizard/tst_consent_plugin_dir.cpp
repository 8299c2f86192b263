// SPDX-License-Identifier: GPL-3.0-or-later
// A shipped wizard (built without ZAW_TEST_HOOKS) never loads the browser plugin from the folder
// ZAW_PLUGIN_DIR names: this suite compiles the loader as a package build does and points the
// variable at a folder that holds the plugin.
#include "browser/ConsentBrowser.h"

#include <QApplication>
#include <QTest>

using namespace zaw;

class TestConsentPluginDir : public QObject
{
    Q_OBJECT

private slots:
    void pluginDirIgnoredWithoutTestHooks()
    {
#ifdef ZAW_TEST_HOOKS
        QFAIL("this suite must compile the loader without ZAW_TEST_HOOKS");
#endif
        const QString dir = qEnvironmentVariable("ZAW_PLUGIN_DIR");
        QVERIFY2(!dir.isEmpty(), "ctest sets ZAW_PLUGIN_DIR to the folder with the plugin");
        QVERIFY(!QDir(dir).entryList({QStringLiteral("*zaw_webengine_browser*")}, QDir::Files).isEmpty());
        QString error;
        ConsentBrowserFactory *factory = loadConsentBrowserFactory(&error);
        QVERIFY2(!factory, "the plugin was loaded from $ZAW_PLUGIN_DIR in a build without test hooks");
        QVERIFY(!consentBrowserLoaded());
        QVERIFY(error.contains(QStringLiteral("system browser")));
    }
};

QTEST_MAIN(TestConsentPluginDir)
#include "tst_consent_plugin_dir.moc"

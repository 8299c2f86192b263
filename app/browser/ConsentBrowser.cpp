// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConsentBrowser.h"

#include <QCoreApplication>
#include <QDir>
#include <QPluginLoader>

namespace zaw {

namespace {
ConsentBrowserFactory *g_factory = nullptr;
}

bool consentBrowserLoaded()
{
    return g_factory != nullptr;
}

ConsentBrowserFactory *loadConsentBrowserFactory(QString *error)
{
    if (g_factory)
        return g_factory;
    QStringList dirs;
    const QString fromEnv = qEnvironmentVariable("ZAW_PLUGIN_DIR");
    if (!fromEnv.isEmpty())
        dirs << fromEnv;
    const QString appDir = QCoreApplication::applicationDirPath();
    dirs << appDir << appDir + QStringLiteral("/../lib/zoho-aep-wizard")
         << appDir + QStringLiteral("/../lib64/zoho-aep-wizard") << appDir + QStringLiteral("/../PlugIns");
    QStringList tried;
    for (const QString &dir : std::as_const(dirs)) {
        const QDir d(dir);
        for (const QString &file : d.entryList({QStringLiteral("*zaw_webengine_browser*")}, QDir::Files)) {
            QPluginLoader loader(d.absoluteFilePath(file));
            QObject *instance = loader.instance();
            if (auto *factory = qobject_cast<ConsentBrowserFactory *>(instance)) {
                g_factory = factory;
                return g_factory;
            }
            tried << QStringLiteral("%1: %2").arg(d.absoluteFilePath(file), loader.errorString());
        }
    }
    *error = QCoreApplication::translate("zaw::ConsentBrowser",
                                         "The embedded browser could not be loaded, so Zoho's page cannot be shown "
                                         "here. Use \"Open in system browser\" instead, or reinstall the application.")
             + (tried.isEmpty() ? QString() : QStringLiteral("\n") + tried.join(QLatin1Char('\n')));
    return nullptr;
}

} // namespace zaw

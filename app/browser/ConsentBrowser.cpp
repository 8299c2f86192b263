// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConsentBrowser.h"

#include <QCoreApplication>
#include <QDir>
#include <QGuiApplication>
#include <QOpenGLContext>
#include <QPluginLoader>

#if QT_CONFIG(opengl) && !defined(Q_OS_MACOS)
// Exported by Qt GUI and declared the same way by Qt WebEngine itself, which needs a global
// shared OpenGL context. Qt::AA_ShareOpenGLContexts would create that context while the
// application starts, loading the OpenGL driver (on Mesa: +60 MB and ~150 ms before the first
// page paints); creating it here instead defers that cost to the first sign-in.
QT_BEGIN_NAMESPACE
Q_GUI_EXPORT void qt_gl_set_global_share_context(QOpenGLContext *context);
Q_GUI_EXPORT QOpenGLContext *qt_gl_global_share_context();
QT_END_NAMESPACE
#endif

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
#if QT_CONFIG(opengl) && !defined(Q_OS_MACOS)
    if (!qt_gl_global_share_context()) {
        auto *context = new QOpenGLContext(qApp);
        // As Qt does at start-up: the context is shared even when it cannot be created (no
        // OpenGL, e.g. offscreen); WebEngine then renders without GL.
        context->create();
        qt_gl_set_global_share_context(context);
    }
#endif
    QStringList dirs;
#ifdef ZAW_TEST_HOOKS
    // Test builds only: a shipped wizard never loads a plugin from a folder an environment
    // variable names (anyone who can set it could run code inside the sign-in).
    const QString fromEnv = qEnvironmentVariable("ZAW_PLUGIN_DIR");
    if (!fromEnv.isEmpty())
        dirs << fromEnv;
#endif
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
    *error = QCoreApplication::translate(
                 "zaw::ConsentBrowser", "The embedded browser could not be loaded, so Zoho's page cannot be shown "
                                        "here. Use \"Open in system browser\" instead, or reinstall the application.") +
             (tried.isEmpty() ? QString() : QStringLiteral("\n") + tried.join(QLatin1Char('\n')));
    return nullptr;
}

} // namespace zaw

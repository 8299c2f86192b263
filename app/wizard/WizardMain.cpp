// SPDX-License-Identifier: GPL-3.0-or-later
#include "WizardMain.h"

#include "ConnectionWizard.h"
#include "NetworkSettings.h"
#include "WizardContext.h"
#include "WizardOptions.h"
#include "WizardServices.h"
#include "net/ProxySettings.h"

#include <QApplication>
#include <QDir>
#include <QEvent>
#include <QLocale>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTimer>

#include <cstdio>

namespace zaw {

namespace {

// Ends the application after the first paint of the watched widget (--smoke).
class FirstPaintWatcher : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_seen) {
            m_seen = true;
            QTimer::singleShot(0, qApp, [] { QCoreApplication::exit(0); });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_seen = false;
};

void reportStartupError(bool interactive, const QString &message)
{
    std::fprintf(stderr, "%s\n", qPrintable(message));
    if (interactive) {
        QMessageBox box(QMessageBox::Critical, QCoreApplication::translate("zaw::WizardMain", "Cannot start"), message,
                        QMessageBox::Ok);
        box.setTextFormat(Qt::PlainText); // the message may name a file or quote a server
        box.exec();
    }
}

} // namespace

int runWizard(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("zoho-aep-wizard"));
    QCoreApplication::setApplicationName(QStringLiteral("zoho-aep-wizard"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ZAW_VERSION));
    QGuiApplication::setApplicationDisplayName(
        QCoreApplication::translate("zaw::WizardMain", "Zoho CRM to Adobe Experience Platform"));
    QGuiApplication::setDesktopFileName(QStringLiteral("zoho-aep-wizard"));
    installTranslations(QLocale());

    WizardOptions options;
    int exitCode = 0;
    if (WizardOptions::parse(QCoreApplication::arguments(), &options, &exitCode) == WizardOptions::Outcome::Exit)
        return exitCode;

    WizardContext context;
    // Demo connections live apart from real ones: they point at the built-in sandbox.
    const QString configDir =
        options.demo && options.configDir.isEmpty()
            ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/demo-config")
            : options.configDir;
    context.services()->setProfileLocation(configDir, options.profile);
    net::ProxySettings::useSystemProxyByDefault();
    context.network()->load();
    QString error;
    if (!options.endpointsFile.isEmpty() && !context.useEndpointsFile(options.endpointsFile, &error)) {
        reportStartupError(!options.smoke, error);
        return 2;
    }
    if (options.demo) {
        const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        if (!context.startDemo(dataDir + QStringLiteral("/demo-sandbox-state.json"), &error)) {
            reportStartupError(!options.smoke, error);
            return 1;
        }
    }

    ConnectionWizard wizard(&context);
    FirstPaintWatcher watcher;
    if (options.smoke) {
        wizard.installEventFilter(&watcher);
        // A smoke run that never paints is a failure, not a hang.
        QTimer::singleShot(30000, &app, [] {
            std::fprintf(stderr, "smoke: the first page did not paint within 30 s\n");
            QCoreApplication::exit(1);
        });
    }
    wizard.show();
    return QApplication::exec();
}

} // namespace zaw

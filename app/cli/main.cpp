// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliApp.h"
#include "i18n/Translations.h"

#include <QCoreApplication>
#include <QLocale>

int main(int argc, char *argv[])
{
    // QCoreApplication: the command line runs headless (a scheduler, a server, an SSH session);
    // the system browser is opened without Qt Gui (SystemBrowser.h).
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("zoho-aep-wizard"));
    QCoreApplication::setApplicationName(QStringLiteral("zoho-aep-wizard")); // same profiles as the wizard
    QCoreApplication::setApplicationVersion(QStringLiteral(ZAW_VERSION));
    zaw::installTranslations(QLocale());
    zaw::CliApp cli;
    // Queued: a command may finish before exec() runs (a usage error), and answers to a browser
    // still need the event loop to go out.
    QObject::connect(
        &cli, &zaw::CliApp::finished, &app, [](int code) { QCoreApplication::exit(code); }, Qt::QueuedConnection);
    cli.start(QCoreApplication::arguments());
    return QCoreApplication::exec();
}

// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliApp.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

int main(int argc, char *argv[])
{
    // QGuiApplication for QDesktopServices (--browser system); no window is ever shown.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY") &&
        qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("zoho-aep-wizard"));
    QCoreApplication::setApplicationName(QStringLiteral("zoho-aep-wizard")); // same profiles as the wizard
    QCoreApplication::setApplicationVersion(QStringLiteral(ZAW_VERSION));
    auto *translator = new QTranslator(&app);
    if (translator->load(QLocale(), QStringLiteral("zoho-aep-wizard"), QStringLiteral("_"), QStringLiteral(":/i18n")) ||
        translator->load(QStringLiteral("zoho-aep-wizard_en"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(translator);
    zaw::CliApp cli;
    // Queued: a command may finish before exec() runs (a usage error), and answers to a browser
    // still need the event loop to go out.
    QObject::connect(
        &cli, &zaw::CliApp::finished, &app, [](int code) { QCoreApplication::exit(code); }, Qt::QueuedConnection);
    cli.start(QCoreApplication::arguments());
    return QCoreApplication::exec();
}

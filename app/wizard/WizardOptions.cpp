// SPDX-License-Identifier: GPL-3.0-or-later
#include "WizardOptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

namespace zaw {

WizardOptions::Outcome WizardOptions::parse(const QStringList &arguments, WizardOptions *options, int *exitCode)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "zaw::WizardOptions", "Connects a Zoho CRM account to Adobe Experience Platform, step by step."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QCoreApplication::translate("zaw::WizardOptions",
                                                              "Run against the built-in sandbox instead of Zoho and "
                                                              "Adobe (no accounts needed)."));
    const QCommandLineOption endpoints(
        QStringLiteral("endpoints"),
        QCoreApplication::translate("zaw::WizardOptions", "Use the service URLs of this endpoints file."),
        QStringLiteral("file"));
    const QCommandLineOption configDir(
        QStringLiteral("config-dir"),
        QCoreApplication::translate("zaw::WizardOptions", "Keep profiles in this folder."), QStringLiteral("dir"));
    const QCommandLineOption profile(QStringLiteral("profile"),
                                     QCoreApplication::translate("zaw::WizardOptions", "Profile to open."),
                                     QStringLiteral("name"), QStringLiteral("default"));
    const QCommandLineOption smoke(QStringLiteral("smoke"),
                                   QCoreApplication::translate("zaw::WizardOptions",
                                                               "Show the first page, let it paint once and exit "
                                                               "(for benchmarks and package checks)."));
    parser.addOptions({demo, endpoints, configDir, profile, smoke});

    if (!parser.parse(arguments)) {
        std::fprintf(stderr, "%s\n\n%s", qPrintable(parser.errorText()), qPrintable(parser.helpText()));
        *exitCode = 2;
        return Outcome::Exit;
    }
    if (parser.isSet(help)) {
        std::fprintf(stdout, "%s", qPrintable(parser.helpText()));
        *exitCode = 0;
        return Outcome::Exit;
    }
    if (parser.isSet(version)) {
        std::fprintf(stdout, "%s %s\n", qPrintable(QCoreApplication::applicationName()),
                     qPrintable(QCoreApplication::applicationVersion()));
        *exitCode = 0;
        return Outcome::Exit;
    }
    if (!parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(QCoreApplication::translate("zaw::WizardOptions", "Unexpected argument: %1")
                                    .arg(parser.positionalArguments().constFirst())));
        *exitCode = 2;
        return Outcome::Exit;
    }
    if (parser.isSet(demo) && parser.isSet(endpoints)) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(QCoreApplication::translate("zaw::WizardOptions",
                                                            "--demo and --endpoints cannot be combined: demo mode "
                                                            "uses its own sandbox.")));
        *exitCode = 2;
        return Outcome::Exit;
    }
    options->demo = parser.isSet(demo);
    options->smoke = parser.isSet(smoke);
    options->endpointsFile = parser.value(endpoints);
    options->configDir = parser.value(configDir);
    options->profile = parser.value(profile);
    return Outcome::Run;
}

} // namespace zaw

// SPDX-License-Identifier: GPL-3.0-or-later
#include "SandboxCommandLine.h"

#include "SandboxServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSocketNotifier>

#include <cstdio>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>
#elif defined(Q_OS_WIN)
#include <windows.h>
#endif

namespace zaw::sandbox {

namespace {

#ifdef Q_OS_UNIX
int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    // Only async-signal-safe work here: wake the event loop through the pipe.
    [[maybe_unused]] const auto written = ::write(g_signalPipe[0], &byte, 1);
}

void quitOnTerminationSignals()
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(g_signalPipe[1], QSocketNotifier::Read, qApp);
    QObject::connect(notifier, &QSocketNotifier::activated, qApp, [notifier] {
        notifier->setEnabled(false);
        char byte;
        [[maybe_unused]] const auto got = ::read(g_signalPipe[1], &byte, 1);
        QCoreApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}
#elif defined(Q_OS_WIN)
BOOL WINAPI onConsoleEvent(DWORD)
{
    // Runs on its own thread: a queued call is safe here.
    QMetaObject::invokeMethod(qApp, &QCoreApplication::quit, Qt::QueuedConnection);
    return TRUE;
}

void quitOnTerminationSignals()
{
    SetConsoleCtrlHandler(onConsoleEvent, TRUE);
}
#else
void quitOnTerminationSignals()
{}
#endif

void printErr(const QString &text)
{
    std::fprintf(stderr, "%s\n", qPrintable(text));
    std::fflush(stderr);
}

} // namespace

int runSandboxCommandLine(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Local emulator of Zoho Accounts, Zoho CRM, Adobe IMS and Adobe Experience Platform for the "
                       "Zoho CRM to AEP connection wizard. Serves every Zoho data centre and the Adobe APIs on one "
                       "loopback port."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption host(QStringLiteral("host"), QStringLiteral("Loopback address to listen on."),
                                  QStringLiteral("address"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("Port to listen on; 0 picks a free one."),
                                  QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption writeEndpoints(QStringLiteral("write-endpoints"),
                                            QStringLiteral("Write an endpoints file for this sandbox."),
                                            QStringLiteral("file"));
    const QCommandLineOption state(QStringLiteral("state"),
                                   QStringLiteral("Keep tokens, objects and runs in this file across restarts."),
                                   QStringLiteral("file"));
    const QCommandLineOption codeTtl(QStringLiteral("code-ttl"), QStringLiteral("Lifetime of Zoho grant codes."),
                                     QStringLiteral("seconds"), QStringLiteral("120"));
    const QCommandLineOption tokenTtl(QStringLiteral("token-ttl"),
                                      QStringLiteral("Lifetime of access tokens (Zoho and Adobe); "
                                                     "default 3600 for Zoho, 86399 for Adobe."),
                                      QStringLiteral("seconds"));
    const QCommandLineOption fault(QStringLiteral("fault"),
                                   QStringLiteral("Inject a fault (JSON, see the README); may be repeated."),
                                   QStringLiteral("json"));
    const QCommandLineOption limits(QStringLiteral("limits"),
                                    QStringLiteral("\"default\" (Zoho's token limits) or \"relaxed\" (no limits)."),
                                    QStringLiteral("mode"), QStringLiteral("default"));
    const QCommandLineOption retired(
        QStringLiteral("retired-zoho-source"),
        QStringLiteral("Answer like an organisation whose catalogue no longer has the Zoho CRM source "
                       "(retired by Adobe in June 2025)."));
    const QCommandLineOption printCredentials(
        QStringLiteral("print-credentials"),
        QStringLiteral("Print the demo credentials as one JSON document on stdout, then keep serving."));
    parser.addOptions({host, port, writeEndpoints, state, codeTtl, tokenTtl, fault, limits, retired, printCredentials});
    parser.process(arguments);

    auto positiveInt = [&](const QCommandLineOption &option, int *out) {
        bool ok = false;
        const int value = parser.value(option).toInt(&ok);
        if (!ok || value < 1) {
            printErr(QStringLiteral("--%1 must be a whole number of at least 1").arg(option.names().constFirst()));
            return false;
        }
        *out = value;
        return true;
    };

    SandboxOptions options;
    if (!positiveInt(codeTtl, &options.codeTtlSeconds))
        return 2;
    if (parser.isSet(tokenTtl)) {
        int ttl = 0;
        if (!positiveInt(tokenTtl, &ttl))
            return 2;
        options.zohoTokenTtlSeconds = ttl;
        options.adobeTokenTtlSeconds = ttl;
    }
    const QString limitsMode = parser.value(limits);
    if (limitsMode != QLatin1String("default") && limitsMode != QLatin1String("relaxed")) {
        printErr(QStringLiteral("--limits must be \"default\" or \"relaxed\""));
        return 2;
    }
    options.relaxedLimits = limitsMode == QLatin1String("relaxed");
    options.retiredZohoSource = parser.isSet(retired);

    bool portOk = false;
    const uint portValue = parser.value(port).toUInt(&portOk);
    if (!portOk || portValue > 65535) {
        printErr(QStringLiteral("--port must be a number from 0 to 65535"));
        return 2;
    }
    QHostAddress address;
    if (!address.setAddress(parser.value(host)) || !address.isLoopback()) {
        printErr(QStringLiteral("--host must be a loopback address such as 127.0.0.1 or ::1"));
        return 2;
    }

    SandboxServer server(options);
    for (const QString &json : parser.values(fault)) {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8(), &parseError);
        QString error = parseError.errorString();
        const auto parsed = doc.isObject() ? Fault::fromJson(doc.object(), &error) : std::nullopt;
        if (!parsed) {
            printErr(QStringLiteral("--fault %1: %2").arg(json, error));
            return 2;
        }
        server.addFault(*parsed);
    }
    QString error;
    if (parser.isSet(state) && !server.setStateFile(parser.value(state), &error)) {
        printErr(error);
        return 1;
    }
    if (!server.start(address, quint16(portValue), &error)) {
        printErr(error);
        return 1;
    }
    if (parser.isSet(writeEndpoints)) {
        QSaveFile file(parser.value(writeEndpoints));
        if (!file.open(QIODevice::WriteOnly) || file.write(server.endpointsJson()) < 0 || !file.commit()) {
            printErr(QStringLiteral("cannot write %1: %2").arg(parser.value(writeEndpoints), file.errorString()));
            return 1;
        }
    }

    quitOnTerminationSignals();
    if (parser.isSet(printCredentials)) {
        const QByteArray json = QJsonDocument(server.credentials()).toJson(QJsonDocument::Compact);
        std::fprintf(stdout, "%s\n", json.constData());
        std::fflush(stdout);
        printErr(QStringLiteral("zoho-aep-sandbox listening on %1").arg(server.url().toString()));
    } else {
        std::fprintf(stdout, "%s\n", qPrintable(server.url().toString()));
        std::fflush(stdout);
    }
    const int rc = QCoreApplication::exec();
    printErr(QStringLiteral("zoho-aep-sandbox stopped"));
    return rc;
}

} // namespace zaw::sandbox

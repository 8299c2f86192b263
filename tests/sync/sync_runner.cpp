// SPDX-License-Identifier: GPL-3.0-or-later
// A small driver of account::SyncRun for the sync suites and the benchmark, run as a child
// process (so the crash-matrix tests can end it at a hook): loads the profile with its secrets
// from the keychain, runs one sync and prints the RunReport as JSON on stdout.
//
//   sync_runner --endpoints FILE --config-dir DIR [--profile NAME] [--module M] [--lag S]
//               [--part-bytes N] [--poll-ms N] [--lock-wait-ms N] [--attempts N]
//               [--idle-timeout-ms N] [--backoff-ms N]   (the fault matrix shortens both)
// Exit: 0 run ok, 1 a module failed or the run stopped, 3 another run held the lock, 2 usage.
#include "account/ProfileSession.h"
#include "account/SyncRun.h"
#include "endpoints/Endpoints.h"
#include "net/HttpClient.h"
#include "store/KeychainSecretStore.h"
#include "store/ProfileStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTimer>

#include <cstdio>
#include <memory>

using namespace zaw;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    QString endpointsFile, configDir, profile = QStringLiteral("default"), module;
    int lag = 0, lockWait = 2000, idleTimeoutMs = 0, backoffMs = 0;
    sync::SyncEngine::Options options;
    options.lagSeconds = 0;
    options.pollFirstMs = 200;
    options.pollMaxMs = 500;
    for (int i = 1; i < args.size(); ++i) {
        const QString a = args.at(i);
        const QString v = i + 1 < args.size() ? args.at(i + 1) : QString();
        if (a == QLatin1String("--endpoints"))
            endpointsFile = v;
        else if (a == QLatin1String("--config-dir"))
            configDir = v;
        else if (a == QLatin1String("--profile"))
            profile = v;
        else if (a == QLatin1String("--module"))
            module = v;
        else if (a == QLatin1String("--lag"))
            lag = v.toInt();
        else if (a == QLatin1String("--part-bytes"))
            options.partBytes = v.toLongLong();
        else if (a == QLatin1String("--poll-ms"))
            options.pollFirstMs = v.toInt();
        else if (a == QLatin1String("--lock-wait-ms"))
            lockWait = v.toInt();
        else if (a == QLatin1String("--attempts"))
            options.attemptsPerRun = v.toInt();
        else if (a == QLatin1String("--idle-timeout-ms"))
            idleTimeoutMs = v.toInt();
        else if (a == QLatin1String("--backoff-ms"))
            backoffMs = v.toInt();
        else if (a == QLatin1String("--bulk-threshold"))
            options.bulkReadThreshold = v.toLongLong();
        else {
            std::fprintf(stderr, "unknown argument %s\n", qPrintable(a));
            return 2;
        }
        ++i;
    }
    if (configDir.isEmpty()) {
        std::fprintf(stderr, "--config-dir is required\n");
        return 2;
    }
    Endpoints endpoints = Endpoints::production();
    if (!endpointsFile.isEmpty()) {
        QString error;
        const auto loaded = Endpoints::fromFile(endpointsFile, &error);
        if (!loaded) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 2;
        }
        endpoints = *loaded;
    }
    net::HttpClient http;
    if (idleTimeoutMs > 0) {
        net::HttpLimits limits = http.limits();
        limits.idleTimeoutCapMs = idleTimeoutMs;
        http.setLimits(limits);
    }
    if (backoffMs > 0)
        http.setBackoff(backoffMs, backoffMs * 4, 5000);
    store::ProfileStore profiles(configDir);
    store::KeychainSecretStore secrets;
    account::ProfileSession session(&http, endpoints, &profiles, &secrets);
    account::SyncRun run(&session);
    int code = 1;
    // For bench/sync-firstload.sh: when the batch was COMPLETEd and when the run ended.
    QElapsedTimer clock;
    clock.start();
    qint64 completeMs = -1;
    QObject::connect(&run, &account::SyncRun::progress, &app, [&](const sync::SyncProgress &p) {
        if (completeMs < 0 && p.phase == sync::SyncProgress::Phase::Waiting)
            completeMs = clock.elapsed();
    });
    QObject::connect(&run, &account::SyncRun::finished, &app, [&](const sync::RunReport &report) {
        std::fputs(QJsonDocument(report.toJson()).toJson(QJsonDocument::Indented).constData(), stdout);
        std::fputs("\n", stdout);
        std::fflush(stdout);
        std::fprintf(stderr, "sync_runner: complete-ms=%lld final-ms=%lld\n", static_cast<long long>(completeMs),
                     static_cast<long long>(clock.elapsed()));
        code = report.lockHeld ? 3 : (report.ok() ? 0 : 1);
        app.exit(code);
    });
    session.load(
        profile, true,
        [&](const net::Error &error) {
            if (error) {
                std::fprintf(stderr, "load: %s\n", qPrintable(error.message));
                app.exit(1);
                return;
            }
            run.setModule(module);
            run.setEngineOptions(options);
            run.setLagSeconds(lag);
            run.setLockWaitMs(lockWait);
            run.start();
        },
        true);
    return app.exec();
}

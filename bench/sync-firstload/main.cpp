// SPDX-License-Identifier: GPL-3.0-or-later
// zaw-bench-sync (bench/sync-firstload.sh): the first load of a direct sync of N Leads. For each
// size a fresh sandbox (in this process, over loopback) gets N Leads through its change endpoint,
// a profile is signed in and set up as a user would, and sync_runner runs the first load under
// /usr/bin/time -v. Prints records/s to COMPLETE and to the final status and the runner's peak RSS.
#include "SyncRig.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

#include <cstdio>

using namespace zaw;

namespace {

struct Result
{
    qint64 records = 0;
    qint64 completeMs = -1;
    qint64 finalMs = -1;
    qint64 rssKb = 0;
    double cpuSeconds = 0; // user + system time of the sync process
    QString status;
    bool ok = false;
};

Result measure(qint64 size, const QString &connectExe, const QString &runnerExe, const QStringList &runnerArgs)
{
    Result out;
    sandbox::SandboxOptions options;
    options.relaxedLimits = true;
    test::SyncRig rig(connectExe, runnerExe, options);
    QString error;
    if (!rig.setUp(&error)) {
        std::fprintf(stderr, "set-up failed: %s\n", qPrintable(error));
        return out;
    }
    const qint64 have = rig.zohoIds().size();
    if (size > have)
        rig.change({{QStringLiteral("op"), QStringLiteral("add")}, {QStringLiteral("count"), double(size - have)}});
    QProcess p;
    p.setProcessEnvironment(rig.environment({}));
    p.start(QStringLiteral("/usr/bin/time"), QStringList{QStringLiteral("-v"), runnerExe} + rig.runnerArgs(runnerArgs));
    (void)QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 30 * 60 * 1000);
    const QString err = QString::fromUtf8(p.readAllStandardError());
    const QJsonObject report = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    const QJsonObject leads = report.value(QStringLiteral("modules")).toArray().first().toObject();
    out.records = leads.value(QStringLiteral("recordsRead")).toInteger();
    out.status = leads.value(QStringLiteral("status")).toString();
    if (leads.contains(QStringLiteral("error")))
        std::fprintf(
            stderr, "%s\n",
            qPrintable(leads.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString()));
    out.ok = p.exitCode() == 0 && out.status == QLatin1String("success");
    const auto grab = [&err](const QString &pattern) {
        const QRegularExpressionMatch m = QRegularExpression(pattern).match(err);
        return m.hasMatch() ? m.captured(1).toLongLong() : -1;
    };
    out.completeMs = grab(QStringLiteral("complete-ms=(-?\\d+)"));
    out.finalMs = grab(QStringLiteral("final-ms=(-?\\d+)"));
    out.rssKb = grab(QStringLiteral("Maximum resident set size \\(kbytes\\): (\\d+)"));
    for (const char *what : {"User time \\(seconds\\): ([0-9.]+)", "System time \\(seconds\\): ([0-9.]+)"}) {
        const QRegularExpressionMatch m = QRegularExpression(QLatin1String(what)).match(err);
        if (m.hasMatch())
            out.cpuSeconds += m.captured(1).toDouble();
    }
    if (!out.ok)
        std::fprintf(stderr, "run of %lld failed:\n%s\n", static_cast<long long>(size), qPrintable(err.right(3000)));
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QList<qint64> sizes{10000, 100000};
    QStringList runnerArgs;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--sizes") && i + 1 < args.size()) {
            sizes.clear();
            for (const QString &s : args.at(++i).split(QLatin1Char(',')))
                sizes.append(s.toLongLong());
        } else if (args.at(i) == QLatin1String("--help")) {
            std::printf("zaw-bench-sync [--sizes 10000,100000] [-- runner arguments…]\n");
            return 0;
        } else if (args.at(i) == QLatin1String("--")) {
            runnerArgs = args.mid(i + 1);
            break;
        } else {
            std::fprintf(stderr, "unknown argument %s\n", qPrintable(args.at(i)));
            return 2;
        }
    }
    QList<Result> results;
    bool ok = true;
    for (qint64 size : sizes) {
        results.append(measure(size, QStringLiteral(ZAW_CONNECT_EXE), QStringLiteral(ZAW_SYNC_RUNNER), runnerArgs));
        ok = ok && results.last().ok;
    }
    std::printf("%-10s %-10s %-12s %-14s %-16s %-12s %-10s %s\n", "Leads", "rows", "COMPLETE (s)", "records/s",
                "to final (s)", "records/s", "CPU (s)", "peak RSS (MB)");
    for (int i = 0; i < results.size(); ++i) {
        const Result &r = results.at(i);
        const double c = r.completeMs > 0 ? r.completeMs / 1000.0 : 0;
        const double f = r.finalMs > 0 ? r.finalMs / 1000.0 : 0;
        std::printf("%-10lld %-10lld %-12.2f %-14.0f %-16.2f %-12.0f %-10.2f %.1f  %s\n",
                    static_cast<long long>(sizes.at(i)), static_cast<long long>(r.records), c,
                    c > 0 ? r.records / c : 0.0, f, f > 0 ? r.records / f : 0.0, r.cpuSeconds, r.rssKb / 1024.0,
                    qPrintable(r.status));
    }
    if (results.size() >= 2 && results.first().rssKb > 0)
        std::printf("RSS(%lld) / RSS(%lld) = %.2f (aim <= 1.2)\n", static_cast<long long>(sizes.last()),
                    static_cast<long long>(sizes.first()), double(results.last().rssKb) / results.first().rssKb);
    return ok ? 0 : 1;
}

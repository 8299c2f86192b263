// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliDriver.h"

#include "ConsentDriver.h"

#include <QFile>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTest>

using namespace Qt::StringLiterals;

namespace zaw::test {

quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        QTest::qFail(qPrintable(u"no free port on 127.0.0.1: "_s + probe.errorString()), __FILE__, __LINE__);
    return probe.serverPort();
}

QByteArray Run::outcome() const
{
    switch (exitCode) {
    case kTimedOut:
        return "timed out (killed)";
    case kCrashed:
        return "crashed (signal " + QByteArray::number(signal) + ")";
    case kNotStarted:
        return "did not start";
    default:
        return "exit code " + QByteArray::number(exitCode);
    }
}

void setOutcome(Run *run, const QProcess &process)
{
    if (process.error() == QProcess::FailedToStart) {
        run->exitCode = Run::kNotStarted;
    } else if (process.exitStatus() == QProcess::CrashExit) {
        run->exitCode = Run::kCrashed;
        run->signal = process.exitCode(); // Qt reports the terminating signal there
    } else {
        run->exitCode = process.exitCode();
    }
}

int createdCount(SandboxFixture &f, const QString &pattern)
{
    const QRegularExpression re(pattern);
    int n = 0;
    for (const QJsonValue &v : f.server().requestLog()) {
        const QJsonObject o = v.toObject();
        const int status = o.value(QStringLiteral("status")).toInt();
        if (o.value(QStringLiteral("method")).toString() == QLatin1String("POST") && status >= 200 && status < 300 &&
            re.match(o.value(QStringLiteral("path")).toString()).hasMatch())
            ++n;
    }
    return n;
}

QUrl waitForConsentUrl(QProcess &process, QByteArray *err, int timeoutMs)
{
    QUrl found;
    const bool settled = QTest::qWaitFor(
        [&] {
            *err += process.readAllStandardError();
            for (const QByteArray &line : err->split('\n')) {
                if (line.startsWith("http://") && !line.contains(' '))
                    found = QUrl::fromEncoded(line.trimmed());
            }
            return found.isValid() || process.state() == QProcess::NotRunning;
        },
        timeoutMs);
    if (!settled)
        QTest::qFail(
            qPrintable(u"timed out after %1 ms waiting for %2 to print a consent URL on stderr; it printed: %3"_s
                           .arg(timeoutMs)
                           .arg(process.program(), QString::fromUtf8(*err))),
            __FILE__, __LINE__);
    return found;
}

Cli::Cli(SandboxFixture &f, const QString &executable)
    : fixture(f)
    , executable(executable)
{
    endpointsFile = dir.filePath(QStringLiteral("endpoints.json"));
    QFile file(endpointsFile);
    if (!file.open(QIODevice::WriteOnly) || file.write(f.server().endpointsJson()) <= 0 || !file.flush())
        QTest::qFail(qPrintable(u"could not write the endpoints file %1: %2"_s.arg(endpointsFile, file.errorString())),
                     __FILE__, __LINE__);
    file.close();
    redirectUri = QStringLiteral("http://127.0.0.1:%1/cli-callback").arg(freePort());
    const HttpResult registered = f.http.postJson(f.url(QStringLiteral("/_sandbox/clients")),
                                                  QJsonObject{{QStringLiteral("redirectUri"), redirectUri}});
    if (registered.status / 100 != 2)
        QTest::qFail(qPrintable(u"the sandbox did not register the redirect URI %1: HTTP %2 %3"_s.arg(redirectUri)
                                    .arg(registered.status)
                                    .arg(QString::fromUtf8(registered.body))),
                     __FILE__, __LINE__);
    zoho = f.credentials().value(QStringLiteral("zoho")).toObject();
    adobe = f.credentials().value(QStringLiteral("adobe")).toObject();
    zohoSecret = zoho.value(QStringLiteral("clientSecret")).toString();
    adobeSecret = adobe.value(QStringLiteral("clientSecret")).toString();
}

QProcessEnvironment Cli::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QList<QPair<QString, QString>> secrets{{QStringLiteral("ZOHO_CLIENT_SECRET"), zohoSecret},
                                                 {QStringLiteral("ADOBE_CLIENT_SECRET"), adobeSecret}};
    for (const auto &secret : secrets) {
        env.remove(secret.first);
        if (!secret.second.isEmpty())
            env.insert(secret.first, secret.second);
    }
    for (auto it = extraEnv.begin(); it != extraEnv.end(); ++it)
        env.insert(it.key(), it.value());
    for (const QString &name : removedEnv)
        env.remove(name);
    return env;
}

QStringList Cli::globalArgs() const
{
    QStringList args{QStringLiteral("--endpoints"), endpointsFile, QStringLiteral("--config-dir"),
                     dir.filePath(QStringLiteral("config"))};
    if (jsonOutput)
        args << QStringLiteral("--json");
    if (!profile.isEmpty())
        args << QStringLiteral("--profile") << profile;
    return args;
}

void Cli::start(QProcess &process, const QStringList &args) const
{
    process.setProcessEnvironment(environment());
    process.start(executable, globalArgs() + args);
    if (!process.waitForStarted())
        QTest::qFail(qPrintable(u"could not start %1: %2"_s.arg(executable, process.errorString())), __FILE__,
                     __LINE__);
}

namespace {

// Waits up to timeoutMs for the process to end (killing it then, which fails the current test)
// and collects what it printed.
Run finish(QProcess &p, int timeoutMs, Run r = {})
{
    if (p.state() == QProcess::NotRunning && p.error() == QProcess::FailedToStart) {
        r.exitCode = Run::kNotStarted;
        r.err += p.errorString().toUtf8();
        return r;
    }
    const bool ended = QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, timeoutMs);
    if (ended) {
        setOutcome(&r, p);
    } else {
        p.kill();
        p.waitForFinished();
        r.exitCode = Run::kTimedOut;
    }
    r.out = p.readAllStandardOutput();
    r.err += p.readAllStandardError();
    if (!ended)
        QTest::qFail(
            qPrintable(
                u"timed out after %1 ms waiting for %2 %3 to end (killed); it printed:\n%4\n%5"_s.arg(timeoutMs).arg(
                    p.program(), p.arguments().join(u' '), QString::fromUtf8(r.out), QString::fromUtf8(r.err))),
            __FILE__, __LINE__);
    return r;
}

} // namespace

Run Cli::run(const QStringList &args, int timeoutMs, const QByteArray &stdinText)
{
    QProcess p;
    start(p, args);
    if (!stdinText.isEmpty())
        p.write(stdinText);
    return finish(p, timeoutMs);
}

Run Cli::runWithConsent(const QStringList &args, const QString &login)
{
    QProcess p;
    start(p, args);
    Run r;
    const QUrl consent = waitForConsentUrl(p, &r.err);
    if (consent.isValid()) {
        const ConsentOutcome outcome = runConsent(fixture.http, consent, login);
        if (outcome.status == 302)
            fixture.http.get(outcome.redirect);
    }
    return finish(p, 30000, r);
}

bool Cli::zohoLogin()
{
    const Run r = runWithConsent({QStringLiteral("zoho-login"), QStringLiteral("--client-id"),
                                  zoho.value(QStringLiteral("clientId")).toString(), QStringLiteral("--redirect-uri"),
                                  redirectUri, QStringLiteral("--browser"), QStringLiteral("none")},
                                 QStringLiteral("ana.lima@example.com"));
    if (r.exitCode != 0)
        qWarning("zoho-login: %s", r.describe().constData());
    return r.exitCode == 0;
}

bool Cli::adobeLogin()
{
    const Run r =
        run({QStringLiteral("adobe-login"), QStringLiteral("--client-id"),
             adobe.value(QStringLiteral("clientId")).toString(), QStringLiteral("--org"),
             adobe.value(QStringLiteral("orgId")).toString(), QStringLiteral("--sandbox"), QStringLiteral("prod")});
    if (r.exitCode != 0)
        qWarning("adobe-login: %s", r.describe().constData());
    return r.exitCode == 0;
}

QString Cli::profileFile() const
{
    return dir.filePath(
        QStringLiteral("config/profiles/%1.json").arg(profile.isEmpty() ? QStringLiteral("default") : profile));
}

void Cli::withoutKeychain()
{
    extraEnv.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/bus"));
}

} // namespace zaw::test

// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliDriver.h"

#include "ConsentDriver.h"

#include <QFile>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTest>

namespace zaw::test {

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
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
    (void)QTest::qWaitFor(
        [&] {
            *err += process.readAllStandardError();
            for (const QByteArray &line : err->split('\n')) {
                if (line.startsWith("http://") && !line.contains(' '))
                    found = QUrl::fromEncoded(line.trimmed());
            }
            return found.isValid() || process.state() == QProcess::NotRunning;
        },
        timeoutMs);
    return found;
}

Cli::Cli(SandboxFixture &f, const QString &executable)
    : fixture(f)
    , executable(executable)
{
    endpointsFile = dir.filePath(QStringLiteral("endpoints.json"));
    QFile file(endpointsFile);
    file.open(QIODevice::WriteOnly);
    file.write(f.server().endpointsJson());
    file.close();
    redirectUri = QStringLiteral("http://127.0.0.1:%1/cli-callback").arg(freePort());
    f.http.postJson(f.url(QStringLiteral("/_sandbox/clients")),
                    QJsonObject{{QStringLiteral("redirectUri"), redirectUri}});
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
    process.waitForStarted();
}

namespace {

// Waits up to timeoutMs for the process to end (killing it then) and collects what it printed.
Run finish(QProcess &p, int timeoutMs, Run r = {})
{
    (void)QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, timeoutMs);
    r.exitCode = p.state() == QProcess::NotRunning ? p.exitCode() : -1;
    if (p.state() != QProcess::NotRunning) {
        p.kill();
        p.waitForFinished();
    }
    r.out = p.readAllStandardOutput();
    r.err += p.readAllStandardError();
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

// SPDX-License-Identifier: GPL-3.0-or-later
// zoho-aep-connect adobe-login as a user runs it against the sandbox: success with its JSON and
// the secret in the keychain only; each failure with its exit code.
#include "TestHttp.h"

#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace zaw::test;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

Run runCli(SandboxFixture &f, const QTemporaryDir &dir, const QStringList &args, const QString &secret,
           const QByteArray &stdinText = {}, const QProcessEnvironment &extra = {})
{
    const QString endpoints = dir.filePath("endpoints.json");
    QFile file(endpoints);
    if (!file.exists() && file.open(QIODevice::WriteOnly)) {
        file.write(f.server().endpointsJson());
        file.close();
    }
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove("ADOBE_CLIENT_SECRET");
    if (!secret.isEmpty())
        env.insert("ADOBE_CLIENT_SECRET", secret);
    for (const QString &k : extra.keys())
        env.insert(k, extra.value(k));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(ZAW_CONNECT_EXE),
            QStringList{"--endpoints", endpoints, "--config-dir", dir.filePath("config"), "--json", "adobe-login"} +
                args);
    p.waitForStarted();
    if (!stdinText.isEmpty())
        p.write(stdinText);
    QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 60000);
    Run r;
    r.exitCode = p.state() == QProcess::NotRunning ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace

class TestCliAdobeLogin : public QObject
{
    Q_OBJECT

private slots:
    void success()
    {
        SandboxFixture f;
        QTemporaryDir dir;
        const QJsonObject adobe = f.credentials()["adobe"].toObject();
        const Run r = runCli(
            f, dir,
            {"--client-id", adobe["clientId"].toString(), "--org", adobe["orgId"].toString(), "--sandbox", "dev"},
            adobe["clientSecret"].toString());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject out = r.json()["adobe"].toObject();
        QCOMPARE(out["sandbox"].toString(), QStringLiteral("dev"));
        QCOMPARE(out["orgId"].toString(), adobe["orgId"].toString());
        QVERIFY(!out["sandboxTitle"].toString().isEmpty());
        QFile profile(dir.filePath("config/profiles/default.json"));
        QVERIFY(profile.open(QIODevice::ReadOnly));
        const QByteArray text = profile.readAll();
        QVERIFY(text.contains(adobe["clientId"].toString().toUtf8()));
        const QByteArray secret = adobe["clientSecret"].toString().toUtf8();
        QVERIFY(!text.contains(secret) && !r.out.contains(secret) && !r.err.contains(secret));
    }

    void secretOnStdin()
    {
        SandboxFixture f;
        QTemporaryDir dir;
        const QJsonObject adobe = f.credentials()["adobe"].toObject();
        const Run r = runCli(f, dir,
                             {"--client-id", adobe["clientId"].toString(), "--org", adobe["orgId"].toString(),
                              "--sandbox", "prod", "--client-secret-stdin"},
                             QString(), adobe["clientSecret"].toString().toUtf8() + "\n");
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    void failures_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("category");
        QTest::newRow("wrong secret") << "secret" << 3 << "sign-in-needed";
        QTest::newRow("unknown client") << "client" << 3 << "sign-in-needed";
        QTest::newRow("other org") << "org" << 3 << "permission";
        QTest::newRow("unknown sandbox") << "sandbox" << 6 << "input";
        QTest::newRow("no secret") << "nosecret" << 2 << "input";
        QTest::newRow("bad org id") << "badorg" << 2 << "input";
        QTest::newRow("network") << "network" << 4 << "network";
        QTest::newRow("no keychain") << "keychain" << 5 << "input";
    }

    void failures()
    {
        QFETCH(QString, what);
        QFETCH(int, exitCode);
        QFETCH(QString, category);
        SandboxFixture f;
        QTemporaryDir dir;
        const QJsonObject adobe = f.credentials()["adobe"].toObject();
        QString clientId = adobe["clientId"].toString();
        QString org = adobe["orgId"].toString();
        QString sandbox = "prod";
        QString secret = adobe["clientSecret"].toString();
        QProcessEnvironment env;
        if (what == "secret")
            secret = "p8e-wrong";
        if (what == "client")
            clientId = "0123456789abcdef0123456789abcdef";
        if (what == "org")
            org = "0000000000000000000000AA@AdobeOrg";
        if (what == "sandbox")
            sandbox = "staging";
        if (what == "nosecret")
            secret.clear();
        if (what == "badorg")
            org = "not-an-org";
        if (what == "network")
            f.addFault({{"route", "/ims/token/v3$"}, {"drop", "before"}});
        if (what == "keychain")
            env.insert("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus");
        const Run r = runCli(f, dir, {"--client-id", clientId, "--org", org, "--sandbox", sandbox}, secret, {}, env);
        QVERIFY2(r.exitCode == exitCode, (QByteArray::number(r.exitCode) + " " + r.out + r.err).constData());
        QCOMPARE(r.json()["error"].toObject()["category"].toString(), category);
        QVERIFY(!r.json()["error"].toObject()["message"].toString().isEmpty());
        if (what == "sandbox")
            QVERIFY(r.json()["error"].toObject()["message"].toString().contains("prod"));
    }
};

QTEST_GUILESS_MAIN(TestCliAdobeLogin)
#include "tst_cli_adobe_login.moc"

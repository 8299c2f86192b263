// SPDX-License-Identifier: GPL-3.0-or-later
// zoho-aep-connect adobe-login as a user runs it against the sandbox: success with its JSON and
// the secret in the keychain only; each failure with its exit code.
#include "CliDriver.h"
#include "TestHttp.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>

using namespace zaw::test;

namespace {

// zoho-aep-connect for adobe-login runs: no Zoho client secret in its environment.
struct AdobeLoginCli : Cli
{
    explicit AdobeLoginCli(SandboxFixture &f)
        : Cli(f, QStringLiteral(ZAW_CONNECT_EXE))
    {
        zohoSecret.clear();
    }

    // adobe-login with args; secret: ADOBE_CLIENT_SECRET (empty: unset).
    Run login(const QStringList &args, const QString &secret, const QByteArray &stdinText = {})
    {
        adobeSecret = secret;
        return run(QStringList{"adobe-login"} + args, 60000, stdinText);
    }
};

} // namespace

class TestCliAdobeLogin : public QObject
{
    Q_OBJECT

private slots:
    void success()
    {
        SandboxFixture f;
        AdobeLoginCli cli(f);
        const QJsonObject adobe = f.credentials()["adobe"].toObject();
        const Run r = cli.login(
            {"--client-id", adobe["clientId"].toString(), "--org", adobe["orgId"].toString(), "--sandbox", "dev"},
            adobe["clientSecret"].toString());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject out = r.json()["adobe"].toObject();
        QCOMPARE(out["sandbox"].toString(), QStringLiteral("dev"));
        QCOMPARE(out["orgId"].toString(), adobe["orgId"].toString());
        QVERIFY(!out["sandboxTitle"].toString().isEmpty());
        QFile profile(cli.dir.filePath("config/profiles/default.json"));
        QVERIFY(profile.open(QIODevice::ReadOnly));
        const QByteArray text = profile.readAll();
        QVERIFY(text.contains(adobe["clientId"].toString().toUtf8()));
        const QByteArray secret = adobe["clientSecret"].toString().toUtf8();
        QVERIFY(!text.contains(secret) && !r.out.contains(secret) && !r.err.contains(secret));
    }

    // Issue 11: a profile file edited by hand into nonsense fails the command with the file's
    // name before Adobe is asked, and is left as it is.
    void damagedProfileIsNamedAndKept()
    {
        SandboxFixture f;
        AdobeLoginCli cli(f);
        QVERIFY(QDir().mkpath(QFileInfo(cli.profileFile()).absolutePath()));
        const QByteArray nonsense = "{\"id\": \"0123456789abcdef0123456789abcdef\", \"adobe\": {\"orgId\": 5}}";
        QFile file(cli.profileFile());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(nonsense);
        file.close();
        const QJsonObject adobe = f.credentials()["adobe"].toObject();
        const Run r = cli.login(
            {"--client-id", adobe["clientId"].toString(), "--org", adobe["orgId"].toString(), "--sandbox", "dev"},
            adobe["clientSecret"].toString());
        QVERIFY2(r.exitCode == 1, r.describe().constData());
        QVERIFY2(
            r.json()["error"].toObject()["message"].toString().contains(QDir::toNativeSeparators(cli.profileFile())),
            r.describe().constData());
        QCOMPARE(f.countRequests("POST", "/ims/token/v3$"), 0);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), nonsense);
    }

    void secretOnStdin()
    {
        SandboxFixture f;
        AdobeLoginCli cli(f);
        const QJsonObject adobe = f.credentials()["adobe"].toObject();
        const Run r = cli.login({"--client-id", adobe["clientId"].toString(), "--org", adobe["orgId"].toString(),
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
        AdobeLoginCli cli(f);
        const QJsonObject adobe = f.credentials()["adobe"].toObject();
        QString clientId = adobe["clientId"].toString();
        QString org = adobe["orgId"].toString();
        QString sandbox = "prod";
        QString secret = adobe["clientSecret"].toString();
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
            cli.withoutKeychain();
        const Run r = cli.login({"--client-id", clientId, "--org", org, "--sandbox", sandbox}, secret);
        QVERIFY2(r.exitCode == exitCode, (QByteArray::number(r.exitCode) + " " + r.out + r.err).constData());
        QCOMPARE(r.json()["error"].toObject()["category"].toString(), category);
        QVERIFY(!r.json()["error"].toObject()["message"].toString().isEmpty());
        if (what == "sandbox")
            QVERIFY(r.json()["error"].toObject()["message"].toString().contains("prod"));
    }
};

QTEST_GUILESS_MAIN(TestCliAdobeLogin)
#include "tst_cli_adobe_login.moc"

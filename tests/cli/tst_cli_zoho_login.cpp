// SPDX-License-Identifier: GPL-3.0-or-later
// zoho-aep-connect zoho-login as a user runs it: a child process against the sandbox, the
// consent clicked through over HTTP like a browser, the answer through the loopback listener or
// pasted on stdin; its JSON, its exit codes, and no secret in its output or the profile.
#include "CliDriver.h"
#include "ConsentDriver.h"
#include "TestHttp.h"

#include <QDir>
#include <QJsonDocument>
#include <QProcess>
#include <QTcpServer>
#include <QTest>

using namespace zaw::test;

namespace {

// One zoho-login process at a time, with its output collected.
struct LoginCli : Cli
{
    explicit LoginCli(SandboxFixture &f)
        : Cli(f, QStringLiteral(ZAW_CONNECT_EXE))
    {
        adobeSecret.clear();
    }

    // secretEnv: ZOHO_CLIENT_SECRET ("<demo>": the demo client's; empty: unset).
    void start(const QStringList &commandArgs, const QString &secretEnv = QStringLiteral("<demo>"))
    {
        zohoSecret = secretEnv == QLatin1String("<demo>") ? zoho["clientSecret"].toString() : secretEnv;
        Cli::start(process, commandArgs);
    }

    QStringList loginArgs(const QStringList &extra = {}) const
    {
        return QStringList{"zoho-login", "--client-id", zoho["clientId"].toString(), "--redirect-uri", redirectUri,
                           "--browser",  "none"} +
               extra;
    }

    // The consent URL: the line of stderr that is a URL and nothing else.
    QUrl waitForConsentUrl() { return zaw::test::waitForConsentUrl(process, &stderrText); }

    int finish(int timeoutMs = 30000)
    {
        (void)QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, timeoutMs);
        stdoutText += process.readAllStandardOutput();
        stderrText += process.readAllStandardError();
        return process.state() == QProcess::NotRunning ? process.exitCode() : -1;
    }

    QJsonObject json() const { return QJsonDocument::fromJson(stdoutText).object(); }

    QProcess process;
    QByteArray stdoutText;
    QByteArray stderrText;
};

} // namespace

class TestCliZohoLogin : public QObject
{
    Q_OBJECT

private slots:
    void loopbackSignIn()
    {
        SandboxFixture f;
        LoginCli cli(f);
        cli.start(cli.loginArgs({"--client-type", "desktop"}));
        const QUrl consent = cli.waitForConsentUrl();
        QVERIFY2(consent.isValid(), cli.stderrText.constData());
        // The listener is bound before the URL is printed.
        const ConsentOutcome outcome = runConsent(f.http, consent, "jonas.berg@example.eu");
        QCOMPARE(outcome.status, 302);
        const HttpResult page = f.http.get(outcome.redirect);
        QCOMPARE(page.status, 200);
        QVERIFY(page.body.contains("close this tab"));
        QCOMPARE(cli.finish(), 0);
        const QJsonObject zoho = cli.json()["zoho"].toObject();
        QCOMPARE(zoho["email"].toString(), QStringLiteral("jonas.berg@example.eu"));
        QCOMPARE(zoho["dc"].toString(), QStringLiteral("eu"));
        QCOMPARE(zoho["environment"].toString(), QStringLiteral("production"));
        QCOMPARE(zoho["apiDomain"].toString(), f.url("/zoho/eu/api").toString());
        QVERIFY(!zoho["orgId"].toString().isEmpty());
        QVERIFY(QFile::exists(cli.dir.filePath("config/profiles/default.json")));
        // No secret in the output or the profile.
        QFile profile(cli.dir.filePath("config/profiles/default.json"));
        profile.open(QIODevice::ReadOnly);
        const QByteArray everything = cli.stdoutText + cli.stderrText + profile.readAll();
        QVERIFY(!everything.contains(cli.zoho["clientSecret"].toString().toUtf8()));
        QVERIFY(!everything.contains("refresh_token"));
    }

    void pastedUrlWithSecretOnStdin()
    {
        SandboxFixture f;
        LoginCli cli(f);
        cli.start(cli.loginArgs({"--paste", "--client-secret-stdin"}), QString());
        cli.process.write(cli.zoho["clientSecret"].toString().toUtf8() + "\n");
        const QUrl consent = cli.waitForConsentUrl();
        QVERIFY2(consent.isValid(), cli.stderrText.constData());
        const ConsentOutcome outcome = runConsent(f.http, consent, "ana.lima@example.com");
        cli.process.write("https://example.com/not-it\n");
        cli.process.write(outcome.redirect.toEncoded() + "\n");
        QCOMPARE(cli.finish(), 0);
        QCOMPARE(cli.json()["zoho"].toObject()["email"].toString(), QStringLiteral("ana.lima@example.com"));
        QVERIFY(cli.stderrText.contains("not an address at the redirect URI"));
    }

    void denyIsExit3()
    {
        SandboxFixture f;
        LoginCli cli(f);
        cli.start(cli.loginArgs());
        const ConsentOutcome outcome = runConsent(f.http, cli.waitForConsentUrl(), "ana.lima@example.com", {}, "deny");
        const HttpResult page = f.http.get(outcome.redirect);
        QCOMPARE(page.status, 400);
        QCOMPARE(cli.finish(), 3);
        const QJsonObject error = cli.json()["error"].toObject();
        QCOMPARE(error["category"].toString(), QStringLiteral("sign-in-needed"));
        QCOMPARE(error["code"].toString(), QStringLiteral("access_denied"));
        QVERIFY(!error["message"].toString().isEmpty());
    }

    void forgedStateIsExit3()
    {
        SandboxFixture f;
        LoginCli cli(f);
        cli.start(cli.loginArgs());
        const ConsentOutcome outcome = runConsent(f.http, cli.waitForConsentUrl(), "ana.lima@example.com");
        QUrl forged = outcome.redirect;
        QUrlQuery q(forged);
        q.removeAllQueryItems("state");
        q.addQueryItem("state", "forged");
        forged.setQuery(q);
        QCOMPARE(f.http.get(forged).status, 400);
        QCOMPARE(cli.finish(), 3);
        QCOMPARE(f.countRequests("POST", "/oauth/v2/token$"), 0); // the code was never sent anywhere
    }

    void wrongSecretIsExit3()
    {
        SandboxFixture f;
        LoginCli cli(f);
        cli.start(cli.loginArgs(), QStringLiteral("wrong-secret"));
        const ConsentOutcome outcome = runConsent(f.http, cli.waitForConsentUrl(), "ana.lima@example.com");
        f.http.get(outcome.redirect);
        QCOMPARE(cli.finish(), 3);
        QCOMPARE(cli.json()["error"].toObject()["code"].toString(), QStringLiteral("invalid_client_secret"));
        QVERIFY(!cli.stdoutText.contains("wrong-secret") && !cli.stderrText.contains("wrong-secret"));
    }

    void lostTokenReplyIsExit4()
    {
        SandboxFixture f;
        LoginCli cli(f);
        f.addFault({{"route", "/oauth/v2/token$"}, {"drop", "before"}});
        cli.start(cli.loginArgs());
        const ConsentOutcome outcome = runConsent(f.http, cli.waitForConsentUrl(), "ana.lima@example.com");
        f.http.get(outcome.redirect);
        QCOMPARE(cli.finish(), 4);
        QCOMPARE(cli.json()["error"].toObject()["category"].toString(), QStringLiteral("network"));
    }

    void timeoutIsExit7()
    {
        SandboxFixture f;
        LoginCli cli(f);
        cli.start(cli.loginArgs({"--timeout", "1"}));
        QVERIFY(cli.waitForConsentUrl().isValid());
        QCOMPARE(cli.finish(), 7);
    }

    void portInUseIsExit2()
    {
        SandboxFixture f;
        LoginCli cli(f);
        QTcpServer blocker;
        QVERIFY(blocker.listen(QHostAddress::LocalHost, quint16(QUrl(cli.redirectUri).port())));
        cli.start(cli.loginArgs());
        QCOMPARE(cli.finish(), 2);
        QVERIFY(cli.json()["error"].toObject()["message"].toString().contains("in use"));
        QVERIFY(!cli.stderrText.contains("oauth/v2/auth")); // no URL printed
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("secret");
        QTest::newRow("no secret") << QStringList{"zoho-login", "--client-id", "x", "--redirect-uri",
                                                  "http://127.0.0.1:5/cb"}
                                   << QString();
        QTest::newRow("no client id") << QStringList{"zoho-login", "--redirect-uri", "http://127.0.0.1:5/cb"} << "s";
        QTest::newRow("remote redirect without paste")
            << QStringList{"zoho-login", "--client-id", "x", "--redirect-uri", "https://example.com/cb"} << "s";
        QTest::newRow("bad environment") << QStringList{"zoho-login",     "--client-id",           "x",
                                                        "--redirect-uri", "http://127.0.0.1:5/cb", "--environment",
                                                        "staging"}
                                         << "s";
        QTest::newRow("unknown command") << QStringList{"frobnicate"} << "s";
        QTest::newRow("unknown option") << QStringList{"--colour", "zoho-login"} << "s";
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, secret);
        SandboxFixture f;
        LoginCli cli(f);
        cli.start(args, secret);
        QCOMPARE(cli.finish(), 2);
        QCOMPARE(cli.json()["error"].toObject()["category"].toString(), QStringLiteral("input"));
    }

    // The same check as the Zoho app page: a missing required scope is a usage error, before any
    // consent, with the page's message.
    void missingRequiredScopeIsExit2()
    {
        SandboxFixture f;
        LoginCli cli(f);
        cli.start({"zoho-login", "--client-id", "x", "--redirect-uri", "http://127.0.0.1:5/cb", "--scopes",
                   "ZohoCRM.modules.READ,ZohoCRM.org.READ"},
                  "s");
        QCOMPARE(cli.finish(), 2);
        const QJsonObject error = cli.json()["error"].toObject();
        QCOMPARE(error["category"].toString(), QStringLiteral("input"));
        QVERIFY2(error["message"].toString().contains("Keep ZohoCRM.users.READ"),
                 qPrintable(error["message"].toString()));
        QVERIFY(!cli.stderrText.contains("oauth/v2/auth")); // no consent URL printed
    }

    void noKeychainIsExit5()
    {
        SandboxFixture f;
        LoginCli cli(f);
        cli.withoutKeychain();
        cli.start(cli.loginArgs());
        QCOMPARE(cli.finish(60000), 5);
        QVERIFY(cli.json()["error"].toObject()["message"].toString().contains("keychain"));
        QCOMPARE(f.countRequests("GET", "/oauth/v2/auth$"), 0); // no consent wasted
    }
};

QTEST_GUILESS_MAIN(TestCliZohoLogin)
#include "tst_cli_zoho_login.moc"

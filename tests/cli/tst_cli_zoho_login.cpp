// SPDX-License-Identifier: GPL-3.0-or-later
// zoho-aep-connect zoho-login as a user runs it: a child process against the sandbox, the
// consent clicked through over HTTP like a browser, the answer through the loopback listener or
// pasted on stdin; its JSON, its exit codes, and no secret in its output or the profile.
#include "CliDriver.h"
#include "ConsentDriver.h"
#include "TestHttp.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
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

// Whether this computer has ::1 to bind.
bool hasIpv6Loopback()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHostIPv6, 0);
}

// Puts a stand-in xdg-open first in the PATH of cli's commands (and a DISPLAY, so it is used):
// it records its environment and its argument in the file whose path is returned.
QString installStandInBrowser(const QTemporaryDir &bin, LoginCli &cli)
{
    const QByteArray record = bin.filePath("xdg-open.env").toUtf8();
    QFile script(bin.filePath("xdg-open"));
    if (!script.open(QIODevice::WriteOnly))
        return {};
    script.write("#!/bin/sh\nenv > \"" + record + ".part\"\necho \"ARG=$1\" >> \"" + record + ".part\"\nmv \"" +
                 record + ".part\" \"" + record + "\"\n");
    script.close();
    script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    cli.extraEnv["PATH"] = bin.path() + ":" + qEnvironmentVariable("PATH");
    cli.extraEnv["DISPLAY"] = ":99"; // the stand-in needs no display
    return QString::fromUtf8(record);
}

// Switches the CLI user to a "localhost" redirect URI on a port free on both loopback families,
// registered for the demo client.
quint16 useLocalhostRedirect(SandboxFixture &f, LoginCli &cli)
{
    quint16 port = 0;
    for (int attempt = 0; attempt < 50 && !port; ++attempt) {
        QTcpServer v4;
        QTcpServer v6;
        if (v4.listen(QHostAddress::LocalHost, 0) &&
            (!hasIpv6Loopback() || v6.listen(QHostAddress::LocalHostIPv6, v4.serverPort())))
            port = v4.serverPort();
    }
    cli.redirectUri = QStringLiteral("http://localhost:%1/cli-callback").arg(port);
    f.http.postJson(f.url(QStringLiteral("/_sandbox/clients")), QJsonObject{{"redirectUri", cli.redirectUri}});
    return port;
}

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

    // Issue 11: another program holds [::1]:PORT of a "localhost" redirect URI. A browser going to
    // localhost over IPv6 would hand it the code: the command refuses before any consent link is
    // shown or opened, and that program gets nothing.
    void localhostHalfBindIsRefused_data()
    {
        QTest::addColumn<bool>("ipv6Taken");
        QTest::newRow("::1 taken") << true;
        QTest::newRow("127.0.0.1 taken") << false;
    }

    void localhostHalfBindIsRefused()
    {
        QFETCH(bool, ipv6Taken);
        if (ipv6Taken && !hasIpv6Loopback()) {
            // No ::1 to take: IPv4 alone is the right bind (localhostSignIn covers it).
            qInfo("no ::1 on this computer: nothing to hold there");
            return;
        }
        SandboxFixture f;
        LoginCli cli(f);
        const quint16 port = useLocalhostRedirect(f, cli);
        QVERIFY(port);
        QTcpServer other;
        QVERIFY(other.listen(ipv6Taken ? QHostAddress::LocalHostIPv6 : QHostAddress::LocalHost, port));
        QTemporaryDir bin;
        const QString browserRecord = installStandInBrowser(bin, cli);
        cli.start({"zoho-login", "--client-id", cli.zoho["clientId"].toString(), "--redirect-uri", cli.redirectUri,
                   "--browser", "system"});
        QCOMPARE(cli.finish(), 2);
        QTest::qWait(300);
        QVERIFY(!QFile::exists(browserRecord)); // no browser opened
        const QString message = cli.json()["error"].toObject()["message"].toString();
        QVERIFY2(message.contains("in use") && message.contains(QString::number(port)), qPrintable(message));
        QVERIFY(!cli.stderrText.contains("oauth/v2/auth")); // no URL printed
        QVERIFY(!other.hasPendingConnections());
        QCOMPARE(f.countRequests("GET", "/oauth/v2/auth$"), 0);
    }

    // Both families free: the sign-in works whichever one the browser picks for localhost.
    void localhostSignIn()
    {
        SandboxFixture f;
        LoginCli cli(f);
        QVERIFY(useLocalhostRedirect(f, cli));
        cli.start(cli.loginArgs());
        const QUrl consent = cli.waitForConsentUrl();
        QVERIFY2(consent.isValid(), cli.stderrText.constData());
        const ConsentOutcome outcome = runConsent(f.http, consent, "ana.lima@example.com");
        QCOMPARE(outcome.status, 302);
        QCOMPARE(outcome.redirect.host(), QStringLiteral("localhost"));
        QUrl overIpv4 = outcome.redirect;
        overIpv4.setHost("127.0.0.1");
        QCOMPARE(f.http.get(overIpv4).status, 200);
        QCOMPARE(cli.finish(), 0);
    }

    // Issue 11: a pasted redirect is exchanged once; pasting it again starts no second exchange.
    void pastedTwiceIsExchangedOnce()
    {
        SandboxFixture f;
        LoginCli cli(f);
        cli.start(cli.loginArgs({"--paste"}));
        const QUrl consent = cli.waitForConsentUrl();
        QVERIFY2(consent.isValid(), cli.stderrText.constData());
        const ConsentOutcome outcome = runConsent(f.http, consent, "ana.lima@example.com");
        cli.process.write(outcome.redirect.toEncoded() + "\n" + outcome.redirect.toEncoded() + "\n");
        QCOMPARE(cli.finish(), 0);
        QCOMPARE(f.countRequests("POST", "/oauth/v2/token$"), 1);
    }

    // Issue 11: --timeout × 1000 must not overflow; out-of-range values are a usage error.
    void timeoutOutOfRangeIsExit2_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("overflows int milliseconds") << "3000000";
        QTest::newRow("beyond a day") << "86401";
        QTest::newRow("zero") << "0";
        QTest::newRow("not a number") << "soon";
    }

    void timeoutOutOfRangeIsExit2()
    {
        QFETCH(QString, value);
        SandboxFixture f;
        LoginCli cli(f);
        cli.start(cli.loginArgs({"--timeout", value}));
        QCOMPARE(cli.finish(), 2);
        const QString message = cli.json()["error"].toObject()["message"].toString();
        QVERIFY2(message.contains("--timeout") && message.contains("86400"), qPrintable(message));
        QVERIFY(!cli.stderrText.contains("oauth/v2/auth"));
    }

    // Issue 11: the system browser (here a stand-in xdg-open that records its environment) does
    // not inherit ZOHO_CLIENT_SECRET or ADOBE_CLIENT_SECRET.
    void systemBrowserGetsNoSecret()
    {
#ifndef Q_OS_LINUX
        QSKIP("the stand-in browser is an xdg-open shell script");
#endif
        SandboxFixture f;
        LoginCli cli(f);
        QTemporaryDir bin;
        const QString record = installStandInBrowser(bin, cli);
        cli.adobeSecret = "adobe-secret-for-the-browser-test";
        const QString zohoSecret = cli.zoho["clientSecret"].toString();
        QVERIFY(!zohoSecret.isEmpty());
        cli.start(QStringList{"zoho-login", "--client-id", cli.zoho["clientId"].toString(), "--redirect-uri",
                              cli.redirectUri, "--browser", "system"});
        const QUrl consent = cli.waitForConsentUrl();
        QVERIFY2(consent.isValid(), cli.stderrText.constData());
        QVERIFY2(QTest::qWaitFor([&] { return QFile::exists(record); }, 15000), "the stand-in browser never ran");
        QFile recorded(record);
        QVERIFY(recorded.open(QIODevice::ReadOnly));
        const QByteArray env = recorded.readAll();
        QVERIFY(env.contains("ARG=" + consent.toEncoded())); // it was the browser opening the consent
        QVERIFY2(!env.contains(zohoSecret.toUtf8()) && !env.contains("ZOHO_CLIENT_SECRET"),
                 "the browser inherited the Zoho client secret");
        QVERIFY2(!env.contains("adobe-secret-for-the-browser-test") && !env.contains("ADOBE_CLIENT_SECRET"),
                 "the browser inherited the Adobe client secret");
        // Nor can another program of the user read them in the waiting command's own environment
        // block (/proc/<pid>/environ keeps the bytes the process started with unless wiped).
        QFile own(QStringLiteral("/proc/%1/environ").arg(cli.process.processId()));
        QVERIFY(own.open(QIODevice::ReadOnly));
        const QByteArray ownEnv = own.readAll();
        QVERIFY(ownEnv.contains("PATH="));
        QVERIFY2(!ownEnv.contains(zohoSecret.toUtf8()), "the waiting command still shows the Zoho client secret");
        QVERIFY2(!ownEnv.contains("adobe-secret-for-the-browser-test"),
                 "the waiting command still shows the Adobe client secret");
        // The sign-in still works with the secret read before it was removed.
        const ConsentOutcome outcome = runConsent(f.http, consent, "ana.lima@example.com");
        f.http.get(outcome.redirect);
        QCOMPARE(cli.finish(), 0);
    }

    // Issue 11: a profile file edited by hand into nonsense. status and zoho-login name the file;
    // zoho-login stops before any consent and the file is left as it is.
    void damagedProfileIsNamedAndKept()
    {
        SandboxFixture f;
        LoginCli cli(f);
        QVERIFY(QDir().mkpath(QFileInfo(cli.profileFile()).absolutePath()));
        const QByteArray nonsense = "{\"id\": \"0123456789abcdef0123456789abcdef\", \"zoho\": {\"dc\": 7}}";
        QFile file(cli.profileFile());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(nonsense);
        file.close();
        const QString path = QDir::toNativeSeparators(cli.profileFile());

        const Run status = cli.run({"status"});
        QVERIFY2(status.exitCode != 0 && status.exitCode != -1, status.describe().constData());
        QVERIFY2(status.json()["error"].toObject()["message"].toString().contains(path), status.describe().constData());

        cli.start(cli.loginArgs());
        QCOMPARE(cli.finish(), 1);
        QVERIFY2(cli.json()["error"].toObject()["message"].toString().contains(path), cli.stdoutText.constData());
        QVERIFY(!cli.stderrText.contains("oauth/v2/auth"));
        QCOMPARE(f.countRequests("GET", "/oauth/v2/auth$"), 0);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), nonsense);
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

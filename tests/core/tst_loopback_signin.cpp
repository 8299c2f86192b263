// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 11 (hardening), sign-in: the loopback listener binds both loopback families for a
// "localhost" redirect URI or refuses (no half bind another program could answer on); a grant is
// usable once; the flow sends nothing to an accounts server or API domain outside the data-centre
// table; store() keeps no secret alive once it is done.
#include "ConsentDriver.h"
#include "TestHttp.h"
#include "loopback/LoopbackListener.h"
#include "net/HttpClient.h"
#include "store/MemorySecretStore.h"
#include "store/ProfileStore.h"
#include "zoho/ZohoSignInFlow.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace zaw;
using namespace zaw::test;

namespace {

// A port free on both loopback addresses when asked.
quint16 freeDualPort()
{
    for (int attempt = 0; attempt < 50; ++attempt) {
        QTcpServer v4;
        if (!v4.listen(QHostAddress::LocalHost, 0))
            continue;
        QTcpServer v6;
        if (!LoopbackListener::hasIpv6Loopback() || v6.listen(QHostAddress::LocalHostIPv6, v4.serverPort()))
            return v4.serverPort();
    }
    return 0;
}

zoho::RedirectMatcher matcherFor(const QString &redirectUri)
{
    return zoho::RedirectMatcher(redirectUri, QStringLiteral("state-1"), Endpoints::production());
}

// Whether something accepts connections on address:port right now.
bool accepts(const QHostAddress &address, quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(address, port);
    return socket.waitForConnected(2000);
}

zoho::ZohoAppSettings demoSettings(SandboxFixture &f)
{
    const QJsonObject zoho = f.credentials().value(QStringLiteral("zoho")).toObject();
    zoho::ZohoAppSettings settings;
    settings.clientId = zoho.value(QStringLiteral("clientId")).toString();
    settings.clientSecret = zoho.value(QStringLiteral("clientSecret")).toString();
    settings.redirectUri = zoho.value(QStringLiteral("redirectUri")).toString();
    return settings;
}

} // namespace

class TestLoopbackSignIn : public QObject
{
    Q_OBJECT

private slots:
    // Another program holds [::1]:PORT: a browser resolving localhost to ::1 would hand it the
    // code. The attempt is refused, nothing is left bound, nothing reaches the other program.
    void localhostWithIpv6TakenIsRefused()
    {
        if (!LoopbackListener::hasIpv6Loopback())
            QSKIP("this computer has no ::1; IPv4 alone is correct here (localhostWithIpv4TakenIsRefused)");
        const quint16 port = freeDualPort();
        QVERIFY(port);
        QTcpServer other;
        QVERIFY(other.listen(QHostAddress::LocalHostIPv6, port));
        const QString redirect = QStringLiteral("http://localhost:%1/callback").arg(port);
        LoopbackListener listener(matcherFor(redirect));
        QString error;
        QVERIFY(!listener.listenFor(QUrl(redirect), &error));
        QVERIFY2(error.contains(QString::number(port)) && error.contains(QLatin1String("::1")), qPrintable(error));
        QVERIFY(!listener.isListening());
        QVERIFY(listener.servers().isEmpty());
        QVERIFY(!accepts(QHostAddress::LocalHost, port)); // the IPv4 half was let go again
        QVERIFY(!other.hasPendingConnections());
    }

    void localhostWithIpv4TakenIsRefused()
    {
        const quint16 port = freeDualPort();
        QVERIFY(port);
        QTcpServer other;
        QVERIFY(other.listen(QHostAddress::LocalHost, port));
        const QString redirect = QStringLiteral("http://localhost:%1/callback").arg(port);
        LoopbackListener listener(matcherFor(redirect));
        QString error;
        QVERIFY(!listener.listenFor(QUrl(redirect), &error));
        QVERIFY2(error.contains(QLatin1String("in use")), qPrintable(error));
        QVERIFY(listener.servers().isEmpty());
        if (LoopbackListener::hasIpv6Loopback())
            QVERIFY(!accepts(QHostAddress::LocalHostIPv6, port));
        QVERIFY(!other.hasPendingConnections());
    }

    // Both free: both are ours, and both answer (a 404 for another path).
    void localhostBindsBothFamilies()
    {
        const quint16 port = freeDualPort();
        QVERIFY(port);
        const QString redirect = QStringLiteral("http://localhost:%1/callback").arg(port);
        LoopbackListener listener(matcherFor(redirect));
        QString error;
        QVERIFY2(listener.listenFor(QUrl(redirect), &error), qPrintable(error));
        Http http;
        QCOMPARE(http.get(QUrl(QStringLiteral("http://127.0.0.1:%1/other").arg(port))).status, 404);
        if (LoopbackListener::hasIpv6Loopback()) {
            QCOMPARE(listener.servers().size(), 2);
            QCOMPARE(http.get(QUrl(QStringLiteral("http://[::1]:%1/other").arg(port))).status, 404);
        }
    }

    // 127.0.0.1 in the redirect URI: the browser never goes to ::1, so IPv4 alone is right.
    void ipv4RedirectNeedsIpv4Only()
    {
        if (!LoopbackListener::hasIpv6Loopback())
            QSKIP("this computer has no ::1");
        const quint16 port = freeDualPort();
        QVERIFY(port);
        QTcpServer other;
        QVERIFY(other.listen(QHostAddress::LocalHostIPv6, port));
        const QString redirect = QStringLiteral("http://127.0.0.1:%1/callback").arg(port);
        LoopbackListener listener(matcherFor(redirect));
        QString error;
        QVERIFY2(listener.listenFor(QUrl(redirect), &error), qPrintable(error));
        QCOMPARE(listener.servers().size(), 1);
    }

    // An approved redirect is exchanged once: pasted or replayed again, it is rejected with a
    // clear message and no second token request goes out.
    void grantIsUsableOnce()
    {
        SandboxFixture f;
        net::HttpClient http;
        zoho::ZohoSignInFlow flow(&http, f.endpoints());
        net::Error error;
        const QUrl consent = flow.begin(demoSettings(f), &error);
        QVERIFY2(consent.isValid(), qPrintable(error.message));
        const ConsentOutcome outcome = runConsent(f.http, consent, QStringLiteral("ana.lima@example.com"));
        QCOMPARE(outcome.status, 302);
        const zoho::RedirectResult granted = flow.match(outcome.redirect);
        QCOMPARE(granted.kind, zoho::RedirectResult::Kind::Granted);

        QSignalSpy succeeded(&flow, &zoho::ZohoSignInFlow::succeeded);
        QSignalSpy failed(&flow, &zoho::ZohoSignInFlow::failed);
        flow.complete(granted);
        QVERIFY(QTest::qWaitFor([&] { return !succeeded.isEmpty() || !failed.isEmpty(); }, 30000));
        QCOMPARE(succeeded.size(), 1);
        QCOMPARE(f.countRequests("POST", QStringLiteral("/oauth/v2/token$")), 1);

        // Pasted again: rejected, with the reason, and still aimed at the redirect URI (the
        // browser must not load it).
        QVERIFY(flow.isRedirect(outcome.redirect));
        const zoho::RedirectResult again = flow.match(outcome.redirect);
        QCOMPARE(again.kind, zoho::RedirectResult::Kind::Rejected);
        QVERIFY2(again.problem.message.contains(QLatin1String("used already")), qPrintable(again.problem.message));
        flow.complete(again);
        // Replayed as the result the first match gave (a listener's copy): no exchange either.
        flow.complete(granted);
        QTest::qWait(300);
        QCOMPARE(failed.size(), 2);
        QCOMPARE(succeeded.size(), 1);
        QCOMPARE(f.countRequests("POST", QStringLiteral("/oauth/v2/token$")), 1);
        QCOMPARE(flow.account().user.email, QStringLiteral("ana.lima@example.com"));

        // A new attempt works again.
        QVERIFY(flow.begin(demoSettings(f), &error).isValid());
        QVERIFY(flow.match(outcome.redirect).kind != zoho::RedirectResult::Kind::Granted); // old state
    }

    // A denial also ends the attempt: a later forged "grant" for the same state is not taken.
    void deniedAttemptIsOver()
    {
        SandboxFixture f;
        net::HttpClient http;
        zoho::ZohoSignInFlow flow(&http, f.endpoints());
        net::Error error;
        const QUrl consent = flow.begin(demoSettings(f), &error);
        const ConsentOutcome denied =
            runConsent(f.http, consent, QStringLiteral("ana.lima@example.com"), {}, QStringLiteral("deny"));
        QCOMPARE(flow.match(denied.redirect).kind, zoho::RedirectResult::Kind::Denied);
        QSignalSpy failed(&flow, &zoho::ZohoSignInFlow::failed);
        flow.complete(flow.match(denied.redirect));
        QCOMPARE(failed.size(), 1);
        // The same consent URL approved afterwards (same state): refused.
        const ConsentOutcome approved = runConsent(f.http, consent, QStringLiteral("ana.lima@example.com"));
        QCOMPARE(approved.status, 302);
        QCOMPARE(flow.match(approved.redirect).kind, zoho::RedirectResult::Kind::Rejected);
        flow.complete(flow.match(approved.redirect));
        QCOMPARE(failed.size(), 2);
        QCOMPARE(f.countRequests("POST", QStringLiteral("/oauth/v2/token$")), 0);
    }

    // A result naming an accounts server outside the table (handed over by any caller) never
    // gets the code and the client secret sent there.
    void accountsServerOutsideTableIsRefused()
    {
        SandboxFixture f;
        net::HttpClient http;
        zoho::ZohoSignInFlow flow(&http, f.endpoints());
        net::Error error;
        QVERIFY(flow.begin(demoSettings(f), &error).isValid());
        // A stranger on loopback that would take the token request.
        QTcpServer stranger;
        QVERIFY(stranger.listen(QHostAddress::LocalHost, 0));
        zoho::RedirectResult forged;
        forged.kind = zoho::RedirectResult::Kind::Granted;
        forged.code = QStringLiteral("1000.forged");
        forged.location = QStringLiteral("us");
        forged.accountsServer = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(stranger.serverPort()));
        QSignalSpy failed(&flow, &zoho::ZohoSignInFlow::failed);
        flow.complete(forged);
        QVERIFY(QTest::qWaitFor([&] { return !failed.isEmpty(); }, 10000));
        const auto problem = failed.at(0).at(0).value<net::Error>();
        QVERIFY2(problem.message.contains(QLatin1String("accounts server")), qPrintable(problem.message));
        QTest::qWait(200);
        QVERIFY(!stranger.hasPendingConnections());
        QCOMPARE(f.countRequests("POST", QStringLiteral("/oauth/v2/token$")), 0);
    }

    // A token reply whose api_domain is not in the table: the access token goes nowhere else,
    // the sign-in fails, nothing is stored.
    void apiDomainOutsideTableIsRefused()
    {
        SandboxFixture f;
        // The table knows another API base for "us" than the one the sandbox names.
        Endpoints endpoints = f.endpoints();
        QList<DataCenter> dcs = endpoints.dataCenters();
        QTcpServer stranger;
        QVERIFY(stranger.listen(QHostAddress::LocalHost, 0));
        for (DataCenter &dc : dcs) {
            if (dc.code == QLatin1String("us"))
                dc.api = QUrl(QStringLiteral("http://127.0.0.1:%1/elsewhere").arg(stranger.serverPort()));
        }
        endpoints.setDataCenters(dcs);
        net::HttpClient http;
        zoho::ZohoSignInFlow flow(&http, endpoints);
        net::Error error;
        const QUrl consent = flow.begin(demoSettings(f), &error);
        const ConsentOutcome outcome = runConsent(f.http, consent, QStringLiteral("ana.lima@example.com"));
        QSignalSpy succeeded(&flow, &zoho::ZohoSignInFlow::succeeded);
        QSignalSpy failed(&flow, &zoho::ZohoSignInFlow::failed);
        flow.complete(flow.match(outcome.redirect));
        QVERIFY(QTest::qWaitFor([&] { return !succeeded.isEmpty() || !failed.isEmpty(); }, 30000));
        QCOMPARE(succeeded.size(), 0);
        const auto problem = failed.at(0).at(0).value<net::Error>();
        QVERIFY2(problem.message.contains(QLatin1String("API domain")), qPrintable(problem.message));
        QVERIFY(flow.session().accessToken.isEmpty() && flow.session().refreshToken.isEmpty());
        QCOMPARE(f.countRequests("GET", QStringLiteral("/crm/")), 0);
        QVERIFY(!stranger.hasPendingConnections());
    }

    // store() hands the secrets to the keychain and then lets go of them: nothing it made (its
    // done callback included) outlives the writes.
    void storeKeepsNothingAlive()
    {
        SandboxFixture f;
        net::HttpClient http;
        zoho::ZohoSignInFlow flow(&http, f.endpoints());
        net::Error error;
        const QUrl consent = flow.begin(demoSettings(f), &error);
        const ConsentOutcome outcome = runConsent(f.http, consent, QStringLiteral("ana.lima@example.com"));
        QSignalSpy succeeded(&flow, &zoho::ZohoSignInFlow::succeeded);
        flow.complete(flow.match(outcome.redirect));
        QVERIFY(QTest::qWaitFor([&] { return !succeeded.isEmpty(); }, 30000));

        QTemporaryDir dir;
        store::ProfileStore profiles(dir.path());
        store::MemorySecretStore secrets;
        store::Profile profile = profiles.create(QStringLiteral("p"));
        QObject context;
        auto alive = std::make_shared<int>(1);
        const std::weak_ptr<int> watch = alive;
        bool done = false;
        QString profileError;
        bool keychainOk = false;
        flow.store(&profiles, &secrets, &profile, &context,
                   [alive, &done, &profileError, &keychainOk](const QString &e, const store::SecretResult &r) {
                       profileError = e;
                       keychainOk = r.ok();
                       done = true;
                   });
        alive.reset();
        QVERIFY(QTest::qWaitFor([&] { return done; }, 10000));
        QVERIFY2(profileError.isEmpty(), qPrintable(profileError));
        QVERIFY(keychainOk);
        QCOMPARE(secrets.keys().size(), 3);
        QVERIFY2(QTest::qWaitFor([&] { return watch.expired(); }, 2000),
                 "store() still holds its callback (and with it the secrets) after it finished");
    }

    // The first keychain failure ends the writes, and releases everything as well.
    void storeFailureKeepsNothingAlive()
    {
        SandboxFixture f;
        net::HttpClient http;
        zoho::ZohoSignInFlow flow(&http, f.endpoints());
        QTemporaryDir dir;
        store::ProfileStore profiles(dir.path());
        store::MemorySecretStore secrets;
        secrets.setAvailable(false);
        store::Profile profile = profiles.create(QStringLiteral("p"));
        QObject context;
        auto alive = std::make_shared<int>(1);
        const std::weak_ptr<int> watch = alive;
        bool done = false;
        bool keychainOk = true;
        flow.store(&profiles, &secrets, &profile, &context,
                   [alive, &done, &keychainOk](const QString &, const store::SecretResult &r) {
                       keychainOk = r.ok();
                       done = true;
                   });
        alive.reset();
        QVERIFY(QTest::qWaitFor([&] { return done; }, 10000));
        QVERIFY(!keychainOk);
        QVERIFY(QTest::qWaitFor([&] { return watch.expired(); }, 2000));
    }
};

QTEST_GUILESS_MAIN(TestLoopbackSignIn)
#include "tst_loopback_signin.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// Zoho sign-in and CRM calls end to end against the sandbox over loopback: consent (clicked
// through over HTTP), redirect matching, exchange at the user's home data centre, CRM calls at
// the api_domain, and each failure the user can meet.
#include "AdobeTestRig.h"
#include "ConsentDriver.h"
#include "TestHttp.h"
#include "net/HttpClient.h"
#include "zoho/AuthorizationRequest.h"
#include "zoho/RedirectMatcher.h"
#include "zoho/ZohoAuthClient.h"
#include "zoho/ZohoCrmClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace zaw;
using namespace zaw::zoho;
using namespace zaw::test;

namespace {

// One sign-in as the wizard does it, up to the redirect.
struct SignIn
{
    explicit SignIn(SandboxFixture &f, const QString &startDc = QStringLiteral("us"),
                    ClientType type = ClientType::Desktop, const QStringList &scopes = defaultScopes())
        : endpoints(f.endpoints())
        , zoho(f.credentials()["zoho"].toObject())
        , request(endpoints.dataCenter(startDc)->accounts, zoho["clientId"].toString(), zoho["redirectUri"].toString(),
                  scopes, type)
    {
        session.clientId = zoho["clientId"].toString();
        session.clientSecret = zoho["clientSecret"].toString();
    }

    RedirectResult consent(SandboxFixture &f, const QString &login, const QString &decision = QStringLiteral("accept"))
    {
        const ConsentOutcome outcome = runConsent(f.http, request.url(), login, {}, decision);
        if (outcome.status != 302)
            qWarning("consent did not redirect: %d %s", outcome.status, outcome.page.left(300).constData());
        RedirectMatcher matcher(request.redirectUri(), request.state(), endpoints);
        return matcher.match(outcome.redirect);
    }

    net::Error exchange(net::HttpClient &http, const RedirectResult &grant, const QString &verifier)
    {
        ZohoAuthClient auth(&http, endpoints);
        net::Error result;
        bool done = false;
        QObject context;
        auth.exchange(grant, request.redirectUri(), verifier, &session, &context, [&](const net::Error &e) {
            result = e;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 15000))
            qFatal("exchange did not finish");
        return result;
    }

    net::Error exchange(net::HttpClient &http, const RedirectResult &grant)
    {
        return exchange(http, grant, request.codeVerifier());
    }

    Endpoints endpoints;
    QJsonObject zoho;
    AuthorizationRequest request;
    ZohoSession session;
};

} // namespace

class TestZohoClients : public QObject
{
    Q_OBJECT

private slots:
    void usUserSignsInAndCrmAnswers()
    {
        SandboxFixture f;
        net::HttpClient http;
        SignIn s(f);
        const RedirectResult grant = s.consent(f, "ana.lima@example.com");
        QCOMPARE(grant.kind, RedirectResult::Kind::Granted);
        QCOMPARE(grant.location, QStringLiteral("us"));
        const net::Error e = s.exchange(http, grant);
        QVERIFY2(!e, qPrintable(e.message));
        QVERIFY(!s.session.refreshToken.isEmpty());
        QCOMPARE(s.session.apiDomain, s.endpoints.dataCenter("us")->api);
        QVERIFY(s.session.hasFreshAccessToken());

        ZohoAuthClient auth(&http, s.endpoints);
        ZohoCrmClient crm(&http, &auth, &s.session);
        const auto user = test::await<ZohoUser>([&](QObject *c, auto done) { crm.currentUser(c, done); });
        QVERIFY2(!user.second, qPrintable(user.second.message));
        QCOMPARE(user.first.email, QStringLiteral("ana.lima@example.com"));
        const auto org = test::await<ZohoOrg>([&](QObject *c, auto done) { crm.organization(c, done); });
        QVERIFY(!org.second);
        QVERIFY(!org.first.companyName.isEmpty());
        QCOMPARE(org.first.environment, QStringLiteral("production"));
        QVERIFY(!org.first.edition.isEmpty());
        const auto modules = test::await<QList<ZohoModule>>([&](QObject *c, auto done) { crm.modules(c, done); });
        QVERIFY(!modules.second);
        QStringList names;
        for (const ZohoModule &m : modules.first) {
            names << m.apiName;
            QVERIFY(m.apiSupported);
            QVERIFY(m.generatedType != "linking");
        }
        QVERIFY(names.contains("Leads"));
        QVERIFY(names.contains("Subscriptions"));
        QVERIFY(!names.contains("Home"));
        const auto fields = test::await<QList<ZohoField>>([&](QObject *c, auto done) { crm.fields("Leads", c, done); });
        QVERIFY(!fields.second);
        QVERIFY(fields.first.size() > 10);
        const auto page = test::await<ZohoRecordsPage>([&](QObject *c, auto done) {
            crm.records("Leads", {"Last_Name", "Email", "Modified_Time"}, 1, 200, {}, c, done);
        });
        QVERIFY(!page.second);
        QCOMPARE(page.first.records.size(), 200);
        QVERIFY(page.first.moreRecords);
        // One mint for all of it: the access token from the exchange is reused.
        QCOMPARE(f.countRequests("POST", "/oauth/v2/token$"), 1);
    }

    void euUserStartingAtUsIsExchangedAndServedInEu()
    {
        SandboxFixture f;
        net::HttpClient http;
        SignIn s(f, "us");
        const RedirectResult grant = s.consent(f, "jonas.berg@example.eu");
        QCOMPARE(grant.kind, RedirectResult::Kind::Granted);
        QCOMPARE(grant.location, QStringLiteral("eu"));
        QCOMPARE(grant.accountsServer, s.endpoints.dataCenter("eu")->accounts);
        QVERIFY2(!s.exchange(http, grant), "exchange failed");
        QCOMPARE(s.session.dc, QStringLiteral("eu"));
        QCOMPARE(f.countRequests("POST", "^/zoho/eu/accounts/oauth/v2/token$"), 1);
        QCOMPARE(f.countRequests("POST", "^/zoho/us/accounts/oauth/v2/token$"), 0);
        ZohoAuthClient auth(&http, s.endpoints);
        ZohoCrmClient crm(&http, &auth, &s.session);
        const auto user = test::await<ZohoUser>([&](QObject *c, auto done) { crm.currentUser(c, done); });
        QVERIFY2(!user.second, qPrintable(user.second.message));
        QCOMPARE(user.first.email, QStringLiteral("jonas.berg@example.eu"));
        QCOMPARE(f.countRequests("GET", "^/zoho/eu/(api|sandbox-api)/crm/v8/users$"), 1);
        QCOMPARE(f.countRequests("GET", "^/zoho/us/(api|sandbox-api)/"), 0);
    }

    void deny()
    {
        SandboxFixture f;
        SignIn s(f);
        const RedirectResult r = s.consent(f, "ana.lima@example.com", "deny");
        QCOMPARE(r.kind, RedirectResult::Kind::Denied);
        QCOMPARE(r.problem.category, net::ErrorCategory::SignInNeeded);
    }

    void expiredCode()
    {
        sandbox::SandboxOptions options;
        options.codeTtlSeconds = 1;
        SandboxFixture f(options);
        net::HttpClient http;
        SignIn s(f);
        const RedirectResult grant = s.consent(f, "ana.lima@example.com");
        QTest::qWait(2100);
        const net::Error e = s.exchange(http, grant);
        QCOMPARE(e.code, QStringLiteral("invalid_code"));
        QCOMPARE(e.category, net::ErrorCategory::SignInNeeded);
        QCOMPARE(e.httpStatus, 200); // Zoho's errors come with HTTP 200
        QVERIFY(e.message.contains("expired"));
        QVERIFY(s.session.refreshToken.isEmpty());
    }

    void reusedCode()
    {
        SandboxFixture f;
        net::HttpClient http;
        SignIn s(f);
        const RedirectResult grant = s.consent(f, "ana.lima@example.com");
        QVERIFY(!s.exchange(http, grant));
        const net::Error again = s.exchange(http, grant);
        QCOMPARE(again.code, QStringLiteral("invalid_code"));
    }

    void wrongSecret()
    {
        SandboxFixture f;
        net::HttpClient http;
        SignIn s(f);
        s.session.clientSecret = QStringLiteral("not-the-secret");
        const net::Error e = s.exchange(http, s.consent(f, "ana.lima@example.com"));
        QCOMPARE(e.code, QStringLiteral("invalid_client_secret"));
        QCOMPARE(e.category, net::ErrorCategory::Input);
    }

    void pkceVerifierMustMatch()
    {
        SandboxFixture f;
        net::HttpClient http;
        SignIn s(f);
        const RedirectResult grant = s.consent(f, "ana.lima@example.com");
        const net::Error wrong = s.exchange(http, grant, AuthorizationRequest::randomUrlSafe(32));
        QCOMPARE(wrong.code, QStringLiteral("invalid_code"));
        const net::Error missing = s.exchange(http, grant, QString());
        QCOMPARE(missing.code, QStringLiteral("invalid_code"));
        QVERIFY(!s.exchange(http, grant)); // the right one still works: the code was not spent
    }

    void serverClientWithoutPkce()
    {
        SandboxFixture f;
        net::HttpClient http;
        SignIn s(f, "us", ClientType::Server);
        QVERIFY(!s.exchange(http, s.consent(f, "ana.lima@example.com")));
    }

    void deadAccessTokenIsRefreshedOnce()
    {
        SandboxFixture f;
        net::HttpClient http;
        SignIn s(f);
        QVERIFY(!s.exchange(http, s.consent(f, "ana.lima@example.com")));
        f.server().expireAccessTokens(); // the session still believes its token is fresh
        ZohoAuthClient auth(&http, s.endpoints);
        ZohoCrmClient crm(&http, &auth, &s.session);
        const auto org = test::await<ZohoOrg>([&](QObject *c, auto done) { crm.organization(c, done); });
        QVERIFY2(!org.second, qPrintable(org.second.message));
        QCOMPARE(f.countRequests("POST", "/oauth/v2/token$"), 2); // exchange + one refresh
        QCOMPARE(f.countRequests("GET", "/crm/v8/org$"), 2);      // INVALID_TOKEN, then success
    }

    void revokedRefreshTokenNeedsSignIn()
    {
        SandboxFixture f;
        net::HttpClient http;
        SignIn s(f);
        QVERIFY(!s.exchange(http, s.consent(f, "ana.lima@example.com")));
        ZohoAuthClient auth(&http, s.endpoints);
        const auto revoked = test::await<int>(
            [&](QObject *c, auto done) { auth.revoke(s.session, c, [done](const net::Error &e) { done(0, e); }); });
        QVERIFY(!revoked.second);
        const auto refreshed = test::await<int>(
            [&](QObject *c, auto done) { auth.refresh(&s.session, c, [done](const net::Error &e) { done(0, e); }); });
        QCOMPARE(refreshed.second.code, QStringLiteral("invalid_code"));
        QCOMPARE(refreshed.second.category, net::ErrorCategory::SignInNeeded);
    }

    void missingScopeNamesTheScope()
    {
        SandboxFixture f;
        net::HttpClient http;
        SignIn s(f, "us", ClientType::Desktop, {"ZohoCRM.org.READ"});
        QVERIFY(!s.exchange(http, s.consent(f, "ana.lima@example.com")));
        ZohoAuthClient auth(&http, s.endpoints);
        ZohoCrmClient crm(&http, &auth, &s.session);
        const auto user = test::await<ZohoUser>([&](QObject *c, auto done) { crm.currentUser(c, done); });
        QCOMPARE(user.second.code, QStringLiteral("OAUTH_SCOPE_MISMATCH"));
        QCOMPARE(user.second.category, net::ErrorCategory::Permission);
        QVERIFY(user.second.message.contains("ZohoCRM.users.READ"));
    }

    void profileWithoutApiAccess()
    {
        SandboxFixture f;
        net::HttpClient http;
        SignIn s(f);
        const RedirectResult grant = s.consent(f, "priya.nair@example.in");
        QCOMPARE(grant.location, QStringLiteral("in"));
        QVERIFY(!s.exchange(http, grant));
        ZohoAuthClient auth(&http, s.endpoints);
        ZohoCrmClient crm(&http, &auth, &s.session);
        const auto user = test::await<ZohoUser>([&](QObject *c, auto done) { crm.currentUser(c, done); });
        QCOMPARE(user.second.code, QStringLiteral("NO_PERMISSION"));
        QCOMPARE(user.second.httpStatus, 403);
        QVERIFY(user.second.message.contains("administrator"));
    }
};

QTEST_GUILESS_MAIN(TestZohoClients)
#include "tst_zoho_clients.moc"

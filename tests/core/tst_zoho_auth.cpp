// SPDX-License-Identifier: GPL-3.0-or-later
// Unit tests: the consent URL, PKCE, scope lists, redirect matching with hostile inputs and the
// mapping of Zoho's error codes to what the user is told.
#include "net/HttpClient.h"
#include "net/Redaction.h"
#include "zoho/AuthorizationRequest.h"
#include "zoho/RedirectMatcher.h"
#include "zoho/ZohoAuthClient.h"
#include "zoho/ZohoCrmClient.h"

#include <QJsonDocument>
#include <QSet>
#include <QTest>
#include <QUrlQuery>

using namespace zaw;
using namespace zaw::zoho;

namespace {

const QString kRedirect = QStringLiteral("http://127.0.0.1:47913/callback");
const QString kState = QStringLiteral("S7aTe");

QUrl redirect(const QString &query)
{
    return QUrl(kRedirect + QStringLiteral("?") + query);
}

} // namespace

class TestZohoAuth : public QObject
{
    Q_OBJECT

private slots:
    void authorizationUrl()
    {
        const Endpoints e = Endpoints::production();
        AuthorizationRequest req(e.dataCenter("us")->accounts, "1000.ABC", kRedirect, defaultScopes(),
                                 ClientType::Desktop);
        const QUrl url = req.url();
        QCOMPARE(url.scheme() + "://" + url.host() + url.path(),
                 QStringLiteral("https://accounts.zoho.com/oauth/v2/auth"));
        const QUrlQuery q(url);
        QCOMPARE(q.queryItemValue("response_type"), QStringLiteral("code"));
        QCOMPARE(q.queryItemValue("client_id"), QStringLiteral("1000.ABC"));
        QCOMPARE(q.queryItemValue("redirect_uri", QUrl::FullyDecoded), kRedirect);
        QCOMPARE(q.queryItemValue("access_type"), QStringLiteral("offline"));
        QCOMPARE(q.queryItemValue("prompt"), QStringLiteral("consent"));
        QCOMPARE(q.queryItemValue("code_challenge_method"), QStringLiteral("S256"));
        QCOMPARE(q.queryItemValue("code_challenge"), req.codeChallenge());
        QCOMPARE(q.queryItemValue("state"), req.state());
        // Comma-separated scopes, the read-only preset plus COQL and Bulk Read.
        const QStringList scopes = q.queryItemValue("scope", QUrl::FullyDecoded).split(',');
        QCOMPARE(scopes, defaultScopes());
        QVERIFY(scopes.contains("ZohoCRM.coql.READ"));
        QVERIFY(scopes.contains("ZohoCRM.bulk.READ"));
        QVERIFY(scopes.contains("ZohoCRM.settings.fields.READ"));
    }

    void serverClientHasNoPkce()
    {
        AuthorizationRequest req(QUrl("https://accounts.zoho.eu"), "1000.ABC", kRedirect, {"ZohoCRM.org.READ"},
                                 ClientType::Server);
        const QUrlQuery q(req.url());
        QVERIFY(!q.hasQueryItem("code_challenge"));
        QVERIFY(req.codeVerifier().isEmpty());
    }

    void stateIsFreshAnd128Bit()
    {
        QSet<QString> seen;
        for (int i = 0; i < 50; ++i) {
            AuthorizationRequest req(QUrl("https://accounts.zoho.com"), "c", kRedirect, {"ZohoCRM.org.READ"},
                                     ClientType::Desktop);
            QCOMPARE(QByteArray::fromBase64(req.state().toLatin1(), QByteArray::Base64UrlEncoding).size(), 16);
            QVERIFY(!seen.contains(req.state()));
            seen.insert(req.state());
            // RFC 7636: 43–128 characters.
            QVERIFY(req.codeVerifier().size() >= 43 && req.codeVerifier().size() <= 128);
        }
    }

    void pkceS256KnownVector()
    {
        // Known answer, computed independently: base64url(sha256(verifier)) without padding.
        QCOMPARE(AuthorizationRequest::s256("dBjftJeZ4CVP-mJ92IXxy8ZQsb0hD3iStlTA-6KVk2A"),
                 QStringLiteral("PzVpB2YGd0g836yI9s7i0SzfEfNOVxLJkjG8k1SZObk"));
    }

    void scopeParsing()
    {
        QCOMPARE(parseScopes("ZohoCRM.org.READ, ZohoCRM.users.READ\nZohoCRM.org.read  ZohoCRM.bulk.READ,,"),
                 (QStringList{"ZohoCRM.org.READ", "ZohoCRM.users.READ", "ZohoCRM.bulk.READ"}));
        QVERIFY(isValidScopeName("ZohoCRM.settings.fields.READ"));
        QVERIFY(isValidScopeName("AaaServer.profile.READ"));
        QVERIFY(!isValidScopeName("ZohoCRM"));
        QVERIFY(!isValidScopeName("ZohoCRM.org.READ&x=1"));
        QVERIFY(!isValidScopeName("https://evil"));
    }

    void grantedRedirect_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("location");
        QTest::newRow("encoded")
            << "state=S7aTe&code=1000.aa.bb&location=eu&accounts-server=https%3A%2F%2Faccounts.zoho.eu"
            << "eu";
        QTest::newRow("plain server")
            << "code=1000.aa.bb&location=in&accounts-server=https://accounts.zoho.in&state=S7aTe"
            << "in";
        QTest::newRow("trailing ampersand")
            << "code=1000.aa.bb&location=us&accounts-server=https%3A%2F%2Faccounts.zoho.com&state=S7aTe&"
            << "us";
        QTest::newRow("trailing slash and case")
            << "code=1000.aa.bb&location=CA&accounts-server=https%3A%2F%2FACCOUNTS.zohocloud.ca%2F&state=S7aTe"
            << "ca";
    }

    void grantedRedirect()
    {
        QFETCH(QString, query);
        QFETCH(QString, location);
        RedirectMatcher m(kRedirect, kState, Endpoints::production());
        const RedirectResult r = m.match(redirect(query));
        QVERIFY2(r.kind == RedirectResult::Kind::Granted, qPrintable(r.problem.message));
        QCOMPARE(r.code, QStringLiteral("1000.aa.bb"));
        QCOMPARE(r.location, location);
        QCOMPARE(r.accountsServer, Endpoints::production().dataCenter(location)->accounts);
    }

    void hostileRedirects_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<int>("kind");
        const QString ok = "?state=S7aTe&code=1000.aa.bb&location=us&accounts-server=https%3A%2F%2Faccounts.zoho.com";
        const int notOurs = int(RedirectResult::Kind::NotOurs);
        const int rejected = int(RedirectResult::Kind::Rejected);
        QTest::newRow("look-alike host") << "http://127.0.0.1.evil.example:47913/callback" + ok << notOurs;
        QTest::newRow("user info") << "http://user@127.0.0.1:47913/callback" + ok << rejected;
        QTest::newRow("other port") << "http://127.0.0.1:47914/callback" + ok << notOurs;
        QTest::newRow("default port") << "http://127.0.0.1/callback" + ok << notOurs;
        QTest::newRow("other path") << "http://127.0.0.1:47913/callback2" + ok << notOurs;
        QTest::newRow("path prefix") << "http://127.0.0.1:47913/callback/x" + ok << notOurs;
        QTest::newRow("https") << "https://127.0.0.1:47913/callback" + ok << notOurs;
        QTest::newRow("localhost for 127.0.0.1") << "http://localhost:47913/callback" + ok << notOurs;
        QTest::newRow("wrong state")
            << kRedirect + "?state=other&code=1000.aa.bb&location=us&accounts-server=https%3A%2F%2Faccounts.zoho.com"
            << rejected;
        QTest::newRow("no state") << kRedirect +
                                         "?code=1000.aa.bb&location=us&accounts-server=https%3A%2F%2Faccounts.zoho.com"
                                  << rejected;
        QTest::newRow("duplicated code") << kRedirect + ok.mid(1).prepend('?') + "&code=1000.cc.dd" << rejected;
        QTest::newRow("duplicated state") << kRedirect + ok.mid(1).prepend('?') + "&state=S7aTe" << rejected;
        QTest::newRow("forged accounts server")
            << kRedirect +
                   "?state=S7aTe&code=1000.aa.bb&location=us&accounts-server=https%3A%2F%2Faccounts.evil.example"
            << rejected;
        QTest::newRow("server of another dc")
            << kRedirect + "?state=S7aTe&code=1000.aa.bb&location=us&accounts-server=https%3A%2F%2Faccounts.zoho.eu"
            << rejected;
        QTest::newRow("http accounts server")
            << kRedirect + "?state=S7aTe&code=1000.aa.bb&location=us&accounts-server=http%3A%2F%2Faccounts.zoho.com"
            << rejected;
        QTest::newRow("server with path")
            << kRedirect +
                   "?state=S7aTe&code=1000.aa.bb&location=us&accounts-server=https%3A%2F%2Faccounts.zoho.com%2Fx"
            << rejected;
        QTest::newRow("unknown location")
            << kRedirect + "?state=S7aTe&code=1000.aa.bb&location=uk&accounts-server=https%3A%2F%2Faccounts.zoho.uk"
            << rejected;
        QTest::newRow("no code") << kRedirect +
                                        "?state=S7aTe&location=us&accounts-server=https%3A%2F%2Faccounts.zoho.com"
                                 << rejected;
        QTest::newRow("error other than deny") << kRedirect + "?state=S7aTe&error=invalid_scope" << rejected;
    }

    void hostileRedirects()
    {
        QFETCH(QString, url);
        QFETCH(int, kind);
        RedirectMatcher m(kRedirect, kState, Endpoints::production());
        const RedirectResult r = m.match(QUrl(url));
        QCOMPARE(int(r.kind), kind);
        QVERIFY(r.code.isEmpty() || r.kind == RedirectResult::Kind::Granted);
        if (r.kind == RedirectResult::Kind::Rejected)
            QVERIFY(!r.problem.message.isEmpty());
    }

    void denied()
    {
        RedirectMatcher m(kRedirect, kState, Endpoints::production());
        const RedirectResult r = m.match(redirect("error=access_denied&state=S7aTe"));
        QCOMPARE(r.kind, RedirectResult::Kind::Denied);
        QCOMPARE(r.problem.code, QStringLiteral("access_denied"));
        QVERIFY(r.problem.message.contains("Accept"));
        // A deny for another attempt is not trusted either.
        QCOMPARE(m.match(redirect("error=access_denied&state=x")).kind, RedirectResult::Kind::Rejected);
    }

    void loopbackRedirects()
    {
        QVERIFY(RedirectMatcher::isLoopbackRedirect(QUrl("http://127.0.0.1:5000/cb")));
        QVERIFY(RedirectMatcher::isLoopbackRedirect(QUrl("http://localhost:5000/cb")));
        QVERIFY(!RedirectMatcher::isLoopbackRedirect(QUrl("http://127.0.0.1/cb")));
        QVERIFY(!RedirectMatcher::isLoopbackRedirect(QUrl("https://127.0.0.1:5000/cb")));
        QVERIFY(!RedirectMatcher::isLoopbackRedirect(QUrl("http://example.com:5000/cb")));
    }

    void tokenErrorMapping_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("category");
        QTest::addColumn<QString>("says");
        using C = net::ErrorCategory;
        QTest::newRow("invalid_code") << "invalid_code" << int(C::SignInNeeded) << "Sign in again";
        QTest::newRow("invalid_client") << "invalid_client" << int(C::Input) << "Multi-DC";
        QTest::newRow("invalid_client_secret") << "invalid_client_secret" << int(C::Input) << "secret";
        QTest::newRow("invalid_redirect_uri") << "invalid_redirect_uri" << int(C::Input) << "redirect URI";
        QTest::newRow("throttle") << "Access Denied" << int(C::RateLimit) << "ten minutes";
        QTest::newRow("access_denied") << "access_denied" << int(C::SignInNeeded) << "10 minutes";
        QTest::newRow("invalid_token") << "invalid_token" << int(C::SignInNeeded) << "Sign in again";
        QTest::newRow("unsupported_grant_type") << "unsupported_grant_type" << int(C::Bug) << "bug";
        QTest::newRow("unknown") << "something_new" << int(C::SignInNeeded) << "something_new";
    }

    void tokenErrorMapping()
    {
        QFETCH(QString, code);
        QFETCH(int, category);
        QFETCH(QString, says);
        const net::Error e = ZohoAuthClient::tokenError(code, {}, 200);
        QCOMPARE(int(e.category), category);
        QCOMPARE(e.code, code);
        QCOMPARE(e.httpStatus, 200);
        QVERIFY2(e.message.contains(says), qPrintable(e.message));
    }

    void crmErrorMapping_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("category");
        QTest::addColumn<QString>("says");
        using C = net::ErrorCategory;
        QTest::newRow("invalid token")
            << 401
            << QByteArray(R"({"code":"INVALID_TOKEN","details":{},"message":"invalid oauth token","status":"error"})")
            << "/org" << int(C::SignInNeeded) << "Sign in to Zoho again";
        QTest::newRow("scope") << 401
                               << QByteArray(
                                      R"({"code":"OAUTH_SCOPE_MISMATCH","details":{},"message":"x","status":"error"})")
                               << "/settings/fields" << int(C::Permission) << "ZohoCRM.settings.fields.READ";
        QTest::newRow("no permission")
            << 403
            << QByteArray(
                   R"({"code":"NO_PERMISSION","details":{"permissions":["Crm_Implied_Api_Access"]},"message":"x","status":"error"})")
            << "/users" << int(C::Permission) << "Crm_Implied_Api_Access";
        QTest::newRow("credits") << 429
                                 << QByteArray(
                                        R"({"code":"TOO_MANY_REQUESTS","details":{},"message":"x","status":"error"})")
                                 << "/Leads" << int(C::RateLimit) << "credits";
        QTest::newRow("module") << 400
                                << QByteArray(
                                       R"({"code":"INVALID_MODULE","details":{},"message":"x","status":"error"})")
                                << "/Nope" << int(C::Input) << "module";
        QTest::newRow("server") << 500
                                << QByteArray(
                                       R"({"code":"INTERNAL_ERROR","details":{},"message":"x","status":"error"})")
                                << "/org" << int(C::Server) << "500";
    }

    void crmErrorMapping()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, path);
        QFETCH(int, category);
        QFETCH(QString, says);
        net::HttpResponse response;
        response.status = status;
        response.body = body;
        response.headers = {{"x-request-id", "req-1"}};
        const net::Error e = ZohoCrmClient::crmError(response, path);
        QCOMPARE(int(e.category), category);
        QCOMPARE(e.httpStatus, status);
        QCOMPARE(e.requestId, QStringLiteral("req-1"));
        QVERIFY2(e.message.contains(says), qPrintable(e.message));
        QVERIFY(e.technicalDetails().contains("req-1"));
    }

    void redaction()
    {
        const QUrl url(
            "https://accounts.zoho.com/oauth/v2/"
            "token?grant_type=refresh_token&client_secret=S3CR3T&refresh_token=R3FR3SH&code=C0DE&client_id=1000.A");
        const QString r = net::redactedUrl(url);
        QVERIFY(!r.contains("S3CR3T") && !r.contains("R3FR3SH") && !r.contains("C0DE"));
        QVERIFY(r.contains("client_id=1000.A"));
        QCOMPARE(net::redactedHeader("Authorization", "Zoho-oauthtoken 1000.abc.def"),
                 QByteArray("Zoho-oauthtoken ***"));
        const QByteArray json = net::redactedBody(
            R"({"auth":{"params":{"clientSecret":"S3CR3T","refreshToken":"R3FR3SH","endpoint":"e"}},"code":"INVALID_TOKEN"})",
            "application/json");
        QVERIFY(!json.contains("S3CR3T") && !json.contains("R3FR3SH"));
        QVERIFY(json.contains("INVALID_TOKEN"));
        const QByteArray form = net::redactedBody("client_secret=S3CR3T&code=C0DE&grant_type=authorization_code",
                                                  "application/x-www-form-urlencoded");
        QVERIFY(!form.contains("S3CR3T") && !form.contains("C0DE"));
        QCOMPARE(net::redactedBody(QByteArray(10, 'x'), "application/octet-stream"), QByteArray("<10 bytes>"));
    }
};

QTEST_GUILESS_MAIN(TestZohoAuth)
#include "tst_zoho_auth.moc"

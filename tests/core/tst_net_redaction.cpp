// SPDX-License-Identifier: GPL-3.0-or-later
// Secrets never reach a log: every key name and header the product sends or receives with a
// secret in it is masked by net/Redaction (unit level), and a real HttpClient run with the
// debug log switched on (the base-connection POST and PATCH carrying the Zoho tokens, the token
// exchanges, secrets in a query, retries and errors) leaves no secret value in the captured log.
//
// Decisions: "x-api-key" is Adobe's client ID (public, sent with every call) and "state" is a
// one-time CSRF value checked by the flow: neither is masked. "code" is masked in query strings and
// forms (a grant code) but not in JSON, where it is the service's error code.
#include "adobe/FlowServiceClient.h"
#include "net/HttpClient.h"
#include "net/Redaction.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMutex>
#include <QTest>
#include <QUrlQuery>

using namespace zaw;

namespace {

// Values no redacted text may contain (distinct, so a hit names the leak).
const QString kAccess = QStringLiteral("1000.zoho-access-SECRET-a1");
const QString kRefresh = QStringLiteral("1000.zoho-refresh-SECRET-r2");
const QString kZohoSecret = QStringLiteral("zoho-client-SECRET-c3");
const QString kAdobeSecret = QStringLiteral("p8e-adobe-client-SECRET-d4");
const QString kAdobeAccess = QStringLiteral("eyJadobe-access-SECRET-e5");
const QString kCode = QStringLiteral("1000.grant-code-SECRET-f6");
const QString kVerifier = QStringLiteral("pkce-verifier-SECRET-g7");
const QString kIdToken = QStringLiteral("eyJid-token-SECRET-h8");
const QString kPassword = QStringLiteral("proxy-password-SECRET-i9");

const QStringList kSecrets{kAccess, kRefresh,  kZohoSecret, kAdobeSecret, kAdobeAccess,
                           kCode,   kVerifier, kIdToken,    kPassword};

QStringList leaks(const QString &text)
{
    QStringList found;
    for (const QString &s : kSecrets) {
        if (text.contains(s))
            found << s;
        // Also percent-encoded (a query or form).
        const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(s));
        if (encoded != s && text.contains(encoded))
            found << encoded;
    }
    return found;
}

adobe::ZohoAuthParams zohoParams()
{
    adobe::ZohoAuthParams p;
    p.endpoint = QStringLiteral("https://www.zohoapis.eu");
    p.accountsUrl = QStringLiteral("https://accounts.zoho.eu");
    p.clientId = QStringLiteral("1000.PUBLICCLIENTID");
    p.clientSecret = kZohoSecret;
    p.accessToken = kAccess;
    p.refreshToken = kRefresh;
    return p;
}

QMutex g_logMutex;
QStringList g_log;

void capture(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    QMutexLocker lock(&g_logMutex);
    g_log << QStringLiteral("%1: %2").arg(QString::fromLatin1(context.category ? context.category : ""), message);
}

} // namespace

class TestNetRedaction : public QObject
{
    Q_OBJECT

private slots:
    void secretNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("secret");
        // Sent or received by the product (grep the core for them when adding a call).
        for (const char *n : {"access_token", "accessToken", "ACCESS_TOKEN", "refresh_token", "refreshToken",
                              "client_secret", "clientSecret", "code", "code_verifier", "id_token", "token", "password",
                              "secret", "Authorization", "authorization", "assertion"})
            QTest::newRow(n) << QString::fromLatin1(n) << true;
        for (const char *n : {"client_id", "clientId", "state", "redirect_uri", "grant_type", "scope", "x-api-key",
                              "x-gw-ims-org-id", "name", "endpoint", "accountsUrl", "expires_in", "api_domain"})
            QTest::newRow(n) << QString::fromLatin1(n) << false;
    }

    void secretNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, secret);
        QCOMPARE(net::isSecretName(name), secret);
    }

    // The base connection's auth params, as the product builds them, in a POST and in a PATCH.
    void baseConnectionBodyIsMasked()
    {
        const QJsonObject body = adobe::FlowServiceClient::zohoConnectionBody(
            QStringLiteral("Zoho CRM"), QStringLiteral("made by the wizard"), zohoParams());
        const QByteArray raw = QJsonDocument(body).toJson(QJsonDocument::Compact);
        QVERIFY2(raw.contains(kAccess.toUtf8()), "the test body must carry the secrets");
        const QByteArray logged = net::redactedBody(raw, "application/json");
        QVERIFY2(leaks(QString::fromUtf8(logged)).isEmpty(), logged.constData());
        // What helps a reader stays.
        QVERIFY(logged.contains("1000.PUBLICCLIENTID"));
        QVERIFY(logged.contains("accounts.zoho.eu"));
        QVERIFY(logged.contains("\"accessToken\":\"***\""));

        const QJsonArray patch{adobe::FlowServiceClient::patchOperation(
            QStringLiteral("replace"), QStringLiteral("/auth/params"), zohoParams().toJson())};
        const QByteArray loggedPatch =
            net::redactedBody(QJsonDocument(patch).toJson(QJsonDocument::Compact), "application/json");
        QVERIFY2(leaks(QString::fromUtf8(loggedPatch)).isEmpty(), loggedPatch.constData());
        QVERIFY(loggedPatch.contains("/auth/params"));
    }

    // Token replies (Zoho's, Adobe IMS's) should they ever be logged.
    void tokenRepliesAreMasked()
    {
        const QJsonObject zoho{{"access_token", kAccess}, {"refresh_token", kRefresh},
                               {"id_token", kIdToken},    {"api_domain", "https://www.zohoapis.eu"},
                               {"token_type", "Bearer"},  {"expires_in", 3600}};
        const QByteArray z = net::redactedBody(QJsonDocument(zoho).toJson(), "application/json;charset=UTF-8");
        QVERIFY2(leaks(QString::fromUtf8(z)).isEmpty(), z.constData());
        QVERIFY(z.contains("zohoapis.eu"));
        // In JSON "code" is an error code and stays readable.
        const QJsonObject crmError{{"code", "INVALID_TOKEN"}, {"status", "error"}};
        QVERIFY(net::redactedJson(crmError).toObject().value("code").toString() == "INVALID_TOKEN");
        // Nested and in arrays (a keychain record, a list of connections).
        const QJsonArray nested{QJsonObject{{"auth", QJsonObject{{"params", zohoParams().toJson()}}}},
                                QJsonObject{{"token", kAdobeAccess}, {"password", kPassword}}};
        const QJsonValue masked = net::redactedJson(nested);
        const QString text = QString::fromUtf8(QJsonDocument(masked.toArray()).toJson());
        QVERIFY2(leaks(text).isEmpty(), qPrintable(text));
    }

    // Token exchanges are forms: the grant code, the PKCE verifier, client and refresh secrets.
    void formsAndQueriesAreMasked()
    {
        QUrlQuery form;
        form.addQueryItem("grant_type", "authorization_code");
        form.addQueryItem("client_id", "1000.PUBLICCLIENTID");
        form.addQueryItem("client_secret", kZohoSecret);
        form.addQueryItem("code", kCode);
        form.addQueryItem("code_verifier", kVerifier);
        form.addQueryItem("refresh_token", kRefresh);
        form.addQueryItem("redirect_uri", "http://127.0.0.1:53682/callback");
        const net::HttpRequest request = net::HttpRequest::form(QUrl("https://accounts.zoho.eu/oauth/v2/token"), form);
        const QByteArray logged = net::redactedBody(request.body, request.header("Content-Type"));
        QVERIFY2(leaks(QString::fromUtf8(logged)).isEmpty(), logged.constData());
        QVERIFY(logged.contains("1000.PUBLICCLIENTID"));

        QUrl url("https://accounts.zoho.eu/oauth/v2/token");
        url.setQuery(form);
        url.setUserInfo(QStringLiteral("proxyuser:") + kPassword);
        url.setFragment(QStringLiteral("access_token=") + kAccess);
        const QString shown = net::redactedUrl(url);
        QVERIFY2(leaks(shown).isEmpty(), qPrintable(shown));
        QVERIFY(shown.contains("accounts.zoho.eu"));

        // Anything else is reduced to its size.
        QCOMPARE(net::redactedBody(kAccess.toUtf8(), "text/plain"),
                 QByteArray("<") + QByteArray::number(kAccess.size()) + " bytes>");
    }

    void headersAreMasked()
    {
        QCOMPARE(net::redactedHeader("Authorization", "Zoho-oauthtoken " + kAccess.toUtf8()),
                 QByteArray("Zoho-oauthtoken ***"));
        QCOMPARE(net::redactedHeader("authorization", "Bearer " + kAdobeAccess.toUtf8()), QByteArray("Bearer ***"));
        QCOMPARE(net::redactedHeader("Proxy-Authorization", "Basic " + kPassword.toUtf8()), QByteArray("Basic ***"));
        QCOMPARE(net::redactedHeader("Authorization", kAccess.toUtf8()), QByteArray("***"));
        QCOMPARE(net::redactedHeader("Cookie", "ZSESSION=" + kAccess.toUtf8()), QByteArray("***"));
        QCOMPARE(net::redactedHeader("x-api-key", "adobe-client-id"), QByteArray("adobe-client-id"));
    }

    // End to end: the helper's own debug log over real HTTP. The log must not be empty (else
    // the check would pass by accident) and must hold no secret.
    void httpClientLogHasNoSecret()
    {
        QHttpServer server;
        int hits = 0;
        server.route("/data/foundation/flowservice/connections", [&hits](const QHttpServerRequest &) {
            // The first attempt of the idempotent PATCH gets a 503 (a retry is logged too).
            return ++hits == 2 ? QHttpServerResponse(QHttpServerResponse::StatusCode::ServiceUnavailable)
                               : QHttpServerResponse(QJsonObject{{"id", "conn-1"}, {"accessToken", kAccess}});
        });
        server.route("/oauth/v2/token", [] {
            return QHttpServerResponse(QJsonObject{{"access_token", kAccess}, {"refresh_token", kRefresh}});
        });
        const quint16 port = server.listen(QHostAddress::LocalHost);
        QVERIFY(port != 0);
        const QString base = QStringLiteral("http://127.0.0.1:%1").arg(port);

        g_log.clear();
        QLoggingCategory::setFilterRules(QStringLiteral("zaw.*=true"));
        const QtMessageHandler previous = qInstallMessageHandler(capture);
        QList<net::Error> errors;
        {
            net::HttpClient client;
            client.setBackoff(10, 20, 1000);
            const net::Headers adobeHeaders{{"Authorization", "Bearer " + kAdobeAccess.toUtf8()},
                                            {"x-api-key", "adobe-client-id"},
                                            {"x-gw-ims-org-id", "ORG@AdobeOrg"}};
            QList<net::HttpRequest> requests;
            requests << net::HttpRequest::json(
                "POST", QUrl(base + "/data/foundation/flowservice/connections"),
                adobe::FlowServiceClient::zohoConnectionBody("Zoho CRM", "by the wizard", zohoParams()), adobeHeaders);
            net::HttpRequest patch = net::HttpRequest::json(
                "PATCH", QUrl(base + "/data/foundation/flowservice/connections"),
                QJsonArray{adobe::FlowServiceClient::patchOperation("replace", "/auth/params", zohoParams().toJson())},
                adobeHeaders);
            patch.idempotent = true; // with If-Match, as the product sends it
            requests << patch;
            QUrlQuery form;
            form.addQueryItem("client_secret", kZohoSecret);
            form.addQueryItem("code", kCode);
            form.addQueryItem("code_verifier", kVerifier);
            form.addQueryItem("refresh_token", kRefresh);
            requests << net::HttpRequest::form(QUrl(base + "/oauth/v2/token"), form);
            QUrl withQuery(base + "/oauth/v2/token");
            withQuery.setQuery(QStringLiteral("access_token=%1&code=%2").arg(kAccess, kCode));
            requests << net::HttpRequest::get(withQuery);
            // A failure: the error's message and detail must be clean as well.
            QUrl refused(QStringLiteral("http://proxyuser:%1@127.0.0.1:1/oauth/v2/token").arg(kPassword));
            refused.setQuery(QStringLiteral("refresh_token=%1").arg(kRefresh));
            net::HttpRequest failing = net::HttpRequest::get(refused, adobeHeaders);
            failing.maxAttempts = 2;
            requests << failing;

            for (const net::HttpRequest &request : requests) {
                bool done = false;
                net::HttpCall *call = client.send(request);
                QObject::connect(call, &net::HttpCall::finished, [&](const net::HttpResponse &, const net::Error &e) {
                    if (e)
                        errors << e;
                    done = true;
                });
                if (!QTest::qWaitFor([&] { return done; }, 10000)) {
                    qInstallMessageHandler(previous);
                    QFAIL("request did not finish");
                }
            }
        }
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());

        const QString log = g_log.join(QLatin1Char('\n'));
        // The log really holds the requests: bodies, the retry, the failure.
        QVERIFY2(log.contains("flowservice/connections"), qPrintable(log));
        QVERIFY2(log.contains("accessToken"), qPrintable(log));
        QVERIFY2(log.contains("retrying"), qPrintable(log));
        QVERIFY2(log.contains("127.0.0.1:1"), qPrintable(log));
        QCOMPARE(hits, 3);
        QVERIFY2(leaks(log).isEmpty(), qPrintable(leaks(log).join(", ") + "\n" + log));
        QCOMPARE(errors.size(), 1);
        QVERIFY2(leaks(errors.first().message + errors.first().detail + errors.first().technicalDetails()).isEmpty(),
                 qPrintable(errors.first().technicalDetails()));
    }
};

QTEST_GUILESS_MAIN(TestNetRedaction)
#include "tst_net_redaction.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// The sandbox's own machinery over real loopback HTTP: fault injection (latency, 429 with
// Retry-After, 5xx, dropped connections before and after handling, truncated and trickled
// bodies, a raw body of its own), the request log with secrets masked, extra redirect URIs, forced token expiry and
// the state file.
#include "TestHttp.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace zaw;
using namespace zaw::test;

namespace {

const QString kZohoOrg = QStringLiteral("/zoho/us/api/crm/v8/org");
const QString kIms = QStringLiteral("/adobe/ims/ims/token/v3");
const QString kConnections = QStringLiteral("/adobe/platform/data/foundation/flowservice/connections");

QUrlQuery imsForm(const QJsonObject &adobe)
{
    QUrlQuery form;
    form.addQueryItem("grant_type", "client_credentials");
    form.addQueryItem("client_id", adobe["clientId"].toString());
    form.addQueryItem("client_secret", adobe["clientSecret"].toString());
    form.addQueryItem("scope", "openid,AdobeID,read_organizations");
    return form;
}

QList<QPair<QByteArray, QByteArray>> platformHeaders(SandboxFixture &f)
{
    const QJsonObject adobe = f.credentials()["adobe"].toObject();
    const HttpResult token = f.http.postForm(f.url(kIms), imsForm(adobe));
    const QByteArray access = token.object()["access_token"].toString().toLatin1();
    return {{"Authorization", "Bearer " + access},
            {"x-api-key", adobe["clientId"].toString().toLatin1()},
            {"x-gw-ims-org-id", adobe["orgId"].toString().toLatin1()},
            {"x-sandbox-name", "prod"}};
}

QJsonObject connectionBody(const QString &name)
{
    return QJsonObject{
        {"name", name},
        {"auth", QJsonObject{{"specName", "Basic Authentication"},
                             {"params", QJsonObject{{"endpoint", "http://127.0.0.1:1/zoho/us/api"},
                                                    {"accountsUrl", "http://127.0.0.1:1/zoho/us/accounts"},
                                                    {"clientId", "1000.X"},
                                                    {"clientSecret", "s"},
                                                    {"accessToken", "a"},
                                                    {"refreshToken", "r"}}}}},
        {"connectionSpec", QJsonObject{{"id", "929e4450-0237-4ed2-9404-b7e1e0a00309"}, {"version", "1.0"}}}};
}

int connectionsNamed(SandboxFixture &f, const QString &name)
{
    const HttpResult list =
        f.http.get(f.url(kConnections + "?property=name%3D%3D" + QUrl::toPercentEncoding(name)), platformHeaders(f));
    return list.object()["items"].toArray().size();
}

} // namespace

class TestSandboxServer : public QObject
{
    Q_OBJECT

private slots:
    void injected429CarriesRetryAfter()
    {
        SandboxFixture f;
        f.addFault({{"route", "/crm/v8/org$"}, {"status", 429}, {"retryAfter", 7}, {"count", 1}});
        const HttpResult first = f.http.get(f.url(kZohoOrg));
        QCOMPARE(first.status, 429);
        QCOMPARE(first.header("Retry-After"), QByteArray("7"));
        // Zoho CRM's own envelope for the rate limit.
        QCOMPARE(first.object()["code"].toString(), QStringLiteral("TOO_MANY_REQUESTS"));
        // count 1: the next request is handled normally (no token: 401 from the CRM side).
        const HttpResult second = f.http.get(f.url(kZohoOrg));
        QCOMPARE(second.status, 401);
    }

    void injectedServerErrorsInTheServicesShape()
    {
        SandboxFixture f;
        f.addFault({{"method", "GET"}, {"route", "flowservice/connections"}, {"status", 503}, {"count", 2}});
        const auto headers = platformHeaders(f);
        HttpResult r = f.http.get(f.url(kConnections), headers);
        QCOMPARE(r.status, 503);
        QVERIFY(r.object()["type"].toString().startsWith("https://ns.adobe.com/aep/errors/FLOW-"));
        QCOMPARE(r.object()["status"].toInt(), 503);
        // The method filter: a POST is not affected.
        r = f.http.postJson(f.url(kConnections), connectionBody("not affected"), headers);
        QCOMPARE(r.status, 201);
        QCOMPARE(f.http.get(f.url(kConnections), headers).status, 503);
        QCOMPARE(f.http.get(f.url(kConnections), headers).status, 200);
    }

    void latency()
    {
        SandboxFixture f;
        f.addFault({{"route", "/crm/v8/org$"}, {"delay", 600}, {"count", 1}});
        QElapsedTimer timer;
        timer.start();
        const HttpResult r = f.http.get(f.url(kZohoOrg));
        QVERIFY2(timer.elapsed() >= 550, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(r.status, 401); // delayed, then handled as usual
    }

    void dropBeforeHandlingCreatesNothing()
    {
        SandboxFixture f;
        const auto headers = platformHeaders(f);
        f.addFault({{"method", "POST"}, {"route", "flowservice/connections$"}, {"drop", "before"}, {"count", 1}});
        const HttpResult r = f.http.postJson(f.url(kConnections), connectionBody("dropped before"), headers);
        QCOMPARE(r.status, 0);
        QVERIFY(r.error != QNetworkReply::NoError);
        QCOMPARE(connectionsNamed(f, "dropped before"), 0);
    }

    void dropAfterHandlingStoresTheObject()
    {
        SandboxFixture f;
        const auto headers = platformHeaders(f);
        f.addFault({{"method", "POST"}, {"route", "flowservice/connections$"}, {"drop", "after"}, {"count", 1}});
        const HttpResult r = f.http.postJson(f.url(kConnections), connectionBody("lost reply"), headers);
        QCOMPARE(r.status, 0); // the client never sees an answer...
        QVERIFY(r.error != QNetworkReply::NoError);
        QCOMPARE(connectionsNamed(f, "lost reply"), 1); // ...but the object exists
    }

    void truncatedBody()
    {
        SandboxFixture f;
        f.addFault({{"route", "/ims/token/v3$"}, {"truncate", true}, {"count", 1}});
        const HttpResult r = f.http.postForm(f.url(kIms), imsForm(f.credentials()["adobe"].toObject()));
        // Fewer bytes than Content-Length promised: the client sees an error or a body that is
        // not the full JSON document.
        QVERIFY(r.error != QNetworkReply::NoError || r.json().isNull());
    }

    void trickledBodyArrivesWhole()
    {
        SandboxFixture f;
        f.addFault({{"route", "/ims/token/v3$"}, {"trickle", 20}, {"count", 1}});
        QElapsedTimer timer;
        timer.start();
        const HttpResult r = f.http.postForm(f.url(kIms), imsForm(f.credentials()["adobe"].toObject()));
        QCOMPARE(r.status, 200);
        QVERIFY(!r.object()["access_token"].toString().isEmpty());
        // A body of n bytes in 64-byte chunks 20 ms apart.
        QVERIFY(timer.elapsed() >= 20 * (r.body.size() / 64));
    }

    void rawBodyIsAnsweredInsteadOfHandling()
    {
        SandboxFixture f;
        const auto headers = platformHeaders(f);
        // A proxy's HTML error page: the given status, exactly these bytes, text/html by default.
        const QByteArray page = "<html><body><h1>502 Bad Gateway</h1>nginx</body></html>";
        f.addFault({{"method", "POST"},
                    {"route", "flowservice/connections$"},
                    {"status", 502},
                    {"body", QString::fromUtf8(page)},
                    {"count", 1}});
        HttpResult r = f.http.postJson(f.url(kConnections), connectionBody("html page"), headers);
        QCOMPARE(r.status, 502);
        QCOMPARE(r.body, page);
        QVERIFY(r.header("Content-Type").startsWith("text/html"));
        QCOMPARE(connectionsNamed(f, "html page"), 0); // not handled: nothing was made

        // JSON of the wrong shape with its own content type; no status: 200.
        f.addFault({{"route", "/ims/token/v3$"},
                    {"body", "{\"tokens\": []}"},
                    {"contentType", "application/json"},
                    {"count", 1}});
        r = f.http.postForm(f.url(kIms), imsForm(f.credentials()["adobe"].toObject()));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("{\"tokens\": []}"));
        QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
        QCOMPARE(r.header("Content-Length"), QByteArray::number(r.body.size()));
        // count 1: the next one is the real answer.
        r = f.http.postForm(f.url(kIms), imsForm(f.credentials()["adobe"].toObject()));
        QVERIFY(!r.object()["access_token"].toString().isEmpty());

        // An empty body is a body too; the fault is listed with it.
        f.addFault({{"route", "/crm/v8/org$"}, {"status", 500}, {"body", ""}, {"retryAfter", 3}});
        const QJsonArray listed = f.http.get(f.url("/_sandbox/faults")).object()["faults"].toArray();
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed.at(0)["body"].toString(), QString());
        QVERIFY(listed.at(0).toObject().contains("body"));
        r = f.http.get(f.url(kZohoOrg));
        QCOMPARE(r.status, 500);
        QVERIFY(r.body.isEmpty());
        QCOMPARE(r.header("Retry-After"), QByteArray("3"));

        // In process, as the wizard's demo mode adds them.
        f.server().clearFaults();
        sandbox::Fault fault;
        fault.route = QRegularExpression("/crm/v8/org$");
        fault.status = 200;
        fault.body = QByteArray("not json");
        fault.contentType = "text/plain";
        f.server().addFault(fault);
        r = f.http.get(f.url(kZohoOrg));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("not json"));
        QCOMPARE(r.header("Content-Type"), QByteArray("text/plain"));
    }

    void faultsCanBeListedAndCleared()
    {
        SandboxFixture f;
        f.addFault({{"route", "/crm/"}, {"status", 500}});
        const HttpResult list = f.http.get(f.url("/_sandbox/faults"));
        QCOMPARE(list.object()["faults"].toArray().size(), 1);
        QCOMPARE(f.http.get(f.url(kZohoOrg)).status, 500);
        QCOMPARE(f.http.get(f.url(kZohoOrg)).status, 500); // no count: every request
        QCOMPARE(f.http.send("DELETE", f.url("/_sandbox/faults")).status, 204);
        QCOMPARE(f.http.get(f.url(kZohoOrg)).status, 401);
    }

    void badFaultsAreRefused()
    {
        SandboxFixture f;
        QCOMPARE(f.http.postJson(f.url("/_sandbox/faults"), QJsonObject{{"route", "("}}).status, 400);
        QCOMPARE(f.http.postJson(f.url("/_sandbox/faults"), QJsonObject{{"route", "x"}, {"colour", "red"}}).status,
                 400);
        QCOMPARE(f.http.postJson(f.url("/_sandbox/faults"), QJsonObject{{"route", "x"}, {"drop", "sometimes"}}).status,
                 400);
        QCOMPARE(f.http.postJson(f.url("/_sandbox/faults"), QJsonObject{{"route", "x"}, {"body", 5}}).status, 400);
        QCOMPARE(f.http.postJson(f.url("/_sandbox/faults"), QJsonObject{{"route", "x"}, {"contentType", "text/plain"}})
                     .status,
                 400);
    }

    void requestLogMasksSecrets()
    {
        SandboxFixture f;
        const QJsonObject adobe = f.credentials()["adobe"].toObject();
        QUrl url = f.url(kIms);
        url.setQuery(imsForm(adobe)); // secrets in the query string on purpose
        f.http.send("POST", url);
        const HttpResult log = f.http.get(f.url("/_sandbox/requests"));
        const QByteArray text = log.body;
        QVERIFY(text.contains("/adobe/ims/ims/token/v3"));
        QVERIFY(!text.contains(adobe["clientSecret"].toString().toUtf8()));
        QVERIFY(text.contains("client_secret=***"));
        QCOMPARE(f.countRequests("POST", "/ims/token/v3$"), 1);
        QCOMPARE(f.http.send("DELETE", f.url("/_sandbox/requests")).status, 204);
        QCOMPARE(f.countRequests("POST", "/ims/token/v3$"), 0);
    }

    void extraRedirectUris()
    {
        SandboxFixture f;
        HttpResult r =
            f.http.postJson(f.url("/_sandbox/clients"), QJsonObject{{"redirectUri", "http://127.0.0.1:50123/cb"}});
        QCOMPARE(r.status, 201);
        r = f.http.postJson(f.url("/_sandbox/clients"), QJsonObject{{"redirectUri", "https://evil.example/cb"}});
        QCOMPARE(r.status, 400);
        // The registered URI is accepted by the consent page.
        const QJsonObject zoho = f.credentials()["zoho"].toObject();
        QUrl auth = f.url("/zoho/us/accounts/oauth/v2/auth");
        QUrlQuery q;
        q.addQueryItem("response_type", "code");
        q.addQueryItem("client_id", zoho["clientId"].toString());
        q.addQueryItem("scope", "ZohoCRM.org.READ");
        q.addQueryItem("redirect_uri", "http://127.0.0.1:50123/cb");
        q.addQueryItem("access_type", "offline");
        auth.setQuery(q);
        r = f.http.get(auth);
        QCOMPARE(r.status, 200);
        QVERIFY2(r.body.contains("name=\"login\""), r.body.constData());
        q.removeAllQueryItems("redirect_uri");
        q.addQueryItem("redirect_uri", "http://127.0.0.1:50124/cb");
        auth.setQuery(q);
        r = f.http.get(auth);
        QVERIFY(!r.body.contains("name=\"login\""));
    }

    void forcedTokenExpiry()
    {
        SandboxFixture f;
        const auto headers = platformHeaders(f);
        QCOMPARE(f.http.get(f.url(kConnections), headers).status, 200);
        QCOMPARE(f.http.send("POST", f.url("/_sandbox/tokens/expire")).status, 200);
        const HttpResult r = f.http.get(f.url(kConnections), headers);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.object()["error_code"].toString(), QStringLiteral("401013"));
    }

    void stateFileKeepsCredentialsAndObjects()
    {
        QTemporaryDir dir;
        const QString state = dir.filePath("state.json");
        QJsonObject credentials;
        {
            SandboxFixture f;
            QString error;
            QVERIFY2(f.server().setStateFile(state, &error), qPrintable(error));
            credentials = f.credentials();
            QCOMPARE(f.http.postJson(f.url(kConnections), connectionBody("kept"), platformHeaders(f)).status, 201);
            QTRY_VERIFY(QFile::exists(state));
        }
        QFile file(state);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup), QFileDevice::Permissions());
        file.close();
        SandboxFixture again;
        QString error;
        QVERIFY2(again.server().setStateFile(state, &error), qPrintable(error));
        QCOMPARE(again.credentials()["zoho"].toObject()["clientSecret"],
                 credentials["zoho"].toObject()["clientSecret"]);
        QCOMPARE(again.credentials()["adobe"].toObject()["clientId"], credentials["adobe"].toObject()["clientId"]);
        QCOMPARE(connectionsNamed(again, "kept"), 1);
    }

    void endpointsFileDescribesTheSandbox()
    {
        SandboxFixture f;
        const QJsonObject e = QJsonDocument::fromJson(f.server().endpointsJson()).object();
        const QJsonObject dcs = e["zoho"].toObject()["dataCenters"].toObject();
        QCOMPARE(dcs.size(), 8);
        QCOMPARE(dcs["eu"].toObject()["accounts"].toString(), f.url("/zoho/eu/accounts").toString());
        QCOMPARE(dcs["eu"].toObject()["sandboxApi"].toString(), f.url("/zoho/eu/sandbox-api").toString());
        QCOMPARE(e["adobe"].toObject()["platform"].toString(), f.url("/adobe/platform").toString());
    }
};

QTEST_GUILESS_MAIN(TestSandboxServer)
#include "tst_sandbox_server.moc"

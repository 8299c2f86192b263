// SPDX-License-Identifier: GPL-3.0-or-later
// IMS tokens and the Platform gateway through the Adobe clients, against the sandbox over
// loopback: token reuse, wrong credentials, gateway and service errors as the user sees them,
// a token that dies mid-flow, 429 with Retry-After, and the error shapes of every service.
#include "AdobeTestRig.h"
#include "TestHttp.h"
#include "adobe/FlowServiceClient.h"
#include "adobe/ImsClient.h"
#include "adobe/PlatformClient.h"
#include "adobe/SandboxManagementClient.h"
#include "net/HttpClient.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace zaw;
using namespace zaw::adobe;
using namespace zaw::test;

namespace {

const QString kImsPath = QStringLiteral("/adobe/ims/ims/token/v3$");
const QString kConnectionsPath = QStringLiteral("flowservice/connections$");

// The Adobe clients as the wizard's controller holds them, with the sandbox's demo credential.
using Rig = test::AdobeRig;

std::pair<QList<QJsonObject>, net::Error> listConnections(Rig &rig)
{
    return test::await<QList<QJsonObject>>([&](QObject *c, auto done) { rig.flows.connections({}, c, done); });
}

net::HttpResponse response(int status, const QByteArray &body, const net::Headers &headers = {})
{
    net::HttpResponse r;
    r.status = status;
    r.body = body;
    r.headers = headers;
    return r;
}

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

class TestAdobePlatform : public QObject
{
    Q_OBJECT

private slots:
    void imsTokenIsMintedOnceAndReused()
    {
        SandboxFixture f;
        Rig rig(f);
        QSignalSpy issued(&rig.ims, &ImsClient::tokenIssued);
        const net::Error e =
            test::awaitError([&](QObject *c, auto done) { rig.ims.ensureToken(&rig.session, c, done); });
        QVERIFY2(!e, qPrintable(e.message));
        QCOMPARE(issued.count(), 1);
        QVERIFY(!rig.session.accessToken.isEmpty());
        // expires_in is in seconds (86399 in the sandbox, as in IMS).
        const qint64 left = QDateTime::currentDateTimeUtc().secsTo(rig.session.expiresAt);
        QVERIFY2(left > 86000 && left <= 86399, qPrintable(QString::number(left)));
        QVERIFY(rig.session.hasFreshToken());
        QCOMPARE(f.countRequests("POST", kImsPath), 1);

        const QString token = rig.session.accessToken;
        const net::Error again =
            test::awaitError([&](QObject *c, auto done) { rig.ims.ensureToken(&rig.session, c, done); });
        QVERIFY(!again);
        QCOMPARE(rig.session.accessToken, token);
        const auto list = test::await<QList<SandboxInfo>>([&](QObject *c, auto done) { rig.sandboxes.list(c, done); });
        QVERIFY2(!list.second, qPrintable(list.second.message));
        QCOMPARE(f.countRequests("POST", kImsPath), 1);
        QCOMPARE(issued.count(), 1);
    }

    void concurrentCallsShareOneTokenRequest()
    {
        SandboxFixture f;
        Rig rig(f);
        int finished = 0;
        QObject context;
        for (int i = 0; i < 3; ++i) {
            rig.flows.connections({}, &context, [&](const QList<QJsonObject> &, const net::Error &e) {
                QVERIFY2(!e, qPrintable(e.message));
                ++finished;
            });
        }
        QTRY_COMPARE_WITH_TIMEOUT(finished, 3, 20000);
        QCOMPARE(f.countRequests("POST", kImsPath), 1);
        QCOMPARE(f.countRequests("GET", kConnectionsPath), 3);
    }

    void sandboxesAreListedWithoutASandboxHeader()
    {
        SandboxFixture f;
        Rig rig(f);
        // A wrong sandbox typed earlier must not break the list the user picks from.
        rig.session.sandboxName = QStringLiteral("nosuch");
        const auto list = test::await<QList<SandboxInfo>>([&](QObject *c, auto done) { rig.sandboxes.list(c, done); });
        QVERIFY2(!list.second, qPrintable(list.second.message));
        QStringList names;
        for (const SandboxInfo &s : list.first) {
            names << s.name;
            QVERIFY(!s.title.isEmpty());
            QVERIFY(s.type == QLatin1String("production") || s.type == QLatin1String("development"));
        }
        QCOMPARE(names, QStringList({"prod", "dev"}));
    }

    void wrongSecretSaysWhereToCheck()
    {
        SandboxFixture f;
        Rig rig(f);
        rig.session.clientSecret = QStringLiteral("p8e-not-the-secret");
        const net::Error e =
            test::awaitError([&](QObject *c, auto done) { rig.ims.requestToken(&rig.session, c, done); });
        QCOMPARE(e.category, net::ErrorCategory::SignInNeeded);
        QCOMPARE(e.code, QStringLiteral("invalid_client"));
        QCOMPARE(e.httpStatus, 401);
        QVERIFY2(e.message.contains("client secret"), qPrintable(e.message));
        QVERIFY2(e.message.contains("Adobe Developer Console"), qPrintable(e.message));
        QVERIFY(rig.session.accessToken.isEmpty());
        QVERIFY(!e.technicalDetails().contains("p8e-not-the-secret"));

        // Through a Platform call the same message arrives, and the gateway is never called.
        const auto list = listConnections(rig);
        QCOMPARE(list.second.code, QStringLiteral("invalid_client"));
        QCOMPARE(list.second.message, e.message);
        QCOMPARE(f.countRequests({}, QStringLiteral("^/adobe/platform/")), 0);
    }

    void wrongClientIdSaysWhereToCheck()
    {
        SandboxFixture f;
        Rig rig(f);
        rig.session.clientId = QStringLiteral("0000aaaa1111bbbb2222cccc3333dddd");
        const net::Error e =
            test::awaitError([&](QObject *c, auto done) { rig.ims.requestToken(&rig.session, c, done); });
        QCOMPARE(e.category, net::ErrorCategory::SignInNeeded);
        QCOMPARE(e.code, QStringLiteral("invalid_client"));
        QVERIFY2(e.message.contains("client ID"), qPrintable(e.message));
        QVERIFY2(e.message.contains("Adobe Developer Console"), qPrintable(e.message));
    }

    void emptyScopeIsAPermissionProblem()
    {
        SandboxFixture f;
        Rig rig(f);
        QCOMPARE(ImsClient::defaultScopes().join(','),
                 QStringLiteral("openid,AdobeID,read_organizations,additional_info.projectedProductContext"));
        rig.ims.setScopes({});
        const net::Error e =
            test::awaitError([&](QObject *c, auto done) { rig.ims.requestToken(&rig.session, c, done); });
        QCOMPARE(e.category, net::ErrorCategory::Permission);
        QCOMPARE(e.code, QStringLiteral("invalid_scope"));
        QVERIFY2(e.message.contains("Adobe Developer Console"), qPrintable(e.message));
    }

    void missingSecretIsCaughtBeforeAnyRequest()
    {
        SandboxFixture f;
        Rig rig(f);
        rig.session.clientSecret.clear();
        const net::Error e =
            test::awaitError([&](QObject *c, auto done) { rig.ims.ensureToken(&rig.session, c, done); });
        QCOMPARE(e.category, net::ErrorCategory::Input);
        rig.session.clientSecret = QStringLiteral("x");
        rig.session.sandboxName.clear();
        const auto list = listConnections(rig);
        QCOMPARE(list.second.category, net::ErrorCategory::Input);
        QVERIFY2(list.second.message.contains("sandbox"), qPrintable(list.second.message));
        QCOMPARE(f.countRequests({}, QStringLiteral("^/adobe/")), 0);
    }

    void wrongOrganisationShowsGatewayCode()
    {
        SandboxFixture f;
        Rig rig(f);
        rig.session.orgId = QStringLiteral("0123456789ABCDEF01234567@AdobeOrg");
        const auto list = listConnections(rig);
        const net::Error &e = list.second;
        QCOMPARE(e.category, net::ErrorCategory::Permission);
        QCOMPARE(e.code, QStringLiteral("403025"));
        QCOMPARE(e.httpStatus, 403);
        QVERIFY2(e.message.contains("Profile is not valid"), qPrintable(e.message));
        QVERIFY2(e.message.contains("403025"), qPrintable(e.message));
        QVERIFY2(e.message.contains("@AdobeOrg"), qPrintable(e.message));
        // A 403 is not a dead token: no second token, no second try.
        QCOMPARE(f.countRequests("POST", kImsPath), 1);
        QCOMPARE(f.countRequests("GET", kConnectionsPath), 1);
    }

    void unknownSandboxShowsAepMessage()
    {
        SandboxFixture f;
        Rig rig(f);
        rig.session.sandboxName = QStringLiteral("nosuch");
        const auto list = listConnections(rig);
        const net::Error &e = list.second;
        QCOMPARE(e.category, net::ErrorCategory::Input);
        QCOMPARE(e.code, QStringLiteral("2100-404"));
        QCOMPARE(e.httpStatus, 404);
        QVERIFY2(e.message.contains("The sandbox 'nosuch' is not found"), qPrintable(e.message));
        QVERIFY2(e.message.contains("2100-404"), qPrintable(e.message));
        QVERIFY2(e.message.contains("Pick a sandbox"), qPrintable(e.message));
        QVERIFY(!e.requestId.isEmpty());
        QVERIFY(e.technicalDetails().contains(e.requestId));
    }

    void expiredTokenIsRenewedOnceMidFlow()
    {
        SandboxFixture f;
        Rig rig(f);
        QVERIFY(!listConnections(rig).second);
        QCOMPARE(f.countRequests("POST", kImsPath), 1);
        const QString before = rig.session.accessToken;

        f.server().expireAccessTokens();
        QVERIFY(rig.session.hasFreshToken()); // the client cannot know: the gateway tells it
        const auto list = listConnections(rig);
        QVERIFY2(!list.second, qPrintable(list.second.message));
        QCOMPARE(f.countRequests("POST", kImsPath), 2);
        QCOMPARE(f.countRequests("GET", kConnectionsPath), 3); // ok, 401, retried ok
        QVERIFY(rig.session.accessToken != before);

        // The new token is used from then on.
        QVERIFY(!listConnections(rig).second);
        QCOMPARE(f.countRequests("POST", kImsPath), 2);
    }

    void persistent401IsRetriedOnlyOnce()
    {
        SandboxFixture f;
        Rig rig(f);
        QVERIFY(!listConnections(rig).second);
        f.addFault(QJsonObject{{"route", kConnectionsPath}, {"method", "GET"}, {"status", 401}, {"count", 5}});
        const auto list = listConnections(rig);
        QCOMPARE(list.second.category, net::ErrorCategory::SignInNeeded);
        QCOMPARE(list.second.httpStatus, 401);
        QVERIFY2(list.second.message.contains("Adobe Developer Console"), qPrintable(list.second.message));
        QCOMPARE(f.countRequests("POST", kImsPath), 2);
        QCOMPARE(f.countRequests("GET", kConnectionsPath), 3);
    }

    void rateLimitHonoursRetryAfter()
    {
        SandboxFixture f;
        Rig rig(f);
        QVERIFY(!listConnections(rig).second); // token first, so only the list is timed
        f.addFault(QJsonObject{
            {"route", kConnectionsPath}, {"method", "GET"}, {"status", 429}, {"retryAfter", 1}, {"count", 1}});
        QSignalSpy retrying(&rig.platform, &PlatformClient::retrying);
        QElapsedTimer timer;
        timer.start();
        const auto list = listConnections(rig);
        const qint64 elapsed = timer.elapsed();
        QVERIFY2(!list.second, qPrintable(list.second.message));
        QVERIFY2(elapsed >= 950 && elapsed < 5000, qPrintable(QString::number(elapsed)));
        QCOMPARE(retrying.count(), 1);
        QCOMPARE(retrying.first().at(1).toInt(), 1000);
        QCOMPARE(f.countRequests("GET", kConnectionsPath), 3);
        QCOMPARE(f.countRequests("POST", kImsPath), 1);
    }

    void rateLimitTooLongReachesTheUser()
    {
        SandboxFixture f;
        Rig rig(f);
        rig.http.setBackoff(50, 200, 2000);
        f.addFault(QJsonObject{
            {"route", kConnectionsPath}, {"method", "GET"}, {"status", 429}, {"retryAfter", 30}, {"count", 1}});
        const auto list = listConnections(rig);
        QCOMPARE(list.second.category, net::ErrorCategory::RateLimit);
        QCOMPARE(list.second.code, QStringLiteral("1429-429"));
        QVERIFY2(list.second.message.contains("Wait a minute"), qPrintable(list.second.message));
    }

    void serverErrorIsServerCategory()
    {
        SandboxFixture f;
        Rig rig(f);
        f.addFault(QJsonObject{{"route", kConnectionsPath}, {"method", "GET"}, {"status", 500}, {"count", 1}});
        const auto list = listConnections(rig);
        QCOMPARE(list.second.category, net::ErrorCategory::Server);
        QCOMPARE(list.second.httpStatus, 500);
        QCOMPARE(list.second.code, QStringLiteral("1000-500"));
        QVERIFY2(list.second.message.contains("Injected fault"), qPrintable(list.second.message));
        QVERIFY2(list.second.message.contains("request ID"), qPrintable(list.second.message));
    }

    // Every error body the reference documents or the sandbox uses, read without a server.
    void errorShapes_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("category");
        QTest::addColumn<QString>("said");
        QTest::addColumn<QString>("requestId");

        using C = net::ErrorCategory;
        QTest::newRow("gateway token") << 401
                                       << json({{"error_code", "401013"}, {"message", "Oauth token is not valid"}})
                                       << "401013" << int(C::SignInNeeded) << "Oauth token is not valid"
                                       << "";
        QTest::newRow("gateway numeric code")
            << 403 << json({{"error_code", 403025}, {"message", "Profile is not valid"}}) << "403025"
            << int(C::Permission) << "Profile is not valid"
            << "";
        QTest::newRow("gateway api key") << 403 << json({{"error_code", "403003"}, {"message", "Api Key is invalid"}})
                                         << "403003" << int(C::SignInNeeded) << "Api Key is invalid"
                                         << "";
        QTest::newRow("flow prefixed") << 412
                                       << json({{"type", "https://ns.adobe.com/aep/errors/FLOW-1404-412"},
                                                {"title", "Precondition Failed"},
                                                {"status", 412},
                                                {"report", QJsonObject{{"detailed-message", "Version not matching."},
                                                                       {"request-id", "rq-1"}}},
                                                {"errorMessage", "other text"}})
                                       << "1404-412" << int(C::Conflict) << "Version not matching"
                                       << "rq-1";
        QTest::newRow("flow numbered")
            << 400
            << json({{"type", "https://ns.adobe.com/aep/errors/1418-400"},
                     {"title", "Bad Request"},
                     {"report", QJsonObject{{"detailed-message", "The base connection is being used in one or more "
                                                                 "flows."}}}})
            << "1418-400" << int(C::Input) << "being used in one or more flows"
            << "";
        QTest::newRow("flow permission") << 403
                                         << json({{"type", "https://ns.adobe.com/aep/errors/FLOW-2120-403"},
                                                  {"title", "Forbidden"},
                                                  {"report", QJsonObject{{"detailed-message",
                                                                          "You do not have sufficient permissions."}}}})
                                         << "2120-403" << int(C::Permission) << "sufficient permissions"
                                         << "";
        QTest::newRow("schema registry") << 404
                                         << json({{"type", "http://ns.adobe.com/aep/errors/XDM-1012-404"},
                                                  {"title", "Resource Not Found"},
                                                  {"status", 404},
                                                  {"report", QJsonObject{{"registryRequestId", "reg-9"},
                                                                         {"detailed-message",
                                                                          "Requested resource x is not found"},
                                                                         {"sub-errors", QJsonArray()}}},
                                                  {"detail", "Requested resource x is not found"}})
                                         << "XDM-1012-404" << int(C::Input) << "Requested resource x is not found"
                                         << "reg-9";
        QTest::newRow("catalog") << 404
                                 << json({{"type", "http://ns.adobe.com/aep/errors/CAT-1006-404"},
                                          {"title", "Not Found"},
                                          {"report", QJsonObject{{"detailed-message", "The dataset d was not found."}}},
                                          {"detail", "The dataset d was not found."}})
                                 << "CAT-1006-404" << int(C::Input) << "The dataset d was not found"
                                 << "";
        QTest::newRow("data prep") << 400
                                   << json({{"type", "http://ns.adobe.com/aep/errors/MAPPER-1004-400"},
                                            {"title", "Mapping validation failed"},
                                            {"detail", "The destination path 'x.y' does not exist."}})
                                   << "MAPPER-1004-400" << int(C::Input) << "The destination path 'x.y' does not exist"
                                   << "";
        QTest::newRow("content type") << 400
                                      << json({{"type", "/placeholder/type/uri"},
                                               {"status", 400},
                                               {"title", "BadRequestError"},
                                               {"detail", "A valid content-type must be specified"}})
                                      << "" << int(C::Input) << "A valid content-type must be specified"
                                      << "";
        QTest::newRow("stale etag doc example")
            << 412 << json({{"errorMessage", "Supplied version=[1] does not match the current version on entity=[2]"}})
            << "" << int(C::Conflict) << "Supplied version=[1] does not match"
            << "";
        QTest::newRow("rate limit") << 429 << QByteArray() << "" << int(C::RateLimit) << ""
                                    << "";
        QTest::newRow("server") << 503 << QByteArray("<html>busy</html>") << "" << int(C::Server) << ""
                                << "";
    }

    void errorShapes()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, code);
        QFETCH(int, category);
        QFETCH(QString, said);
        QFETCH(QString, requestId);
        const QUrl url(QStringLiteral("https://platform.adobe.io/data/foundation/flowservice/connections?x=1"));
        const net::Error e =
            PlatformClient::errorFrom(response(status, body, {{"x-request-id", "header-id"}}), "GET", url);
        QCOMPARE(e.code, code);
        QCOMPARE(int(e.category), category);
        QCOMPARE(e.httpStatus, status);
        QCOMPARE(e.requestId, requestId.isEmpty() ? QStringLiteral("header-id") : requestId);
        QVERIFY(!e.message.isEmpty());
        if (!said.isEmpty()) {
            QVERIFY2(e.message.contains(said), qPrintable(e.message));
            QVERIFY2(e.detail.contains(said), qPrintable(e.detail));
        }
        if (!code.isEmpty())
            QVERIFY2(e.message.contains(code), qPrintable(e.message));
        QVERIFY2(e.detail.contains("GET https://platform.adobe.io/data/foundation/flowservice/connections"),
                 qPrintable(e.detail));
        QVERIFY(!e.detail.contains("x=1"));
    }

    void codeFromType_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("code");
        QTest::newRow("flow") << "https://ns.adobe.com/aep/errors/FLOW-1439-404"
                              << "1439-404";
        QTest::newRow("flow lower") << "https://ns.adobe.com/aep/errors/flow-1439-404"
                                    << "1439-404";
        QTest::newRow("bare") << "https://ns.adobe.com/aep/errors/1413-400"
                              << "1413-400";
        QTest::newRow("xdm") << "http://ns.adobe.com/aep/errors/XDM-1521-400"
                             << "XDM-1521-400";
        QTest::newRow("placeholder") << "/placeholder/type/uri"
                                     << "";
        QTest::newRow("empty") << ""
                               << "";
    }

    void codeFromType()
    {
        QFETCH(QString, type);
        QFETCH(QString, code);
        QCOMPARE(PlatformClient::codeFromType(type), code);
    }
};

QTEST_GUILESS_MAIN(TestAdobePlatform)
#include "tst_adobe_platform.moc"

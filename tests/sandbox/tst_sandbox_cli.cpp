// SPDX-License-Identifier: GPL-3.0-or-later
// The zoho-aep-sandbox executable: options, --print-credentials, --write-endpoints, --fault,
// --state across restarts, usage errors and a clean stop on SIGTERM / SIGINT.
#include "TestHttp.h"

#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <csignal>

using namespace zaw::test;

namespace {

struct Running
{
    std::unique_ptr<QProcess> process;
    QJsonObject credentials; // with --print-credentials
    QUrl url;
};

Running start(const QStringList &arguments)
{
    Running r;
    r.process = std::make_unique<QProcess>();
    r.process->start(QStringLiteral(ZAW_SANDBOX_EXE), arguments);
    if (!r.process->waitForStarted(10000))
        return r;
    QByteArray line;
    while (!line.endsWith('\n') && r.process->waitForReadyRead(10000))
        line += r.process->readLine();
    line = line.trimmed();
    if (line.startsWith('{')) {
        r.credentials = QJsonDocument::fromJson(line).object();
        r.url = QUrl(r.credentials["url"].toString());
    } else {
        r.url = QUrl(QString::fromUtf8(line));
    }
    return r;
}

int stop(Running &r, int signal)
{
    ::kill(r.process->processId(), signal);
    if (!r.process->waitForFinished(10000))
        return -1;
    return r.process->exitStatus() == QProcess::NormalExit ? r.process->exitCode() : -2;
}

QUrl at(const QUrl &base, const QString &path)
{
    QUrl u = base;
    u.setPath(path);
    return u;
}

} // namespace

class TestSandboxCli : public QObject
{
    Q_OBJECT

private slots:
    void printsItsUrlAndStopsOnSigterm()
    {
        Running r = start({"--port", "0"});
        QVERIFY2(r.url.isValid() && r.url.port() > 0, qPrintable(r.url.toString()));
        QCOMPARE(r.url.host(), QStringLiteral("127.0.0.1"));
        Http http;
        QCOMPARE(http.get(at(r.url, "/_sandbox/health")).status, 200);
        QCOMPARE(stop(r, SIGTERM), 0);
        QVERIFY(r.process->readAllStandardError().contains("stopped"));
    }

    void stopsOnSigint()
    {
        Running r = start({});
        QVERIFY(r.url.port() > 0);
        QCOMPARE(stop(r, SIGINT), 0);
    }

    void credentialsOnlyWhenAsked()
    {
        Running plain = start({"--port", "0"});
        Running withCredentials = start({"--port", "0", "--print-credentials"});
        const QJsonObject zoho = withCredentials.credentials["zoho"].toObject();
        const QJsonObject adobe = withCredentials.credentials["adobe"].toObject();
        QVERIFY(zoho["clientId"].toString().startsWith("1000."));
        QVERIFY(!zoho["clientSecret"].toString().isEmpty());
        QVERIFY(zoho["redirectUri"].toString().startsWith("http://127.0.0.1:"));
        QVERIFY(zoho["users"].toArray().size() >= 2);
        QVERIFY(adobe["orgId"].toString().endsWith("@AdobeOrg"));
        QCOMPARE(adobe["sandboxes"].toArray(), (QJsonArray{"prod", "dev"}));
        QCOMPARE(withCredentials.url.port() > 0, true);
        // The sandbox keeps serving after printing them.
        Http http;
        QCOMPARE(http.get(at(withCredentials.url, "/_sandbox/health")).status, 200);
        QCOMPARE(stop(plain, SIGTERM), 0);
        QCOMPARE(stop(withCredentials, SIGTERM), 0);
        const QByteArray plainOutput = plain.process->readAll() + plain.process->readAllStandardError();
        QVERIFY(!plainOutput.contains("clientSecret"));
    }

    void writesEndpointsFile()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath("endpoints.json");
        Running r = start({"--write-endpoints", file});
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject e = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(e["adobe"].toObject()["ims"].toString(), at(r.url, "/adobe/ims").toString());
        QCOMPARE(e["zoho"].toObject()["dataCenters"].toObject().size(), 8);
        QCOMPARE(stop(r, SIGTERM), 0);
    }

    void faultFromTheCommandLine()
    {
        Running r = start({"--fault", R"({"route":"/crm/v8/org$","status":429,"retryAfter":2,"count":1})"});
        Http http;
        const HttpResult first = http.get(at(r.url, "/zoho/eu/api/crm/v8/org"));
        QCOMPARE(first.status, 429);
        QCOMPARE(first.header("retry-after"), QByteArray("2"));
        QCOMPARE(http.get(at(r.url, "/zoho/eu/api/crm/v8/org")).status, 401);
        QCOMPARE(stop(r, SIGTERM), 0);
    }

    void retiredZohoSource()
    {
        // --retired-zoho-source: a 2026 organisation, whose catalogue no longer has the Zoho spec.
        const QString zohoSpec = QStringLiteral("929e4450-0237-4ed2-9404-b7e1e0a00309");
        for (const bool retired : {false, true}) {
            QStringList args{"--port", "0", "--print-credentials"};
            if (retired)
                args << "--retired-zoho-source";
            Running r = start(args);
            const QJsonObject adobe = r.credentials["adobe"].toObject();
            QVERIFY(!adobe.isEmpty());
            Http http;
            QUrlQuery form;
            form.addQueryItem("grant_type", "client_credentials");
            form.addQueryItem("client_id", adobe["clientId"].toString());
            form.addQueryItem("client_secret", adobe["clientSecret"].toString());
            form.addQueryItem("scope", "openid,AdobeID,read_organizations");
            const HttpResult token = http.postForm(at(r.url, "/adobe/ims/ims/token/v3"), form);
            QCOMPARE(token.status, 200);
            const QList<QPair<QByteArray, QByteArray>> headers{
                {"Authorization", "Bearer " + token.object()["access_token"].toString().toLatin1()},
                {"x-api-key", adobe["clientId"].toString().toLatin1()},
                {"x-gw-ims-org-id", adobe["orgId"].toString().toLatin1()},
                {"x-sandbox-name", "prod"}};
            const QString specs = "/adobe/platform/data/foundation/flowservice/connectionSpecs";
            const HttpResult one = http.get(at(r.url, specs + "/" + zohoSpec), headers);
            QCOMPARE(one.status, retired ? 404 : 200);
            const HttpResult all = http.get(at(r.url, specs), headers);
            QCOMPARE(all.status, 200);
            QCOMPARE(all.body.contains(zohoSpec.toLatin1()), !retired);
            const HttpResult created = http.postJson(
                at(r.url, "/adobe/platform/data/foundation/flowservice/connections"),
                QJsonObject{{"name", "Zoho CRM"},
                            {"auth", QJsonObject{{"specName", "Basic Authentication"},
                                                 {"params", QJsonObject{{"endpoint", "https://example.invalid"}}}}},
                            {"connectionSpec", QJsonObject{{"id", zohoSpec}, {"version", "1.0"}}}},
                headers);
            if (retired) {
                QCOMPARE(created.status, 400);
                QVERIFY2(created.body.contains("1413-400"), created.body.constData());
            } else {
                QVERIFY2(created.status != 400 || !created.body.contains("1413-400"), created.body.constData());
            }
            QCOMPARE(stop(r, SIGTERM), 0);
        }
    }

    void stateSurvivesARestart()
    {
        QTemporaryDir dir;
        const QString state = dir.filePath("sandbox-state.json");
        Running first = start({"--state", state, "--print-credentials"});
        QCOMPARE(stop(first, SIGTERM), 0);
        Running second = start({"--state", state, "--print-credentials"});
        QCOMPARE(second.credentials["zoho"].toObject()["clientSecret"],
                 first.credentials["zoho"].toObject()["clientSecret"]);
        QCOMPARE(second.credentials["adobe"].toObject()["clientSecret"],
                 first.credentials["adobe"].toObject()["clientSecret"]);
        QCOMPARE(stop(second, SIGTERM), 0);
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("port") << QStringList{"--port", "70000"} << "--port";
        QTest::newRow("host") << QStringList{"--host", "192.0.2.1"} << "loopback";
        QTest::newRow("fault json") << QStringList{"--fault", "{nope"} << "--fault";
        QTest::newRow("fault key") << QStringList{"--fault", R"({"route":"x","colour":1})"} << "colour";
        QTest::newRow("limits") << QStringList{"--limits", "none"} << "--limits";
        QTest::newRow("code ttl") << QStringList{"--code-ttl", "0"} << "--code-ttl";
        QTest::newRow("token ttl") << QStringList{"--token-ttl", "soon"} << "--token-ttl";
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        QProcess p;
        p.start(QStringLiteral(ZAW_SANDBOX_EXE), arguments);
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY2(p.readAllStandardError().contains(message.toUtf8()), qPrintable(message));
    }

    void portInUse()
    {
        Running r = start({});
        QProcess p;
        p.start(QStringLiteral(ZAW_SANDBOX_EXE), {"--port", QString::number(r.url.port())});
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 1);
        QVERIFY(p.readAllStandardError().contains("cannot listen"));
        QCOMPARE(stop(r, SIGTERM), 0);
    }
};

QTEST_GUILESS_MAIN(TestSandboxCli)
#include "tst_sandbox_cli.moc"

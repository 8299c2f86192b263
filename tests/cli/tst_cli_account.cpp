// SPDX-License-Identifier: GPL-3.0-or-later
// zoho-aep-connect status, reconnect and forget as a user runs them: a complete setup made with
// zoho-login, adobe-login and create against the sandbox, then the commands as child processes;
// their JSON, their exit codes, and what the sandbox saw.
#include "AdobeTestRig.h"
#include "CliDriver.h"
#include "ConsentDriver.h"
#include "TestHttp.h"
#include "store/KeychainSecretStore.h"
#include "store/ProfileStore.h"
#include "store/SecretStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace zaw;
using namespace zaw::test;

namespace {

// The paths of the requests the sandbox saw with this method, oldest first.
QStringList requestPaths(SandboxFixture &f, const QString &method, const QString &pattern)
{
    const QRegularExpression re(pattern);
    QStringList paths;
    for (const QJsonValue &v : f.server().requestLog()) {
        const QJsonObject o = v.toObject();
        const QString path = o.value(QStringLiteral("path")).toString();
        if (o.value(QStringLiteral("method")).toString() == method && re.match(path).hasMatch())
            paths << path;
    }
    return paths;
}

// zoho-aep-connect with a complete setup behind it, and the keychain and Zoho as the suite looks at them.
struct AccountCli : Cli
{
    explicit AccountCli(SandboxFixture &f)
        : Cli(f, QStringLiteral(ZAW_CONNECT_EXE))
    {}

    // zoho-login, adobe-login and a dataflow of Leads: a complete setup.
    bool setUp(const QString &dataSetName = QStringLiteral("Leads (CLI)"))
    {
        if (!zohoLogin() || !adobeLogin())
            return false;
        const Run r = run({"create", "--table", "Leads", "--new-dataset", dataSetName, "--frequency", "hour",
                           "--interval", "1", "--delta-column", "Modified_Time"});
        if (r.exitCode != 0)
            qWarning("create: %s", r.describe().constData());
        created = r.json();
        return r.exitCode == 0;
    }

    // The profile's keychain entries, read and written as the product does (same service).
    QString profileId() const
    {
        QFile file(profileFile());
        file.open(QIODevice::ReadOnly);
        return QJsonDocument::fromJson(file.readAll()).object()["id"].toString();
    }

    store::SecretResult readSecret(const QString &id, const char *name)
    {
        store::KeychainSecretStore keychain;
        store::SecretResult out;
        bool done = false;
        keychain.read(store::SecretStore::key(id, QString::fromLatin1(name)), nullptr,
                      [&](const store::SecretResult &r) {
                          out = r;
                          done = true;
                      });
        (void)QTest::qWaitFor([&] { return done; }, 20000);
        return out;
    }

    bool writeSecret(const char *name, const QString &value)
    {
        store::KeychainSecretStore keychain;
        bool ok = false, done = false;
        keychain.write(store::SecretStore::key(profileId(), QString::fromLatin1(name)), value, nullptr,
                       [&](const store::SecretResult &r) {
                           ok = r.ok();
                           done = true;
                       });
        (void)QTest::qWaitFor([&] { return done; }, 20000);
        return ok;
    }

    // Revokes the saved refresh token at the sandbox, as a user removing the app in Zoho would.
    bool revokeRefreshToken()
    {
        const QString token = readSecret(profileId(), store::SecretName::ZohoRefreshToken).value;
        QUrlQuery form;
        form.addQueryItem("token", token);
        const HttpResult r = fixture.http.postForm(fixture.url("/zoho/us/accounts/oauth/v2/token/revoke"), form);
        return !token.isEmpty() && r.object()["status"].toString() == QLatin1String("success");
    }

    // The saved access token looks expired, so the next command must ask Zoho.
    bool makeAccessTokenStale()
    {
        const QJsonObject access{{"token", "stale"}, {"expiresAt", "2000-01-01T00:00:00Z"}};
        return writeSecret(store::SecretName::ZohoAccessToken,
                           QString::fromUtf8(QJsonDocument(access).toJson(QJsonDocument::Compact)));
    }

    // Zoho's answer to a refresh with this refresh token.
    QJsonObject refreshAtSandbox(const QString &refreshToken)
    {
        QUrlQuery form;
        form.addQueryItem("grant_type", "refresh_token");
        form.addQueryItem("client_id", zoho["clientId"].toString());
        form.addQueryItem("client_secret", zoho["clientSecret"].toString());
        form.addQueryItem("refresh_token", refreshToken);
        return fixture.http.postForm(fixture.url("/zoho/us/accounts/oauth/v2/token"), form).object();
    }

    QJsonObject created; // create's JSON
};

} // namespace

class TestCliAccount : public QObject
{
    Q_OBJECT

private slots:
    void statusHealthy()
    {
        SandboxFixture f;
        AccountCli cli(f);
        QVERIFY(cli.setUp());
        const Run r = cli.run({"status"});
        QVERIFY2(r.exitCode == 0, r.describe().constData());
        const QJsonObject status = r.json();
        QCOMPARE(status["healthy"].toBool(), true);
        QCOMPARE(status["zoho"].toObject()["tokenUsable"].toBool(), true);
        QCOMPARE(status["baseConnection"].toObject()["id"].toString(), cli.created["baseConnectionId"].toString());
        QCOMPARE(status["baseConnection"].toObject()["state"].toString(), QStringLiteral("enabled"));
        const QJsonArray flows = status["flows"].toArray();
        QCOMPARE(flows.size(), 1);
        QCOMPARE(flows.first().toObject()["id"].toString(), cli.created["flowId"].toString());
        QCOMPARE(flows.first().toObject()["state"].toString(), QStringLiteral("enabled"));
        QVERIFY(flows.first().toObject()["lastRun"].isNull()); // no run yet counts as healthy
        QVERIFY(!status["action"].toString().isEmpty());

        // Human output: one line per part.
        cli.jsonOutput = false;
        const Run human = cli.run({"status"});
        QVERIFY2(human.exitCode == 0, human.describe().constData());
        QVERIFY2(human.out.contains("Zoho CRM") &&
                     human.out.contains(cli.created["baseConnectionId"].toString().toUtf8()) &&
                     human.out.contains(cli.created["flowId"].toString().toUtf8()),
                 human.describe().constData());
    }

    void statusAfterTheSignInDied()
    {
        SandboxFixture f;
        AccountCli cli(f);
        QVERIFY(cli.setUp());
        QVERIFY(cli.revokeRefreshToken());
        QVERIFY(cli.makeAccessTokenStale());
        const Run r = cli.run({"status"});
        QVERIFY2(r.exitCode == 3, r.describe().constData());
        QCOMPARE(r.json()["healthy"].toBool(), false);
        QCOMPARE(r.json()["zoho"].toObject()["tokenUsable"].toBool(), false);
        QVERIFY2(r.json()["action"].toString().contains("Reconnect"), r.describe().constData());
    }

    void statusOfADisabledFlow()
    {
        SandboxFixture f;
        AccountCli cli(f);
        QVERIFY(cli.setUp());
        AdobeRig rig(f);
        const auto disabled = await<adobe::CreatedObject>([&](QObject *context, auto done) {
            rig.flows.setFlowEnabled(cli.created["flowId"].toString(), false, context, done);
        });
        QVERIFY2(!disabled.second, qPrintable(disabled.second.message));
        const Run r = cli.run({"status"});
        QVERIFY2(r.exitCode == 6, r.describe().constData());
        QCOMPARE(r.json()["flows"].toArray().first().toObject()["state"].toString(), QStringLiteral("disabled"));
        QVERIFY(r.json()["action"].toString().contains("disabled"));
    }

    void statusOfAProfileThatDoesNotExist()
    {
        SandboxFixture f;
        AccountCli cli(f);
        cli.profile = "nobody";
        const Run r = cli.run({"status"});
        QVERIFY2(r.exitCode == 3, r.describe().constData());
        QVERIFY(r.json()["error"].toObject()["message"].toString().contains("nobody"));
    }

    void reconnectWithAWorkingToken()
    {
        SandboxFixture f;
        AccountCli cli(f);
        QVERIFY(cli.setUp());
        const Run r = cli.run({"reconnect", "--browser", "none"});
        QVERIFY2(r.exitCode == 0, r.describe().constData());
        const QJsonObject reconnect = r.json()["reconnect"].toObject();
        QCOMPARE(reconnect["signedInAgain"].toBool(), false);
        QCOMPARE(reconnect["baseConnectionUpdated"].toBool(), true);
        QCOMPARE(reconnect["baseConnectionId"].toString(), cli.created["baseConnectionId"].toString());
        QVERIFY(!reconnect["changes"].toArray().isEmpty());
        QVERIFY(!r.err.contains("oauth/v2/auth")); // no consent
        QCOMPARE(f.countRequests("PATCH", "flowservice/connections/[^/]+$"), 1);
        QVERIFY(!r.out.contains(cli.zoho["clientSecret"].toString().toUtf8()));
    }

    void reconnectThroughConsentAgain()
    {
        SandboxFixture f;
        AccountCli cli(f);
        QVERIFY(cli.setUp());
        QVERIFY(cli.revokeRefreshToken());
        const Run r = cli.runWithConsent({"reconnect", "--browser", "none"}, "ana.lima@example.com");
        QVERIFY2(r.exitCode == 0, r.describe().constData());
        const QJsonObject reconnect = r.json()["reconnect"].toObject();
        QCOMPARE(reconnect["signedInAgain"].toBool(), true);
        QCOMPARE(reconnect["baseConnectionUpdated"].toBool(), true);
        QCOMPARE(f.countRequests("PATCH", "flowservice/connections/[^/]+$"), 1);
        // The new sign-in is kept: status is healthy even when it has to refresh.
        QVERIFY(cli.makeAccessTokenStale());
        const Run status = cli.run({"status"});
        QVERIFY2(status.exitCode == 0, status.describe().constData());
    }

    void reconnectWithThePastedUrl()
    {
        SandboxFixture f;
        AccountCli cli(f);
        QVERIFY(cli.setUp());
        QVERIFY(cli.revokeRefreshToken());
        QProcess p;
        cli.start(p, {"reconnect", "--browser", "none", "--paste"});
        QByteArray err;
        const QUrl consent = waitForConsentUrl(p, &err);
        QVERIFY2(consent.isValid(), err.constData());
        const ConsentOutcome outcome = runConsent(f.http, consent, "ana.lima@example.com");
        QCOMPARE(outcome.status, 302);
        p.write(outcome.redirect.toEncoded() + "\n");
        p.closeWriteChannel(); // the end of the input after the URL does not stop the exchange
        QVERIFY(QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 30000));
        const QByteArray out = p.readAllStandardOutput();
        QVERIFY2(p.exitCode() == 0, (out + err + p.readAllStandardError()).constData());
        QCOMPARE(QJsonDocument::fromJson(out).object()["reconnect"].toObject()["signedInAgain"].toBool(), true);
    }

    void reconnectAsAnotherUserIsRefused()
    {
        SandboxFixture f;
        AccountCli cli(f);
        QVERIFY(cli.setUp());
        QVERIFY(cli.revokeRefreshToken());
        const Run r = cli.runWithConsent({"reconnect", "--browser", "none"}, "jonas.berg@example.eu");
        QVERIFY2(r.exitCode == 3, r.describe().constData());
        const QString message = r.json()["error"].toObject()["message"].toString();
        QVERIFY2(message.contains("jonas.berg@example.eu") && message.contains("ana.lima@example.com"),
                 qPrintable(message));
        QCOMPARE(f.countRequests("PATCH", "flowservice/connections/"), 0);
    }

    void forgetWithTheRemoteObjects()
    {
        SandboxFixture f;
        AccountCli cli(f);
        QVERIFY(cli.setUp());
        const QString id = cli.profileId();
        const QString refreshToken = cli.readSecret(id, store::SecretName::ZohoRefreshToken).value;
        QVERIFY(!refreshToken.isEmpty());
        const Run r = cli.run({"forget", "--delete-remote"});
        QVERIFY2(r.exitCode == 0, r.describe().constData());
        const QJsonObject forget = r.json()["forget"].toObject();
        QCOMPARE(forget["revoked"].toBool(), true);
        QVERIFY(forget["revokeProblem"].isNull());
        QCOMPARE(forget["deleted"].toArray().size(), 4);
        QVERIFY(forget["left"].toArray().isEmpty());
        QCOMPARE(forget["profileRemoved"].toBool(), true);
        // In the order AEP lets them go.
        const QStringList deletes = requestPaths(f, "DELETE", "flowservice/");
        QCOMPARE(deletes.size(), 4);
        QVERIFY2(deletes.at(0).endsWith("/flows/" + cli.created["flowId"].toString()), qPrintable(deletes.join(' ')));
        QVERIFY(deletes.at(1).endsWith("/sourceConnections/" + cli.created["sourceConnectionId"].toString()));
        QVERIFY(deletes.at(2).endsWith("/targetConnections/" + cli.created["targetConnectionId"].toString()));
        QVERIFY(deletes.at(3).endsWith("/connections/" + cli.created["baseConnectionId"].toString()));
        // Revoked at Zoho, gone from the keychain and the disk.
        QCOMPARE(cli.refreshAtSandbox(refreshToken)["error"].toString(), QStringLiteral("invalid_code"));
        QCOMPARE(cli.readSecret(id, store::SecretName::ZohoRefreshToken).status, store::SecretStatus::NotFound);
        QVERIFY(!QFile::exists(cli.profileFile()));

        // A second forget is harmless.
        const Run again = cli.run({"forget", "--delete-remote"});
        QVERIFY2(again.exitCode == 0, again.describe().constData());
        QVERIFY(again.err.contains("nothing to forget"));
        QCOMPARE(again.json()["forget"].toObject()["profileRemoved"].toBool(), false);
        QCOMPARE(requestPaths(f, "DELETE", "flowservice/").size(), 4);
    }

    void forgetKeepsTheProfileWhenADeleteFails()
    {
        SandboxFixture f;
        AccountCli cli(f);
        QVERIFY(cli.setUp());
        f.addFault({{"method", "DELETE"}, {"route", "flowservice/targetConnections/"}, {"status", 500}});
        const Run r = cli.run({"forget", "--delete-remote"});
        QVERIFY2(r.exitCode == 6, r.describe().constData());
        const QString message = r.json()["error"].toObject()["message"].toString();
        QVERIFY2(message.contains(cli.created["targetConnectionId"].toString()) &&
                     message.contains(cli.created["baseConnectionId"].toString()),
                 qPrintable(message));
        QVERIFY(QFile::exists(cli.profileFile()));
        QVERIFY(!cli.readSecret(cli.profileId(), store::SecretName::ZohoRefreshToken).value.isEmpty());
        QCOMPARE(requestPaths(f, "DELETE", "flowservice/connections/").size(), 0); // the base stays too

        // Once AEP answers again, forgetting goes on from there.
        f.server().clearFaults();
        const Run again = cli.run({"forget", "--delete-remote"});
        QVERIFY2(again.exitCode == 0, again.describe().constData());
        QVERIFY(!QFile::exists(cli.profileFile()));
    }

    void noKeychainIsExit5_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("status") << QStringList{"status"};
        QTest::newRow("reconnect") << QStringList{"reconnect", "--browser", "none"};
        QTest::newRow("forget") << QStringList{"forget", "--delete-remote"};
    }

    void noKeychainIsExit5()
    {
        QFETCH(QStringList, args);
        SandboxFixture f;
        AccountCli cli(f);
        QVERIFY(cli.zohoLogin());
        QVERIFY(cli.adobeLogin());
        cli.withoutKeychain();
        const Run r = cli.run(args);
        QVERIFY2(r.exitCode == 5, r.describe().constData());
        QVERIFY(!r.json()["error"].toObject()["message"].toString().isEmpty());
        QVERIFY(QFile::exists(cli.profileFile()));
        QCOMPARE(f.countRequests("", "/oauth/v2/token"), 1); // only zoho-login's exchange
    }

    void forgettingOneProfileLeavesTheOther()
    {
        SandboxFixture f;
        AccountCli cli(f); // one config directory, two profiles
        cli.profile = "b";
        QVERIFY(cli.setUp(QStringLiteral("Leads (b)")));
        const QJsonObject createdB = cli.created;
        cli.profile = "a";
        QVERIFY(cli.setUp(QStringLiteral("Leads (a)")));
        QVERIFY(createdB["baseConnectionId"] != cli.created["baseConnectionId"]);

        const Run forget = cli.run({"forget", "--delete-remote"});
        QVERIFY2(forget.exitCode == 0, forget.describe().constData());
        QVERIFY(!QFile::exists(cli.profileFile()));

        cli.profile = "b";
        QVERIFY(QFile::exists(cli.profileFile()));
        QVERIFY(cli.makeAccessTokenStale()); // b's own refresh token must still work
        const Run status = cli.run({"status"});
        QVERIFY2(status.exitCode == 0, status.describe().constData());
        QCOMPARE(status.json()["baseConnection"].toObject()["id"].toString(), createdB["baseConnectionId"].toString());
        QCOMPARE(status.json()["flows"].toArray().first().toObject()["id"].toString(), createdB["flowId"].toString());
    }
};

QTEST_GUILESS_MAIN(TestCliAccount)
#include "tst_cli_account.moc"

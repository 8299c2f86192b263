// SPDX-License-Identifier: GPL-3.0-or-later
// A --state file written by sandbox 0.1 (tests/sandbox/fixtures/state-0.1.json: a Zoho sign-in,
// a Zoho base connection, a source connection and a dataset) still loads: its credentials, tokens
// and Platform objects are found again.
#include "TestHttp.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace zaw;
using namespace zaw::test;

namespace {

const QString kFixture = QStringLiteral(ZAW_SANDBOX_FIXTURES "/state-0.1.json");
const QString kPlatform = QStringLiteral("/adobe/platform/data/foundation");

QJsonObject readFixture()
{
    QFile file(kFixture);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

} // namespace

class TestSandboxState : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_fixture = readFixture();
        QVERIFY2(!m_fixture.isEmpty(), qPrintable(kFixture));
        QVERIFY(m_dir.isValid());
        m_state = m_dir.filePath(QStringLiteral("state.json"));
        QFile::remove(m_state);
        QVERIFY(QFile::copy(kFixture, m_state));
        QFile::setPermissions(m_state, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }

    void credentialsComeFromTheFile()
    {
        SandboxFixture f;
        QString error;
        QVERIFY2(f.server().setStateFile(m_state, &error), qPrintable(error));
        const QJsonObject zoho = f.credentials()["zoho"].toObject();
        const QJsonObject adobe = f.credentials()["adobe"].toObject();
        QCOMPARE(zoho["clientId"], m_fixture["zoho"].toObject()["clientId"]);
        QCOMPARE(zoho["clientSecret"], m_fixture["zoho"].toObject()["clientSecret"]);
        QCOMPARE(adobe["clientId"], m_fixture["adobe"].toObject()["clientId"]);
        QCOMPARE(adobe["clientSecret"], m_fixture["adobe"].toObject()["clientSecret"]);
    }

    void zohoRefreshTokenStillWorks()
    {
        SandboxFixture f;
        QString error;
        QVERIFY2(f.server().setStateFile(m_state, &error), qPrintable(error));
        const QJsonObject zoho = m_fixture["zoho"].toObject();
        const QJsonArray refreshTokens = zoho["refreshTokens"].toArray();
        QCOMPARE(refreshTokens.size(), 1);
        QUrlQuery form;
        form.addQueryItem("grant_type", "refresh_token");
        form.addQueryItem("client_id", zoho["clientId"].toString());
        form.addQueryItem("client_secret", zoho["clientSecret"].toString());
        form.addQueryItem("refresh_token", refreshTokens.first().toObject()["token"].toString());
        const HttpResult token = f.http.postForm(f.url("/zoho/us/accounts/oauth/v2/token"), form);
        QCOMPARE(token.status, 200);
        const QByteArray access = token.object()["access_token"].toString().toLatin1();
        QVERIFY(!access.isEmpty());
        const HttpResult org =
            f.http.get(f.url("/zoho/us/api/crm/v8/org"), {{"Authorization", "Zoho-oauthtoken " + access}});
        QCOMPARE(org.status, 200);
        QCOMPARE(org.object()["org"].toArray().first().toObject()["id"].toString(),
                 refreshTokens.first().toObject()["orgId"].toString());
    }

    void platformObjectsAreFound()
    {
        SandboxFixture f;
        QString error;
        QVERIFY2(f.server().setStateFile(m_state, &error), qPrintable(error));
        const QJsonObject adobe = f.credentials()["adobe"].toObject();
        QUrlQuery form;
        form.addQueryItem("grant_type", "client_credentials");
        form.addQueryItem("client_id", adobe["clientId"].toString());
        form.addQueryItem("client_secret", adobe["clientSecret"].toString());
        form.addQueryItem("scope", "openid,AdobeID,read_organizations");
        const HttpResult token = f.http.postForm(f.url("/adobe/ims/ims/token/v3"), form);
        QCOMPARE(token.status, 200);
        const QList<QPair<QByteArray, QByteArray>> headers{
            {"Authorization", "Bearer " + token.object()["access_token"].toString().toLatin1()},
            {"x-api-key", adobe["clientId"].toString().toLatin1()},
            {"x-gw-ims-org-id", adobe["orgId"].toString().toLatin1()},
            {"x-sandbox-name", "prod"}};

        const QJsonObject saved = m_fixture["adobe"].toObject();
        const QString connectionId = saved["connections"].toArray().first().toObject()["id"].toString();
        HttpResult r = f.http.get(f.url(kPlatform + "/flowservice/connections/" + connectionId), headers);
        QCOMPARE(r.status, 200);
        const QJsonObject connection = r.object()["items"].toArray().first().toObject();
        QCOMPARE(connection["name"].toString(), QStringLiteral("Zoho CRM (fixture)"));
        QVERIFY(!connection["etag"].toString().isEmpty());

        r = f.http.get(f.url(kPlatform + "/flowservice/connections"), headers);
        QCOMPARE(r.status, 200);
        int named = 0;
        for (const QJsonValue &item : r.object()["items"].toArray())
            named += item.toObject()["name"].toString() == QLatin1String("Zoho CRM (fixture)");
        QCOMPARE(named, 1);

        const QString sourceId = saved["sourceConnections"].toArray().first().toObject()["id"].toString();
        r = f.http.get(f.url(kPlatform + "/flowservice/sourceConnections/" + sourceId), headers);
        QCOMPARE(r.status, 200);
        const QJsonObject source = r.object()["items"].toArray().first().toObject();
        QCOMPARE(source["baseConnectionId"].toString(), connectionId);
        QCOMPARE(source["params"].toObject()["tableName"].toString(), QStringLiteral("Contacts"));

        r = f.http.get(f.url(kPlatform + "/catalog/dataSets"), headers);
        QCOMPARE(r.status, 200);
        QStringList names;
        const QJsonObject dataSets = r.object();
        for (auto it = dataSets.begin(); it != dataSets.end(); ++it)
            names.append(it.value().toObject()["name"].toString());
        QVERIFY2(names.contains(QStringLiteral("Fixture dataset")), qPrintable(names.join(", ")));
        QVERIFY2(names.contains(QStringLiteral("Zoho CRM Contacts (existing)")), qPrintable(names.join(", ")));
    }

private:
    QTemporaryDir m_dir;
    QString m_state;
    QJsonObject m_fixture;
};

QTEST_GUILESS_MAIN(TestSandboxState)
#include "tst_sandbox_state.moc"

// SPDX-License-Identifier: GPL-3.0-or-later
// The production table and the endpoints-file loader (DESIGN §3).
#include "endpoints/Endpoints.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryFile>
#include <QTest>

using namespace zaw;

namespace {

QJsonObject validFile()
{
    return QJsonDocument::fromJson("{\"zoho\":{\"dataCenters\":{"
                                   "\"us\":{\"accounts\":\"http://127.0.0.1:41234/zoho/us/accounts\",\"api\":\"http://"
                                   "127.0.0.1:41234/zoho/us/api\"},"
                                   "\"eu\":{\"accounts\":\"http://127.0.0.1:41234/zoho/eu/accounts\",\"api\":\"http://"
                                   "127.0.0.1:41234/zoho/eu/api\","
                                   "\"sandboxApi\":\"http://localhost:41234/zoho/eu/sandbox-api\"}}},"
                                   "\"adobe\":{\"ims\":\"http://127.0.0.1:41234/adobe/ims\",\"platform\":\"http://"
                                   "[::1]:41234/adobe/platform\"}}")
        .object();
}

QByteArray toBytes(const QJsonObject &o)
{
    return QJsonDocument(o).toJson();
}

} // namespace

class TestEndpoints : public QObject
{
    Q_OBJECT

private slots:
    void productionTable()
    {
        const Endpoints e = Endpoints::production();
        QStringList codes;
        for (const DataCenter &dc : e.dataCenters())
            codes << dc.code;
        QCOMPARE(codes, (QStringList{"us", "eu", "in", "au", "cn", "jp", "ca", "sa"}));
        QCOMPARE(e.dataCenter("ca")->accounts, QUrl("https://accounts.zohocloud.ca"));
        QCOMPARE(e.dataCenter("au")->api, QUrl("https://www.zohoapis.com.au"));
        QCOMPARE(e.dataCenter("eu")->apiFor(CrmEnvironment::Sandbox), QUrl("https://sandbox.zohoapis.eu"));
        QCOMPARE(e.dataCenter("jp")->apiFor(CrmEnvironment::Developer), QUrl("https://developer.zohoapis.jp"));
        QCOMPARE(e.ims(), QUrl("https://ims-na1.adobelogin.com"));
        QCOMPARE(e.platform(), QUrl("https://platform.adobe.io"));
        QVERIFY(!e.dataCenter("uk"));
    }

    void lookupIgnoresTrailingSlashAndHostCase()
    {
        const Endpoints e = Endpoints::production();
        QCOMPARE(e.dataCenterByAccounts(QUrl("https://ACCOUNTS.zoho.eu/"))->code, QStringLiteral("eu"));
        CrmEnvironment env = CrmEnvironment::Production;
        QCOMPARE(e.dataCenterByApi(QUrl("https://sandbox.zohoapis.in/"), &env)->code, QStringLiteral("in"));
        QCOMPARE(env, CrmEnvironment::Sandbox);
        // Look-alikes never match.
        QVERIFY(!e.dataCenterByAccounts(QUrl("https://accounts.zoho.eu.evil.example")));
        QVERIFY(!e.dataCenterByAccounts(QUrl("http://accounts.zoho.eu")));
        QVERIFY(!e.dataCenterByAccounts(QUrl("https://user@accounts.zoho.eu")));
        QVERIFY(!e.dataCenterByAccounts(QUrl("https://accounts.zoho.eu:8443")));
        QVERIFY(!e.dataCenterByAccounts(QUrl("https://accounts.zoho.eu/x")));
    }

    void loadsAValidFile()
    {
        QString error;
        const auto e = Endpoints::fromJson(toBytes(validFile()), &error);
        QVERIFY2(e, qPrintable(error));
        QCOMPARE(e->dataCenters().size(), 2); // replaces the built-in table, no merging
        QCOMPARE(e->dataCenter("eu")->sandboxApi, QUrl("http://localhost:41234/zoho/eu/sandbox-api"));
        QVERIFY(e->dataCenter("us")->sandboxApi.isEmpty());
        QCOMPARE(e->platform(), QUrl("http://[::1]:41234/adobe/platform"));
        QCOMPARE(Endpoints::join(e->dataCenter("us")->accounts, "/oauth/v2/token"),
                 QUrl("http://127.0.0.1:41234/zoho/us/accounts/oauth/v2/token"));
        // Round trip through toJson().
        const auto again = Endpoints::fromJson(e->toJson(), &error);
        QVERIFY2(again, qPrintable(error));
        QCOMPARE(again->dataCenter("eu")->api, e->dataCenter("eu")->api);
    }

    void fromFile()
    {
        QTemporaryFile file;
        QVERIFY(file.open());
        file.write(toBytes(validFile()));
        file.close();
        QString error;
        QVERIFY(Endpoints::fromFile(file.fileName(), &error));
        QVERIFY(!Endpoints::fromFile(file.fileName() + ".missing", &error));
        QVERIFY(error.contains(".missing"));
    }

    void badFilesNameTheKey_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("named");
        auto with = [](auto mutate) {
            QJsonObject o = validFile();
            mutate(o);
            return toBytes(o);
        };
        QTest::newRow("not json") << QByteArray("{nope") << QStringLiteral("not valid JSON");
        QTest::newRow("unknown top key") << with([](QJsonObject &o) { o.insert("salesforce", 1); })
                                         << QStringLiteral("salesforce");
        QTest::newRow("unknown dc key") << with([](QJsonObject &o) {
            QJsonObject z = o["zoho"].toObject(), d = z["dataCenters"].toObject(), us = d["us"].toObject();
            us.insert("upload", "https://x.example");
            d["us"] = us;
            z["dataCenters"] = d;
            o["zoho"] = z;
        }) << QStringLiteral("zoho.dataCenters.us.upload");
        QTest::newRow("http to a remote host") << with([](QJsonObject &o) {
            QJsonObject a = o["adobe"].toObject();
            a["ims"] = "http://ims.example.com";
            o["adobe"] = a;
        }) << QStringLiteral("adobe.ims");
        // Issue 11: Zoho's URLs get the same rule (the client secret and tokens go there).
        for (const char *key : {"accounts", "api", "sandboxApi"}) {
            QTest::addRow("zoho %s over http to a remote host", key) << with([key](QJsonObject &o) {
                QJsonObject z = o["zoho"].toObject(), d = z["dataCenters"].toObject(), us = d["us"].toObject();
                us[key] = "http://accounts.zoho.example";
                d["us"] = us;
                z["dataCenters"] = d;
                o["zoho"] = z;
            }) << QStringLiteral("zoho.dataCenters.us.") + key;
        }
        QTest::newRow("zoho accounts on a loopback look-alike") << with([](QJsonObject &o) {
            QJsonObject z = o["zoho"].toObject(), d = z["dataCenters"].toObject(), us = d["us"].toObject();
            us["accounts"] = "http://localhost.evil.example:41234/zoho/us/accounts";
            d["us"] = us;
            z["dataCenters"] = d;
            o["zoho"] = z;
        }) << QStringLiteral("zoho.dataCenters.us.accounts");
        QTest::newRow("loopback look-alike") << with([](QJsonObject &o) {
            QJsonObject a = o["adobe"].toObject();
            a["platform"] = "http://127.0.0.1.evil.example/adobe";
            o["adobe"] = a;
        }) << QStringLiteral("adobe.platform");
        QTest::newRow("missing api") << with([](QJsonObject &o) {
            QJsonObject z = o["zoho"].toObject(), d = z["dataCenters"].toObject(), us = d["us"].toObject();
            us.remove("api");
            d["us"] = us;
            z["dataCenters"] = d;
            o["zoho"] = z;
        }) << QStringLiteral("zoho.dataCenters.us.api");
        QTest::newRow("missing platform") << with([](QJsonObject &o) {
            QJsonObject a = o["adobe"].toObject();
            a.remove("platform");
            o["adobe"] = a;
        }) << QStringLiteral("adobe.platform");
        QTest::newRow("not a url") << with([](QJsonObject &o) {
            QJsonObject a = o["adobe"].toObject();
            a["ims"] = 42;
            o["adobe"] = a;
        }) << QStringLiteral("adobe.ims");
        QTest::newRow("ftp scheme") << with([](QJsonObject &o) {
            QJsonObject a = o["adobe"].toObject();
            a["ims"] = "ftp://127.0.0.1/ims";
            o["adobe"] = a;
        }) << QStringLiteral("adobe.ims");
        QTest::newRow("no data centres") << with([](QJsonObject &o) {
            o["zoho"] = QJsonObject{{"dataCenters", QJsonObject()}};
        }) << QStringLiteral("zoho.dataCenters");
    }

    void badFilesNameTheKey()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, named);
        QString error;
        QVERIFY(!Endpoints::fromJson(json, &error));
        QVERIFY2(error.contains(named), qPrintable(error));
    }

    void loopbackHosts()
    {
        QVERIFY(Endpoints::isLoopbackHost("127.0.0.1"));
        QVERIFY(Endpoints::isLoopbackHost("127.8.9.10"));
        QVERIFY(Endpoints::isLoopbackHost("::1"));
        QVERIFY(Endpoints::isLoopbackHost("LOCALHOST"));
        QVERIFY(!Endpoints::isLoopbackHost("localhost.example"));
        QVERIFY(!Endpoints::isLoopbackHost("10.0.0.1"));
        QVERIFY(!Endpoints::isLoopbackHost("127.0.0.1.evil.example"));
    }
};

QTEST_GUILESS_MAIN(TestEndpoints)
#include "tst_endpoints.moc"

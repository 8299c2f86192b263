// SPDX-License-Identifier: GPL-3.0-or-later
// zoho-aep-connect tables, preview and create as a user runs them: a profile signed in with
// zoho-login and adobe-login against the sandbox, then the commands as child processes; their
// JSON, their exit codes, and a failed create resumed without duplicates.
#include "CliDriver.h"
#include "TestHttp.h"

#include <QFile>
#include <QJsonArray>
#include <QTest>

using namespace zaw::test;

namespace {

const QString kConnectExe = QStringLiteral(ZAW_CONNECT_EXE);

const QStringList kCreateLeads{"create", "--table",    "Leads", "--new-dataset",  "Leads (CLI)",  "--frequency",
                               "hour",   "--interval", "1",     "--delta-column", "Modified_Time"};

const QStringList kIds{"baseConnectionId",   "schemaId",     "dataSetId", "sourceConnectionId",
                       "targetConnectionId", "mappingSetId", "flowId"};

// Rows of the commands that reach Zoho through AEP: tables, preview and create.
void addCommandRows()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("tables") << QStringList{"tables"};
    QTest::newRow("preview") << QStringList{"preview", "--table", "Leads"};
    QTest::newRow("create") << kCreateLeads;
}

} // namespace

class TestCliCreate : public QObject
{
    Q_OBJECT

private slots:
    void tablesAndPreview()
    {
        SandboxFixture f;
        Cli cli(f, kConnectExe);
        QVERIFY(cli.zohoLogin());
        QVERIFY(cli.adobeLogin());

        const Run tables = cli.run({"tables"});
        QVERIFY2(tables.exitCode == 0, tables.describe().constData());
        QVERIFY(tables.doc().isArray());
        QStringList paths;
        for (const QJsonValue &v : tables.doc().array()) {
            paths << v.toObject()["path"].toString();
            QVERIFY(!v.toObject()["name"].toString().isEmpty());
        }
        QVERIFY2(paths.contains("Leads"), qPrintable(paths.join(',')));
        QVERIFY(!paths.contains("Deals_X_Contacts"));
        // The base connection is made once and kept in the profile.
        QCOMPARE(createdCount(f, "flowservice/connections$"), 1);

        const Run preview = cli.run({"preview", "--table", "Leads", "--rows", "5"});
        QVERIFY2(preview.exitCode == 0, preview.describe().constData());
        QCOMPARE(preview.json()["rows"].toArray().size(), 5);
        QVERIFY(!preview.json()["columns"].toArray().isEmpty());
        QVERIFY(!preview.json()["columns"].toArray().first().toObject()["name"].toString().isEmpty());
        QCOMPARE(createdCount(f, "flowservice/connections$"), 1);

        // No secret in the output or the profile.
        QFile profile(cli.dir.filePath("config/profiles/default.json"));
        QVERIFY(profile.open(QIODevice::ReadOnly));
        const QByteArray everything = tables.out + tables.err + preview.out + preview.err + profile.readAll();
        QVERIFY(!everything.contains(cli.zoho["clientSecret"].toString().toUtf8()));
        QVERIFY(!everything.contains(cli.adobe["clientSecret"].toString().toUtf8()));
    }

    void create()
    {
        SandboxFixture f;
        Cli cli(f, kConnectExe);
        QVERIFY(cli.zohoLogin());
        QVERIFY(cli.adobeLogin());
        const Run r = cli.run(kCreateLeads);
        QVERIFY2(r.exitCode == 0, r.describe().constData());
        for (const QString &key : kIds)
            QVERIFY2(!r.json()[key].toString().isEmpty(), qPrintable(key));
        QCOMPARE(createdCount(f, "flowservice/flows$"), 1);
        QCOMPARE(f.countRequests("POST", "flowservice/flows$"), 1);
    }

    void resumeAfterFailure()
    {
        SandboxFixture f;
        Cli cli(f, kConnectExe);
        QVERIFY(cli.zohoLogin());
        QVERIFY(cli.adobeLogin());
        f.addFault({{"method", "POST"}, {"route", "flowservice/targetConnections$"}, {"status", 500}, {"count", 1}});
        const Run failed = cli.run(kCreateLeads);
        QVERIFY2(failed.exitCode == 6, failed.describe().constData());
        const QJsonObject error = failed.json()["error"].toObject();
        QVERIFY(!error["category"].toString().isEmpty());
        QVERIFY(!error["message"].toString().isEmpty());
        QCOMPARE(error["httpStatus"].toInt(), 500);
        QCOMPARE(f.countRequests("POST", "flowservice/flows$"), 0);

        const Run again = cli.run(kCreateLeads);
        QVERIFY2(again.exitCode == 0, again.describe().constData());
        QVERIFY2(again.err.contains("Resuming"), again.err.constData()); // the saved plan, not a new one
        for (const QString &key : kIds)
            QVERIFY2(!again.json()[key].toString().isEmpty(), qPrintable(key));
        QCOMPARE(createdCount(f, "flowservice/connections$"), 1);
        QCOMPARE(createdCount(f, "flowservice/sourceConnections$"), 1);
        QCOMPARE(createdCount(f, "flowservice/targetConnections$"), 1);
        QCOMPARE(createdCount(f, "flowservice/flows$"), 1);
        QCOMPARE(createdCount(f, "catalog/dataSets$"), 1);
    }

    void badSchedule()
    {
        SandboxFixture f;
        Cli cli(f, kConnectExe);
        QVERIFY(cli.zohoLogin());
        QVERIFY(cli.adobeLogin());
        const Run r = cli.run({"create", "--table", "Leads", "--new-dataset", "Leads (CLI)", "--frequency", "minute",
                               "--interval", "10", "--delta-column", "Modified_Time"});
        QVERIFY2(r.exitCode == 2, r.describe().constData());
        QVERIFY(r.json()["error"].toObject()["message"].toString().contains("15"));
        QCOMPARE(f.countRequests("POST", "flowservice/flows$"), 0);
    }

    void withoutAdobeLogin()
    {
        SandboxFixture f;
        Cli cli(f, kConnectExe);
        QVERIFY(cli.zohoLogin());
        for (const QString &command : {QStringLiteral("tables"), QStringLiteral("create")}) {
            const Run r = command == QLatin1String("tables") ? cli.run({"tables"}) : cli.run(kCreateLeads);
            QVERIFY2(r.exitCode == 3, r.describe().constData());
            QVERIFY(r.json()["error"].toObject()["message"].toString().contains("adobe-login"));
        }
        QCOMPARE(f.countRequests("POST", "flowservice/"), 0);
    }

    void lostBaseConnectionReplyIsFoundOnTheNextRun()
    {
        SandboxFixture f;
        Cli cli(f, kConnectExe);
        QVERIFY(cli.zohoLogin());
        QVERIFY(cli.adobeLogin());
        // The sandbox stores the base connection and drops the connection before answering.
        f.addFault({{"method", "POST"}, {"route", "flowservice/connections$"}, {"drop", "after"}, {"count", 1}});
        const Run lost = cli.run({"tables"});
        QVERIFY2(lost.exitCode == 0 || lost.exitCode == 4, lost.describe().constData());
        const Run again = cli.run({"tables"});
        QVERIFY2(again.exitCode == 0, again.describe().constData());
        QCOMPARE(f.countRequests("POST", "flowservice/connections$"), 1); // found by its marker, not made again
        // And create goes on with the same base connection (the plan that made it).
        const Run created = cli.run(kCreateLeads);
        QVERIFY2(created.exitCode == 0, created.describe().constData());
        QCOMPARE(f.countRequests("POST", "flowservice/connections$"), 1);
        QCOMPARE(createdCount(f, "flowservice/flows$"), 1);
    }

    void networkFailureIsExit4_data() { addCommandRows(); }

    void networkFailureIsExit4()
    {
        QFETCH(QStringList, args);
        SandboxFixture f;
        Cli cli(f, kConnectExe);
        QVERIFY(cli.zohoLogin());
        QVERIFY(cli.adobeLogin());
        QVERIFY(cli.run({"tables"}).exitCode == 0); // the base connection exists
        // Every explore call loses its connection (retries included).
        f.addFault({{"route", "flowservice/connections/[^/]+/explore"}, {"drop", "before"}});
        const Run r = cli.run(args, 120000);
        QVERIFY2(r.exitCode == 4, r.describe().constData());
        QVERIFY(!r.json()["error"].toObject()["message"].toString().isEmpty());
        QCOMPARE(f.countRequests("POST", "flowservice/flows$"), 0);
    }

    void noKeychainIsExit5_data() { addCommandRows(); }

    void noKeychainIsExit5()
    {
        QFETCH(QStringList, args);
        SandboxFixture f;
        Cli cli(f, kConnectExe);
        QVERIFY(cli.zohoLogin());
        QVERIFY(cli.adobeLogin());
        cli.withoutKeychain();
        const Run r = cli.run(args);
        QVERIFY2(r.exitCode == 5, r.describe().constData());
        QVERIFY(!r.json()["error"].toObject()["message"].toString().isEmpty());
        QCOMPARE(f.countRequests("POST", "flowservice/"), 0);
    }

    void secondDataflowOfATableOnlyWhenAsked()
    {
        SandboxFixture f;
        Cli cli(f, kConnectExe);
        QVERIFY(cli.zohoLogin());
        QVERIFY(cli.adobeLogin());
        QVERIFY(cli.run(kCreateLeads).exitCode == 0);
        const Run again = cli.run(kCreateLeads);
        QVERIFY2(again.exitCode == 2, again.describe().constData());
        QVERIFY(again.json()["error"].toObject()["message"].toString().contains("--another"));
        QCOMPARE(createdCount(f, "flowservice/flows$"), 1);
        const Run another = cli.run(kCreateLeads + QStringList{"--another", "--flow-name", "Leads again"});
        QVERIFY2(another.exitCode == 0, another.describe().constData());
        QCOMPARE(createdCount(f, "flowservice/flows$"), 2);
        QCOMPARE(createdCount(f, "flowservice/connections$"), 1); // the same base connection
    }
};

QTEST_GUILESS_MAIN(TestCliCreate)
#include "tst_cli_create.moc"

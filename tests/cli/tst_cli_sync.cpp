// SPDX-License-Identifier: GPL-3.0-or-later
// The direct sync from the command line, as a user and a scheduler run it, against a sandbox whose
// organisation no longer offers the Zoho CRM source: create picks sync mode by itself (and refuses
// --mode flow without making anything), `sync` runs without a desktop and without secrets in the
// environment and loads every Lead, a second run finds nothing changed, status shows the last
// run (a failed batch makes it unhealthy), and the schedule's files come and go.
#include "CliDriver.h"
#include "TestHttp.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QLockFile>
#include <QTest>

#include <functional>

using namespace zaw::test;

namespace {

const QString kConnectExe = QStringLiteral(ZAW_CONNECT_EXE);

zaw::sandbox::SandboxOptions retired()
{
    zaw::sandbox::SandboxOptions o;
    o.retiredZohoSource = true;
    o.relaxedLimits = true;
    return o;
}

qint64 rowCount(SandboxFixture &f, const QString &dataSetId)
{
    const HttpResult r =
        f.http.get(f.url(QStringLiteral("/_sandbox/adobe/datasets/%1/rows?countOnly=true").arg(dataSetId)));
    return qint64(r.object().value(QStringLiteral("count")).toDouble(-1));
}

bool editProfile(const QString &profileFile, const std::function<void(QJsonObject &)> &edit)
{
    QFile file(profileFile);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    QJsonObject profile = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    edit(profile);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(QJsonDocument(profile).toJson()) > 0;
}

// The profile's sync reads up to "now" (no lag) so that a change made by the test is seen at once.
bool setNoLag(const QString &profileFile)
{
    return editProfile(profileFile, [](QJsonObject &profile) {
        QJsonObject sync = profile.value(QStringLiteral("sync")).toObject();
        sync.insert(QStringLiteral("lagSeconds"), 0);
        profile.insert(QStringLiteral("sync"), sync);
    });
}

} // namespace

class TestCliSync : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_f = std::make_unique<SandboxFixture>(retired());
        m_cli = std::make_unique<Cli>(*m_f, kConnectExe);
        QVERIFY(m_cli->zohoLogin());
        QVERIFY(m_cli->adobeLogin());
    }

    void flowModeOnRetiredSourceMakesNothing()
    {
        const int schemas = m_f->countRequests("POST", QStringLiteral("schemaregistry/tenant/schemas$"));
        const Run r = m_cli->run({"create", "--table", "Leads", "--mode", "flow"});
        QVERIFY2(r.exitCode == 6, r.describe().constData());
        const QString message = r.json()["error"].toObject()["message"].toString();
        QVERIFY2(message.contains("retired") && message.contains("--mode sync"), qPrintable(message));
        QCOMPARE(m_f->countRequests("POST", QStringLiteral("schemaregistry/tenant/schemas$")), schemas);
        QCOMPARE(m_f->countRequests("POST", QStringLiteral("catalog/dataSets$")), 0);
        QCOMPARE(m_f->countRequests("POST", QStringLiteral("flowservice/")), 0);
    }

    void createDefaultsToSync()
    {
        const Run r = m_cli->run({"create", "--table", "Leads", "--new-dataset", "Leads sync (CLI)"});
        QVERIFY2(r.exitCode == 0, r.describe().constData());
        QCOMPARE(r.json()["mode"].toString(), QStringLiteral("sync"));
        m_dataSetId = r.json()["dataSetId"].toString();
        QVERIFY(!m_dataSetId.isEmpty());
        QVERIFY(!r.json()["schemaId"].toString().isEmpty());
        QCOMPARE(createdCount(*m_f, QStringLiteral("catalog/dataSets$")), 1);
        QCOMPARE(m_f->countRequests("POST", QStringLiteral("flowservice/")), 0);

        // A rerun makes nothing twice and answers the same IDs.
        const Run again = m_cli->run({"create", "--table", "Leads", "--mode", "sync"});
        QVERIFY2(again.exitCode == 0, again.describe().constData());
        QCOMPARE(again.json()["dataSetId"].toString(), m_dataSetId);
        QCOMPARE(createdCount(*m_f, QStringLiteral("catalog/dataSets$")), 1);
        QCOMPARE(createdCount(*m_f, QStringLiteral("schemaregistry/tenant/schemas$")), 1);

        // The status of a sync that has not run yet: healthy, lastRun null.
        const Run status = m_cli->run({"status"});
        QVERIFY2(status.exitCode == 0, status.describe().constData());
        const QJsonArray sync = status.json()["sync"].toArray();
        QCOMPARE(sync.size(), 1);
        QCOMPARE(sync.first()["module"].toString(), QStringLiteral("Leads"));
        QVERIFY(sync.first()["lastRun"].isNull());

        // Set up three days ago and never run (every 4 hours): it needs attention.
        QVERIFY(editProfile(m_cli->profileFile(), [](QJsonObject &profile) {
            QJsonObject setup = profile["setup"].toObject();
            QJsonObject plans = setup["syncPlans"].toObject();
            QJsonObject leads = plans["Leads"].toObject();
            leads["configuredAt"] = QDateTime::currentDateTimeUtc().addDays(-3).toString(Qt::ISODate);
            plans["Leads"] = leads;
            setup["syncPlans"] = plans;
            profile["setup"] = setup;
        }));
        const Run stale = m_cli->run({"status"});
        QVERIFY2(stale.exitCode == 6, stale.describe().constData());
        QVERIFY2(stale.json()["action"].toString().contains("not run"), stale.out.constData());
        QVERIFY(stale.json()["sync"].toArray().first()["needsAttention"].toBool());
    }

    // --dataset: only a dataset whose schema has the sync's fields for deleted records.
    void existingDataSet()
    {
        QVERIFY(!m_dataSetId.isEmpty());
        const int schemas = createdCount(*m_f, QStringLiteral("schemaregistry/tenant/schemas$"));
        // The seeded dataset a dataflow made (no tombstone fields).
        const Run refused =
            m_cli->run({"create", "--table", "Contacts", "--mode", "sync", "--dataset", "65f0c0ffee0d15ea5e012345"});
        QVERIFY2(refused.exitCode == 1, refused.describe().constData());
        QVERIFY(refused.json()["error"].toObject()["message"].toString().contains("--new-dataset"));
        const Run accepted = m_cli->run({"create", "--table", "Leads", "--mode", "sync", "--dataset", m_dataSetId});
        QVERIFY2(accepted.exitCode == 0, accepted.describe().constData());
        QCOMPARE(accepted.json()["dataSetId"].toString(), m_dataSetId);
        QCOMPARE(createdCount(*m_f, QStringLiteral("catalog/dataSets$")), 1);
        QCOMPARE(createdCount(*m_f, QStringLiteral("schemaregistry/tenant/schemas$")), schemas);
        // The profile syncs Leads only: the refused module was not added.
        const Run status = m_cli->run({"status"});
        QCOMPARE(status.json()["sync"].toArray().size(), 1);
    }

    void syncAsTheSchedulerRunsIt()
    {
        QVERIFY(!m_dataSetId.isEmpty());
        // What a systemd timer gives: no desktop, no secrets in the environment (the keychain only).
        m_cli->zohoSecret.clear();
        m_cli->adobeSecret.clear();
        m_cli->removedEnv = {"DISPLAY", "WAYLAND_DISPLAY"};
        const Run unknown = m_cli->run({"sync", "--module", "Deals"});
        QVERIFY2(unknown.exitCode == 2, unknown.describe().constData());
        // No keychain (no session bus, as under a scheduler without a login session): exit 5.
        const QMap<QString, QString> env = m_cli->extraEnv;
        m_cli->withoutKeychain();
        const Run noKeychain = m_cli->run({"sync"});
        m_cli->extraEnv = env;
        QVERIFY2(noKeychain.exitCode == 5, noKeychain.describe().constData());
        QCOMPARE(rowCount(*m_f, m_dataSetId), 0);
        const Run first = m_cli->run({"sync"}, 120000);
        QVERIFY2(first.exitCode == 0, first.describe().constData());
        const QJsonArray modules = first.json()["modules"].toArray();
        QCOMPARE(modules.size(), 1);
        const QJsonObject leads = modules.first().toObject();
        QCOMPARE(leads["module"].toString(), QStringLiteral("Leads"));
        QCOMPARE(leads["status"].toString(), QStringLiteral("success"));
        QVERIFY(!leads["batchId"].toString().isEmpty());
        const qint64 read = leads["recordsRead"].toInteger();
        QVERIFY(read > 0);
        // Every Lead is in the dataset, once.
        QCOMPARE(rowCount(*m_f, m_dataSetId), read);
        QVERIFY(!first.out.contains(m_cli->zoho["clientSecret"].toString().toUtf8()));

        const Run second = m_cli->run({"sync"}, 120000);
        QVERIFY2(second.exitCode == 0, second.describe().constData());
        const QJsonObject again = second.json()["modules"].toArray().first().toObject();
        QCOMPARE(again["status"].toString(), QStringLiteral("nothing-changed"));
        QVERIFY(again["batchId"].isNull());
        QCOMPARE(rowCount(*m_f, m_dataSetId), read);

        // Another run of the same profile holds the lock: nothing is done, and that is no failure.
        QFile profileFile(m_cli->profileFile());
        QVERIFY(profileFile.open(QIODevice::ReadOnly));
        const QString profileId = QJsonDocument::fromJson(profileFile.readAll()).object()["id"].toString();
        QLockFile lock(m_cli->dir.filePath("config/sync/" + profileId + "/sync.lock"));
        QVERIFY(lock.tryLock(1000));
        const Run locked = m_cli->run({"sync"}, 120000);
        lock.unlock();
        QVERIFY2(locked.exitCode == 0, locked.describe().constData());
        QCOMPARE(locked.json()["lockHeld"].toBool(), true);
        QVERIFY(locked.json()["modules"].toArray().isEmpty());

        const Run status = m_cli->run({"status"});
        QVERIFY2(status.exitCode == 0, status.describe().constData());
        const QJsonObject last = status.json()["sync"].toArray().first()["lastRun"].toObject();
        QVERIFY2(!last.isEmpty(), status.out.constData());
        QVERIFY(!last["at"].toString().isEmpty());
        QVERIFY(last.contains("recordsRead"));
        QVERIFY(last.contains("batchId"));
    }

    // A batch AEP keeps failing (each re-send fails too, up to the run's attempts).
    void failedBatchIsUnhealthy()
    {
        QVERIFY(setNoLag(m_cli->profileFile()));
        QTest::qWait(1100); // a change in a later second than the cursor
        const HttpResult added = m_f->http.postJson(
            m_f->url("/_sandbox/zoho/change"),
            QJsonObject{{"login", "ana.lima@example.com"}, {"module", "Leads"}, {"op", "add"}, {"count", 3}});
        QCOMPARE(added.status, 200);
        QTest::qWait(1100);
        const HttpResult fail = m_f->http.postJson(m_f->url("/_sandbox/adobe/ingestion"),
                                                   QJsonObject{{"failNext", "failed"}, {"count", 10}});
        QVERIFY2(fail.status == 200, fail.body.constData());
        const Run r = m_cli->run({"sync"}, 120000);
        QVERIFY2(r.exitCode == 6, r.describe().constData());
        const QJsonObject leads = r.json()["modules"].toArray().first().toObject();
        QVERIFY2(leads["status"].toString() != QLatin1String("success"), r.out.constData());

        const Run status = m_cli->run({"status"});
        QVERIFY2(status.exitCode == 6, status.describe().constData());
        QCOMPARE(status.json()["healthy"].toBool(true), false);
    }

    // A set-up that failed half-way continues from the profile: nothing is made twice.
    void resumeAfterFailure()
    {
        const int schemas = createdCount(*m_f, QStringLiteral("schemaregistry/tenant/schemas$"));
        const int dataSets = createdCount(*m_f, QStringLiteral("catalog/dataSets$"));
        m_f->addFault({{"method", "POST"}, {"route", "catalog/dataSets$"}, {"status", 500}, {"count", 1}});
        const Run failed = m_cli->run({"create", "--table", "Contacts", "--new-dataset", "Contacts sync (CLI)"});
        QVERIFY2(failed.exitCode == 6, failed.describe().constData());
        QCOMPARE(createdCount(*m_f, QStringLiteral("schemaregistry/tenant/schemas$")), schemas + 1);
        const Run again = m_cli->run({"create", "--table", "Contacts", "--new-dataset", "Contacts sync (CLI)"});
        QVERIFY2(again.exitCode == 0, again.describe().constData());
        QCOMPARE(createdCount(*m_f, QStringLiteral("schemaregistry/tenant/schemas$")), schemas + 1);
        QCOMPARE(createdCount(*m_f, QStringLiteral("catalog/dataSets$")), dataSets + 1);
        QCOMPARE(m_cli->run({"status"}).json()["sync"].toArray().size(), 2);
    }

    void scheduleInstallShowRemove()
    {
        QTemporaryDir xdg;
        QVERIFY(xdg.isValid());
        m_cli->extraEnv.insert("XDG_CONFIG_HOME", xdg.path());
        const QString unitDir = xdg.filePath("systemd/user");

        // 15 minutes with one module: 96 batches a day, over AEP's 90.
        const Run install = m_cli->run({"schedule", "install", "--every", "15m"});
        QVERIFY2(install.exitCode == 0, install.describe().constData());
        const QJsonObject schedule = install.json()["schedule"].toObject();
        QCOMPARE(schedule["installed"].toBool(), true);
        QCOMPARE(schedule["everyMinutes"].toInt(), 15);
        const QStringList warnings = install.json()["warnings"].toVariant().toStringList();
        QVERIFY2(warnings.join('\n').contains("90"), qPrintable(warnings.join('\n')));
        QVERIFY2(install.err.contains("90"), install.err.constData());
        // No user manager here: the files are written anyway and the warning says how to enable them.
        QVERIFY2(warnings.join('\n').contains("systemctl --user"), qPrintable(warnings.join('\n')));
        QFile service(QDir(unitDir).filePath("zoho-aep-sync-default.service"));
        QVERIFY(service.open(QIODevice::ReadOnly));
        const QString unit = QString::fromUtf8(service.readAll());
        QVERIFY(QFileInfo::exists(QDir(unitDir).filePath("zoho-aep-sync-default.timer")));
        const QString configDir = m_cli->dir.filePath("config");
        QVERIFY2(unit.contains("ExecStart=" + QFileInfo(kConnectExe).canonicalFilePath() + " --endpoints " +
                               m_cli->endpointsFile + " --config-dir " + configDir + " --profile default sync"),
                 qPrintable(unit));

        const Run show = m_cli->run({"schedule", "show"});
        QVERIFY2(show.exitCode == 0, show.describe().constData());
        QCOMPARE(show.json()["schedule"].toObject()["installed"].toBool(), true);
        QCOMPARE(show.json()["schedule"].toObject()["everyMinutes"].toInt(), 15);
        QCOMPARE(show.json()["schedule"].toObject()["files"].toArray().size(), 2);
        QVERIFY(!show.json()["schedule"].toObject()["lastResult"].toString().isEmpty());

        const Run remove = m_cli->run({"schedule", "remove"});
        QVERIFY2(remove.exitCode == 0, remove.describe().constData());
        QVERIFY(!QFileInfo::exists(QDir(unitDir).filePath("zoho-aep-sync-default.service")));
        QVERIFY(!QFileInfo::exists(QDir(unitDir).filePath("zoho-aep-sync-default.timer")));
        QCOMPARE(m_cli->run({"schedule", "show"}).json()["schedule"].toObject()["installed"].toBool(true), false);

        // forget takes the schedule and the sync's working files with it.
        QVERIFY(m_cli->run({"schedule", "install"}).exitCode == 0);
        QVERIFY(QFileInfo::exists(QDir(unitDir).filePath("zoho-aep-sync-default.timer")));
        QVERIFY(QDir(configDir + "/sync").exists());
        const Run forget = m_cli->run({"forget"});
        QVERIFY2(forget.exitCode == 0, forget.describe().constData());
        QCOMPARE(forget.json()["forget"].toObject()["scheduleRemoved"].toBool(), true);
        QVERIFY(!QFileInfo::exists(QDir(unitDir).filePath("zoho-aep-sync-default.timer")));
        QCOMPARE(QDir(configDir + "/sync").entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(), 0);
    }

private:
    std::unique_ptr<SandboxFixture> m_f;
    std::unique_ptr<Cli> m_cli;
    QString m_dataSetId;
};

QTEST_GUILESS_MAIN(TestCliSync)
#include "tst_cli_sync.moc"

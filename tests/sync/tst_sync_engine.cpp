// SPDX-License-Identifier: GPL-3.0-or-later
// The direct sync end to end against the sandbox, through sync_runner as a child process:
// the first load brings every Lead (one row per record, across a page boundary inside one
// Modified_Time second), an edit and a deletion arrive in the next run, an idle run makes no
// batch, a second run at once finds the lock held, a Zoho 429 is waited out, a batch AEP fails
// for a non-data reason is sent again, a batch with bad rows is reported and not retried, and
// after a crash at every point of the crash matrix the next run leaves no record missing and no
// row twice.
#include "SyncRig.h"
#include "sync/SyncHistory.h"
#include "sync/SyncPaths.h"
#include "sync/XdmRow.h"

#include <QFile>
#include <QJsonDocument>
#include <QLockFile>
#include <QTest>

using namespace zaw;
using namespace Qt::StringLiterals;

namespace {

QJsonObject leads(const test::Run &r)
{
    for (const QJsonValue &v : r.json().value(u"modules"_s).toArray()) {
        if (v.toObject().value(u"module"_s).toString() == u"Leads"_s)
            return v.toObject();
    }
    return {};
}

} // namespace

class TestSyncEngine : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void firstLoadBringsEveryLeadOnce();
    void editArrivesInTheNextRun();
    void deletionArrivesAsTombstone();
    void idleRunMakesNoBatch();
    void secondRunAtOnceFindsTheLockHeld();
    void zohoRateLimitIsWaitedOut();
    void nonDataFailureIsSentAgain();
    void crashMatrix_data();
    void crashMatrix();
    void badRowsAreReportedAndNotRetried();
    void aFewBadRowsAreReportedAndTheRestArrives();
    void firstLoadThroughBulkRead();

private:
    // Every Zoho record is in the dataset (as a non-deleted row) and no row is there twice.
    void verifyNothingMissingNothingTwice();
    QString idOf(const QJsonObject &row) const;
    bool isTombstone(const QJsonObject &row) const;
    void editMapping(const std::function<void(QJsonObject &module)> &edit);

    std::unique_ptr<test::SyncRig> m_rig;
};

void TestSyncEngine::initTestCase()
{
    sandbox::SandboxOptions options;
    options.relaxedLimits = true;
    m_rig = std::make_unique<test::SyncRig>(QStringLiteral(ZAW_CONNECT_EXE), QStringLiteral(ZAW_SYNC_RUNNER), options);
    QString error;
    QVERIFY2(m_rig->setUp(&error), qPrintable(error));
}

QString TestSyncEngine::idOf(const QJsonObject &row) const
{
    return sync::XdmRow::valueAt(row, m_rig->identityPath).toVariant().toString();
}

bool TestSyncEngine::isTombstone(const QJsonObject &row) const
{
    return sync::XdmRow::valueAt(row, m_rig->deletedFlagPath).toBool();
}

void TestSyncEngine::verifyNothingMissingNothingTwice()
{
    const QJsonArray rows = m_rig->rows();
    QHash<QString, int> perRowId;
    QSet<QString> liveIds;
    for (const QJsonValue &v : rows) {
        const QJsonObject row = v.toObject();
        ++perRowId[row.value(u"_id"_s).toString()];
        if (!isTombstone(row))
            liveIds.insert(idOf(row));
    }
    for (auto it = perRowId.begin(); it != perRowId.end(); ++it)
        QVERIFY2(it.value() == 1, qPrintable(u"row %1 is in the dataset %2 times"_s.arg(it.key()).arg(it.value())));
    const QSet<QString> zoho = m_rig->zohoIds();
    QVERIFY(!zoho.isEmpty());
    QSet<QString> missing = zoho;
    missing.subtract(liveIds);
    QVERIFY2(missing.isEmpty(), qPrintable(u"%1 Zoho records missing, e.g. %2"_s.arg(missing.size())
                                               .arg(missing.isEmpty() ? QString() : *missing.begin())));
}

void TestSyncEngine::firstLoadBringsEveryLeadOnce()
{
    // 2,100 more Leads in (about) one second: the first COQL page ends inside that second.
    QCOMPARE(m_rig->change({{u"op"_s, u"add"_s}, {u"count"_s, 2100}}).size(), 2100);
    const test::Run r = m_rig->sync();
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    const QJsonObject m = leads(r);
    QCOMPARE(m.value(u"status"_s).toString(), u"success"_s);
    QVERIFY(m.value(u"firstLoad"_s).toBool());
    const QSet<QString> zoho = m_rig->zohoIds();
    QVERIFY(zoho.size() > 2100);
    QCOMPARE(m_rig->rowCount(), qint64(zoho.size()));
    QCOMPARE(m.value(u"recordsRead"_s).toInteger(), qint64(zoho.size()));
    QSet<QString> ids;
    for (const QJsonValue &v : m_rig->rows()) {
        const QString id = idOf(v.toObject());
        QVERIFY2(!ids.contains(id), qPrintable(u"record %1 twice"_s.arg(id)));
        ids.insert(id);
    }
    QCOMPARE(ids, zoho);
    QVERIFY(m.value(u"zohoCredits"_s).toInt() > 0);
}

void TestSyncEngine::editArrivesInTheNextRun()
{
    const QString id = *m_rig->zohoIds().begin();
    QCOMPARE(m_rig->change(
                 {{u"op"_s, u"edit"_s}, {u"id"_s, id}, {u"fields"_s, QJsonObject{{u"Last_Name"_s, u"Edited-1"_s}}}}),
             QStringList{id});
    const qint64 before = m_rig->rowCount();
    const test::Run r = m_rig->sync();
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    QCOMPARE(leads(r).value(u"recordsRead"_s).toInt(), 1);
    QVERIFY(!leads(r).value(u"firstLoad"_s).toBool());
    QCOMPARE(m_rig->rowCount(), before + 1);
    bool seen = false;
    for (const QJsonValue &v : m_rig->rows()) {
        if (idOf(v.toObject()) == id && QJsonDocument(v.toObject()).toJson().contains("Edited-1"))
            seen = true;
    }
    QVERIFY(seen);
}

void TestSyncEngine::deletionArrivesAsTombstone()
{
    const QString id = *m_rig->zohoIds().begin();
    QCOMPARE(m_rig->change({{u"op"_s, u"delete"_s}, {u"id"_s, id}}), QStringList{id});
    const test::Run r = m_rig->sync();
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    QCOMPARE(leads(r).value(u"tombstones"_s).toInt(), 1);
    int tombstones = 0;
    for (const QJsonValue &v : m_rig->rows()) {
        if (idOf(v.toObject()) == id && isTombstone(v.toObject())) {
            ++tombstones;
            QVERIFY(sync::XdmRow::valueAt(v.toObject(), m_rig->deletedFlagPath.section(u'.', 0, -2) + u".deletedTime"_s)
                        .isString());
        }
    }
    QCOMPARE(tombstones, 1);
}

void TestSyncEngine::idleRunMakesNoBatch()
{
    QTest::qWait(1100); // the deletion's second is behind the next window's end
    (void)m_rig->sync();
    const int batches = m_rig->batchesCreated();
    const qint64 rows = m_rig->rowCount();
    QTest::qWait(1100);
    const test::Run r = m_rig->sync();
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    QCOMPARE(leads(r).value(u"status"_s).toString(), u"nothing-changed"_s);
    QCOMPARE(m_rig->batchesCreated(), batches);
    QCOMPARE(m_rig->rowCount(), rows);
    // The run is in the history the dashboard and `status` read.
    const sync::SyncHistory history(sync::SyncPaths(m_rig->configDir(), m_rig->profileId()));
    const auto last = history.lastRun(u"Leads"_s);
    QVERIFY(last.has_value());
    QCOMPARE(last->report.status, u"nothing-changed"_s);
    QVERIFY(history.runs().size() >= 5);
}

void TestSyncEngine::secondRunAtOnceFindsTheLockHeld()
{
    const sync::SyncPaths paths(m_rig->configDir(), m_rig->profileId());
    QVERIFY(paths.ensure(nullptr));
    QLockFile lock(paths.lockFile());
    QVERIFY(lock.tryLock(0));
    const test::Run held = m_rig->sync({u"--lock-wait-ms"_s, u"300"_s});
    QVERIFY2(held.exitCode == 3, held.describe().constData());
    QVERIFY(held.json().value(u"lockHeld"_s).toBool());
    lock.unlock();

    // Two runs started together: one syncs, the other waits for it or finds the lock held.
    m_rig->change({{u"op"_s, u"add"_s}, {u"count"_s, 5}});
    QProcess a, b;
    for (QProcess *p : {&a, &b}) {
        p->setProcessEnvironment(m_rig->environment({}));
        p->start(m_rig->runner, m_rig->runnerArgs({u"--lock-wait-ms"_s, u"0"_s}));
    }
    // The sandbox answers from this thread's event loop: wait with it running.
    QVERIFY(
        QTest::qWaitFor([&] { return a.state() == QProcess::NotRunning && b.state() == QProcess::NotRunning; }, 90000));
    const QList<int> codes{a.exitCode(), b.exitCode()};
    QVERIFY2(codes.contains(0) && (codes.contains(3) || codes.count(0) == 2),
             qPrintable(u"exit codes %1 %2: "_s.arg(codes.at(0)).arg(codes.at(1)) +
                        QString::fromUtf8(a.readAllStandardOutput() + a.readAllStandardError() +
                                          b.readAllStandardOutput() + b.readAllStandardError())));
    verifyNothingMissingNothingTwice();
}

void TestSyncEngine::zohoRateLimitIsWaitedOut()
{
    const QStringList added = m_rig->change({{u"op"_s, u"add"_s}, {u"count"_s, 3}});
    m_rig->fixture->addFault({{u"method"_s, u"POST"_s},
                              {u"route"_s, u"crm/v8/coql$"_s},
                              {u"status"_s, 429},
                              {u"retryAfter"_s, 1},
                              {u"count"_s, 1}});
    const test::Run r = m_rig->sync();
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    QCOMPARE(leads(r).value(u"recordsRead"_s).toInt(), 3);
    int limited = 0;
    for (const QJsonValue &v : m_rig->fixture->server().requestLog()) {
        if (v.toObject().value(u"status"_s).toInt() == 429)
            ++limited;
    }
    QCOMPARE(limited, 1); // Zoho said 429 once, and the run went on after Retry-After
    verifyNothingMissingNothingTwice();
}

void TestSyncEngine::nonDataFailureIsSentAgain()
{
    m_rig->change({{u"op"_s, u"add"_s}, {u"count"_s, 4}});
    const test::HttpResult c =
        m_rig->control("POST", u"/_sandbox/adobe/ingestion"_s, {{u"failNext"_s, u"abandoned"_s}, {u"count"_s, 1}});
    QVERIFY2(c.status == 200, c.body.constData());
    const test::Run r = m_rig->sync();
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    QVERIFY2(leads(r).value(u"externalId"_s).toString().endsWith(u"-r1"_s), r.out.constData());
    verifyNothingMissingNothingTwice();
}

void TestSyncEngine::crashMatrix_data()
{
    QTest::addColumn<QString>("point");
    for (const char *p : {"after-read", "after-pending", "after-create", "after-upload-1", "after-complete",
                          "during-poll", "before-commit"})
        QTest::newRow(p) << QString::fromLatin1(p);
}

void TestSyncEngine::crashMatrix()
{
    QFETCH(QString, point);
    // Enough changes for several part files, an edit and a deletion in the window.
    const QStringList added = m_rig->change({{u"op"_s, u"add"_s}, {u"count"_s, 40}});
    QCOMPARE(added.size(), 40);
    m_rig->change(
        {{u"op"_s, u"edit"_s}, {u"id"_s, added.first()}, {u"fields"_s, QJsonObject{{u"Last_Name"_s, point}}}});
    m_rig->change({{u"op"_s, u"delete"_s}, {u"id"_s, added.last()}});
    const QStringList small{u"--part-bytes"_s, u"6000"_s};
    const int batches = m_rig->batchesCreated();
    const test::Run crashed = m_rig->sync(small, {{u"ZAW_SYNC_CRASH_AT"_s, point}});
    QVERIFY2(crashed.exitCode == 70, crashed.describe().constData());
    const test::Run again = m_rig->sync(small);
    QVERIFY2(again.exitCode == 0, again.describe().constData());
    // One batch for the window: a batch the crashed run made is adopted, not made twice.
    QCOMPARE(m_rig->batchesCreated(), batches + 1);
    QVERIFY(leads(again).value(u"status"_s).toString() == u"success"_s);
    verifyNothingMissingNothingTwice();
}

void TestSyncEngine::editMapping(const std::function<void(QJsonObject &module)> &edit)
{
    QFile f(m_rig->cli->profileFile());
    QVERIFY(f.open(QIODevice::ReadOnly));
    QJsonObject profile = QJsonDocument::fromJson(f.readAll()).object();
    f.close();
    QJsonObject sync = profile.value(u"sync"_s).toObject();
    QJsonArray modules = sync.value(u"modules"_s).toArray();
    QJsonObject module = modules.at(0).toObject();
    edit(module);
    modules.replace(0, module);
    sync.insert(u"modules"_s, modules);
    profile.insert(u"sync"_s, sync);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(QJsonDocument(profile).toJson());
}

void TestSyncEngine::badRowsAreReportedAndNotRetried()
{
    // A mapping to a field the schema does not have: AEP rejects every row.
    QJsonObject original;
    editMapping([&](QJsonObject &module) {
        original = module;
        QJsonArray fields = module.value(u"fields"_s).toArray();
        fields.append(QJsonObject{{u"zohoField"_s, u"Last_Name"_s},
                                  {u"source"_s, u"Last_Name"_s},
                                  {u"xdmPath"_s, u"_%1.zoho.notInTheSchema"_s.arg(m_rig->tenantId)},
                                  {u"xdmType"_s, u"string"_s}});
        module.insert(u"fields"_s, fields);
    });
    const QStringList added = m_rig->change({{u"op"_s, u"add"_s}, {u"count"_s, 3}});
    const test::Run r = m_rig->sync();
    QVERIFY2(r.exitCode == 1, r.describe().constData());
    QCOMPARE(leads(r).value(u"status"_s).toString(), u"needs-attention"_s);
    QVERIFY(!leads(r).value(u"error"_s).toObject().value(u"message"_s).toString().isEmpty());
    // The rejected records are named by their Zoho ids.
    QVERIFY2(leads(r).value(u"failedRows"_s).toInt() >= 3, r.out.constData());
    const QJsonArray failedIds = leads(r).value(u"failedRecordIds"_s).toArray();
    for (const QString &id : added)
        QVERIFY2(failedIds.contains(id), r.out.constData());
    const int batches = m_rig->batchesCreated();
    const test::Run again = m_rig->sync();
    QCOMPARE(leads(again).value(u"status"_s).toString(), u"needs-attention"_s);
    QCOMPARE(m_rig->batchesCreated(), batches); // not retried

    // The mapping fixed: the window is read and sent again.
    editMapping([&](QJsonObject &module) { module = original; });
    const test::Run fixed = m_rig->sync();
    QVERIFY2(fixed.exitCode == 0, fixed.describe().constData());
    verifyNothingMissingNothingTwice();
}

void TestSyncEngine::aFewBadRowsAreReportedAndTheRestArrives()
{
    // 40 new records, one of them with more employees than XDM's 32-bit integer holds: AEP takes
    // the batch (within the 5 % partial ingestion) and rejects that one row, which the run names.
    const QStringList added = m_rig->change({{u"op"_s, u"add"_s}, {u"count"_s, 40}});
    QCOMPARE(added.size(), 40);
    const QString bad = added.at(7);
    m_rig->change(
        {{u"op"_s, u"edit"_s}, {u"id"_s, bad}, {u"fields"_s, QJsonObject{{u"No_of_Employees"_s, 5000000000.0}}}});
    const int before = int(m_rig->rowCount());
    const test::Run r = m_rig->sync();
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    QCOMPARE(leads(r).value(u"status"_s).toString(), u"success"_s);
    QCOMPARE(leads(r).value(u"failedRows"_s).toInt(), 1);
    QCOMPARE(leads(r).value(u"failedRecordIds"_s).toArray(), QJsonArray{bad});
    QCOMPARE(int(m_rig->rowCount()) - before, 39);

    // Not sent again: the next run has nothing to do.
    const test::Run idle = m_rig->sync();
    QCOMPARE(leads(idle).value(u"status"_s).toString(), u"nothing-changed"_s);

    // Fixed in Zoho, the record arrives with the next run.
    m_rig->change({{u"op"_s, u"edit"_s}, {u"id"_s, bad}, {u"fields"_s, QJsonObject{{u"No_of_Employees"_s, 120}}}});
    const test::Run fixed = m_rig->sync();
    QVERIFY2(fixed.exitCode == 0, fixed.describe().constData());
    QCOMPARE(leads(fixed).value(u"recordsRead"_s).toInt(), 1);
    QCOMPARE(leads(fixed).value(u"failedRows"_s).toInt(), 0);
    verifyNothingMissingNothingTwice();
}

void TestSyncEngine::firstLoadThroughBulkRead()
{
    // The module loaded again from the start (its state gone), above the Bulk Read threshold.
    const sync::SyncPaths paths(m_rig->configDir(), m_rig->profileId());
    QVERIFY(QFile::remove(paths.stateFile(u"Leads"_s)));
    const int before = int(m_rig->rowCount());
    const int jobs = test::createdCount(*m_rig->fixture, u"crm/bulk/v8/read$"_s);
    const test::Run r = m_rig->sync({u"--bulk-threshold"_s, u"0"_s});
    QVERIFY2(r.exitCode == 0, r.describe().constData());
    QVERIFY(leads(r).value(u"firstLoad"_s).toBool());
    QVERIFY(test::createdCount(*m_rig->fixture, u"crm/bulk/v8/read$"_s) > jobs);
    const QSet<QString> zoho = m_rig->zohoIds();
    const QJsonArray rows = m_rig->rows();
    QCOMPARE(rows.size() - before, zoho.size());
    QSet<QString> ids;
    for (int i = before; i < rows.size(); ++i) {
        const QString id = idOf(rows.at(i).toObject());
        QVERIFY2(!ids.contains(id), qPrintable(u"record %1 twice"_s.arg(id)));
        ids.insert(id);
    }
    QCOMPARE(ids, zoho);
    // Bulk Read gives lookups as ids: the rows still carry the owner's id.
    QVERIFY(QJsonDocument(rows.at(before).toObject()).toJson().contains("Owner"));
}

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_sync_engine.moc"

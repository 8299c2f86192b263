// SPDX-License-Identifier: GPL-3.0-or-later
// The direct sync's local parts, without a network: the XDM row of a record and of a deletion,
// the keyset COQL text, field groups of at most 50, the batch's externalId, the module state's
// JSON round trip and the spool's part files.
#include "adobe/BatchIngestionClient.h"
#include "sync/ModuleState.h"
#include "sync/SpoolWriter.h"
#include "sync/XdmRow.h"
#include "sync/ZohoQuery.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace zaw;
using namespace Qt::StringLiterals;

namespace {

setup::XdmFieldMapping mapping(const QString &source, const QString &path, const QString &type,
                               const QString &format = {})
{
    setup::XdmFieldMapping m;
    m.zohoField = source.section(u'.', 0, 0);
    m.source = source;
    m.xdmPath = path;
    m.xdmType = type;
    m.xdmFormat = format;
    return m;
}

sync::SyncModuleConfig leads()
{
    sync::SyncModuleConfig c;
    c.module = u"Leads"_s;
    c.tenantId = u"acme"_s;
    c.dataSetId = u"ds1"_s;
    c.identityPath = u"_acme.zoho.id"_s;
    c.deletedFlagPath = u"_acme.zoho.isDeleted"_s;
    c.deletedTimePath = u"_acme.zoho.deletedTime"_s;
    c.fields = {mapping(u"id"_s, u"_acme.zoho.id"_s, u"string"_s),
                mapping(u"Email"_s, u"personalEmail.address"_s, u"string"_s),
                mapping(u"Owner.id"_s, u"_acme.zoho.Owner.id"_s, u"string"_s),
                mapping(u"Owner.name"_s, u"_acme.zoho.Owner.name"_s, u"string"_s),
                mapping(u"Annual_Revenue"_s, u"_acme.zoho.Annual_Revenue"_s, u"number"_s),
                mapping(u"No_of_Employees"_s, u"_acme.zoho.No_of_Employees"_s, u"integer"_s),
                mapping(u"Email_Opt_Out"_s, u"_acme.zoho.Email_Opt_Out"_s, u"boolean"_s),
                mapping(u"Tags"_s, u"_acme.zoho.Tags"_s, u"array"_s),
                mapping(u"Birthday"_s, u"_acme.zoho.Birthday"_s, u"string"_s, u"date"_s),
                mapping(u"Modified_Time"_s, u"_acme.zoho.Modified_Time"_s, u"string"_s, u"date-time"_s),
                mapping(u"Lead_Source"_s, u"_acme.zoho.Lead_Source"_s, u"string"_s)};
    return c;
}

} // namespace

class TestSyncUnit : public QObject
{
    Q_OBJECT

private slots:
    void rowOfRecord();
    void rowOfBulkReadRecord();
    void tombstoneRow();
    void keysetQuery();
    void fieldGroups();
    void externalId();
    void stateRoundTrip();
    void spoolRollsParts();
    void batchStatusWords();
};

void TestSyncUnit::rowOfRecord()
{
    const QJsonObject record{
        {u"id"_s, u"4150868000000231001"_s},
        {u"Email"_s, u"ana@example.com"_s},
        {u"Owner"_s, QJsonObject{{u"id"_s, u"777"_s}, {u"name"_s, u"Ana Lima"_s}}},
        {u"Annual_Revenue"_s, 1250.5},
        {u"No_of_Employees"_s, u"42"_s},
        {u"Email_Opt_Out"_s, false},
        {u"Tags"_s, QJsonArray{QJsonObject{{u"name"_s, u"vip"_s}}, QJsonObject{{u"name"_s, u"eu"_s}}}},
        {u"Birthday"_s, u"1990-03-04"_s},
        {u"Lead_Source"_s, QJsonValue()},
        {u"Modified_Time"_s, u"2026-10-20T11:30:00+02:00"_s}};
    const QJsonObject row = sync::XdmRow::fromRecord(leads(), record);
    const QJsonObject zoho = row.value(u"_acme"_s).toObject().value(u"zoho"_s).toObject();
    QCOMPARE(zoho.value(u"id"_s).toString(), u"4150868000000231001"_s);
    QCOMPARE(row.value(u"personalEmail"_s).toObject().value(u"address"_s).toString(), u"ana@example.com"_s);
    QCOMPARE(zoho.value(u"Owner"_s).toObject().value(u"id"_s).toString(), u"777"_s);
    QCOMPARE(zoho.value(u"Owner"_s).toObject().value(u"name"_s).toString(), u"Ana Lima"_s);
    QCOMPARE(zoho.value(u"Annual_Revenue"_s).toDouble(), 1250.5);
    QCOMPARE(zoho.value(u"No_of_Employees"_s).toDouble(), 42.0);
    QCOMPARE(zoho.value(u"Email_Opt_Out"_s), QJsonValue(false));
    QCOMPARE(zoho.value(u"Tags"_s).toArray(), QJsonArray({u"vip"_s, u"eu"_s}));
    QCOMPARE(zoho.value(u"Birthday"_s).toString(), u"1990-03-04"_s);
    QCOMPARE(zoho.value(u"Modified_Time"_s).toString(), u"2026-10-20T09:30:00Z"_s);
    QVERIFY(!zoho.contains(u"Lead_Source"_s)); // null left out
    QCOMPARE(zoho.value(u"isDeleted"_s), QJsonValue(false));
    QCOMPARE(row.value(u"_id"_s).toString(), sync::XdmRow::sha1(u"Leads|4150868000000231001|2026-10-20T09:30:00Z"_s));
    // Deterministic: the same record gives the same row.
    QCOMPARE(sync::XdmRow::fromRecord(leads(), record), row);
}

void TestSyncUnit::rowOfBulkReadRecord()
{
    // Bulk Read gives a lookup as its id only, multi-select joined with ';', numbers as text.
    const QJsonObject record{{u"id"_s, u"9"_s},
                             {u"Owner"_s, u"777"_s},
                             {u"Tags"_s, u"vip;eu"_s},
                             {u"Annual_Revenue"_s, u"10.25"_s},
                             {u"Email_Opt_Out"_s, u"true"_s},
                             {u"Email"_s, u""_s},
                             {u"Modified_Time"_s, u"2026-10-20T09:30:00+00:00"_s}};
    const QJsonObject row = sync::XdmRow::fromRecord(leads(), record);
    const QJsonObject zoho = row.value(u"_acme"_s).toObject().value(u"zoho"_s).toObject();
    QCOMPARE(zoho.value(u"Owner"_s).toObject().value(u"id"_s).toString(), u"777"_s);
    QVERIFY(!zoho.value(u"Owner"_s).toObject().contains(u"name"_s));
    QCOMPARE(zoho.value(u"Tags"_s).toArray(), QJsonArray({u"vip"_s, u"eu"_s}));
    QCOMPARE(zoho.value(u"Annual_Revenue"_s).toDouble(), 10.25);
    QCOMPARE(zoho.value(u"Email_Opt_Out"_s), QJsonValue(true));
    QVERIFY(!row.contains(u"personalEmail"_s)); // empty left out
}

void TestSyncUnit::tombstoneRow()
{
    const QDateTime when = QDateTime::fromString(u"2026-11-28T10:00:05Z"_s, Qt::ISODate);
    const QJsonObject row = sync::XdmRow::tombstone(leads(), u"42"_s, when);
    const QJsonObject zoho = row.value(u"_acme"_s).toObject().value(u"zoho"_s).toObject();
    QCOMPARE(zoho.value(u"id"_s).toString(), u"42"_s);
    QCOMPARE(zoho.value(u"isDeleted"_s), QJsonValue(true));
    QCOMPARE(zoho.value(u"deletedTime"_s).toString(), u"2026-11-28T10:00:05Z"_s);
    QCOMPARE(row.value(u"_id"_s).toString(), sync::XdmRow::sha1(u"Leads|42|deleted|2026-11-28T10:00:05Z"_s));
    QCOMPARE(row.size(), 2); // _acme and _id, nothing else
}

void TestSyncUnit::keysetQuery()
{
    const QDateTime ts = QDateTime::fromString(u"2026-11-28T10:00:00Z"_s, Qt::ISODate);
    const QDateTime end = QDateTime::fromString(u"2026-11-28T11:59:00Z"_s, Qt::ISODate);
    const QStringList f{u"id"_s, u"Modified_Time"_s, u"Email"_s};
    QCOMPARE(sync::ZohoQuery::keyset(u"Leads"_s, f, ts, u"4150868000000002175"_s, end),
             u"select id, Modified_Time, Email from Leads where ((Modified_Time >= '2026-11-28T10:00:00+00:00' and "
             "Modified_Time < '2026-11-28T11:59:00+00:00') and (Modified_Time > '2026-11-28T10:00:00+00:00' or "
             "id > 4150868000000002175)) order by Modified_Time asc, id asc limit 2000"_s);
    // A committed cursor (id null): no tie-break.
    QCOMPARE(sync::ZohoQuery::keyset(u"Leads"_s, f, ts, {}, end),
             u"select id, Modified_Time, Email from Leads where (Modified_Time >= '2026-11-28T10:00:00+00:00' and "
             "Modified_Time < '2026-11-28T11:59:00+00:00') order by Modified_Time asc, id asc limit 2000"_s);
    // First load: no lower bound.
    QCOMPARE(sync::ZohoQuery::keyset(u"Leads"_s, f, {}, {}, end),
             u"select id, Modified_Time, Email from Leads where Modified_Time < '2026-11-28T11:59:00+00:00' "
             "order by Modified_Time asc, id asc limit 2000"_s);
    // The window ends a whole second before now − lag.
    const QDateTime now = QDateTime::fromString(u"2026-11-28T12:01:00.750Z"_s, Qt::ISODateWithMs);
    QCOMPARE(sync::ZohoQuery::windowEnd(now, 120), end);
    QCOMPARE(sync::ZohoQuery::windowEnd(now, 0).toString(Qt::ISODateWithMs), u"2026-11-28T12:01:00.000Z"_s);
}

void TestSyncUnit::fieldGroups()
{
    QStringList fields{u"id"_s, u"Modified_Time"_s};
    for (int i = 0; i < 120; ++i)
        fields << u"F%1"_s.arg(i);
    const QList<QStringList> groups = sync::ZohoQuery::fieldGroups(fields);
    QCOMPARE(groups.size(), 3);
    QSet<QString> seen;
    for (const QStringList &g : groups) {
        QVERIFY(g.size() <= 50);
        QCOMPARE(g.at(0), u"id"_s);
        QCOMPARE(g.at(1), u"Modified_Time"_s);
        for (int i = 2; i < g.size(); ++i) {
            QVERIFY(!seen.contains(g.at(i)));
            seen.insert(g.at(i));
        }
    }
    QCOMPARE(seen.size(), 120);
    QCOMPARE(sync::ZohoQuery::fieldGroups({u"id"_s, u"Modified_Time"_s, u"Email"_s}).size(), 1);
}

void TestSyncUnit::externalId()
{
    const QDateTime ts = QDateTime::fromString(u"2026-11-28T10:00:00Z"_s, Qt::ISODate);
    const QDateTime end = QDateTime::fromString(u"2026-11-28T11:59:00Z"_s, Qt::ISODate);
    QCOMPARE(sync::ModuleState::externalId(u"8812"_s, u"Leads"_s, ts, end, 0),
             u"zaep:8812:Leads:20261128T100000Z-20261128T115900Z"_s);
    QCOMPARE(sync::ModuleState::externalId(u"8812"_s, u"Leads"_s, ts, end, 2),
             u"zaep:8812:Leads:20261128T100000Z-20261128T115900Z-r2"_s);
}

void TestSyncUnit::stateRoundTrip()
{
    QTemporaryDir dir;
    sync::ModuleState s;
    s.module = u"Leads"_s;
    s.dataSetId = u"ds1"_s;
    s.fieldsHash = u"abc"_s;
    s.phase = u"incremental"_s;
    s.cursorTs = QDateTime::fromString(u"2026-11-28T10:00:00Z"_s, Qt::ISODate);
    s.deletedSince = s.cursorTs.addSecs(-60);
    s.pending.externalId = u"zaep:1:Leads:a-b"_s;
    s.pending.batchId = u"01J"_s;
    s.pending.spoolKey = u"zaep_1_Leads_a-b"_s;
    s.pending.windowEnd = s.cursorTs.addSecs(3600);
    s.pending.deletedUntil = s.pending.windowEnd;
    s.pending.files = {{u"part-00001.json"_s, 10, 2, true}, {u"part-00002.json"_s, 5, 1, false}};
    s.pending.completed = true;
    s.pending.attempt = 1;
    s.pending.records = 2;
    s.pending.tombstones = 1;
    const QString path = dir.filePath(u"Leads.json"_s);
    QVERIFY(s.save(path, nullptr));
    sync::ModuleState back;
    QVERIFY(sync::ModuleState::load(path, u"Leads"_s, &back, nullptr));
    QCOMPARE(back.toJson(), s.toJson());
    QCOMPARE(back.pending.files.at(0).uploaded, true);
    QCOMPARE(back.pending.files.at(1).uploaded, false);
    QCOMPARE(back.cursorTs, s.cursorTs);
    // A missing file: a fresh state; a damaged one: an error.
    sync::ModuleState fresh;
    QVERIFY(sync::ModuleState::load(dir.filePath(u"none.json"_s), u"Deals"_s, &fresh, nullptr));
    QVERIFY(!fresh.hasCursor());
    QVERIFY(!fresh.pending.isValid());
    QFile bad(dir.filePath(u"bad.json"_s));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("{nope");
    bad.close();
    QString error;
    QVERIFY(!sync::ModuleState::load(bad.fileName(), u"Leads"_s, &fresh, &error));
    QVERIFY(!error.isEmpty());
}

void TestSyncUnit::spoolRollsParts()
{
    QTemporaryDir dir;
    const QString spool = dir.filePath(u"spool/Leads/x"_s);
    sync::SpoolWriter w(spool, 1000);
    QVERIFY(w.open(nullptr));
    for (int i = 0; i < 100; ++i)
        QVERIFY(w.write(QJsonObject{{u"n"_s, i}, {u"pad"_s, QString(40, u'x')}}, nullptr));
    QVERIFY(w.finish(nullptr));
    QVERIFY(w.files().size() > 1);
    qint64 rows = 0;
    for (const sync::PendingFile &f : w.files()) {
        QFile file(spool + u'/' + f.name);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.size() <= 1000);
        QCOMPARE(file.size(), f.bytes);
        const QList<QByteArray> lines = file.readAll().split('\n');
        for (const QByteArray &line : lines) {
            if (line.isEmpty())
                continue;
            QVERIFY(QJsonDocument::fromJson(line).isObject());
            ++rows;
        }
        QCOMPARE(f.rows, qint64(lines.size() - 1));
    }
    QCOMPARE(rows, 100);
    QCOMPARE(w.files().first().name, u"part-00001.json"_s);
    // Opening again empties the folder (a spool whose pending was never saved).
    sync::SpoolWriter again(spool, 1000);
    QVERIFY(again.open(nullptr));
    QVERIFY(again.finish(nullptr));
    QVERIFY(again.files().isEmpty());
    QCOMPARE(QDir(spool).entryList(QDir::Files).size(), 0);
}

void TestSyncUnit::batchStatusWords()
{
    for (const char *s :
         {"success", "active", "failed", "failure", "aborted", "abandoned", "inactive", "deleted", "stalled"})
        QVERIFY2(adobe::BatchIngestionClient::isFinal(QString::fromLatin1(s)), s);
    for (const char *s : {"loading", "processing", "staging", "queued", "retrying", "loaded"})
        QVERIFY2(!adobe::BatchIngestionClient::isFinal(QString::fromLatin1(s)), s);
    QVERIFY(adobe::BatchIngestionClient::isSuccess(u"active"_s));
    QVERIFY(!adobe::BatchIngestionClient::isSuccess(u"failed"_s));
}

QTEST_GUILESS_MAIN(TestSyncUnit)
#include "tst_sync_unit.moc"

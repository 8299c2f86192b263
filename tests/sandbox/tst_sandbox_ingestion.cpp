// SPDX-License-Identifier: GPL-3.0-or-later
// The sandbox's Batch Ingestion, Catalog batches and Data Access failed rows over real HTTP: what
// the direct sync relies on (a batch's life cycle, idempotent uploads, row validation against the
// dataset's schema, lookups by externalId, injected non-data failures, --state).
#include "TestHttp.h"
#include "setup/XdmSchemaBuilder.h"
#include "zoho/ZohoCrmClient.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using zaw::test::HttpResult;
using zaw::test::SandboxFixture;

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;
const QString kBase = u"/adobe/platform/data/foundation"_s;

QString dump(const HttpResult &r)
{
    return u"HTTP %1 %2"_s.arg(r.status).arg(QString::fromUtf8(r.body.left(1500)));
}

// A schema shaped like the one SyncRecipe/XdmSchemaBuilder makes for direct sync.
QJsonObject syncSchemaBody(const QString &title)
{
    auto leaf = [](const QString &type, const QString &format = {}) {
        QJsonObject o{{u"type"_s, type}, {u"meta:xdmType"_s, type}};
        if (!format.isEmpty())
            o.insert(u"format"_s, format);
        return o;
    };
    const QJsonObject zoho{
        {u"type"_s, u"object"_s},
        {u"properties"_s,
         QJsonObject{
             {u"id"_s, leaf(u"string"_s)},
             {u"isDeleted"_s, leaf(u"boolean"_s)},
             {u"deletedTime"_s, leaf(u"string"_s, u"date-time"_s)},
             {u"Modified_Time"_s, leaf(u"string"_s, u"date-time"_s)},
             {u"No_of_Employees"_s,
              QJsonObject{{u"type"_s, u"integer"_s}, {u"minimum"_s, -2147483648.0}, {u"maximum"_s, 2147483647.0}}},
             {u"Tags"_s, QJsonObject{{u"type"_s, u"array"_s}, {u"items"_s, leaf(u"string"_s)}}},
             {u"Owner"_s, QJsonObject{{u"type"_s, u"object"_s},
                                      {u"properties"_s,
                                       QJsonObject{{u"id"_s, leaf(u"string"_s)}, {u"name"_s, leaf(u"string"_s)}}}}}}}};
    const QJsonObject tenant{{u"type"_s, u"object"_s}, {u"properties"_s, QJsonObject{{u"zoho"_s, zoho}}}};
    return QJsonObject{
        {u"title"_s, title},
        {u"type"_s, u"object"_s},
        {u"allOf"_s,
         QJsonArray{QJsonObject{{u"$ref"_s, u"https://ns.adobe.com/xdm/context/profile"_s}},
                    QJsonObject{{u"$ref"_s, u"https://ns.adobe.com/xdm/context/profile-person-details"_s}},
                    QJsonObject{{u"$ref"_s, u"https://ns.adobe.com/xdm/context/profile-personal-details"_s}},
                    QJsonObject{{u"$ref"_s, u"https://ns.adobe.com/xdm/context/profile-work-details"_s}},
                    QJsonObject{{u"$ref"_s, u"#/definitions/zohoFields"_s}}}},
        {u"definitions"_s,
         QJsonObject{{u"zohoFields"_s,
                      QJsonObject{{u"type"_s, u"object"_s}, {u"properties"_s, QJsonObject{{u"_zawdemo"_s, tenant}}}}}}},
        {u"meta:class"_s, u"https://ns.adobe.com/xdm/context/profile"_s}};
}

QByteArray goodRow(int n)
{
    const QJsonObject row{
        {u"_id"_s, u"row-%1"_s.arg(n)},
        {u"person"_s,
         QJsonObject{{u"name"_s, QJsonObject{{u"firstName"_s, u"Ada"_s}, {u"lastName"_s, u"L%1"_s.arg(n)}}}}},
        {u"personalEmail"_s, QJsonObject{{u"address"_s, u"ada%1@example.com"_s.arg(n)}}},
        {u"homeAddress"_s, QJsonObject{{u"city"_s, u"Utrecht"_s}, {u"postalCode"_s, u"3511"_s}}},
        {u"workPhone"_s, QJsonObject{{u"number"_s, u"+31 30 000"_s}}},
        {u"mobilePhone"_s, QJsonObject{{u"number"_s, u"+31 6 000"_s}}},
        {u"_zawdemo"_s, QJsonObject{{u"zoho"_s, QJsonObject{{u"id"_s, QString::number(4150868000000002000LL + n)},
                                                            {u"Modified_Time"_s, u"2026-11-28T10:00:00+05:30"_s},
                                                            {u"No_of_Employees"_s, 12},
                                                            {u"Tags"_s, QJsonArray{u"a"_s, u"b"_s}},
                                                            {u"Owner"_s, QJsonObject{{u"id"_s, u"77"_s}}}}}}}};
    return QJsonDocument(row).toJson(QJsonDocument::Compact);
}

} // namespace

class TestSandboxIngestion : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_fixture = std::make_unique<SandboxFixture>();
        connectTo(*m_fixture);
        setProcessingMs(0);
        m_dataSet = createDataSet(u"Zoho CRM Leads (sync)"_s);
    }
    void cleanup() { m_fixture.reset(); }

    void lifeCycleCountsRowsOnce()
    {
        setProcessingMs(300);
        const HttpResult created = createBatch(u"zaep:1:Leads:20261128T100000Z-20261128T120000Z"_s, 0);
        QCOMPARE(created.status, 201);
        const QJsonObject batch = created.object();
        const QString id = batch[u"id"_s].toString();
        QCOMPARE(id.size(), 26);
        QCOMPARE(batch[u"status"_s].toString(), u"loading"_s);
        QCOMPARE(batch[u"relatedObjects"_s].toArray().first().toObject()[u"id"_s].toString(), m_dataSet);

        const QByteArray file = goodRow(1) + '\n' + goodRow(2) + '\n' + goodRow(3) + '\n';
        QCOMPARE(put(id, u"leads/part-00001.json"_s, file).status, 200);
        // The same file again (a retry after a crash) replaces it: rows once.
        QCOMPARE(put(id, u"leads/part-00001.json"_s, file).status, 200);
        const HttpResult complete = action(id, u"COMPLETE"_s);
        QVERIFY2(complete.status == 200, qPrintable(dump(complete)));
        QCOMPARE(status(id), u"processing"_s);
        QCOMPARE(action(id, u"COMPLETE"_s).status, 200); // retrying COMPLETE is fine
        QTRY_COMPARE_WITH_TIMEOUT(status(id), u"success"_s, 5000);
        const QJsonObject done = catalogBatch(id);
        QCOMPARE(done[u"metrics"_s].toObject()[u"inputRecordCount"_s].toInt(), 3);
        QCOMPARE(done[u"metrics"_s].toObject()[u"outputRecordCount"_s].toInt(), 3);
        QCOMPARE(done[u"metrics"_s].toObject()[u"failedRecordCount"_s].toInt(), 0);
        QCOMPARE(rowCount(), 3);
        const QJsonArray rows = rowsOf()[u"rows"_s].toArray();
        QCOMPARE(rows.at(1).toObject()[u"_id"_s].toString(), u"row-2"_s);
        const QJsonArray slice =
            m_fixture->http.get(m_fixture->url(u"/_sandbox/adobe/datasets/%1/rows?offset=2&limit=5"_s.arg(m_dataSet)))
                .object()[u"rows"_s]
                .toArray();
        QCOMPARE(slice.size(), 1);
        QCOMPARE(slice.first().toObject()[u"_id"_s].toString(), u"row-3"_s);
        // A finished batch takes no more files and cannot be aborted.
        QCOMPARE(put(id, u"leads/part-00002.json"_s, goodRow(4)).status, 400);
        QCOMPARE(action(id, u"ABORT"_s).status, 400);
    }

    void emptyFileFailsWith106()
    {
        const QString id = createBatch(u"x-empty"_s, 0).object()[u"id"_s].toString();
        QCOMPARE(put(id, u"empty.json"_s, QByteArray()).status, 200);
        QCOMPARE(action(id, u"COMPLETE"_s).status, 200);
        QTRY_COMPARE(status(id), u"failed"_s);
        const QJsonObject error = catalogBatch(id)[u"errors"_s].toArray().first().toObject();
        QCOMPARE(error[u"code"_s].toString(), u"106"_s);
        QCOMPARE(error[u"description"_s].toString(), u"Dataset file is empty. Please upload file with data."_s);
        QCOMPARE(action(id, u"COMPLETE"_s).status, 200); // a retried COMPLETE still answers success
        QCOMPARE(status(id), u"failed"_s);
        QCOMPARE(rowCount(), 0);
    }

    void badRowsWithinPercentageAreListed()
    {
        const QString id = createBatch(u"x-partial"_s, 50).object()[u"id"_s].toString();
        QByteArray unknownField = goodRow(2);
        unknownField.replace("\"_id\"", "\"nickname\":\"x\",\"_id\"");
        QByteArray badDate = goodRow(3);
        badDate.replace("2026-11-28T10:00:00+05:30", "28/11/2026 10:00");
        const QByteArray file = goodRow(1) + '\n' + unknownField + '\n' + badDate + '\n' + goodRow(4) + '\n';
        QCOMPARE(put(id, u"part-1.json"_s, file).status, 200);
        QCOMPARE(action(id, u"COMPLETE"_s).status, 200);
        QTRY_COMPARE(status(id), u"success"_s);
        const QJsonObject batch = catalogBatch(id);
        QCOMPARE(batch[u"metrics"_s].toObject()[u"failedRecordCount"_s].toInt(), 2);
        QCOMPARE(batch[u"metrics"_s].toObject()[u"outputRecordCount"_s].toInt(), 2);
        QCOMPARE(batch[u"errors"_s].toArray().first().toObject()[u"recordCount"_s].toInt(), 2);
        QCOMPARE(rowCount(), 2);

        const HttpResult list = get(kBase + u"/export/batches/%1/failed"_s.arg(id));
        QVERIFY2(list.status == 200, qPrintable(dump(list)));
        const QJsonArray files = list.object()[u"data"_s].toArray();
        QCOMPARE(files.size(), 1);
        const QString name = files.first().toObject()[u"name"_s].toString();
        QVERIFY(files.first().toObject()[u"_links"_s].toObject()[u"self"_s].toObject()[u"href"_s].toString().contains(
            u"failed?path="_s));
        QUrlQuery q;
        q.addQueryItem(u"path"_s, name);
        const HttpResult failed = get(kBase + u"/export/batches/%1/failed"_s.arg(id), q);
        QCOMPARE(failed.status, 200);
        const QList<QByteArray> lines = failed.body.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        const QJsonObject first = QJsonDocument::fromJson(lines.at(0)).object();
        QCOMPARE(first[u"_validationErrors"_s].toArray().first().toObject()[u"keyword"_s].toString(),
                 u"additionalProperties"_s);
        const QJsonObject second = QJsonDocument::fromJson(lines.at(1)).object();
        const QJsonObject v = second[u"_validationErrors"_s].toArray().first().toObject();
        QCOMPARE(v[u"keyword"_s].toString(), u"format"_s);
        QCOMPARE(v[u"pointerToViolation"_s].toString(), u"#/_zawdemo/zoho/Modified_Time"_s);
    }

    void badRowsOverPercentageFailTheBatch()
    {
        const QString id = createBatch(u"x-strict"_s, 0).object()[u"id"_s].toString();
        QByteArray wrongType = goodRow(2);
        wrongType.replace("\"No_of_Employees\":12", "\"No_of_Employees\":\"twelve\"");
        QCOMPARE(put(id, u"p.json"_s, goodRow(1) + '\n' + wrongType + "\nnot json\n").status, 200);
        QCOMPARE(action(id, u"COMPLETE"_s).status, 200);
        QTRY_COMPARE(status(id), u"failed"_s);
        QCOMPARE(catalogBatch(id)[u"errors"_s].toArray().first().toObject()[u"recordCount"_s].toInt(), 2);
        QCOMPARE(rowCount(), 0); // nothing of a failed batch reaches the dataset
        const HttpResult list = get(kBase + u"/export/batches/%1/failed"_s.arg(id));
        QCOMPARE(list.object()[u"data"_s].toArray().size(), 1);
    }

    void lookupByExternalId()
    {
        const QString ext = u"zaep:1:Leads:20261128T100000Z-20261128T120000Z"_s;
        const QString id = createBatch(ext, 0).object()[u"id"_s].toString();
        createBatch(u"other"_s, 0);
        QUrlQuery q;
        q.addQueryItem(u"externalId"_s, ext);
        q.addQueryItem(u"dataSet"_s, m_dataSet);
        const HttpResult found = get(kBase + u"/catalog/batches"_s, q);
        QCOMPARE(found.status, 200);
        QCOMPARE(found.object().keys(), QStringList{id});
        QCOMPARE(found.object()[id].toObject()[u"externalId"_s].toString(), ext);
        QUrlQuery none;
        none.addQueryItem(u"externalId"_s, u"nope"_s);
        const HttpResult empty = get(kBase + u"/catalog/batches"_s, none);
        QCOMPARE(empty.status, 200);
        QVERIFY(empty.object().isEmpty());
    }

    void abortAndErrors()
    {
        const QString id = createBatch(u"x-abort"_s, 0).object()[u"id"_s].toString();
        QCOMPARE(put(id, u"p.json"_s, goodRow(1)).status, 200);
        QCOMPARE(action(id, u"ABORT"_s).status, 200);
        QCOMPARE(status(id), u"aborted"_s);
        QCOMPARE(put(id, u"p.json"_s, goodRow(1)).status, 400);
        QCOMPARE(action(id, u"COMPLETE"_s).status, 400);
        // Wrong media type, unknown batch, unknown dataset.
        const QString other = createBatch(u"x-415"_s, 0).object()[u"id"_s].toString();
        Headers json = m_headers;
        json.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
        QCOMPARE(
            m_fixture->http
                .send("PUT",
                      m_fixture->url(kBase + u"/import/batches/%1/datasets/%2/files/a.json"_s.arg(other, m_dataSet)),
                      json, goodRow(1))
                .status,
            415);
        QCOMPARE(put(u"01AAAAAAAAAAAAAAAAAAAAAAAA"_s, u"a.json"_s, goodRow(1)).status, 404);
        const HttpResult unknown = m_fixture->http.postJson(
            m_fixture->url(kBase + u"/import/batches"_s),
            QJsonObject{{u"datasetId"_s, u"nope"_s}, {u"inputFormat"_s, QJsonObject{{u"format"_s, u"json"_s}}}},
            m_headers);
        QCOMPARE(unknown.status, 400);
        // The gateway still guards it.
        QCOMPARE(m_fixture->http.postJson(m_fixture->url(kBase + u"/import/batches"_s), QJsonObject()).status, 403);
    }

    void failNextInjectsNonDataFailures()
    {
        const HttpResult control = m_fixture->http.postJson(m_fixture->url(u"/_sandbox/adobe/ingestion"_s),
                                                            QJsonObject{{u"failNext"_s, u"failed"_s}, {u"count"_s, 1}});
        QCOMPARE(control.status, 200);
        const QString first = completedBatch(u"f1"_s);
        const QString second = completedBatch(u"f2"_s);
        QTRY_COMPARE(status(first), u"failed"_s);
        QTRY_COMPARE(status(second), u"success"_s);
        QCOMPARE(rowCount(), 1);
        m_fixture->http.postJson(m_fixture->url(u"/_sandbox/adobe/ingestion"_s),
                                 QJsonObject{{u"failNext"_s, u"stalled"_s}, {u"count"_s, 1}});
        const QString third = completedBatch(u"f3"_s);
        QTRY_COMPARE(status(third), u"stalled"_s);
        m_fixture->http.postJson(m_fixture->url(u"/_sandbox/adobe/ingestion"_s),
                                 QJsonObject{{u"failNext"_s, u"abandoned"_s}});
        const QString fourth = completedBatch(u"f4"_s);
        QTRY_COMPARE(status(fourth), u"abandoned"_s);
        QCOMPARE(rowCount(), 1);
    }

    void stateSurvivesRestart()
    {
        QTemporaryDir dir;
        const QString stateFile = dir.filePath(u"state.json"_s);
        QString batchId;
        QString loadingId;
        QString dataSet;
        {
            SandboxFixture f;
            QString error;
            QVERIFY2(f.server().setStateFile(stateFile, &error), qPrintable(error));
            connectTo(f);
            dataSet = createDataSet(u"Persisted"_s, &f);
            m_dataSet = dataSet;
            batchId = completedBatch(u"p1"_s, &f);
            QTRY_COMPARE(status(batchId, &f), u"success"_s);
            loadingId = createBatch(u"p2"_s, 0, &f).object()[u"id"_s].toString();
            QCOMPARE(put(loadingId, u"a.json"_s, goodRow(7), &f).status, 200);
            QTest::qWait(50); // the state is written after the event loop turns
        }
        SandboxFixture f;
        QString error;
        QVERIFY2(f.server().setStateFile(stateFile, &error), qPrintable(error));
        connectTo(f);
        QCOMPARE(status(batchId, &f), u"success"_s);
        QCOMPARE(f.http.get(f.url(u"/_sandbox/adobe/datasets/%1/rows?countOnly=true"_s.arg(dataSet)))
                     .object()[u"count"_s]
                     .toInt(),
                 1);
        // The upload of the loading batch survived too: completing it now ingests it.
        QCOMPARE(action(loadingId, u"COMPLETE"_s, &f).status, 200);
        QTRY_COMPARE(status(loadingId, &f), u"success"_s);
        QCOMPARE(f.http.get(f.url(u"/_sandbox/adobe/datasets/%1/rows?countOnly=true"_s.arg(dataSet)))
                     .object()[u"count"_s]
                     .toInt(),
                 2);
    }

    // The schema the product itself builds for a direct sync (XdmSchemaBuilder with tombstone
    // fields, standard field groups and the tenant's zoho object) takes a row at every mapped path
    // and a tombstone row.
    void rowsOfTheProductsOwnSchemaAreAccepted()
    {
        auto field = [](const QString &api, const QString &type, const QString &json) {
            zaw::zoho::ZohoField f;
            f.apiName = api;
            f.label = api;
            f.dataType = type;
            f.jsonType = json;
            return f;
        };
        const QList<zaw::zoho::ZohoField> fields{
            field(u"First_Name"_s, u"text"_s, u"string"_s),
            field(u"Last_Name"_s, u"text"_s, u"string"_s),
            field(u"Email"_s, u"email"_s, u"string"_s),
            field(u"Phone"_s, u"phone"_s, u"string"_s),
            field(u"Mobile"_s, u"phone"_s, u"string"_s),
            field(u"City"_s, u"text"_s, u"string"_s),
            field(u"Zip_Code"_s, u"text"_s, u"string"_s),
            field(u"Lead_Source"_s, u"picklist"_s, u"string"_s),
            field(u"No_of_Employees"_s, u"integer"_s, u"integer"_s),
            field(u"Annual_Revenue"_s, u"currency"_s, u"double"_s),
            field(u"Email_Opt_Out"_s, u"boolean"_s, u"boolean"_s),
            field(u"Products_of_Interest"_s, u"multiselectpicklist"_s, u"jsonarray"_s),
            field(u"Owner"_s, u"ownerlookup"_s, u"jsonobject"_s),
            field(u"Follow_Up_Date"_s, u"date"_s, u"string"_s),
            field(u"Modified_Time"_s, u"datetime"_s, u"string"_s),
        };
        zaw::setup::XdmSchemaBuilder builder(u"zawdemo"_s);
        builder.setForDirectSync(true);
        builder.setTitle(u"Zoho CRM Leads (builder)"_s);
        const zaw::setup::XdmSchemaResult result = builder.build(u"Leads"_s, fields);
        QVERIFY(!result.deletedFlagPath.isEmpty());
        m_dataSet = createDataSetFrom(result.schema);

        QJsonObject row{{u"_id"_s, u"0123abcd"_s}};
        QStringList standard;
        for (const zaw::setup::XdmFieldMapping &m : result.fields) {
            QJsonValue value = u"text"_s;
            if (m.xdmType == u"integer"_s)
                value = 42;
            else if (m.xdmType == u"number"_s)
                value = 2.5;
            else if (m.xdmType == u"boolean"_s)
                value = true;
            else if (m.xdmType == u"array"_s)
                value = QJsonArray{u"a"_s, u"b"_s};
            else if (m.xdmFormat == u"date-time"_s)
                value = u"2026-11-28T10:00:00+05:30"_s;
            else if (m.xdmFormat == u"date"_s)
                value = u"2026-11-28"_s;
            setPath(row, m.xdmPath, value);
            if (m.standard)
                standard.append(m.xdmPath);
        }
        QVERIFY2(standard.contains(u"person.name.firstName"_s), qPrintable(standard.join(u", "_s)));
        row.insert(u"identityMap"_s,
                   QJsonObject{{u"ZohoCRMId"_s, QJsonArray{QJsonObject{{u"id"_s, u"1"_s}, {u"primary"_s, true}}}}});
        QJsonObject tombstone{{u"_id"_s, u"ffee"_s}};
        setPath(tombstone, result.identity.xdmPath, u"4150868000000002175"_s);
        setPath(tombstone, result.deletedFlagPath, true);
        setPath(tombstone, result.deletedTimePath, u"2026-11-28T10:00:00Z"_s);
        const QString id = createBatch(u"builder"_s, 0).object()[u"id"_s].toString();
        QCOMPARE(put(id, u"p.json"_s,
                     QJsonDocument(row).toJson(QJsonDocument::Compact) + '\n' +
                         QJsonDocument(tombstone).toJson(QJsonDocument::Compact) + '\n')
                     .status,
                 200);
        QCOMPARE(action(id, u"COMPLETE"_s).status, 200);
        QTRY_VERIFY(status(id) != u"processing"_s);
        const QJsonObject batch = catalogBatch(id);
        QVERIFY2(status(id) == u"success"_s, qPrintable(QJsonDocument(batch).toJson()));
        QCOMPARE(batch[u"metrics"_s].toObject()[u"outputRecordCount"_s].toInt(), 2);
    }

    // 100,000 rows are ingested in seconds and kept beside the --state file (not re-written with
    // every later change), and come back after a restart.
    void hundredThousandRows()
    {
        QTemporaryDir dir;
        const QString stateFile = dir.filePath(u"s.json"_s);
        QString error;
        QVERIFY(m_fixture->server().setStateFile(stateFile, &error));
        QByteArray file;
        for (int i = 0; i < 100000; ++i) {
            file.append(goodRow(i));
            file.append('\n');
        }
        const QString id = createBatch(u"big"_s, 0).object()[u"id"_s].toString();
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(put(id, u"big.json"_s, file).status, 200);
        qInfo("PUT %lld ms", timer.restart());
        // The sandbox reads the 100,000 rows while it answers: allow for a slow (sanitizer) build.
        QCOMPARE(action(id, u"COMPLETE"_s, nullptr, 120000).status, 200);
        qInfo("COMPLETE %lld ms", timer.restart());
        status(id);
        qInfo("status %lld ms", timer.restart());
        QTRY_COMPARE_WITH_TIMEOUT(status(id), u"success"_s, 120000);
        QCOMPARE(rowCount(), 100000);
        createBatch(u"later"_s, 0);
        QTest::qWait(20);
        QVERIFY(QFileInfo(stateFile).size() < 1000000);
        SandboxFixture again;
        QVERIFY(again.server().setStateFile(stateFile, &error));
        QCOMPARE(again.http.get(again.url(u"/_sandbox/adobe/datasets/%1/rows?countOnly=true"_s.arg(m_dataSet)))
                     .object()[u"count"_s]
                     .toInt(),
                 100000);
        const QJsonArray last =
            again.http.get(again.url(u"/_sandbox/adobe/datasets/%1/rows?offset=99999"_s.arg(m_dataSet)))
                .object()[u"rows"_s]
                .toArray();
        QCOMPARE(last.size(), 1);
        QCOMPARE(last.first().toObject()[u"_id"_s].toString(), u"row-99999"_s);
    }

private:
    SandboxFixture &fx(SandboxFixture *f) { return f ? *f : *m_fixture; }

    void connectTo(SandboxFixture &f)
    {
        const QJsonObject adobe = f.credentials()[u"adobe"_s].toObject();
        QUrlQuery form;
        form.addQueryItem(u"grant_type"_s, u"client_credentials"_s);
        form.addQueryItem(u"client_id"_s, adobe[u"clientId"_s].toString());
        form.addQueryItem(u"client_secret"_s, adobe[u"clientSecret"_s].toString());
        form.addQueryItem(u"scope"_s, u"openid,AdobeID,read_organizations"_s);
        const HttpResult token = f.http.postForm(f.url(u"/adobe/ims/ims/token/v3"_s), form);
        QVERIFY(token.status == 200);
        m_headers = {{"Authorization", "Bearer " + token.object()[u"access_token"_s].toString().toLatin1()},
                     {"x-api-key", adobe[u"clientId"_s].toString().toLatin1()},
                     {"x-gw-ims-org-id", adobe[u"orgId"_s].toString().toLatin1()},
                     {"x-sandbox-name", "prod"}};
    }

    void setProcessingMs(int ms)
    {
        const HttpResult r = m_fixture->http.postJson(m_fixture->url(u"/_sandbox/adobe/ingestion"_s),
                                                      QJsonObject{{u"processingMs"_s, ms}});
        QVERIFY2(r.status == 200, qPrintable(dump(r)));
    }

    static void setPath(QJsonObject &object, const QString &dotted, const QJsonValue &value)
    {
        const QStringList parts = dotted.split(u'.');
        if (parts.size() == 1) {
            object.insert(parts.first(), value);
            return;
        }
        QJsonObject child = object.value(parts.first()).toObject();
        setPath(child, parts.mid(1).join(u'.'), value);
        object.insert(parts.first(), child);
    }

    QString createDataSetFrom(const QJsonObject &schemaBody)
    {
        Headers h = m_headers;
        h.append(qMakePair(QByteArray("Accept"), QByteArray("application/vnd.adobe.xed+json")));
        const HttpResult schema =
            m_fixture->http.postJson(m_fixture->url(kBase + u"/schemaregistry/tenant/schemas"_s), schemaBody, h);
        if (schema.status != 201)
            qFatal("schema: %s", qPrintable(dump(schema)));
        const HttpResult ds = m_fixture->http.postJson(
            m_fixture->url(kBase + u"/catalog/dataSets"_s),
            QJsonObject{{u"name"_s, u"builder"_s}, {u"schemaRef"_s, QJsonObject{{u"id"_s, schema.object()[u"$id"_s]}}}},
            m_headers);
        if (ds.status != 201)
            qFatal("dataset: %s", qPrintable(dump(ds)));
        return ds.json().toArray().first().toString().section(QLatin1Char('/'), -1);
    }

    QString createDataSet(const QString &title, SandboxFixture *f = nullptr)
    {
        Headers h = m_headers;
        h.append(qMakePair(QByteArray("Accept"), QByteArray("application/vnd.adobe.xed+json")));
        const HttpResult schema =
            fx(f).http.postJson(fx(f).url(kBase + u"/schemaregistry/tenant/schemas"_s), syncSchemaBody(title), h);
        if (schema.status != 201)
            qFatal("schema: %s", qPrintable(dump(schema)));
        const HttpResult ds = fx(f).http.postJson(
            fx(f).url(kBase + u"/catalog/dataSets"_s),
            QJsonObject{{u"name"_s, title}, {u"schemaRef"_s, QJsonObject{{u"id"_s, schema.object()[u"$id"_s]}}}},
            m_headers);
        if (ds.status != 201)
            qFatal("dataset: %s", qPrintable(dump(ds)));
        return ds.json().toArray().first().toString().section(QLatin1Char('/'), -1);
    }

    HttpResult createBatch(const QString &externalId, int percent, SandboxFixture *f = nullptr)
    {
        return fx(f).http.postJson(fx(f).url(kBase + u"/import/batches"_s),
                                   QJsonObject{{u"datasetId"_s, m_dataSet},
                                               {u"inputFormat"_s, QJsonObject{{u"format"_s, u"json"_s}}},
                                               {u"externalId"_s, externalId},
                                               {u"enableErrorDiagnostics"_s, true},
                                               {u"partialIngestionPercent"_s, percent}},
                                   m_headers);
    }

    HttpResult put(const QString &id, const QString &path, const QByteArray &body, SandboxFixture *f = nullptr)
    {
        Headers h = m_headers;
        h.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/octet-stream")));
        return fx(f).http.send("PUT",
                               fx(f).url(kBase + u"/import/batches/%1/datasets/%2/files/%3"_s.arg(id, m_dataSet, path)),
                               h, body, 60000);
    }

    HttpResult action(const QString &id, const QString &name, SandboxFixture *f = nullptr, int timeoutMs = 15000)
    {
        QUrl url = fx(f).url(kBase + u"/import/batches/"_s + id);
        url.setQuery(u"action="_s + name);
        return fx(f).http.send("POST", url, m_headers, {}, timeoutMs);
    }

    QString completedBatch(const QString &externalId, SandboxFixture *f = nullptr)
    {
        const QString id = createBatch(externalId, 0, f).object()[u"id"_s].toString();
        put(id, u"p.json"_s, goodRow(1), f);
        action(id, u"COMPLETE"_s, f);
        return id;
    }

    HttpResult get(const QString &path, const QUrlQuery &query = {}, SandboxFixture *f = nullptr)
    {
        QUrl url = fx(f).url(path);
        url.setQuery(query);
        return fx(f).http.get(url, m_headers);
    }

    QJsonObject catalogBatch(const QString &id, SandboxFixture *f = nullptr)
    {
        return get(kBase + u"/catalog/batches/"_s + id, {}, f).object()[id].toObject();
    }

    QString status(const QString &id, SandboxFixture *f = nullptr)
    {
        return catalogBatch(id, f)[u"status"_s].toString();
    }

    QJsonObject rowsOf()
    {
        return m_fixture->http.get(m_fixture->url(u"/_sandbox/adobe/datasets/%1/rows"_s.arg(m_dataSet))).object();
    }

    int rowCount()
    {
        return m_fixture->http.get(m_fixture->url(u"/_sandbox/adobe/datasets/%1/rows?countOnly=true"_s.arg(m_dataSet)))
            .object()[u"count"_s]
            .toInt();
    }

    std::unique_ptr<SandboxFixture> m_fixture;
    Headers m_headers;
    QString m_dataSet;
};

QTEST_GUILESS_MAIN(TestSandboxIngestion)
#include "tst_sandbox_ingestion.moc"

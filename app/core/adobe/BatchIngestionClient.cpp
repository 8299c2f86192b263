// SPDX-License-Identifier: GPL-3.0-or-later
#include "adobe/BatchIngestionClient.h"

#include "adobe/ImsClient.h"
#include "adobe/PlatformClient.h"
#include "net/HttpClient.h"
#include "net/Redaction.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QPointer>
#include <QTimer>
#include <QUrlQuery>

namespace zaw::adobe {

namespace {

const QString kImport = QStringLiteral("/data/foundation/import/batches");
const QString kCatalogBatches = QStringLiteral("/data/foundation/catalog/batches");
const QString kExport = QStringLiteral("/data/foundation/export/batches");

// A JSON number as qint64, or fallback when it lies outside qint64 (casting such a double is
// undefined behaviour; found by fuzz_adobe).
qint64 toInt64(double d, qint64 fallback)
{
    return d >= -9.2e18 && d <= 9.2e18 ? qint64(d) : fallback;
}

qint64 metric(const QJsonObject &metrics, const char *name)
{
    return toInt64(metrics.value(QLatin1String(name)).toDouble(), 0);
}

} // namespace

IngestBatch IngestBatch::fromJson(const QString &id, const QJsonObject &json)
{
    IngestBatch b;
    b.id = json.value(QStringLiteral("id")).toString(id);
    if (b.id.isEmpty())
        b.id = id;
    b.status = json.value(QStringLiteral("status")).toString().toLower();
    b.externalId = json.value(QStringLiteral("externalId")).toString();
    for (const QJsonValue &v : json.value(QStringLiteral("relatedObjects")).toArray()) {
        const QJsonObject o = v.toObject();
        if (o.value(QStringLiteral("type")).toString() == QLatin1String("dataSet"))
            b.dataSetId = o.value(QStringLiteral("id")).toString();
    }
    const QJsonObject metrics = json.value(QStringLiteral("metrics")).toObject();
    b.inputRecordCount = metric(metrics, "inputRecordCount");
    b.outputRecordCount = metric(metrics, "outputRecordCount");
    b.failedRecordCount = metric(metrics, "failedRecordCount");
    b.errors = json.value(QStringLiteral("errors")).toArray();
    b.raw = json;
    return b;
}

BatchIngestionClient::BatchIngestionClient(PlatformClient *platform, QObject *parent)
    : QObject(parent)
    , m_platform(platform)
{}

bool BatchIngestionClient::isFinal(const QString &status)
{
    static const QStringList finals{QStringLiteral("success"),  QStringLiteral("active"),  QStringLiteral("failed"),
                                    QStringLiteral("failure"),  QStringLiteral("aborted"), QStringLiteral("abandoned"),
                                    QStringLiteral("inactive"), QStringLiteral("deleted"), QStringLiteral("stalled")};
    return finals.contains(status.toLower());
}

bool BatchIngestionClient::isSuccess(const QString &status)
{
    const QString s = status.toLower();
    return s == QLatin1String("success") || s == QLatin1String("active");
}

void BatchIngestionClient::createBatch(const QString &dataSetId, const QString &externalId, int partialIngestionPercent,
                                       QObject *context,
                                       std::function<void(const IngestBatch &, const net::Error &)> done)
{
    const QJsonObject body{
        {QStringLiteral("datasetId"), dataSetId},
        {QStringLiteral("inputFormat"), QJsonObject{{QStringLiteral("format"), QStringLiteral("json")}}},
        {QStringLiteral("externalId"), externalId},
        {QStringLiteral("enableErrorDiagnostics"), true},
        {QStringLiteral("partialIngestionPercent"), partialIngestionPercent},
        {QStringLiteral("tags"), QJsonObject{{QStringLiteral("zaw"), QJsonArray{QStringLiteral("direct-sync")}}}}};
    m_platform->send("POST", kImport, {}, body, {}, context,
                     [done](const net::HttpResponse &response, const net::Error &error) {
                         if (error) {
                             done({}, error);
                             return;
                         }
                         const IngestBatch b = IngestBatch::fromJson({}, response.object());
                         if (b.id.isEmpty()) {
                             done(b, net::Error::make(net::ErrorCategory::Server,
                                                      tr("Adobe Experience Platform created a batch but did not "
                                                         "name it. Run the sync again later.")));
                             return;
                         }
                         done(b, {});
                     });
}

void BatchIngestionClient::uploadFile(const QString &batchId, const QString &dataSetId, const QString &remotePath,
                                      const QString &localFile, QObject *context,
                                      std::function<void(const net::Error &)> done)
{
    QStringList parts;
    for (const QString &p : remotePath.split(QLatin1Char('/'), Qt::SkipEmptyParts))
        parts.append(PlatformClient::segment(p));
    const QString path = kImport + QLatin1Char('/') + PlatformClient::segment(batchId) + QStringLiteral("/datasets/") +
                         PlatformClient::segment(dataSetId) + QStringLiteral("/files/") + parts.join(QLatin1Char('/'));
    if (!m_http || !QFileInfo::exists(localFile)) {
        const net::Error e = net::Error::make(
            net::ErrorCategory::Input,
            m_http ? tr("The sync file %1 is missing. Run the sync again: the window is read again.").arg(localFile)
                   : tr("The batch upload has no network connection set up. This is a bug: report it."));
        QPointer<QObject> guard(context ? context : this);
        QTimer::singleShot(0, this, [guard, done, e] {
            if (guard)
                done(e);
        });
        return;
    }
    uploadAttempt(path, localFile, context ? context : this, std::move(done), false);
}

void BatchIngestionClient::uploadAttempt(const QString &servicePath, const QString &localFile, QObject *context,
                                         std::function<void(const net::Error &)> done, bool renewed)
{
    QPointer<QObject> guard(context);
    QPointer<BatchIngestionClient> self(this);
    AdobeSession *session = m_platform->session();
    m_platform->ims()->ensureToken(session, context, [=](const net::Error &tokenError) {
        if (!guard || !self)
            return;
        if (tokenError) {
            done(tokenError);
            return;
        }
        net::HttpRequest request;
        request.method = "PUT";
        request.url = m_platform->url(servicePath);
        request.headers = {{"Authorization", "Bearer " + session->accessToken.toLatin1()},
                           {"x-api-key", session->clientId.trimmed().toLatin1()},
                           {"x-gw-ims-org-id", session->orgId.trimmed().toLatin1()},
                           {"x-sandbox-name", session->sandboxName.trimmed().toLatin1()},
                           {"Content-Type", "application/octet-stream"}};
        request.bodyFile = localFile;
        request.idempotent = true;
        request.timeoutMs = 120000;
        const QString usedToken = session->accessToken;
        net::HttpCall *call = m_http->send(request, lcAdobe());
        connect(call, &net::HttpCall::retrying, m_platform, &PlatformClient::retrying);
        connect(call, &net::HttpCall::finished, this,
                [=](const net::HttpResponse &response, const net::Error &transport) {
                    if (!guard)
                        return;
                    if (transport) {
                        done(transport);
                        return;
                    }
                    if (response.status == 401 && !renewed) {
                        if (session->accessToken == usedToken)
                            session->clearToken();
                        uploadAttempt(servicePath, localFile, guard.data(), done, true);
                        return;
                    }
                    if (!response.isSuccess()) {
                        done(PlatformClient::errorFrom(response, "PUT", request.url));
                        return;
                    }
                    done({});
                });
    });
}

void BatchIngestionClient::complete(const QString &batchId, QObject *context,
                                    std::function<void(const net::Error &)> done)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("action"), QStringLiteral("COMPLETE"));
    m_platform->send("POST", kImport + QLatin1Char('/') + PlatformClient::segment(batchId), q, {}, {}, context,
                     [done](const net::HttpResponse &, const net::Error &error) { done(error); });
}

void BatchIngestionClient::abort(const QString &batchId, QObject *context, std::function<void(const net::Error &)> done)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("action"), QStringLiteral("ABORT"));
    m_platform->send("POST", kImport + QLatin1Char('/') + PlatformClient::segment(batchId), q, {}, {}, context,
                     [done](const net::HttpResponse &, const net::Error &error) { done(error); });
}

IngestBatch BatchIngestionClient::readBatch(const QString &batchId, const QJsonObject &answer)
{
    QJsonObject value = answer.value(batchId).toObject();
    if (value.isEmpty() && answer.size() == 1 && answer.begin().value().isObject())
        value = answer.begin().value().toObject();
    if (value.isEmpty() && answer.contains(QStringLiteral("status")))
        value = answer;
    return IngestBatch::fromJson(batchId, value);
}

QList<IngestBatch> BatchIngestionClient::readBatches(const QJsonObject &answer, const QString &externalId)
{
    QList<IngestBatch> list;
    for (auto it = answer.begin(); it != answer.end(); ++it) {
        if (!it.value().isObject())
            continue;
        const IngestBatch b = IngestBatch::fromJson(it.key(), it.value().toObject());
        if (b.externalId.isEmpty() || b.externalId == externalId)
            list.append(b);
    }
    return list;
}

void BatchIngestionClient::batch(const QString &batchId, QObject *context,
                                 std::function<void(const IngestBatch &, const net::Error &)> done)
{
    m_platform->send("GET", kCatalogBatches + QLatin1Char('/') + PlatformClient::segment(batchId), {}, {}, {}, context,
                     [batchId, done](const net::HttpResponse &response, const net::Error &error) {
                         if (error) {
                             done({}, error);
                             return;
                         }
                         done(readBatch(batchId, response.object()), {});
                     });
}

void BatchIngestionClient::batchesByExternalId(const QString &externalId, const QString &dataSetId, QObject *context,
                                               std::function<void(const QList<IngestBatch> &, const net::Error &)> done)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("externalId"), externalId);
    if (!dataSetId.isEmpty())
        q.addQueryItem(QStringLiteral("dataSet"), dataSetId);
    m_platform->send("GET", kCatalogBatches, q, {}, {}, context,
                     [externalId, done](const net::HttpResponse &response, const net::Error &error) {
                         if (error) {
                             done({}, error);
                             return;
                         }
                         done(readBatches(response.object(), externalId), {});
                     });
}

void BatchIngestionClient::failedRows(const QString &batchId, QObject *context,
                                      std::function<void(const QList<QJsonObject> &, const net::Error &)> done)
{
    QPointer<BatchIngestionClient> self(this);
    QPointer<QObject> guard(context ? context : this);
    m_platform->send("GET", kExport + QLatin1Char('/') + PlatformClient::segment(batchId) + QStringLiteral("/failed"),
                     {}, {}, {}, context,
                     [self, guard, batchId, done](const net::HttpResponse &response, const net::Error &error) {
                         if (!self || !guard)
                             return;
                         if (error) {
                             done({}, error);
                             return;
                         }
                         QStringList names;
                         for (const QJsonValue &v : response.object().value(QStringLiteral("data")).toArray()) {
                             const QString name = v.toObject().value(QStringLiteral("name")).toString();
                             if (!name.isEmpty())
                                 names.append(name);
                         }
                         self->readFailedFiles(batchId, names, {}, guard.data(), done);
                     });
}

void BatchIngestionClient::readFailedFiles(const QString &batchId, QStringList names, QList<QJsonObject> rows,
                                           QObject *context,
                                           std::function<void(const QList<QJsonObject> &, const net::Error &)> done)
{
    if (names.isEmpty()) {
        done(rows, {});
        return;
    }
    const QString name = names.takeFirst();
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("path"), name);
    QPointer<BatchIngestionClient> self(this);
    QPointer<QObject> guard(context);
    m_platform->send("GET", kExport + QLatin1Char('/') + PlatformClient::segment(batchId) + QStringLiteral("/failed"),
                     q, {}, {}, context, [=](const net::HttpResponse &response, const net::Error &error) mutable {
                         if (!self || !guard)
                             return;
                         if (error) {
                             done(rows, error);
                             return;
                         }
                         for (const QByteArray &line : response.body.split('\n')) {
                             const QJsonDocument doc = QJsonDocument::fromJson(line.trimmed());
                             if (doc.isObject())
                                 rows.append(doc.object());
                         }
                         self->readFailedFiles(batchId, names, rows, guard.data(), done);
                     });
}

} // namespace zaw::adobe

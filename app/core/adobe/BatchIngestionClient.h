// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/Error.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>

namespace zaw::net {
class HttpClient;
}

namespace zaw::adobe {

class PlatformClient;

// One batch of the batch ingestion API as Catalog describes it (reference §1.7).
struct IngestBatch
{
    QString id, status, externalId, dataSetId;
    qint64 inputRecordCount = 0, outputRecordCount = 0, failedRecordCount = 0;
    QJsonArray errors;
    QJsonObject raw;

    // From one value of a Catalog answer (an object keyed by batch id) or a create answer.
    static IngestBatch fromJson(const QString &id, const QJsonObject &json);
};

// The batch ingestion API (/data/foundation/import), Catalog's batches and Data Access's failed
// rows: what a direct sync needs to put JSON-lines files into a dataset.
class BatchIngestionClient : public QObject
{
    Q_OBJECT

public:
    explicit BatchIngestionClient(PlatformClient *platform, QObject *parent = nullptr);

    // The HTTP helper file uploads stream through (PlatformClient sends JSON bodies only). Without
    // one, uploadFile() fails.
    void setHttpClient(net::HttpClient *http) { m_http = http; }

    void createBatch(const QString &dataSetId, const QString &externalId, int partialIngestionPercent, QObject *context,
                     std::function<void(const IngestBatch &, const net::Error &)> done);
    // PUT …/files/{remotePath}: the body streams from localFile (application/octet-stream).
    void uploadFile(const QString &batchId, const QString &dataSetId, const QString &remotePath,
                    const QString &localFile, QObject *context, std::function<void(const net::Error &)> done);
    void complete(const QString &batchId, QObject *context, std::function<void(const net::Error &)> done);
    void abort(const QString &batchId, QObject *context, std::function<void(const net::Error &)> done);
    void batch(const QString &batchId, QObject *context,
               std::function<void(const IngestBatch &, const net::Error &)> done);
    void batchesByExternalId(const QString &externalId, const QString &dataSetId, QObject *context,
                             std::function<void(const QList<IngestBatch> &, const net::Error &)> done);
    // The rejected rows of a batch (each with "_validationErrors"), from every failed file.
    void failedRows(const QString &batchId, QObject *context,
                    std::function<void(const QList<QJsonObject> &, const net::Error &)> done);

    static bool isFinal(const QString &status);
    static bool isSuccess(const QString &status);
    // Catalog's answer to GET /batches/{id} (keyed by the batch ID, or the batch itself), and to
    // GET /batches?externalId=… (only batches of that external ID, or naming none). No I/O
    // (public for the fuzz targets).
    static IngestBatch readBatch(const QString &batchId, const QJsonObject &answer);
    static QList<IngestBatch> readBatches(const QJsonObject &answer, const QString &externalId);

private:
    void uploadAttempt(const QString &servicePath, const QString &localFile, QObject *context,
                       std::function<void(const net::Error &)> done, bool renewed);
    void readFailedFiles(const QString &batchId, QStringList names, QList<QJsonObject> rows, QObject *context,
                         std::function<void(const QList<QJsonObject> &, const net::Error &)> done);

    PlatformClient *m_platform;
    net::HttpClient *m_http = nullptr;
};

} // namespace zaw::adobe

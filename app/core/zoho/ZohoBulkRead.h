// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/Error.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace zaw::zoho {

class ZohoCrmClient;
struct ZohoField;
class ZipCsvReader;

struct BulkReadResult
{
    QString jobId;
    qint64 count = 0; // records handed to onRecord
    bool moreRecords = false;
    QString nextPageToken; // for the next readPage when moreRecords
};

// Zoho CRM Bulk Read (reference aep-direct-ingestion §4.3), one page of up to 200,000 records:
// create the job, poll it, download the ZIP to disk (streamed), read its CSV in blocks and hand
// each row on as a record typed like the JSON APIs answer. Memory stays flat in the row count.
class ZohoBulkRead : public QObject
{
    Q_OBJECT

public:
    explicit ZohoBulkRead(ZohoCrmClient *crm, QObject *parent = nullptr);
    ~ZohoBulkRead() override;

    // Poll delays: firstMs, doubling up to maxMs (default 1000 … 30000).
    void setPollIntervals(int firstMs, int maxMs);
    // How often a download answered 429 (after HttpClient's own retries) is waited out and tried
    // again (default 5), and the wait when Zoho names none (default 60 s).
    void setRateLimitRetries(int retries, int defaultWaitMs);

    // fieldTypes: Zoho API name → data_type (ZohoField::dataType), to type the CSV cells.
    // modifiedBefore valid: criteria Modified_Time < modifiedBefore. pageToken: the previous
    // page's nextPageToken. The ZIP goes to workDir and is deleted afterwards. onRecord gets
    // {"id":"…","Owner":{"id":"…"},"Email":"…",…}; returning false stops with a Cancelled error.
    void readPage(const QString &module, const QStringList &fields, const QHash<QString, QString> &fieldTypes,
                  const QDateTime &modifiedBefore, const QString &pageToken, const QString &workDir,
                  std::function<bool(const QJsonObject &record)> onRecord, QObject *context,
                  std::function<void(const BulkReadResult &, const net::Error &)> done);
    // Stops the page in flight; its done() follows with a Cancelled error.
    void cancel();

    // One CSV cell as the JSON APIs give it for a field of this data_type: empty → null;
    // boolean → bool; integer, double, currency, percent, decimal → number (bigint stays text);
    // multiselectpicklist "a;b" → ["a","b"]; lookup, ownerlookup, userlookup → {"id": cell}.
    static QJsonValue typedCell(const QString &cell, const QString &dataType);
    // The fieldTypes readPage wants, from ZohoCrmClient::fields(): data_type, except a formula's
    // return_type, and for other computed fields (rollup_summary …) the json_type when it is
    // double, integer or boolean — so their cells come out as COQL gives them.
    static QHash<QString, QString> fieldTypes(const QList<ZohoField> &fields);
    // A CSV row as a record (header "Owner.id" sets {"Owner":{"id":…}}); null cells are kept.
    static QJsonObject recordFromRow(const QStringList &header, const QStringList &row,
                                     const QHash<QString, QString> &fieldTypes);
    // The body of POST /crm/bulk/v8/read.
    static QJsonObject jobBody(const QString &module, const QStringList &fields, const QDateTime &modifiedBefore,
                               const QString &pageToken);

signals:
    void stateChanged(const QString &jobState); // ADDED, IN PROGRESS, COMPLETED, DOWNLOADING, READING

private:
    struct Page;
    void createJob();
    void poll(int delayMs);
    void download(int rateLimitRetriesLeft);
    void readChunk();
    void finish(const net::Error &error);

    ZohoCrmClient *m_crm;
    int m_pollFirstMs = 1000;
    int m_pollMaxMs = 30000;
    int m_rateLimitRetries = 5;
    int m_rateLimitWaitMs = 60000;
    std::shared_ptr<Page> m_page;
};

} // namespace zaw::zoho

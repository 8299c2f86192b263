// SPDX-License-Identifier: GPL-3.0-or-later
#include "zoho/ZohoBulkRead.h"

#include "net/HttpClient.h"
#include "net/Redaction.h"
#include "zoho/ZipCsvReader.h"
#include "zoho/ZohoCrmClient.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTimer>

namespace zaw::zoho {

struct ZohoBulkRead::Page
{
    QString module;
    QStringList fields;
    QHash<QString, QString> fieldTypes;
    QDateTime modifiedBefore;
    QString pageToken;
    QString workDir;
    QString zipPath;
    std::function<bool(const QJsonObject &)> onRecord;
    QPointer<QObject> context;
    std::function<void(const BulkReadResult &, const net::Error &)> done;
    QPointer<QObject> calls; // deleted on cancel: drops every answer in flight
    BulkReadResult result;
    ZipCsvReader zip;
    QStringList header;
    bool headerRead = false;
    bool stoppedByCaller = false;
    bool reading = false;         // inside ZipCsvReader::readSome
    bool cancelRequested = false; // cancel() while reading: the next row stops
};

ZohoBulkRead::ZohoBulkRead(ZohoCrmClient *crm, QObject *parent)
    : QObject(parent)
    , m_crm(crm)
{}

ZohoBulkRead::~ZohoBulkRead()
{
    if (m_page) {
        delete m_page->calls;
        if (!m_page->zipPath.isEmpty()) {
            QFile::remove(m_page->zipPath);
            QFile::remove(m_page->zipPath + QStringLiteral(".part"));
        }
    }
}

void ZohoBulkRead::setPollIntervals(int firstMs, int maxMs)
{
    m_pollFirstMs = qMax(1, firstMs);
    m_pollMaxMs = qMax(m_pollFirstMs, maxMs);
}

void ZohoBulkRead::setRateLimitRetries(int retries, int defaultWaitMs)
{
    m_rateLimitRetries = qMax(0, retries);
    m_rateLimitWaitMs = qMax(0, defaultWaitMs);
}

QJsonValue ZohoBulkRead::typedCell(const QString &cell, const QString &dataType)
{
    if (cell.isEmpty())
        return QJsonValue(QJsonValue::Null);
    if (dataType == QLatin1String("boolean")) {
        if (cell.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0)
            return true;
        if (cell.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0)
            return false;
        return cell;
    }
    if (dataType == QLatin1String("integer")) {
        bool ok = false;
        const qint64 v = cell.toLongLong(&ok);
        return ok ? QJsonValue(double(v)) : QJsonValue(cell);
    }
    if (dataType == QLatin1String("double") || dataType == QLatin1String("currency") ||
        dataType == QLatin1String("percent") || dataType == QLatin1String("decimal")) {
        bool ok = false;
        const double v = cell.toDouble(&ok);
        return ok ? QJsonValue(v) : QJsonValue(cell);
    }
    if (dataType == QLatin1String("multiselectpicklist")) {
        QJsonArray values;
        for (const QString &part : cell.split(QLatin1Char(';'), Qt::SkipEmptyParts))
            values.append(part);
        return values;
    }
    if (dataType == QLatin1String("lookup") || dataType == QLatin1String("ownerlookup") ||
        dataType == QLatin1String("userlookup"))
        return QJsonObject{{QStringLiteral("id"), cell}};
    return cell;
}

QHash<QString, QString> ZohoBulkRead::fieldTypes(const QList<ZohoField> &fields)
{
    static const QStringList known = {QStringLiteral("text"),
                                      QStringLiteral("textarea"),
                                      QStringLiteral("email"),
                                      QStringLiteral("phone"),
                                      QStringLiteral("website"),
                                      QStringLiteral("picklist"),
                                      QStringLiteral("multiselectpicklist"),
                                      QStringLiteral("boolean"),
                                      QStringLiteral("integer"),
                                      QStringLiteral("bigint"),
                                      QStringLiteral("double"),
                                      QStringLiteral("currency"),
                                      QStringLiteral("percent"),
                                      QStringLiteral("decimal"),
                                      QStringLiteral("lookup"),
                                      QStringLiteral("ownerlookup"),
                                      QStringLiteral("userlookup"),
                                      QStringLiteral("date"),
                                      QStringLiteral("datetime"),
                                      QStringLiteral("autonumber")};
    QHash<QString, QString> types;
    for (const ZohoField &f : fields) {
        QString type = f.dataType;
        if (type == QLatin1String("formula")) {
            type = f.raw.value(QStringLiteral("formula"))
                       .toObject()
                       .value(QStringLiteral("return_type"))
                       .toString()
                       .trimmed()
                       .toLower();
            if (type.isEmpty())
                type = f.jsonType;
        } else if (!known.contains(type) &&
                   (f.jsonType == QLatin1String("double") || f.jsonType == QLatin1String("integer") ||
                    f.jsonType == QLatin1String("boolean"))) {
            type = f.jsonType;
        }
        types.insert(f.apiName, type);
    }
    return types;
}

QJsonObject ZohoBulkRead::recordFromRow(const QStringList &header, const QStringList &row,
                                        const QHash<QString, QString> &fieldTypes)
{
    QJsonObject record;
    for (qsizetype i = 0; i < header.size(); ++i) {
        const QString &name = header.at(i);
        const QString cell = i < row.size() ? row.at(i) : QString();
        const qsizetype dot = name.indexOf(QLatin1Char('.'));
        if (dot > 0) {
            // "Owner.id", "Account_Name.name": a part of a lookup.
            const QString outer = name.left(dot);
            QJsonObject object = record.value(outer).toObject();
            object.insert(name.mid(dot + 1), cell.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(cell));
            record.insert(outer, object);
            continue;
        }
        if (name == QLatin1String("id")) {
            record.insert(name, cell);
            continue;
        }
        record.insert(name, typedCell(cell, fieldTypes.value(name)));
    }
    return record;
}

QJsonObject ZohoBulkRead::jobBody(const QString &module, const QStringList &fields, const QDateTime &modifiedBefore,
                                  const QString &pageToken)
{
    QJsonObject query{{QStringLiteral("module"), QJsonObject{{QStringLiteral("api_name"), module}}}};
    QJsonArray fieldArray;
    for (const QString &f : fields)
        fieldArray.append(f);
    query.insert(QStringLiteral("fields"), fieldArray);
    if (modifiedBefore.isValid()) {
        query.insert(QStringLiteral("criteria"),
                     QJsonObject{{QStringLiteral("field"),
                                  QJsonObject{{QStringLiteral("api_name"), QStringLiteral("Modified_Time")}}},
                                 {QStringLiteral("comparator"), QStringLiteral("less_than")},
                                 {QStringLiteral("value"), ZohoCrmClient::coqlDateTime(modifiedBefore)}});
    }
    if (!pageToken.isEmpty())
        query.insert(QStringLiteral("page_token"), pageToken);
    return QJsonObject{{QStringLiteral("query"), query}, {QStringLiteral("file_type"), QStringLiteral("csv")}};
}

void ZohoBulkRead::readPage(const QString &module, const QStringList &fields, const QHash<QString, QString> &fieldTypes,
                            const QDateTime &modifiedBefore, const QString &pageToken, const QString &workDir,
                            std::function<bool(const QJsonObject &)> onRecord, QObject *context,
                            std::function<void(const BulkReadResult &, const net::Error &)> done)
{
    cancel(); // one page at a time
    m_page = std::make_shared<Page>();
    m_page->module = module;
    m_page->fields = fields;
    m_page->fieldTypes = fieldTypes;
    m_page->modifiedBefore = modifiedBefore;
    m_page->pageToken = pageToken;
    m_page->workDir = workDir;
    m_page->onRecord = std::move(onRecord);
    m_page->context = context;
    m_page->done = std::move(done);
    m_page->calls = new QObject(this);
    createJob();
}

void ZohoBulkRead::cancel()
{
    if (!m_page)
        return;
    if (m_page->reading) {
        // Called from onRecord: the archive is in use; the reader stops at the next row.
        m_page->cancelRequested = true;
        return;
    }
    finish(net::Error::make(net::ErrorCategory::Cancelled, tr("The Zoho CRM export was stopped.")));
}

void ZohoBulkRead::finish(const net::Error &error)
{
    std::shared_ptr<Page> page = std::move(m_page);
    m_page.reset();
    if (!page)
        return;
    delete page->calls;
    page->zip.close();
    if (!page->zipPath.isEmpty()) {
        QFile::remove(page->zipPath);
        QFile::remove(page->zipPath + QStringLiteral(".part"));
    }
    if (page->context && page->done)
        page->done(page->result, error);
}

void ZohoBulkRead::createJob()
{
    CrmRequest request;
    request.method = "POST";
    request.path = QStringLiteral("/crm/bulk/v8/read");
    request.body = jobBody(m_page->module, m_page->fields, m_page->modifiedBefore, m_page->pageToken);
    request.idempotent = false; // a second job would be created
    std::weak_ptr<Page> weak = m_page;
    m_crm->send(request, m_page->calls, [this, weak](const net::HttpResponse &r, const net::Error &e) {
        auto page = weak.lock();
        if (!page || page != m_page)
            return;
        if (e) {
            finish(e);
            return;
        }
        const QJsonObject first = r.object().value(QStringLiteral("data")).toArray().first().toObject();
        const QJsonObject details = first.value(QStringLiteral("details")).toObject();
        const QJsonValue id = details.value(QStringLiteral("id"));
        page->result.jobId = id.isString() ? id.toString() : QString::number(id.toVariant().toLongLong());
        if (page->result.jobId.isEmpty() || page->result.jobId == QLatin1String("0")) {
            finish(net::Error::make(net::ErrorCategory::Bug,
                                    tr("Zoho CRM did not name the export job it created. Try again; if it "
                                       "persists, report it."),
                                    QString::fromUtf8(r.body.left(300))));
            return;
        }
        const QString state = details.value(QStringLiteral("state")).toString();
        if (!state.isEmpty())
            emit stateChanged(state);
        poll(m_pollFirstMs);
    });
}

void ZohoBulkRead::poll(int delayMs)
{
    std::weak_ptr<Page> weak = m_page;
    QTimer::singleShot(delayMs, m_page->calls, [this, weak, delayMs] {
        auto page = weak.lock();
        if (!page || page != m_page)
            return;
        if (!page->context) { // the asker is gone: stop waiting for the job
            finish(net::Error::make(net::ErrorCategory::Cancelled, tr("The Zoho CRM export was stopped.")));
            return;
        }
        CrmRequest request;
        request.path = QStringLiteral("/crm/bulk/v8/read/%1").arg(page->result.jobId);
        m_crm->send(request, page->calls, [this, weak, delayMs](const net::HttpResponse &r, const net::Error &e) {
            auto page = weak.lock();
            if (!page || page != m_page)
                return;
            if (e) {
                finish(e);
                return;
            }
            const QJsonObject job = r.object().value(QStringLiteral("data")).toArray().first().toObject();
            const QString state = job.value(QStringLiteral("state")).toString();
            emit stateChanged(state);
            if (state == QLatin1String("COMPLETED")) {
                const QJsonObject result = job.value(QStringLiteral("result")).toObject();
                page->result.moreRecords = result.value(QStringLiteral("more_records")).toBool();
                page->result.nextPageToken = result.value(QStringLiteral("next_page_token")).toString();
                download(m_rateLimitRetries);
                return;
            }
            if (state == QLatin1String("FAILURE") || state == QLatin1String("FAILED")) {
                finish(net::Error::make(net::ErrorCategory::Server,
                                        tr("Zoho CRM could not export the %1 records (export job %2 failed). Try "
                                           "again later.")
                                            .arg(page->module, page->result.jobId),
                                        QString::fromUtf8(r.body.left(500))));
                return;
            }
            poll(qMin(delayMs * 2, m_pollMaxMs));
        });
    });
}

void ZohoBulkRead::download(int rateLimitRetriesLeft)
{
    Page &page = *m_page;
    if (!page.context) {
        finish(net::Error::make(net::ErrorCategory::Cancelled, tr("The Zoho CRM export was stopped.")));
        return;
    }
    if (!QDir().mkpath(page.workDir)) {
        finish(net::Error::make(net::ErrorCategory::Input,
                                tr("Cannot create the folder %1 for the Zoho CRM export. Check that the disk is "
                                   "writable.")
                                    .arg(QDir::toNativeSeparators(page.workDir))));
        return;
    }
    page.zipPath = QDir(page.workDir).filePath(QStringLiteral("bulk-read-%1.zip").arg(page.result.jobId));
    QFile::remove(page.zipPath);
    emit stateChanged(QStringLiteral("DOWNLOADING"));
    CrmRequest request;
    request.path = QStringLiteral("/crm/bulk/v8/read/%1/result").arg(page.result.jobId);
    request.downloadFile = page.zipPath;
    std::weak_ptr<Page> weak = m_page;
    m_crm->send(request, page.calls,
                [this, weak, rateLimitRetriesLeft](const net::HttpResponse &r, const net::Error &e) {
                    auto page = weak.lock();
                    if (!page || page != m_page)
                        return;
                    if (e.category == net::ErrorCategory::RateLimit && rateLimitRetriesLeft > 0) {
                        // 10 downloads a minute per org: wait it out (Retry-After when given).
                        bool ok = false;
                        const int seconds = r.header("Retry-After").trimmed().toInt(&ok);
                        const int waitMs = ok && seconds >= 0 ? seconds * 1000 : m_rateLimitWaitMs;
                        qCInfo(lcZoho, "Bulk Read download rate-limited; waiting %d ms", waitMs);
                        emit stateChanged(QStringLiteral("WAITING"));
                        std::weak_ptr<Page> again = page;
                        QTimer::singleShot(waitMs, page->calls, [this, again, rateLimitRetriesLeft] {
                            auto page = again.lock();
                            if (page && page == m_page)
                                download(rateLimitRetriesLeft - 1);
                        });
                        return;
                    }
                    if (e) {
                        finish(e);
                        return;
                    }
                    QString error;
                    if (!page->zip.open(page->zipPath, &error)) {
                        finish(net::Error::make(net::ErrorCategory::Server, error));
                        return;
                    }
                    emit stateChanged(QStringLiteral("READING"));
                    readChunk();
                });
}

void ZohoBulkRead::readChunk()
{
    std::shared_ptr<Page> page = m_page;
    if (!page->context) {
        finish(net::Error::make(net::ErrorCategory::Cancelled, tr("The Zoho CRM export was stopped.")));
        return;
    }
    // About 1 MiB per turn of the event loop: the window stays responsive and cancel() is heard.
    QString error;
    page->reading = true;
    const ZipCsvReader::Status status = page->zip.readSome(
        1024 * 1024,
        [page](const QStringList &row) {
            if (!page->headerRead) {
                page->header = row;
                page->headerRead = true;
                return true;
            }
            if (page->cancelRequested)
                return false;
            ++page->result.count;
            if (!page->onRecord(recordFromRow(page->header, row, page->fieldTypes))) {
                page->stoppedByCaller = true;
                return false;
            }
            return true;
        },
        &error);
    page->reading = false;
    if (page != m_page)
        return;
    if (page->cancelRequested) {
        finish(net::Error::make(net::ErrorCategory::Cancelled, tr("The Zoho CRM export was stopped.")));
        return;
    }
    switch (status) {
    case ZipCsvReader::Status::More:
        QTimer::singleShot(0, page->calls, [this, weak = std::weak_ptr<Page>(page)] {
            auto page = weak.lock();
            if (page && page == m_page)
                readChunk();
        });
        return;
    case ZipCsvReader::Status::End:
        finish({});
        return;
    case ZipCsvReader::Status::Stopped:
        finish(net::Error::make(net::ErrorCategory::Cancelled, tr("The Zoho CRM export was stopped.")));
        return;
    case ZipCsvReader::Status::Failed:
        finish(net::Error::make(net::ErrorCategory::Server, error));
        return;
    }
}

} // namespace zaw::zoho

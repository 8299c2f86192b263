// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/SyncEngine.h"

#include "sync/CrashHook.h"
#include "sync/SpoolWriter.h"
#include "sync/XdmRow.h"
#include "sync/ZohoQuery.h"
#include "zoho/ZohoBulkRead.h"
#include "zoho/ZohoCrmClient.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QSet>
#include <QTimer>

#include <utility>

namespace zaw::sync {

Q_LOGGING_CATEGORY(lcSync, "zaw.sync", QtInfoMsg)

namespace {

net::Error stateError(const QString &message)
{
    return net::Error::make(net::ErrorCategory::Input, message);
}

} // namespace

SyncEngine::SyncEngine(zoho::ZohoCrmClient *crm, adobe::BatchIngestionClient *ingestion, const SyncConfig &config,
                       const SyncPaths &paths, QObject *parent)
    : QObject(parent)
    , m_crm(crm)
    , m_ingestion(ingestion)
    , m_config(config)
    , m_paths(paths)
{}

SyncEngine::~SyncEngine() = default;

void SyncEngine::start()
{
    if (m_running)
        return;
    m_running = true;
    m_cancelled = false;
    m_run = RunReport();
    m_run.started = QDateTime::currentDateTimeUtc();
    m_modules.clear();
    for (const SyncModuleConfig &m : m_config.modules) {
        if (m_only.isEmpty() || m.module.compare(m_only, Qt::CaseInsensitive) == 0)
            m_modules.append(m);
    }
    QString error;
    if (!m_paths.ensure(&error)) {
        m_run.error = stateError(error);
    } else if (m_modules.isEmpty()) {
        m_run.error = net::Error::make(
            net::ErrorCategory::Input,
            m_only.isEmpty() ? tr("This connection syncs no Zoho module yet. Set up a direct sync first.")
                             : tr("This connection does not sync the module %1. Name one of its modules.").arg(m_only));
    }
    if (m_run.error) {
        QTimer::singleShot(0, this, [this] {
            m_run.finished = QDateTime::currentDateTimeUtc();
            m_running = false;
            emit finished(m_run);
        });
        return;
    }
    m_index = -1;
    QTimer::singleShot(0, this, &SyncEngine::nextModule);
}

void SyncEngine::cancel()
{
    m_cancelled = true;
    if (m_bulk)
        m_bulk->cancel();
}

bool SyncEngine::stopIfCancelled()
{
    if (!m_cancelled)
        return false;
    moduleError(net::Error::make(net::ErrorCategory::Cancelled,
                                 tr("The sync was stopped. The next run goes on where this one ended.")));
    return true;
}

void SyncEngine::nextModule()
{
    ++m_index;
    if (m_index >= m_modules.size() || (m_cancelled && m_index > 0)) {
        m_run.finished = QDateTime::currentDateTimeUtc();
        m_running = false;
        emit finished(m_run);
        return;
    }
    startModule();
}

void SyncEngine::emitProgress(SyncProgress::Phase phase)
{
    SyncProgress p;
    p.module = m_cfg.module;
    p.phase = phase;
    p.recordsRead = m_rowsRead;
    p.tombstones = m_tombstones;
    p.filesUploaded = m_filesUploaded;
    p.filesTotal = m_state.pending.files.size();
    p.moduleIndex = m_index;
    p.moduleCount = m_modules.size();
    emit progress(p);
}

bool SyncEngine::saveState()
{
    QString error;
    if (m_state.save(m_paths.stateFile(m_cfg.module), &error))
        return true;
    moduleError(stateError(error));
    return false;
}

void SyncEngine::startModule()
{
    m_cfg = m_modules.at(m_index);
    m_report = ModuleReport();
    m_report.module = m_cfg.module;
    m_resumedCommit = false;
    m_resuming = false;
    m_attemptsThisRun = 0;
    m_rowsRead = 0;
    m_tombstones = 0;
    m_filesUploaded = 0;
    m_spool.reset();
    emitProgress(SyncProgress::Phase::Starting);
    QString error;
    if (!ModuleState::load(m_paths.stateFile(m_cfg.module), m_cfg.module, &m_state, &error)) {
        moduleError(stateError(error));
        return;
    }
    m_state.dataSetId = m_cfg.dataSetId;
    const QString hash = m_cfg.fieldsHash();
    if (!m_state.attentionHash.isEmpty()) {
        if (m_state.attentionHash == hash) {
            m_report.status = QLatin1String(ModuleReport::kNeedsAttention);
            m_report.batchId = m_state.attentionBatchId;
            m_report.error = net::Error::make(
                net::ErrorCategory::Input,
                tr("AEP rejected the last batch of %1 because of its data: %2 Change the mapping of the module "
                   "(or the records in Zoho CRM and set the sync up again); the sync does not send it again "
                   "until then.")
                    .arg(m_cfg.module, m_state.attentionMessage));
            finishModule();
            return;
        }
        // The mapping changed: the window is read again with it.
        m_state.attentionHash.clear();
        m_state.attentionBatchId.clear();
        m_state.attentionMessage.clear();
        m_state.attentionErrors = {};
        if (!saveState())
            return;
    }
    if (m_state.pending.isValid())
        resumePending();
    else
        readWindow();
}

void SyncEngine::finishModule()
{
    if (m_spool)
        m_spool.reset();
    m_report.recordsRead = qMax(m_report.recordsRead, m_rowsRead);
    m_report.tombstones = qMax(m_report.tombstones, m_tombstones);
    if (m_report.status.isEmpty())
        m_report.status = QLatin1String(ModuleReport::kNothingChanged);
    m_run.modules.append(m_report);
    emitProgress(SyncProgress::Phase::Done);
    QTimer::singleShot(0, this, &SyncEngine::nextModule);
}

void SyncEngine::moduleError(const net::Error &error)
{
    ++m_generation;
    m_report.status = QLatin1String(ModuleReport::kError);
    m_report.error = error;
    finishModule();
}

// ---- pending batch ---------------------------------------------------------------------------

void SyncEngine::resumePending()
{
    const PendingBatch &p = m_state.pending;
    m_resuming = true;
    m_report.externalId = p.externalId;
    m_report.batchId = p.batchId;
    m_report.firstLoad = p.firstLoad;
    m_report.recordsRead = p.records;
    m_report.tombstones = p.tombstones;
    if (p.batchId.isEmpty())
        lookupByExternalId();
    else
        checkBatch(true);
}

void SyncEngine::lookupByExternalId()
{
    if (stopIfCancelled())
        return;
    m_ingestion->batchesByExternalId(m_state.pending.externalId, m_cfg.dataSetId, this,
                                     [this](const QList<adobe::IngestBatch> &batches, const net::Error &error) {
                                         if (error) {
                                             moduleError(error);
                                             return;
                                         }
                                         if (batches.isEmpty()) {
                                             createBatch();
                                             return;
                                         }
                                         // Adopt the batch the crashed run made (the newest when several).
                                         adobe::IngestBatch found = batches.first();
                                         for (const adobe::IngestBatch &b : batches) {
                                             if (b.raw.value(QStringLiteral("created")).toDouble() >
                                                 found.raw.value(QStringLiteral("created")).toDouble())
                                                 found = b;
                                         }
                                         m_state.pending.batchId = found.id;
                                         m_report.batchId = found.id;
                                         if (!saveState())
                                             return;
                                         handleStatus(found, true);
                                     });
}

void SyncEngine::checkBatch(bool resuming)
{
    if (stopIfCancelled())
        return;
    m_ingestion->batch(m_state.pending.batchId, this,
                       [this, resuming](const adobe::IngestBatch &batch, const net::Error &error) {
                           if (error) {
                               if (error.httpStatus == 404) {
                                   // The batch is gone: a new one from the same spool.
                                   adobe::IngestBatch gone;
                                   gone.id = m_state.pending.batchId;
                                   gone.status = QStringLiteral("deleted");
                                   retryBatch(gone);
                                   return;
                               }
                               moduleError(error);
                               return;
                           }
                           handleStatus(batch, resuming);
                       });
}

void SyncEngine::handleStatus(const adobe::IngestBatch &batch, bool resuming)
{
    const QString s = batch.status;
    m_report.status = s;
    if (s == QLatin1String("loading")) {
        if (resuming || !m_state.pending.completed) {
            uploadNext();
            return;
        }
        schedulePoll();
        return;
    }
    if (adobe::BatchIngestionClient::isSuccess(s)) {
        onSuccess(batch);
        return;
    }
    if (s == QLatin1String("failed") || s == QLatin1String("failure")) {
        if (isDataFailure(batch))
            needsAttention(batch);
        else
            retryBatch(batch);
        return;
    }
    if (adobe::BatchIngestionClient::isFinal(s)) { // aborted, abandoned, stalled, inactive, deleted
        retryBatch(batch);
        return;
    }
    if (resuming) {
        m_pollDelay = m_options.pollFirstMs;
        m_pollStarted = QDateTime::currentMSecsSinceEpoch();
    }
    schedulePoll();
}

bool SyncEngine::isDataFailure(const adobe::IngestBatch &batch)
{
    if (batch.failedRecordCount > 0)
        return true;
    for (const QJsonValue &v : batch.errors) {
        const QJsonObject e = v.toObject();
        const QString code = e.value(QStringLiteral("code")).toVariant().toString();
        const QString text = (e.value(QStringLiteral("description")).toString() + QLatin1Char(' ') +
                              e.value(QStringLiteral("message")).toString() + QLatin1Char(' ') + code)
                                 .toLower();
        if (code.startsWith(QLatin1String("INGEST-1555")) || code.contains(QLatin1String("1212")) ||
            e.contains(QStringLiteral("rows")) || e.contains(QStringLiteral("recordCount")) ||
            text.contains(QLatin1String("typecompatibility")) || text.contains(QLatin1String("schema")) ||
            text.contains(QLatin1String("validation")) || text.contains(QLatin1String("rejected")) ||
            text.contains(QLatin1String("row")))
            return true;
    }
    return false;
}

QString SyncEngine::batchErrorText(const adobe::IngestBatch &batch)
{
    QStringList parts;
    for (const QJsonValue &v : batch.errors) {
        const QJsonObject e = v.toObject();
        QString t = e.value(QStringLiteral("description")).toString(e.value(QStringLiteral("message")).toString());
        const QString code = e.value(QStringLiteral("code")).toVariant().toString();
        if (!code.isEmpty())
            t = QStringLiteral("%1 (%2)").arg(t, code);
        if (!t.trimmed().isEmpty())
            parts.append(t.trimmed());
        if (parts.size() >= 3)
            break;
    }
    if (parts.isEmpty())
        return tr("batch %1 ended with status %2.").arg(batch.id, batch.status);
    return parts.join(QStringLiteral("; ")) + QLatin1Char('.');
}

void SyncEngine::discardPending()
{
    if (!m_state.pending.spoolKey.isEmpty())
        QDir(m_paths.spoolDir(m_cfg.module, m_state.pending.spoolKey)).removeRecursively();
    m_state.pending = PendingBatch();
}

void SyncEngine::createBatch()
{
    if (stopIfCancelled())
        return;
    PendingBatch &p = m_state.pending;
    const QString dir = m_paths.spoolDir(m_cfg.module, p.spoolKey);
    for (const PendingFile &f : p.files) {
        if (!QFileInfo::exists(dir + QLatin1Char('/') + f.name)) {
            // The spool is gone (cleaned up by hand?): the window is read again.
            discardPending();
            if (!saveState())
                return;
            readWindow();
            return;
        }
    }
    ++m_attemptsThisRun;
    emitProgress(SyncProgress::Phase::Uploading);
    m_ingestion->createBatch(m_cfg.dataSetId, p.externalId, m_options.partialIngestionPercent, this,
                             [this](const adobe::IngestBatch &batch, const net::Error &error) {
                                 if (error) {
                                     moduleError(error);
                                     return;
                                 }
                                 crashPoint("after-create");
                                 m_state.pending.batchId = batch.id;
                                 m_state.pending.completed = false;
                                 for (PendingFile &f : m_state.pending.files)
                                     f.uploaded = false;
                                 m_report.batchId = batch.id;
                                 m_report.externalId = m_state.pending.externalId;
                                 if (!saveState())
                                     return;
                                 uploadNext();
                             });
}

void SyncEngine::uploadNext()
{
    if (stopIfCancelled())
        return;
    PendingBatch &p = m_state.pending;
    int index = -1;
    m_filesUploaded = 0;
    for (int i = 0; i < p.files.size(); ++i) {
        if (p.files.at(i).uploaded)
            ++m_filesUploaded;
        else if (index < 0)
            index = i;
    }
    emitProgress(SyncProgress::Phase::Uploading);
    if (index < 0) {
        completeBatch();
        return;
    }
    const QString dir = m_paths.spoolDir(m_cfg.module, p.spoolKey);
    const PendingFile f = p.files.at(index);
    if (!QFileInfo::exists(dir + QLatin1Char('/') + f.name)) {
        // The batch cannot be finished without its file: abort it and read the window again.
        const QString batchId = p.batchId;
        m_ingestion->abort(batchId, this, [this](const net::Error &) {
            discardPending();
            if (!saveState())
                return;
            readWindow();
        });
        return;
    }
    m_ingestion->uploadFile(p.batchId, m_cfg.dataSetId, m_cfg.module + QLatin1Char('/') + f.name,
                            dir + QLatin1Char('/') + f.name, this, [this, index](const net::Error &error) {
                                if (error) {
                                    if (error.httpStatus == 404) {
                                        adobe::IngestBatch gone;
                                        gone.id = m_state.pending.batchId;
                                        gone.status = QStringLiteral("deleted");
                                        retryBatch(gone);
                                        return;
                                    }
                                    moduleError(error);
                                    return;
                                }
                                m_state.pending.files[index].uploaded = true;
                                if (!saveState())
                                    return;
                                if (index == 0 && m_state.pending.files.size() >= 2)
                                    crashPoint("after-upload-1");
                                uploadNext();
                            });
}

void SyncEngine::completeBatch()
{
    if (stopIfCancelled())
        return;
    emitProgress(SyncProgress::Phase::Completing);
    m_ingestion->complete(m_state.pending.batchId, this, [this](const net::Error &error) {
        if (error) {
            moduleError(error);
            return;
        }
        crashPoint("after-complete");
        m_state.pending.completed = true;
        if (!saveState())
            return;
        m_pollDelay = m_options.pollFirstMs;
        m_pollStarted = QDateTime::currentMSecsSinceEpoch();
        m_pollSeen = false;
        schedulePoll();
    });
}

void SyncEngine::schedulePoll()
{
    if (m_pollStarted == 0) {
        m_pollStarted = QDateTime::currentMSecsSinceEpoch();
        m_pollDelay = m_options.pollFirstMs;
    }
    const qint64 spent = QDateTime::currentMSecsSinceEpoch() - m_pollStarted;
    if (spent >= m_options.pollBudgetMs) {
        m_report.status = QLatin1String(ModuleReport::kPending);
        finishModule();
        return;
    }
    emitProgress(SyncProgress::Phase::Waiting);
    const int delay = static_cast<int>(qMin<qint64>(m_pollDelay, m_options.pollBudgetMs - spent));
    QTimer::singleShot(delay, this, &SyncEngine::poll);
    // Most batches are final within a minute or two: poll at most every 5 s for the first two
    // minutes (a Catalog GET is cheap), then back off to pollMaxMs.
    const int cap = spent < 2 * 60 * 1000 ? qMin(5000, m_options.pollMaxMs) : m_options.pollMaxMs;
    m_pollDelay = qMin(m_pollDelay * 2, cap);
}

void SyncEngine::poll()
{
    if (stopIfCancelled())
        return;
    m_ingestion->batch(m_state.pending.batchId, this, [this](const adobe::IngestBatch &batch, const net::Error &error) {
        if (error) {
            // A slow or busy Catalog is asked again within the budget; the batch is in AEP already.
            if (error.category == net::ErrorCategory::Network || error.category == net::ErrorCategory::Server ||
                error.category == net::ErrorCategory::RateLimit) {
                schedulePoll();
                return;
            }
            moduleError(error);
            return;
        }
        if (!m_pollSeen) {
            m_pollSeen = true;
            crashPoint("during-poll");
        }
        handleStatus(batch, false);
    });
}

void SyncEngine::collectFailedIds(const adobe::IngestBatch &batch, std::function<void()> then)
{
    m_report.failedRows = batch.failedRecordCount;
    m_ingestion->failedRows(batch.id, this, [this, then](const QList<QJsonObject> &rows, const net::Error &) {
        QStringList ids;
        for (const QJsonObject &row : rows) {
            const QString id = XdmRow::valueAt(row, m_cfg.identityPath).toVariant().toString();
            if (!id.isEmpty() && !ids.contains(id))
                ids.append(id);
        }
        m_report.failedRecordIds = ids;
        if (m_report.failedRows == 0)
            m_report.failedRows = rows.size();
        then();
    });
}

void SyncEngine::onSuccess(const adobe::IngestBatch &batch)
{
    m_report.status = batch.status;
    m_report.batchId = batch.id;
    if (batch.failedRecordCount > 0)
        collectFailedIds(batch, [this] { commit(); });
    else
        commit();
}

void SyncEngine::commit()
{
    crashPoint("before-commit");
    const bool resumed = m_resuming;
    m_state.cursorTs = m_state.pending.windowEnd;
    m_state.cursorId.clear();
    m_state.deletedSince =
        m_state.pending.deletedUntil.isValid() ? m_state.pending.deletedUntil : m_state.pending.windowEnd;
    m_state.phase = QStringLiteral("incremental");
    m_state.fieldsHash = m_cfg.fieldsHash();
    m_report.firstLoad = m_report.firstLoad || m_state.pending.firstLoad;
    discardPending();
    if (!saveState())
        return;
    QDir(m_paths.moduleSpoolRoot(m_cfg.module)).removeRecursively();
    if (resumed && !m_resumedCommit) {
        // A batch of an earlier run is in; this run reads its own window as well.
        m_resumedCommit = true;
        readWindow();
        return;
    }
    finishModule();
}

void SyncEngine::retryBatch(const adobe::IngestBatch &batch)
{
    if (m_attemptsThisRun >= m_options.attemptsPerRun) {
        m_report.status = batch.status.isEmpty() ? QStringLiteral("failed") : batch.status;
        m_report.error = net::Error::make(net::ErrorCategory::Server,
                                          tr("AEP did not take the batch of %1: %2 The next run sends it again.")
                                              .arg(m_cfg.module, batchErrorText(batch)));
        finishModule();
        return;
    }
    PendingBatch &p = m_state.pending;
    const QString base = p.externalId.section(QStringLiteral("-r"), 0, 0);
    // externalIds never contain "-r" before the suffix: times are digits, 'T' and 'Z'.
    p.attempt += 1;
    p.externalId = QStringLiteral("%1-r%2").arg(base).arg(p.attempt);
    p.batchId.clear();
    p.completed = false;
    for (PendingFile &f : p.files)
        f.uploaded = false;
    m_report.externalId = p.externalId;
    m_report.batchId.clear();
    if (!saveState())
        return;
    m_pollStarted = 0;
    createBatch();
}

void SyncEngine::needsAttention(const adobe::IngestBatch &batch)
{
    collectFailedIds(batch, [this, batch] {
        m_state.attentionHash = m_cfg.fieldsHash();
        m_state.attentionBatchId = batch.id;
        m_state.attentionMessage = batchErrorText(batch);
        m_state.attentionErrors = batch.errors;
        discardPending();
        if (!saveState())
            return;
        m_report.status = QLatin1String(ModuleReport::kNeedsAttention);
        m_report.batchId = batch.id;
        m_report.error = net::Error::make(
            net::ErrorCategory::Input,
            tr("AEP rejected the batch of %1 because of its data: %2 Fix the mapping or the records; the sync "
               "does not send this window again until the mapping changes.")
                .arg(m_cfg.module, m_state.attentionMessage));
        finishModule();
    });
}

// ---- reading a window ----------------------------------------------------------------------

void SyncEngine::readWindow()
{
    if (stopIfCancelled())
        return;
    m_windowEnd = ZohoQuery::windowEnd(QDateTime::currentDateTimeUtc(), m_options.lagSeconds);
    m_firstLoad = !m_state.hasCursor();
    if (!m_firstLoad && m_windowEnd <= m_state.cursorTs) {
        finishModule();
        return;
    }
    m_externalId = ModuleState::externalId(m_config.zohoOrgId, m_cfg.module, m_state.cursorTs, m_windowEnd, 0);
    m_spoolKey = SyncPaths::fileSafe(m_externalId);
    // Spools of windows whose pending was never saved (a crash after reading) go first.
    QDir(m_paths.moduleSpoolRoot(m_cfg.module)).removeRecursively();
    m_spool = std::make_unique<SpoolWriter>(m_paths.spoolDir(m_cfg.module, m_spoolKey), m_options.partBytes);
    QString error;
    if (!m_spool->open(&error)) {
        moduleError(stateError(error));
        return;
    }
    m_rowsRead = 0;
    m_tombstones = 0;
    m_rowBuilder = std::make_unique<XdmRowBuilder>(m_cfg);
    m_keyTs = m_state.cursorTs;
    m_keyId = m_state.cursorId;
    m_groups = ZohoQuery::fieldGroups(m_cfg.zohoFields());
    emitProgress(SyncProgress::Phase::Reading);
    if (!m_firstLoad) {
        readCoqlPage();
        return;
    }
    m_crm->recordCount(m_cfg.module, this, [this](qint64 count, const net::Error &error) {
        if (error &&
            (error.category == net::ErrorCategory::SignInNeeded || error.category == net::ErrorCategory::Network ||
             error.category == net::ErrorCategory::Cancelled)) {
            moduleError(error);
            return;
        }
        // No count (an older API, a refused scope): the keyset reader works for any size.
        m_report.zohoCredits += 1;
        if (error || count <= m_options.bulkReadThreshold) {
            readCoqlPage();
            return;
        }
        m_crm->fields(m_cfg.module, this, [this](const QList<zoho::ZohoField> &fields, const net::Error &error) {
            if (error) {
                moduleError(error);
                return;
            }
            m_report.zohoCredits += 1;
            // A formula's cells are typed by its return type, as COQL answers them.
            readBulk({}, zoho::ZohoBulkRead::fieldTypes(fields));
        });
    });
}

bool SyncEngine::writeRow(const QJsonObject &row, bool tombstone)
{
    QString error;
    if (!m_spool->write(row, &error)) {
        moduleError(stateError(error));
        return false;
    }
    if (tombstone)
        ++m_tombstones;
    else
        ++m_rowsRead;
    return true;
}

void SyncEngine::readBulk(const QString &pageToken, const QHash<QString, QString> &types)
{
    if (stopIfCancelled())
        return;
    if (!m_bulk) {
        m_bulk = new zoho::ZohoBulkRead(m_crm, this);
        m_bulk->setPollIntervals(qMin(m_options.pollFirstMs, 1000), 30000);
    }
    QDir().mkpath(m_paths.downloadDir());
    auto failed = std::make_shared<bool>(false);
    m_bulk->readPage(
        m_cfg.module, m_cfg.zohoFields(), types, m_windowEnd, pageToken, m_paths.downloadDir(),
        [this, failed](const QJsonObject &record) {
            QString error;
            if (!m_spool->write(m_rowBuilder->fromRecord(record), &error)) {
                *failed = true;
                return false;
            }
            ++m_rowsRead;
            if (m_rowsRead % 10000 == 0)
                emitProgress(SyncProgress::Phase::Reading);
            return true;
        },
        this,
        [this, types, failed](const zoho::BulkReadResult &result, const net::Error &error) {
            m_report.zohoCredits += 1;
            if (error) {
                moduleError(
                    *failed ? stateError(
                                  tr("Cannot write the sync files in %1. Check free disk space.").arg(m_paths.root()))
                            : error);
                return;
            }
            if (result.moreRecords && !result.nextPageToken.isEmpty()) {
                readBulk(result.nextPageToken, types);
                return;
            }
            finishRead();
        });
}

void SyncEngine::readCoqlPage()
{
    if (m_cancelled) {
        // Reported once the page in hand is written (readCoqlGroup's caller goes on).
        QTimer::singleShot(0, this, [this] { stopIfCancelled(); });
        return;
    }
    m_pageOrder.clear();
    m_pageRecords.clear();
    m_dropped.clear();
    m_group0Count = 0;
    readCoqlGroup(0);
}

void SyncEngine::readCoqlGroup(int group)
{
    const QString query = ZohoQuery::keyset(m_cfg.module, m_groups.at(group), m_keyTs, m_keyId, m_windowEnd);
    qCDebug(lcSync) << "COQL" << query.right(260);
    const int generation = m_generation;
    m_crm->coql(query, this, [this, group, generation](const zoho::CoqlPage &page, const net::Error &error) {
        if (generation != m_generation)
            return; // the module ended (a spool write failed) while this page was asked for
        if (error) {
            moduleError(error);
            return;
        }
        qCDebug(lcSync) << "COQL answer:" << page.records.size() << "records";
        m_report.zohoCredits += zoho::ZohoCrmClient::coqlCredits(ZohoQuery::kPageSize);
        if (group == 0) {
            m_group0Count = page.records.size();
            for (const QJsonValue &v : page.records) {
                const QJsonObject r = v.toObject();
                const QString id = r.value(QStringLiteral("id")).toVariant().toString();
                m_pageOrder.append(id);
                m_pageRecords.insert(id, r);
            }
        } else {
            QSet<QString> seen;
            for (const QJsonValue &v : page.records) {
                const QJsonObject r = v.toObject();
                const QString id = r.value(QStringLiteral("id")).toVariant().toString();
                auto it = m_pageRecords.find(id);
                if (it == m_pageRecords.end())
                    continue;
                seen.insert(id);
                if (XdmRow::parseTime(r.value(QStringLiteral("Modified_Time")).toString()) !=
                    XdmRow::parseTime(it->value(QStringLiteral("Modified_Time")).toString())) {
                    m_dropped.insert(id); // edited while read: comes back in the next window
                    continue;
                }
                for (auto f = r.begin(); f != r.end(); ++f)
                    it->insert(f.key(), f.value());
            }
            for (const QString &id : std::as_const(m_pageOrder)) {
                if (!seen.contains(id))
                    m_dropped.insert(id);
            }
        }
        if (group + 1 < m_groups.size() && m_group0Count > 0) {
            readCoqlGroup(group + 1);
            return;
        }
        // The next page is asked for before this one is written, so Zoho works while the rows
        // are converted (still one Zoho request at a time, and one page in memory).
        const QStringList order = std::exchange(m_pageOrder, {});
        const QHash<QString, QJsonObject> records = std::exchange(m_pageRecords, {});
        const QSet<QString> dropped = std::exchange(m_dropped, {});
        if (!order.isEmpty()) {
            m_keyTs = XdmRow::parseTime(records.value(order.last()).value(QStringLiteral("Modified_Time")).toString());
            m_keyId = order.last();
        }
        const bool more = m_group0Count >= ZohoQuery::kPageSize && m_keyTs.isValid();
        const int generation = m_generation;
        if (more)
            readCoqlPage();
        for (const QString &id : order) {
            if (dropped.contains(id))
                continue;
            if (!writeRow(m_rowBuilder->fromRecord(records.value(id)), false))
                return;
        }
        if (generation != m_generation)
            return;
        emitProgress(SyncProgress::Phase::Reading);
        if (more)
            return;
        if (m_firstLoad)
            finishRead();
        else
            readDeleted(1);
    });
}

void SyncEngine::readDeleted(int page)
{
    if (stopIfCancelled())
        return;
    const QDateTime since = m_state.deletedSince.isValid() ? m_state.deletedSince : m_state.cursorTs;
    // Zoho says If-Modified-Since means "deleted after"; asked a second earlier, a deletion in the
    // very second the last window ended is not skipped (the [since, windowEnd) filter below keeps
    // each deletion in exactly one window).
    m_crm->deletedRecords(m_cfg.module, page, since.isValid() ? since.addSecs(-1) : since, this,
                          [this, page, since](const zoho::DeletedPage &result, const net::Error &error) {
                              if (error) {
                                  moduleError(error);
                                  return;
                              }
                              m_report.zohoCredits += 1;
                              for (const zoho::DeletedRecord &d : result.records) {
                                  if (!d.deletedTime.isValid() || d.deletedTime >= m_windowEnd)
                                      continue; // the next window's
                                  if (since.isValid() && d.deletedTime < since)
                                      continue; // an earlier window's
                                  if (!writeRow(XdmRow::tombstone(m_cfg, d.id, d.deletedTime), true))
                                      return;
                              }
                              if (result.moreRecords && !result.records.isEmpty()) {
                                  readDeleted(page + 1);
                                  return;
                              }
                              finishRead();
                          });
}

void SyncEngine::finishRead()
{
    QString error;
    if (!m_spool->finish(&error)) {
        moduleError(stateError(error));
        return;
    }
    const QList<PendingFile> files = m_spool->files();
    m_spool.reset();
    if (files.isEmpty()) {
        // Nothing changed: the cursor moves, no batch (AEP fails empty files, and batches count).
        m_state.cursorTs = m_windowEnd;
        m_state.cursorId.clear();
        m_state.deletedSince = m_windowEnd;
        m_state.phase = QStringLiteral("incremental");
        m_state.fieldsHash = m_cfg.fieldsHash();
        if (!saveState())
            return;
        QDir(m_paths.moduleSpoolRoot(m_cfg.module)).removeRecursively();
        if (!m_resumedCommit)
            m_report.status = QLatin1String(ModuleReport::kNothingChanged);
        finishModule();
        return;
    }
    crashPoint("after-read");
    m_resuming = false;
    PendingBatch p;
    p.externalId = m_externalId;
    p.spoolKey = m_spoolKey;
    p.windowEnd = m_windowEnd;
    p.deletedUntil = m_windowEnd;
    p.files = files;
    p.firstLoad = m_firstLoad;
    p.records = m_rowsRead;
    p.tombstones = m_tombstones;
    m_state.pending = p;
    m_report.externalId = p.externalId;
    m_report.firstLoad = m_firstLoad;
    m_report.recordsRead = m_rowsRead;
    m_report.tombstones = m_tombstones;
    if (!saveState())
        return;
    crashPoint("after-pending");
    m_pollStarted = 0;
    createBatch();
}

} // namespace zaw::sync

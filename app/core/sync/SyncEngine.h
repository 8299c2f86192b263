// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "adobe/BatchIngestionClient.h"
#include "sync/ModuleState.h"
#include "sync/SyncConfig.h"
#include "sync/SyncPaths.h"
#include "sync/SyncReport.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <memory>

namespace zaw::zoho {
class ZohoCrmClient;
class ZohoBulkRead;
} // namespace zaw::zoho

namespace zaw::sync {

class SpoolWriter;
class XdmRowBuilder;

// One run of a direct sync over the modules of a SyncConfig (reference §5.2 steps 3–8): finish
// the pending batch of a module first, then read the next window from Zoho into the spool, and
// send it to AEP as one batch. The caller holds the profile's lock.
class SyncEngine : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        int lagSeconds = SyncConfig::kDefaultLagSeconds;
        int partialIngestionPercent = 5;
        qint64 partBytes = 64LL * 1024 * 1024;
        int pollFirstMs = 1000;
        int pollMaxMs = 30000;
        int pollBudgetMs = 20 * 60 * 1000;
        qint64 bulkReadThreshold = 10000; // a first load above this many records uses Bulk Read
        int attemptsPerRun = 3;           // new batches of one window within one run
    };

    SyncEngine(zoho::ZohoCrmClient *crm, adobe::BatchIngestionClient *ingestion, const SyncConfig &config,
               const SyncPaths &paths, QObject *parent = nullptr);
    ~SyncEngine() override;

    void setOptions(const Options &options) { m_options = options; }
    Options options() const { return m_options; }
    // Only this module (empty: all).
    void setModule(const QString &module) { m_only = module; }
    void start();
    void cancel();

signals:
    void progress(const zaw::sync::SyncProgress &progress);
    void finished(const zaw::sync::RunReport &report);

private:
    void nextModule();
    void startModule();
    void finishModule();
    void moduleError(const net::Error &error);
    bool saveState();
    bool stopIfCancelled();

    // pending batch
    void resumePending();
    void lookupByExternalId();
    void checkBatch(bool resuming);
    void handleStatus(const adobe::IngestBatch &batch, bool resuming);
    void createBatch();
    void uploadNext();
    void completeBatch();
    void schedulePoll();
    void poll();
    void onSuccess(const adobe::IngestBatch &batch);
    void commit();
    void retryBatch(const adobe::IngestBatch &batch);
    void needsAttention(const adobe::IngestBatch &batch);
    static bool isDataFailure(const adobe::IngestBatch &batch);
    static QString batchErrorText(const adobe::IngestBatch &batch);
    void collectFailedIds(const adobe::IngestBatch &batch, std::function<void()> then);
    void discardPending();

    // reading a window
    void readWindow();
    void readCoqlPage();
    void readCoqlGroup(int group);
    void readDeleted(int page);
    void readBulk(const QString &pageToken, const QHash<QString, QString> &types);
    void finishRead();
    bool writeRow(const QJsonObject &row, bool tombstone);
    void emitProgress(SyncProgress::Phase phase);

    zoho::ZohoCrmClient *m_crm;
    adobe::BatchIngestionClient *m_ingestion;
    SyncConfig m_config;
    SyncPaths m_paths;
    Options m_options;
    QString m_only;
    bool m_cancelled = false;
    bool m_running = false;

    RunReport m_run;
    QList<SyncModuleConfig> m_modules;
    int m_index = -1;

    // the module in hand
    SyncModuleConfig m_cfg;
    ModuleState m_state;
    ModuleReport m_report;
    bool m_resumedCommit = false; // the pending batch of an earlier run was committed
    bool m_resuming = false;      // the pending batch in hand is an earlier run's
    int m_attemptsThisRun = 0;
    int m_generation = 0; // bumped when a module ends early: late answers are dropped
    int m_pollDelay = 0;
    qint64 m_pollStarted = 0;
    bool m_pollSeen = false;
    int m_filesUploaded = 0;

    // reading
    QDateTime m_windowEnd;
    bool m_firstLoad = false;
    QDateTime m_keyTs;
    QString m_keyId;
    QList<QStringList> m_groups;
    QStringList m_pageOrder;
    QHash<QString, QJsonObject> m_pageRecords;
    QSet<QString> m_dropped;
    int m_group0Count = 0;
    std::unique_ptr<SpoolWriter> m_spool;
    std::unique_ptr<XdmRowBuilder> m_rowBuilder;
    QString m_externalId;
    QString m_spoolKey;
    qint64 m_rowsRead = 0;
    qint64 m_tombstones = 0;
    QPointer<zoho::ZohoBulkRead> m_bulk;
};

} // namespace zaw::sync

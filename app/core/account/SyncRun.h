// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/SyncEngine.h"
#include "sync/SyncReport.h"

#include <QObject>
#include <QString>

#include <memory>

class QLockFile;

namespace zaw::adobe {
class BatchIngestionClient;
}

namespace zaw::account {

class ProfileSession;

// One run of a profile's direct sync: the one entry point of the `sync` command, the wizard's
// first run and its "Sync now". Holds the profile's sync lock for the run, appends the run to the
// history and reports progress.
class SyncRun : public QObject
{
    Q_OBJECT

public:
    // session already load()ed with requireAdobe=true.
    explicit SyncRun(ProfileSession *session, QObject *parent = nullptr);
    ~SyncRun() override;

    void setModule(const QString &module); // only this module; empty = all of the profile's modules
    void setLagSeconds(int seconds);       // overrides the profile's (clamped 0…300)
    void setLockWaitMs(int ms);            // default 2000; then finished() with lockHeld=true
    // Engine knobs beyond the profile (tests and the benchmark: spool part size, poll intervals).
    void setEngineOptions(const sync::SyncEngine::Options &options);
    sync::SyncEngine::Options engineOptions() const;
    void start();
    void cancel(); // stops after the current request; state stays consistent

signals:
    void progress(const zaw::sync::SyncProgress &progress);
    void finished(const zaw::sync::RunReport &report); // already appended to SyncHistory

private:
    void finish(sync::RunReport report);

    ProfileSession *m_session;
    QString m_module;
    int m_lagSeconds = -1;
    int m_lockWaitMs = 2000;
    bool m_optionsSet = false;
    sync::SyncEngine::Options m_options;
    std::unique_ptr<QLockFile> m_lock;
    std::unique_ptr<adobe::BatchIngestionClient> m_ingestion;
    sync::SyncEngine *m_engine = nullptr;
    bool m_running = false;
    bool m_cancelled = false;
};

} // namespace zaw::account

// SPDX-License-Identifier: GPL-3.0-or-later
#include "account/SyncRun.h"

#include "account/ProfileSession.h"
#include "adobe/BatchIngestionClient.h"
#include "sync/SyncConfig.h"
#include "sync/SyncHistory.h"
#include "sync/SyncPaths.h"

#include <QDateTime>
#include <QLockFile>
#include <QTimer>

namespace zaw::account {

SyncRun::SyncRun(ProfileSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{}

SyncRun::~SyncRun() = default;

void SyncRun::setModule(const QString &module)
{
    m_module = module;
}

void SyncRun::setLagSeconds(int seconds)
{
    m_lagSeconds = qBound(0, seconds, sync::SyncConfig::kMaxLagSeconds);
}

void SyncRun::setLockWaitMs(int ms)
{
    m_lockWaitMs = qMax(0, ms);
}

void SyncRun::setEngineOptions(const sync::SyncEngine::Options &options)
{
    m_options = options;
    m_optionsSet = true;
}

sync::SyncEngine::Options SyncRun::engineOptions() const
{
    return m_options;
}

void SyncRun::start()
{
    if (m_running)
        return;
    m_running = true;
    m_cancelled = false;
    const store::Profile &profile = m_session->profile();
    const sync::SyncPaths paths(m_session->profiles()->configDir(), profile.id);
    sync::RunReport report;
    report.started = QDateTime::currentDateTimeUtc();

    QString error;
    if (!paths.ensure(&error)) {
        report.error = net::Error::make(net::ErrorCategory::Input, error);
        QTimer::singleShot(0, this, [this, report] { finish(report); });
        return;
    }
    m_lock = std::make_unique<QLockFile>(paths.lockFile());
    m_lock->setStaleLockTime(0); // a crashed run's lock is stale at once (its process is gone)
    if (!m_lock->tryLock(m_lockWaitMs)) {
        m_lock.reset();
        report.lockHeld = true;
        report.finished = QDateTime::currentDateTimeUtc();
        // Nothing was done: not written to the history (the run holding the lock writes its own).
        QTimer::singleShot(0, this, [this, report] {
            m_running = false;
            emit finished(report);
        });
        return;
    }

    sync::SyncConfig config = sync::SyncConfig::fromProfile(profile);
    if (config.zohoOrgId.isEmpty())
        config.zohoOrgId = profile.zoho.value(QStringLiteral("orgId")).toString();
    if (config.zohoOrgId.isEmpty())
        config.zohoOrgId = profile.id.left(12);

    sync::SyncEngine::Options options = m_options;
    if (!m_optionsSet)
        options = sync::SyncEngine::Options();
    options.lagSeconds =
        m_lagSeconds >= 0 ? m_lagSeconds : qBound(0, config.lagSeconds, sync::SyncConfig::kMaxLagSeconds);

    m_ingestion = std::make_unique<adobe::BatchIngestionClient>(m_session->platform());
    m_ingestion->setHttpClient(m_session->http());
    m_engine = new sync::SyncEngine(m_session->zohoCrm(), m_ingestion.get(), config, paths, this);
    m_engine->setOptions(options);
    m_engine->setModule(m_module);
    connect(m_engine, &sync::SyncEngine::progress, this, &SyncRun::progress);
    connect(m_engine, &sync::SyncEngine::finished, this, [this](const sync::RunReport &r) { finish(r); });
    if (m_cancelled)
        m_engine->cancel();
    m_engine->start();
}

void SyncRun::cancel()
{
    m_cancelled = true;
    if (m_engine)
        m_engine->cancel();
}

void SyncRun::finish(sync::RunReport report)
{
    if (!report.finished.isValid())
        report.finished = QDateTime::currentDateTimeUtc();
    const store::Profile &profile = m_session->profile();
    const sync::SyncPaths paths(m_session->profiles()->configDir(), profile.id);
    sync::SyncHistory(paths).append(report);
    if (m_engine) {
        m_engine->deleteLater();
        m_engine = nullptr;
    }
    if (m_lock) {
        m_lock->unlock();
        m_lock.reset();
    }
    m_running = false;
    emit finished(report);
}

} // namespace zaw::account

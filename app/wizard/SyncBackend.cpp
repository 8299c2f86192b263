// SPDX-License-Identifier: GPL-3.0-or-later
#include "SyncBackend.h"

#include "WizardServices.h"
#include "account/ProfileSession.h"
#include "store/ProfileStore.h"
#include "sync/SyncHistory.h"
#include "sync/SyncPaths.h"

#include "account/SyncRun.h"
#include "account/SyncSetup.h"
#include "catalogue/ZohoCrmCatalogue.h"
#include "sync/Schedule.h"

#include <QLocale>

namespace zaw {

SyncBackend::SyncBackend(QObject *parent)
    : QObject(parent)
{}

SyncBackend::~SyncBackend()
{
    cancel();
    delete m_job.data();
}

std::unique_ptr<catalogue::SourceCatalogue> SyncBackend::zohoCatalogue(WizardServices *services)
{
    return std::make_unique<catalogue::ZohoCrmCatalogue>(services->zohoCrm());
}

void SyncBackend::openSession(WizardServices *services, account::ProfileSession *opened, QObject *context,
                              std::function<void(account::ProfileSession *, const net::Error &)> done)
{
    if (opened) {
        m_session = opened;
        done(opened, {});
        return;
    }
    if (m_ownSession && m_ownSession->profile().name == services->profileName()) {
        m_session = m_ownSession.get();
        done(m_session, {});
        return;
    }
    m_ownSession = std::make_unique<account::ProfileSession>(services->http(), services->endpoints(),
                                                             services->profiles(), services->secrets());
    account::ProfileSession *session = m_ownSession.get();
    QPointer<QObject> guard(context);
    session->load(services->profileName(), true, [this, session, guard, done](const net::Error &error) {
        if (!guard)
            return;
        m_session = error ? nullptr : session;
        done(m_session, error);
    });
}

void SyncBackend::setUp(const SetupRequest &request)
{
    auto *setup = new account::SyncSetup(m_session, this);
    m_job = setup;
    m_cancel = [setup] { setup->cancel(); };
    connect(setup, &account::SyncSetup::progress, this, &SyncBackend::setupProgress);
    connect(setup, &account::SyncSetup::finished, this,
            [this, setup](const sync::SyncModuleConfig &module, const net::Error &error) {
                setup->deleteLater();
                m_job.clear();
                m_cancel = nullptr;
                emit setupFinished(module, error);
            });
    account::SyncSetup::Request r;
    r.module = request.module;
    r.columns = request.columns;
    r.zohoFields = request.zohoFields;
    r.newDataSetName = request.newDataSetName;
    r.existingDataSetId = request.existingDataSetId;
    r.everyMinutes = request.everyMinutes;
    setup->start(r);
}

void SyncBackend::installSchedule(const QString &profileName, const QStringList &globalArgs, int everyMinutes,
                                  bool enable)
{
    auto *schedule = new sync::Schedule(this);
    m_job = schedule;
    m_cancel = nullptr;
    sync::ScheduleSpec spec;
    spec.profileName = profileName;
    spec.executable = sync::Schedule::connectExecutable();
    spec.globalArgs = globalArgs;
    spec.everyMinutes = everyMinutes;
    schedule->install(
        spec, enable, this,
        [this, schedule](const sync::ScheduleInfo &info, const QString &warning, const net::Error &error) {
            schedule->deleteLater();
            m_job.clear();
            ScheduleResult result;
            result.installed = info.installed;
            result.enabled = info.enabled;
            result.files = info.files;
            result.everyMinutes = info.everyMinutes;
            result.warning = warning;
            result.error = error;
            emit scheduleFinished(result);
        });
}

SyncBackend::ScheduleResult SyncBackend::scheduleInfo(const QString &profileName)
{
    ScheduleResult result;
    const sync::ScheduleInfo info = sync::Schedule().show(profileName);
    result.installed = info.installed;
    result.enabled = info.enabled;
    result.files = info.files;
    result.everyMinutes = info.everyMinutes;
    return result;
}

void SyncBackend::run(const QString &module)
{
    auto *run = new account::SyncRun(m_session, this);
    m_job = run;
    m_cancel = [run] { run->cancel(); };
    if (!module.isEmpty())
        run->setModule(module);
    if (m_lagSeconds >= 0)
        run->setLagSeconds(m_lagSeconds);
    connect(run, &account::SyncRun::progress, this, &SyncBackend::runProgress);
    connect(run, &account::SyncRun::finished, this, [this, run](const sync::RunReport &report) {
        run->deleteLater();
        m_job.clear();
        m_cancel = nullptr;
        emit runFinished(report);
    });
    run->start();
}

QStringList SyncBackend::syncDataSetIds(WizardServices *services)
{
    QString error;
    const auto profile = services->profiles()->load(services->profileName(), &error);
    QStringList ids;
    if (profile) {
        for (const sync::SyncModuleConfig &m : sync::SyncConfig::fromProfile(*profile).modules)
            ids << m.dataSetId;
    }
    return ids;
}

QStringList SyncBackend::healthLines(const store::Profile &profile, const QString &configDir, bool *attention)
{
    *attention = false;
    const sync::SyncConfig config = sync::SyncConfig::fromProfile(profile);
    if (config.isEmpty())
        return {};
    const sync::SyncHistory history(sync::SyncPaths(configDir, profile.id));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QStringList lines;
    for (const sync::SyncModuleConfig &m : config.modules) {
        const auto last = history.lastRun(m.module);
        const bool needs = sync::SyncHistory::needsAttention(last, config.everyMinutes, profile.created, now);
        *attention = *attention || needs;
        QString run =
            last ? tr("last run %1: %Ln record(s), %2", nullptr, int(last->report.recordsRead))
                       .arg(QLocale().toString(last->at.toLocalTime(), QLocale::ShortFormat), last->report.status)
                 : tr("no run yet");
        lines << (needs
                      ? tr("Sync of %1 from this computer: %2 – needs attention (run Sync now under Manage dataflows)")
                            .arg(m.module, run)
                      : tr("Sync of %1 from this computer: %2").arg(m.module, run));
    }
    return lines;
}

void SyncBackend::cancel()
{
    if (m_cancel) {
        auto cancel = m_cancel;
        m_cancel = nullptr;
        cancel();
    }
}

} // namespace zaw

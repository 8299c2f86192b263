// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalogue/Column.h"
#include "catalogue/SourceCatalogue.h"
#include "net/Error.h"
#include "sync/SyncConfig.h"
#include "sync/SyncReport.h"
#include "zoho/ZohoCrmClient.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>
#include <memory>

namespace zaw {

namespace account {
class ProfileSession;
}
namespace store {
struct Profile;
}
class WizardServices;

// The wizard's way to the direct sync's use cases (catalogue::ZohoCrmCatalogue,
// account::SyncSetup, sync::Schedule, account::SyncRun): the pages render what it reports and
// never hold a client themselves. One operation at a time.
class SyncBackend : public QObject
{
    Q_OBJECT

public:
    struct SetupRequest
    {
        QString module;
        QList<catalogue::Column> columns;
        QList<zoho::ZohoField> zohoFields;
        QString newDataSetName;
        QString existingDataSetId;
        int everyMinutes = sync::SyncConfig::kDefaultEveryMinutes;
    };
    struct ScheduleResult
    {
        bool installed = false;
        bool enabled = false;
        QStringList files;
        int everyMinutes = 0;
        QString warning;
        net::Error error;
    };

    explicit SyncBackend(QObject *parent = nullptr);
    ~SyncBackend() override;

    // Select data straight from Zoho CRM through the services' current client.
    static std::unique_ptr<catalogue::SourceCatalogue> zohoCatalogue(WizardServices *services);

    // The saved connection of this run with its secrets (opened once; the controller's own when
    // one is open). done runs once, only while context lives.
    void openSession(WizardServices *services, account::ProfileSession *opened, QObject *context,
                     std::function<void(account::ProfileSession *, const net::Error &)> done);
    account::ProfileSession *session() const { return m_session; }

    // The schema and dataset of the module, saved into the profile's sync section.
    void setUp(const SetupRequest &request);
    // The OS scheduler's entry for the profile (enable=false: written, not enabled).
    void installSchedule(const QString &profileName, const QStringList &globalArgs, int everyMinutes, bool enable);
    static ScheduleResult scheduleInfo(const QString &profileName);
    // The sync part of a connection's health, one line per module ("Leads: last run … success"):
    // *attention is set when one failed or has not run for two schedule intervals. Empty when
    // the profile does not sync from this computer.
    static QStringList healthLines(const store::Profile &profile, const QString &configDir, bool *attention);
    // The datasets the sync set-up of this run's connection made (the only existing ones a sync
    // may write to: their schema has the record id as identity and the tombstone fields).
    static QStringList syncDataSetIds(WizardServices *services);
    // One run of the profile's sync (every module when module is empty).
    void run(const QString &module = {});
    // How far behind "now" the wizard's runs read (-1: the profile's). The demo reads up to now,
    // so a change made a moment ago arrives on the next Sync now.
    void setLagSeconds(int seconds) { m_lagSeconds = seconds; }
    void cancel();
    bool isBusy() const { return !m_job.isNull(); }

signals:
    void setupProgress(const QString &step, int done, int total);
    void setupFinished(const zaw::sync::SyncModuleConfig &module, const zaw::net::Error &error);
    void scheduleFinished(const zaw::SyncBackend::ScheduleResult &result);
    void runProgress(const zaw::sync::SyncProgress &progress);
    void runFinished(const zaw::sync::RunReport &report);

private:
    account::ProfileSession *m_session = nullptr;
    std::unique_ptr<account::ProfileSession> m_ownSession;
    QPointer<QObject> m_job; // the SyncSetup, Schedule or SyncRun at work
    std::function<void()> m_cancel;
    int m_lagSeconds = -1;
};

} // namespace zaw

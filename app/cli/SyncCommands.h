// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/Error.h"
#include "sync/SyncReport.h"

#include <QJsonObject>
#include <QObject>
#include <QStringList>

#include <memory>

namespace zaw {

class CliApp;
namespace account {
class ProfileSession;
class SyncRun;
} // namespace account
namespace sync {
class Schedule;
}

// sync and schedule (DESIGN §8, direct sync): one headless run of the profile's sync, with the
// secrets from the keychain only (the OS scheduler runs it without a desktop session), and the
// per-profile schedule of the OS.
class SyncCommand : public QObject
{
    Q_OBJECT

public:
    enum class Kind { Sync, Schedule };

    SyncCommand(CliApp *app, Kind kind);
    ~SyncCommand() override;

    void run(const QStringList &arguments);

    // 0 every module succeeded or had nothing to do (or another run held the lock); 3 sign-in,
    // 4 network, 5 keychain, 6 an Adobe error or a failed batch, 1 anything else.
    static int exitCode(const sync::RunReport &report);

private:
    bool parse(const QStringList &arguments);
    void runSync();
    void runScheduleInstall();
    void runScheduleShow();
    void runScheduleRemove();
    bool isDemoProfile() const;

    CliApp *m_app;
    Kind m_kind;
    QString m_module;
    QString m_action; // schedule: install, show, remove
    int m_everyMinutes = 0;
    std::unique_ptr<account::ProfileSession> m_session;
    account::SyncRun *m_run = nullptr;
    sync::Schedule *m_schedule = nullptr;
};

} // namespace zaw

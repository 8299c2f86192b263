// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/Error.h"
#include "sync/SyncPaths.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

namespace zaw::sync {

// The OS scheduler that starts `zoho-aep-connect … sync` in the background (reference §6).
enum class SchedulerKind { SystemdUser, LaunchAgent, TaskScheduler };

struct ScheduleSpec
{
    QString profileName;
    QString executable;     // absolute path of zoho-aep-connect
    QStringList globalArgs; // e.g. {"--config-dir", "/abs/dir", "--profile", "p"}; "sync" is appended
    int everyMinutes = 240;
};

struct ScheduleFile
{
    QString path;
    QByteArray content;
};

struct ScheduleInfo
{
    bool installed = false; // the files are there
    bool enabled = false;   // the OS scheduler knows it (systemd: is-enabled)
    QStringList files;
    int everyMinutes = 0;
    QDateTime nextRun;  // invalid when unknown
    QString lastResult; // "success", "failed", … of the last run; empty when none
    QString command;    // the command line the scheduler runs
    QJsonObject toJson() const;
};

// One schedule per profile: a systemd user timer + service (Linux), a LaunchAgent (macOS), a Task
// Scheduler task (Windows). The files of all three can be generated on every OS (tests check them).
class Schedule : public QObject
{
    Q_OBJECT

public:
    static constexpr int kMinEveryMinutes = 5;
    static constexpr int kMaxEveryMinutes = 24 * 60;

    explicit Schedule(QObject *parent = nullptr);

    static SchedulerKind native();
    // "zoho-aep-sync-<profile>" with systemd-escape rules ("-" → "\x2d"); units are <name>.timer/.service.
    static QString name(const QString &profileName);
    // The launchd label / task name: "org.zoho-aep-wizard.sync.<profile>" (profile names are file-name safe).
    static QString label(const QString &profileName);
    static QList<ScheduleFile> files(SchedulerKind kind, const ScheduleSpec &spec, const QString &home);
    // Where systemd user units go: $XDG_CONFIG_HOME/systemd/user, else <home>/.config/systemd/user.
    static QString systemdUserDir(const QString &home);
    // absolute path of zoho-aep-connect: beside the running executable, else ../cli (build tree), else PATH
    static QString connectExecutable();
    // The command line as the scheduler's format writes it.
    static QString systemdExecLine(const QStringList &argv);
    static QString windowsCommandLine(const QStringList &argv);
    // "30m", "4h", "1d", "90" (minutes) → minutes; 0 when not a duration.
    static int parseDuration(const QString &text);
    // The first time after `after` on the cadence (aligned to local midnight, as the timer fires).
    static QDateTime nextRunAfter(int everyMinutes, const QDateTime &after);
    // The last run's status word of the profile (SyncHistory), empty when none.
    static QString lastResult(const SyncPaths &paths);

    // Defaults to QDir::homePath() (tests point it at a temporary folder).
    void setHome(const QString &home) { m_home = home; }
    QString home() const { return m_home; }

    // enable=false: files written, nothing enabled (demo profiles). done's warning: e.g. "user manager not running: run
    // … later".
    void install(const ScheduleSpec &spec, bool enable, QObject *context,
                 std::function<void(const ScheduleInfo &, const QString &warning, const net::Error &)> done);
    void remove(const QString &profileName, QObject *context, std::function<void(const net::Error &)> done);
    ScheduleInfo show(const QString &profileName) const;

private:
    QString m_home;
};

} // namespace zaw::sync

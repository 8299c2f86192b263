// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "adobe/FlowServiceClient.h"
#include "net/Error.h"
#include "setup/ScheduleRules.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace zaw::adobe {
class PlatformClient;
}

namespace zaw::account {

class ProfileSession;

// A dataflow as Flow Service has it now.
struct FlowState
{
    QString id;
    QString name;
    QString state; // enabled | disabled (AEP's words)
    QString etag;
    QString frequency; // scheduleParams.frequency
    int interval = 0;  // scheduleParams.interval; 0 when none
    QDateTime start;   // scheduleParams.startTime (UTC); invalid when not given

    bool isEnabled() const { return state == QLatin1String("enabled"); }
    // "Enabled", "Disabled", or AEP's own word for another state (translated).
    QString stateText() const;
};

// When a start time chosen earlier has passed: the schedule to send instead, and what to tell.
struct StartAdjustment
{
    bool moved = false;
    setup::Schedule schedule; // the schedule to use (unchanged when !moved)
    QString message;          // translated, empty when !moved
};

// What the Done page says about a new dataflow's first run.
struct FirstRunStatus
{
    bool over = false; // the first run finished (succeeded or failed): polling can stop
    QString text;      // translated: not started yet (due when) / running since / succeeded / failed
};

// Managing one dataflow: enable, disable, change its schedule within AEP's rules, list its
// runs, read its state, delete it. For the wizard's Manage, Create and Done pages (and a future
// manage command). Every answer runs once and only while context lives.
class DataflowManager : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const net::Error &error)>;

    // platform must outlive this object.
    explicit DataflowManager(adobe::PlatformClient *platform, QObject *parent = nullptr);
    // With a session, delete() also forgets the flow's saved setup in the profile and saves it.
    explicit DataflowManager(ProfileSession *session, QObject *parent = nullptr);
    ~DataflowManager() override;

    void setEnabled(const QString &flowId, bool enabled, QObject *context, Done done);
    // Refuses, without asking AEP, an interval the frequency does not allow (Input error with
    // scheduleProblem()'s message); else reads the flow's etag and PATCHes frequency and interval.
    void reschedule(const QString &flowId, const QString &frequency, int interval, QObject *context, Done done);
    // The runs, newest first.
    void runs(const QString &flowId, QObject *context,
              std::function<void(const QList<adobe::RunInfo> &runs, const net::Error &error)> done);
    void state(const QString &flowId, QObject *context,
               std::function<void(const FlowState &flow, const net::Error &error)> done);
    // Deletes the dataflow; one that is gone already (404) counts as deleted. setupId: the saved
    // setup that made it (forgotten in the profile of the session, if there is one); may be empty.
    void remove(const QString &flowId, const QString &setupId, QObject *context, Done done);

    // The translated problem of frequency/interval for a reschedule; empty when AEP accepts it.
    static QString scheduleProblem(const QString &frequency, int interval);
    // AEP refuses a start in the past (rule 1360): a start less than a minute ahead of now moves
    // to two minutes from now, whole minutes.
    static StartAdjustment adjustPassedStart(const setup::Schedule &schedule, const QDateTime &now);
    // runs: as runs() answers them (newest first); due: the schedule's start.
    static FirstRunStatus firstRun(const QList<adobe::RunInfo> &runs, const QDateTime &due);

private:
    std::unique_ptr<adobe::FlowServiceClient> m_ownFlows;
    adobe::FlowServiceClient *m_flows;
    ProfileSession *m_session = nullptr;
};

} // namespace zaw::account

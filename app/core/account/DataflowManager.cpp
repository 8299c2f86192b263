// SPDX-License-Identifier: GPL-3.0-or-later
#include "account/DataflowManager.h"

#include "account/ProfileSession.h"
#include "adobe/PlatformClient.h"
#include "setup/SavedPlans.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QPointer>
#include <QTime>

namespace zaw::account {

using adobe::FlowServiceClient;

QString FlowState::stateText() const
{
    if (state == QLatin1String("enabled"))
        return DataflowManager::tr("Enabled");
    if (state == QLatin1String("disabled"))
        return DataflowManager::tr("Disabled");
    return state;
}

DataflowManager::DataflowManager(adobe::PlatformClient *platform, QObject *parent)
    : QObject(parent)
    , m_ownFlows(std::make_unique<FlowServiceClient>(platform))
    , m_flows(m_ownFlows.get())
{}

DataflowManager::DataflowManager(ProfileSession *session, QObject *parent)
    : QObject(parent)
    , m_flows(session->flows())
    , m_session(session)
{}

DataflowManager::~DataflowManager() = default;

void DataflowManager::setEnabled(const QString &flowId, bool enabled, QObject *context, Done done)
{
    m_flows->setFlowEnabled(flowId, enabled, context,
                            [done](const adobe::CreatedObject &, const net::Error &error) { done(error); });
}

QString DataflowManager::scheduleProblem(const QString &frequency, int interval)
{
    const int minimum = setup::ScheduleRules::minimumInterval(frequency);
    if (minimum < 0 || frequency == QLatin1String("once"))
        return tr("A running dataflow repeats every minute, hour, day or week; choose one of those.");
    if (interval < minimum)
        return tr("Experience Platform needs an interval of at least %1 for this frequency.").arg(minimum);
    return {};
}

void DataflowManager::reschedule(const QString &flowId, const QString &frequency, int interval, QObject *context,
                                 Done done)
{
    const QString problem = scheduleProblem(frequency, interval);
    if (!problem.isEmpty()) {
        done(net::Error::make(net::ErrorCategory::Input, problem));
        return;
    }
    // PATCH needs the flow's current etag.
    QPointer<QObject> guard(context);
    // The manager may own the client and go away while the page (the context) stays.
    QPointer<FlowServiceClient> flows(m_flows);
    flows->flow(flowId, context,
                [flows, guard, flowId, frequency, interval, done](const QJsonObject &flow, const net::Error &error) {
                    if (!flows)
                        return;
                    if (error) {
                        done(error);
                        return;
                    }
                    const QJsonArray operations{
                        FlowServiceClient::patchOperation(QStringLiteral("replace"),
                                                          QStringLiteral("/scheduleParams/frequency"), frequency),
                        FlowServiceClient::patchOperation(QStringLiteral("replace"),
                                                          QStringLiteral("/scheduleParams/interval"), interval)};
                    flows->patchFlow(
                        flowId, flow.value(QStringLiteral("etag")).toString(), operations, guard,
                        [done](const adobe::CreatedObject &, const net::Error &patchError) { done(patchError); });
                });
}

void DataflowManager::runs(const QString &flowId, QObject *context,
                           std::function<void(const QList<adobe::RunInfo> &, const net::Error &)> done)
{
    m_flows->runs(flowId, context, [done](const QList<QJsonObject> &items, const net::Error &error) {
        done(error ? QList<adobe::RunInfo>{} : adobe::RunInfo::listFromJson(items), error);
    });
}

void DataflowManager::state(const QString &flowId, QObject *context,
                            std::function<void(const FlowState &, const net::Error &)> done)
{
    m_flows->flow(flowId, context, [flowId, done](const QJsonObject &flow, const net::Error &error) {
        FlowState s;
        if (!error) {
            s.id = flow.value(QStringLiteral("id")).toString(flowId);
            s.name = flow.value(QStringLiteral("name")).toString();
            s.state = flow.value(QStringLiteral("state")).toString();
            s.etag = flow.value(QStringLiteral("etag")).toString();
            const QJsonObject schedule = flow.value(QStringLiteral("scheduleParams")).toObject();
            s.frequency = schedule.value(QStringLiteral("frequency")).toString();
            s.interval = schedule.value(QStringLiteral("interval")).toInt();
            // startTime is epoch seconds, as a number or (in older answers) a string.
            const QJsonValue start = schedule.value(QStringLiteral("startTime"));
            const qint64 seconds = start.isString() ? start.toString().toLongLong() : qint64(start.toDouble());
            if (seconds > 0)
                s.start = QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC);
        }
        done(s, error);
    });
}

void DataflowManager::remove(const QString &flowId, const QString &setupId, QObject *context, Done done)
{
    QPointer<ProfileSession> session(m_session);
    m_flows->deleteFlow(flowId, context, [session, setupId, done](const net::Error &error) {
        // Deleted by someone else meanwhile: what the user wanted is true.
        if (error && error.httpStatus != 404) {
            done(error);
            return;
        }
        if (session && !setupId.isEmpty()) {
            setup::SavedPlans::remove(session->profile().setup, setupId);
            QString saveError;
            if (!session->saveProfile(&saveError)) {
                done(net::Error::make(
                    net::ErrorCategory::Input,
                    tr("The dataflow is deleted, but the connection could not be updated: %1").arg(saveError)));
                return;
            }
        }
        done({});
    });
}

StartAdjustment DataflowManager::adjustPassedStart(const setup::Schedule &schedule, const QDateTime &now)
{
    StartAdjustment out;
    out.schedule = schedule;
    // AEP refuses a start in the past (1360); a minute's margin leaves time for the remaining steps.
    if (!schedule.start.isValid() || schedule.start >= now.addSecs(60))
        return out;
    QDateTime start = now.toUTC().addSecs(2 * 60);
    start.setTime(QTime(start.time().hour(), start.time().minute()));
    out.moved = true;
    out.schedule.start = start;
    out.message = tr("The start time had passed; the first run is now at %1.")
                      .arg(QLocale().toString(start.toLocalTime(), QLocale::ShortFormat));
    return out;
}

FirstRunStatus DataflowManager::firstRun(const QList<adobe::RunInfo> &runs, const QDateTime &due)
{
    FirstRunStatus out;
    if (runs.isEmpty()) {
        out.text = tr("Not started yet; the first run is due at %1.")
                       .arg(QLocale().toString(due.toLocalTime(), QLocale::ShortFormat));
        return out;
    }
    const adobe::RunInfo &first = runs.last();
    const QString at = QLocale().toString(first.started.toLocalTime(), QLocale::ShortFormat);
    if (!first.isFinished()) {
        out.text = tr("Running since %1.").arg(at);
        return out;
    }
    out.over = true;
    if (first.isFailed()) {
        out.text = tr("Failed (started %1): %2").arg(at, first.errors.join(QStringLiteral("; ")));
    } else {
        out.text = tr("Succeeded (started %1): %2 records read, %3 ingested, %4 failed.")
                       .arg(at)
                       .arg(qMax<qint64>(0, first.inputRecords))
                       .arg(qMax<qint64>(0, first.outputRecords))
                       .arg(qMax<qint64>(0, first.failedRecords));
    }
    return out;
}

} // namespace zaw::account

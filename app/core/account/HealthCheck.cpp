// SPDX-License-Identifier: GPL-3.0-or-later
#include "account/HealthCheck.h"

#include "account/ProfileSession.h"
#include "setup/SavedPlans.h"
#include "sync/SyncConfig.h"
#include "sync/SyncPaths.h"
#include "zoho/ZohoCrmClient.h"

#include <QJsonArray>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace zaw::account {

bool FlowHealth::healthy() const
{
    if (error || state == u"missing"_s || state == u"disabled"_s)
        return false;
    return !lastRun || !lastRun->isFailed();
}

bool Health::healthy() const
{
    return action() == Action::None;
}

Health::Action Health::action() const
{
    if (loadError)
        return loadError.category == net::ErrorCategory::SignInNeeded ? Action::Reconnect : Action::CheckNetwork;
    if (zoho == Zoho::SignInNeeded)
        return Action::Reconnect;
    if (zoho == Zoho::Unreachable || baseConnectionError.category == net::ErrorCategory::Network)
        return Action::CheckNetwork;
    if (baseConnectionError.category == net::ErrorCategory::SignInNeeded ||
        baseConnectionError.category == net::ErrorCategory::Permission)
        return Action::FixAdobeCredential;
    if (baseConnectionError) {
        const net::ErrorCategory c = baseConnectionError.category;
        return c == net::ErrorCategory::Server || c == net::ErrorCategory::RateLimit ? Action::CheckNetwork
                                                                                     : Action::AdobeProblem;
    }
    if (baseConnectionState == u"missing"_s)
        return Action::RecreateAccount;
    if (!unfinished.isEmpty())
        return Action::ResumeSetup;
    for (const FlowHealth &f : flows) {
        if (f.checked && !f.healthy())
            return Action::CheckFlows;
    }
    for (const SyncHealth &s : sync) {
        if (s.needsAttention)
            return Action::CheckSync;
    }
    return Action::None;
}

QString Health::actionText() const
{
    switch (action()) {
    case Action::None:
        return finished ? tr("Everything works.") : QString();
    case Action::Reconnect:
        return loadError ? loadError.message
                         : tr("Zoho no longer accepts the saved sign-in (%1). Reconnect to sign in again.")
                               .arg(zohoError.message);
    case Action::CheckNetwork:
        return tr("Zoho or Experience Platform could not be reached (%1). Check the network and refresh.")
            .arg(loadError ? loadError.message : (zohoError ? zohoError.message : baseConnectionError.message));
    case Action::FixAdobeCredential:
        return tr("Experience Platform refuses the saved Adobe credential (%1). Enter the client secret again.")
            .arg(baseConnectionError.message);
    case Action::AdobeProblem:
        return tr("Experience Platform answered the check with an error (%1). Refresh later; if it stays, use Copy "
                  "details when asking for help.")
            .arg(baseConnectionError.message);
    case Action::RecreateAccount:
        return tr("The Zoho CRM account (base connection %1) no longer exists in Experience Platform. Set up a new "
                  "dataflow to make one.")
            .arg(baseConnectionId);
    case Action::ResumeSetup:
        return unfinished.first().tablePath.isEmpty()
                   ? tr("A setup stopped before a module was chosen. Resume it.")
                   : tr("The setup of %1 stopped half-way. Resume it.").arg(unfinished.first().tablePath);
    case Action::CheckFlows:
        for (const FlowHealth &f : flows) {
            if (!f.checked || f.healthy())
                continue;
            if (f.error)
                return tr("The dataflow \"%1\" could not be read: %2").arg(f.name, f.error.message);
            if (f.state == u"missing"_s)
                return tr("The dataflow \"%1\" no longer exists in Experience Platform.").arg(f.name);
            if (f.state == u"disabled"_s)
                return tr("The dataflow \"%1\" is disabled. Enable it to load data again.").arg(f.name);
            return tr("The last run of \"%1\" failed: %2")
                .arg(f.name, f.lastRun->errors.isEmpty() ? f.lastRun->status : f.lastRun->errors.first());
        }
        break;
    case Action::CheckSync:
        for (const SyncHealth &s : sync) {
            if (!s.needsAttention)
                continue;
            if (!s.lastRun)
                return tr("The sync of %1 has not run yet. Run it now, and check that its schedule is installed.")
                    .arg(s.module);
            if (!s.lastRun->report.isSuccess() &&
                s.lastRun->report.status != QLatin1String(sync::ModuleReport::kPending))
                return tr("The last sync of %1 did not succeed (%2). Run it again, or inspect the failed rows.")
                    .arg(s.module,
                         s.lastRun->report.error ? s.lastRun->report.error.message : s.lastRun->report.status);
            return tr("The sync of %1 has not run since %2. Check that its schedule is installed, then run it now.")
                .arg(s.module, QLocale().toString(s.lastRun->at.toLocalTime(), QLocale::ShortFormat));
        }
        break;
    }
    return {};
}

QJsonObject Health::toJson() const
{
    QJsonArray flowArray;
    for (const FlowHealth &f : flows) {
        QJsonObject o{{u"id"_s, f.id},       {u"name"_s, f.name},         {u"table"_s, f.tablePath},
                      {u"state"_s, f.state}, {u"schedule"_s, f.schedule}, {u"healthy"_s, f.healthy()}};
        if (f.lastRun) {
            QJsonObject run{{u"id"_s, f.lastRun->id}, {u"status"_s, f.lastRun->status}};
            if (f.lastRun->started.isValid())
                run.insert(u"startedAt"_s, f.lastRun->started.toString(Qt::ISODate));
            if (f.lastRun->completed.isValid())
                run.insert(u"completedAt"_s, f.lastRun->completed.toString(Qt::ISODate));
            if (f.lastRun->inputRecords >= 0)
                run.insert(u"inputRecords"_s, f.lastRun->inputRecords);
            if (f.lastRun->outputRecords >= 0)
                run.insert(u"outputRecords"_s, f.lastRun->outputRecords);
            if (f.lastRun->failedRecords >= 0)
                run.insert(u"failedRecords"_s, f.lastRun->failedRecords);
            run.insert(u"errors"_s, QJsonArray::fromStringList(f.lastRun->errors));
            o.insert(u"lastRun"_s, run);
        } else {
            o.insert(u"lastRun"_s, QJsonValue::Null);
        }
        if (f.error)
            o.insert(u"error"_s, f.error.message);
        flowArray.append(o);
    }
    QJsonArray unfinishedArray;
    for (const UnfinishedSetup &u : unfinished)
        unfinishedArray.append(QJsonObject{{u"setupId"_s, u.setupId}, {u"table"_s, u.tablePath}});
    QJsonObject zohoJson{{u"tokenUsable"_s, zoho == Zoho::Usable}};
    if (zohoError)
        zohoJson.insert(u"error"_s, zohoError.message);
    QJsonObject base{{u"id"_s, baseConnectionId}, {u"state"_s, baseConnectionState}};
    if (baseConnectionError)
        base.insert(u"error"_s, baseConnectionError.message);
    QJsonObject json{{u"healthy"_s, healthy()},          {u"zoho"_s, zohoJson},
                     {u"baseConnection"_s, base},        {u"flows"_s, flowArray},
                     {u"unfinished"_s, unfinishedArray}, {u"action"_s, actionText()}};
    if (!sync.isEmpty()) {
        QJsonArray syncArray;
        for (const SyncHealth &s : sync) {
            QJsonValue last;
            if (s.lastRun) {
                const sync::ModuleReport &r = s.lastRun->report;
                last = QJsonObject{{u"at"_s, s.lastRun->at.toUTC().toString(Qt::ISODate)},
                                   {u"status"_s, r.status},
                                   {u"recordsRead"_s, r.recordsRead},
                                   {u"batchId"_s, r.batchId.isEmpty() ? QJsonValue() : QJsonValue(r.batchId)}};
            }
            syncArray.append(
                QJsonObject{{u"module"_s, s.module}, {u"lastRun"_s, last}, {u"needsAttention"_s, s.needsAttention}});
        }
        json.insert(u"sync"_s, syncArray);
    }
    return json;
}

HealthCheck::HealthCheck(ProfileSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{}

void HealthCheck::start()
{
    m_health = {};
    const store::Profile &profile = m_session->profile();
    m_health.baseConnectionId = m_session->baseConnectionId();
    // Dataflows of finished setups, and unfinished setups to resume.
    const QJsonObject plans = profile.setup.value(u"plans"_s).toObject();
    for (auto it = plans.begin(); it != plans.end(); ++it) {
        const QJsonObject state = it.value().toObject();
        const QJsonObject flow = state.value(u"objects"_s).toObject().value(u"flow"_s).toObject();
        if (setup::SavedPlans::isComplete(state) && !flow.value(u"id"_s).toString().isEmpty()) {
            FlowHealth f;
            f.id = flow.value(u"id"_s).toString();
            f.name = state.value(u"request"_s).toObject().value(u"flowName"_s).toString();
            f.tablePath = setup::SavedPlans::tablePath(state);
            f.setupId = state.value(u"setupId"_s).toString();
            m_health.flows.append(f);
        } else if (!setup::SavedPlans::isComplete(state)) {
            const QString table = setup::SavedPlans::tablePath(state);
            // A plan that only made the base connection is not an unfinished dataflow.
            if (!table.isEmpty() || state.value(u"objects"_s).toObject().size() > 1 ||
                !state.value(u"attempted"_s).toArray().isEmpty())
                m_health.unfinished.append(UnfinishedSetup{state.value(u"setupId"_s).toString(), table, {}});
        }
    }
    checkSync();
    m_pending = 2;
    checkZoho();
    checkBaseConnection();
}

void HealthCheck::checkSync()
{
    const store::Profile &profile = m_session->profile();
    const sync::SyncConfig config = sync::SyncConfig::fromProfile(profile);
    if (config.isEmpty())
        return;
    const sync::SyncHistory history(sync::SyncPaths(m_session->profiles()->configDir(), profile.id));
    const QJsonObject plans = profile.setup.value(u"syncPlans"_s).toObject();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const sync::SyncModuleConfig &module : config.modules) {
        SyncHealth s;
        s.module = module.module;
        s.lastRun = history.lastRun(module.module);
        // Since when a run is due: the set-up of the module (SyncSetup notes it), else the profile's.
        QDateTime since = QDateTime::fromString(
            plans.value(module.module).toObject().value(u"configuredAt"_s).toString(), Qt::ISODate);
        if (!since.isValid())
            since = profile.updated;
        s.needsAttention = sync::SyncHistory::needsAttention(s.lastRun, config.everyMinutes, since, now);
        m_health.sync.append(s);
    }
}

void HealthCheck::partDone()
{
    emit updated(m_health);
    if (--m_pending > 0)
        return;
    m_health.finished = true;
    emit updated(m_health);
    emit finished(m_health);
}

void HealthCheck::checkZoho()
{
    // The CRM's current user: a token Zoho revoked (with its refresh token) answers INVALID_TOKEN,
    // which the client meets with a refresh — so this also tells whether a token can be minted.
    m_session->zohoCrm()->currentUser(this, [this](const zoho::ZohoUser &, const net::Error &error) {
        if (!error)
            m_health.zoho = Health::Zoho::Usable;
        else if (error.category == net::ErrorCategory::Network || error.category == net::ErrorCategory::Server ||
                 error.category == net::ErrorCategory::RateLimit)
            m_health.zoho = Health::Zoho::Unreachable;
        else
            m_health.zoho = Health::Zoho::SignInNeeded;
        m_health.zohoError = error;
        partDone();
    });
}

void HealthCheck::checkBaseConnection()
{
    if (m_health.baseConnectionId.isEmpty()) {
        m_health.baseConnectionChecked = true;
        partDone();
        return;
    }
    if (!m_session->hasAdobe()) {
        // An account to check but no credential to check it with: not "healthy".
        m_health.baseConnectionChecked = true;
        m_health.baseConnectionError = net::Error::make(
            net::ErrorCategory::SignInNeeded, tr("the keychain holds no Adobe client secret for this connection"));
        partDone();
        return;
    }
    m_session->flows()->connection(m_health.baseConnectionId, this, [this](const QJsonObject &o, const net::Error &e) {
        m_health.baseConnectionChecked = true;
        if (e && e.httpStatus == 404)
            m_health.baseConnectionState = u"missing"_s;
        else if (e)
            m_health.baseConnectionError = e;
        else
            m_health.baseConnectionState = o.value(u"state"_s).toString(u"enabled"_s);
        if (e && e.httpStatus != 404) {
            // Without the base connection's answer the flows would fail the same way.
            partDone();
            return;
        }
        m_pending += int(m_health.flows.size());
        for (int i = 0; i < m_health.flows.size(); ++i)
            checkFlow(i);
        partDone();
    });
}

void HealthCheck::checkFlow(int index)
{
    const QString id = m_health.flows.at(index).id;
    adobe::FlowServiceClient *flows = m_session->flows();
    flows->flow(id, this, [this, flows, index, id](const QJsonObject &o, const net::Error &e) {
        FlowHealth &f = m_health.flows[index];
        if (e) {
            f.checked = true;
            if (e.httpStatus == 404)
                f.state = u"missing"_s;
            else
                f.error = e;
            partDone();
            return;
        }
        f.state = o.value(u"state"_s).toString();
        const QJsonObject schedule = o.value(u"scheduleParams"_s).toObject();
        f.schedule = schedule.contains(u"interval"_s) ? u"%1/%2"_s.arg(schedule.value(u"frequency"_s).toString())
                                                            .arg(schedule.value(u"interval"_s).toVariant().toString())
                                                      : schedule.value(u"frequency"_s).toString();
        flows->runs(id, this, [this, index](const QList<QJsonObject> &items, const net::Error &re) {
            FlowHealth &f = m_health.flows[index];
            f.checked = true;
            if (re) {
                f.error = re;
            } else {
                const QList<adobe::RunInfo> runs = adobe::RunInfo::listFromJson(items);
                if (!runs.isEmpty())
                    f.lastRun = runs.first();
            }
            partDone();
        });
    });
}

} // namespace zaw::account

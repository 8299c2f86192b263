// SPDX-License-Identifier: GPL-3.0-or-later
#include "WizardController.h"

#include "SetupDraft.h"
#include "SyncBackend.h"
#include "WizardServices.h"
#include "account/ProfileSession.h"
#include "net/Redaction.h"
#include "setup/SavedPlans.h"
#include "setup/SetupPlan.h"
#include "store/ProfileStore.h"

#include <QPointer>

namespace zaw {

WizardController::WizardController(WizardServices *services, SetupDraft *draft, QObject *parent)
    : QObject(parent)
    , m_services(services)
    , m_draft(draft)
    , m_syncBackend(new SyncBackend(this))
{}

WizardController::~WizardController()
{
    // The plan, the sync and the reconnect hold calls on the session's clients: they go first.
    delete m_syncBackend;
    m_syncBackend = nullptr;
    dropPlan();
    closeProfile();
}

void WizardController::setMode(Mode mode)
{
    if (m_mode == mode)
        return;
    m_mode = mode;
    emit modeChanged(mode);
}

void WizardController::setSyncMode(bool sync)
{
    if (m_syncMode == sync)
        return;
    m_syncMode = sync;
    emit syncModeChanged(sync);
}

void WizardController::dropPlan()
{
    if (!m_plan)
        return;
    delete m_plan;
    m_plan = nullptr;
    emit planChanged();
}

void WizardController::closeProfile()
{
    m_reconnect.reset();
    if (m_session)
        m_services->releaseSession();
    m_session.reset();
}

void WizardController::openProfile(const QString &name, bool requireAdobe, std::function<void(const net::Error &)> done)
{
    // Nothing may keep calling the clients of the connection opened before.
    dropPlan();
    closeProfile();
    m_session = std::make_unique<account::ProfileSession>(m_services->http(), m_services->endpoints(),
                                                          m_services->profiles(), m_services->secrets());
    const bool forgetting = m_mode == Mode::Forget;
    account::ProfileSession *session = m_session.get();
    session->load(
        name, requireAdobe,
        [this, session, name, done](const net::Error &error) {
            if (session != m_session.get())
                return;
            if (error) {
                m_session.reset();
                done(error);
                return;
            }
            // This run now works on that connection, with its clients.
            m_draft->clear();
            m_services->setProfileLocation({}, name);
            m_services->adoptSession(session);
            m_services->zohoFlow()->session() = session->zoho();
            m_services->setZohoSettings(reconnect()->signInSettings());
            done({});
        },
        !forgetting);
}

void WizardController::open(const QString &name, Mode mode, const QString &setupId, QObject *context,
                            std::function<void(const net::Error &)> done)
{
    QPointer<QObject> guard(context);
    auto fail = [this, guard, done](const net::Error &error) {
        setMode(Mode::NewConnection);
        if (guard)
            done(error);
    };
    setMode(mode); // openProfile() reads it (forget needs no secrets)
    emit progress(tr("Opening the connection \"%1\"…").arg(name));
    openProfile(name, mode != Mode::Forget && mode != Mode::Reconnect,
                [this, mode, setupId, guard, done, fail](const net::Error &error) {
                    if (error) {
                        // The chosen mode stays: Next does nothing until a connection opens.
                        if (guard)
                            done(error);
                        return;
                    }
                    setMode(mode);
                    if (mode == Mode::Resume) {
                        QString resumeError;
                        if (setupId.isEmpty() || !resumePlan(setupId, &resumeError)) {
                            fail(net::Error::make(net::ErrorCategory::Input, resumeError));
                            return;
                        }
                    }
                    if (mode != Mode::AddDataflow) {
                        if (guard)
                            done({});
                        return;
                    }
                    // The new dataflow uses the connection's Experience Platform account.
                    const QString base = m_session->baseConnectionId();
                    m_draft->update([&base](setup::SetupRequest &r) { r.baseConnectionId = base; });
                    setup::SetupPlan *plan = updatePlan();
                    emit progress(tr("Checking the Experience Platform account…"));
                    auto *waiting = new QObject(guard ? guard.data() : this);
                    connect(plan, &setup::SetupPlan::reached, waiting, [waiting, guard, done] {
                        waiting->deleteLater();
                        if (guard)
                            done({});
                    });
                    connect(plan, &setup::SetupPlan::failed, waiting,
                            [waiting, fail](setup::SetupPlan::Step, const net::Error &e) {
                                waiting->deleteLater();
                                fail(e);
                            });
                    plan->runThrough(setup::SetupPlan::Step::BaseConnection);
                });
}

void WizardController::startNewConnection(const QString &profileName)
{
    setSyncMode(false);
    m_sourceRetired = false;
    if (m_session) {
        dropPlan();
        closeProfile();
        m_draft->clear();
    }
    m_services->setProfileLocation({}, profileName);
}

account::Reconnect *WizardController::reconnect()
{
    if (!m_reconnect && m_session)
        m_reconnect = std::make_unique<account::Reconnect>(m_session.get());
    return m_reconnect.get();
}

void WizardController::setReconnectResult(const std::optional<account::ReconnectResult> &result)
{
    m_reconnectResult = result;
}

void WizardController::adoptPlan(setup::SetupPlan *plan)
{
    delete m_plan;
    m_plan = plan;
    connect(m_plan, &setup::SetupPlan::stateChanged, this, &WizardController::savePlanState);
    emit planChanged();
}

setup::SetupPlan *WizardController::updatePlan()
{
    setup::SetupRequest request = m_draft->request();
    request.zoho = m_services->zohoSession();
    if (!m_plan) {
        adoptPlan(new setup::SetupPlan(m_services->adobePlatform(), request, this));
        savePlanState(m_plan->state());
    } else {
        m_plan->setRequest(request);
    }
    m_plan->setTenantId(m_draft->tenantId());
    return m_plan;
}

bool WizardController::resumePlan(const QString &setupId, QString *error)
{
    const QJsonObject state =
        m_services->profile()->setup.value(QStringLiteral("plans")).toObject().value(setupId).toObject();
    setup::SetupPlan *plan = setup::SetupPlan::fromState(m_services->adobePlatform(), state, this, error);
    if (!plan)
        return false;
    adoptPlan(plan);
    m_draft->setRequest(plan->request());
    m_draft->setTenantId(plan->tenantId());
    m_plan->setZohoSession(m_services->zohoSession());
    return true;
}

void WizardController::savePlanState(const QJsonObject &state)
{
    store::Profile *p = m_services->profile();
    setup::SavedPlans::put(p->setup, state);
    QString error;
    if (!m_services->profiles()->save(*p, &error))
        qCWarning(lcSetup) << "the profile could not be saved:" << error;
}

} // namespace zaw

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "account/Reconnect.h"
#include "net/Error.h"

#include <QJsonObject>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace zaw {

namespace account {
class ProfileSession;
}
namespace setup {
class SetupPlan;
}

class SetupDraft;
class SyncBackend;
class WizardServices;

// What this run of the wizard does and the life cycle behind it: the chosen mode, the opened
// connection, the setup plan (made from the draft, saved into the profile at every change) and
// the reconnect. Pages ask it to act and render what it reports (Nextcloud's controller).
class WizardController : public QObject
{
    Q_OBJECT

public:
    // Chosen on the welcome page.
    enum class Mode { NewConnection, Reconnect, AddDataflow, Resume, Manage, Forget };
    Q_ENUM(Mode)

    WizardController(WizardServices *services, SetupDraft *draft, QObject *parent = nullptr);
    ~WizardController() override;

    Mode mode() const { return m_mode; }
    void setMode(Mode mode);

    // How a new setup moves the records: through an Experience Platform dataflow (Flow Service,
    // the Zoho CRM source) or by this computer itself (direct sync: read Zoho CRM, write batches).
    // Chosen on the Source account page; ConnectionWizard::nextId() routes by it.
    bool isSyncMode() const { return m_syncMode; }
    void setSyncMode(bool sync);
    // The organisation no longer offers the Zoho CRM source (found on the Source account page).
    bool isSourceRetired() const { return m_sourceRetired; }
    void setSourceRetired(bool retired) { m_sourceRetired = retired; }
    // The direct sync's use cases for the sync pages (made once, lives as long as the controller).
    SyncBackend *syncBackend() const { return m_syncBackend; }
    // Schedule cadence chosen on the Schedule page (direct sync).
    int syncEveryMinutes() const { return m_syncEveryMinutes; }
    void setSyncEveryMinutes(int minutes) { m_syncEveryMinutes = minutes; }

    // Opens the saved connection `name` for this run: its profile, and its Zoho and Adobe
    // sessions with the secrets from the keychain (requireAdobe: fail without an Adobe
    // credential). From then on the services use the connection's clients.
    void openProfile(const QString &name, bool requireAdobe, std::function<void(const net::Error &)> done);
    // The opened connection (nullptr before openProfile() succeeded or after a new connection).
    account::ProfileSession *profileSession() const { return m_session.get(); }
    // Opens the saved connection `name` for `mode` and gets it ready for the page that follows:
    // Resume continues the saved setup setupId; AddDataflow makes the plan of the new dataflow
    // on the connection's Experience Platform account, which gets the current credentials first
    // (progress() says so). done gets the error, if any (when the connection opened but could not be got ready, the
    // mode is NewConnection again); it runs once, only while context lives.
    void open(const QString &name, Mode mode, const QString &setupId, QObject *context,
              std::function<void(const net::Error &)> done);
    // A new connection under profileName: the opened one (if any) is closed with its plan.
    void startNewConnection(const QString &profileName);

    // The setup plan of this run: made by the Source account page, filled in page by page and
    // run by the Create page. Its state is written into the profile at every change
    // (profile.setup.plans.<setupId>), so a closed window or a crash loses nothing.
    setup::SetupPlan *plan() const { return m_plan; }
    // Makes the plan from the draft (first call) or gives it the draft; also hands it the Zoho
    // session and the tenant.
    setup::SetupPlan *updatePlan();
    // Continues a saved setup of the opened connection. Returns false with *error when its state
    // cannot be read.
    bool resumePlan(const QString &setupId, QString *error);

    // The reconnect of the opened connection, made on first use.
    account::Reconnect *reconnect();
    // What a reconnect without a new sign-in changed (the Reconnected page shows it).
    const std::optional<account::ReconnectResult> &reconnectResult() const { return m_reconnectResult; }
    void setReconnectResult(const std::optional<account::ReconnectResult> &result);

signals:
    void modeChanged(zaw::WizardController::Mode mode);
    void syncModeChanged(bool sync);
    void progress(const QString &text);
    void planChanged();

private:
    void closeProfile();
    void dropPlan();
    void adoptPlan(setup::SetupPlan *plan);
    void savePlanState(const QJsonObject &state);

    WizardServices *m_services;
    SetupDraft *m_draft;
    Mode m_mode = Mode::NewConnection;
    bool m_syncMode = false;
    bool m_sourceRetired = false;
    int m_syncEveryMinutes = 240;
    SyncBackend *m_syncBackend = nullptr;
    setup::SetupPlan *m_plan = nullptr;
    std::unique_ptr<account::ProfileSession> m_session;
    std::unique_ptr<account::Reconnect> m_reconnect;
    std::optional<account::ReconnectResult> m_reconnectResult;
};

} // namespace zaw

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ConsentRunner.h"
#include "account/Forget.h"
#include "account/HealthCheck.h"
#include "account/Reconnect.h"
#include "net/Error.h"

#include <QJsonObject>
#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>

namespace zaw {

class CliApp;
namespace account {
class ProfileSession;
}

// status, reconnect and forget (DESIGN §8): a saved connection checked, brought back to life or
// forgotten, on the same core as the wizard's welcome page.
class AccountCommand : public QObject
{
    Q_OBJECT

public:
    enum class Kind { Status, Reconnect, Forget };

    AccountCommand(CliApp *app, Kind kind);
    ~AccountCommand() override;

    void run(const QStringList &arguments);

    // 0 healthy; 3 sign in to Zoho again or Adobe refuses the credential; 4 network; 6 another
    // problem in Experience Platform (base connection missing, a dataflow disabled, failed or
    // missing, a setup left half-way).
    static int statusExitCode(const account::Health &health);

private:
    bool parse(const QStringList &arguments);
    // Loads the profile and its secrets; a failure is reported through the app, unless
    // forgetting (a connection whose secrets are gone can still be forgotten).
    void load(std::function<void()> ready);
    void runStatus();
    void runReconnect();
    void consentAgain();
    void runForget();
    // The exit code of an error of this module (keychain 5, Adobe's answers as the other
    // commands map them, Zoho's likewise).
    int exitCodeFor(const net::Error &error) const;
    void fail(const net::Error &error);
    // One JSON document (with --json) and the human text, then the exit code; unlike succeed()
    // also for a result that is not a success (an unhealthy status).

    CliApp *m_app;
    Kind m_kind;
    std::unique_ptr<account::ProfileSession> m_session;
    account::HealthCheck *m_health = nullptr;
    account::Reconnect *m_reconnect = nullptr;
    account::Forget *m_forget = nullptr;
    ConsentRunner *m_consent = nullptr;
    ConsentRunner::Options m_consentOptions;
    bool m_deleteRemote = false;
};

} // namespace zaw

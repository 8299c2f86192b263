// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "adobe/FlowServiceClient.h"
#include "net/Error.h"
#include "sync/SyncHistory.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>

namespace zaw::account {

class ProfileSession;

// One dataflow of a profile, as the welcome page and `status` show it.
struct FlowHealth
{
    QString id;
    QString name;
    QString tablePath;
    QString setupId;
    QString state;    // enabled, disabled; "missing" when AEP no longer has it; empty while unknown
    QString schedule; // e.g. "hour/1" (frequency/interval as AEP stores it)
    std::optional<adobe::RunInfo> lastRun;
    net::Error error; // the flow or its runs could not be read
    bool checked = false;

    // A flow with no run yet counts as healthy.
    bool healthy() const;
};

// An unfinished setup of the profile (closed window, crash, failure): offered as Resume.
struct UnfinishedSetup
{
    QString setupId;
    QString tablePath; // empty: stopped before a module was chosen
    QString failedStep;
};

// One module of a profile's direct sync: its last run (SyncHistory) and whether it needs the
// user: the last run failed, or no run for two schedule intervals.
struct SyncHealth
{
    QString module;
    std::optional<sync::SyncHistory::ModuleRun> lastRun;
    bool needsAttention = false;
};

// The health of one saved connection, filled in as the answers arrive.
struct Health
{
    Q_DECLARE_TR_FUNCTIONS(zaw::account::Health)

public:
    enum class Zoho { Unknown, Usable, SignInNeeded, Unreachable };
    enum class Action {
        None,
        Reconnect,
        CheckNetwork,
        FixAdobeCredential,
        AdobeProblem, // Experience Platform answered the check with another error
        RecreateAccount,
        ResumeSetup,
        CheckFlows,
        CheckSync // a direct sync failed or has not run for two intervals: run or inspect it
    };

    net::Error loadError; // the profile or its secrets could not be read: nothing else is known
    Zoho zoho = Zoho::Unknown;
    net::Error zohoError;
    QString baseConnectionId;
    QString baseConnectionState; // enabled, disabled…; "missing" when AEP no longer has it
    net::Error baseConnectionError;
    bool baseConnectionChecked = false;
    QList<FlowHealth> flows;
    QList<UnfinishedSetup> unfinished;
    QList<SyncHealth> sync; // a profile in direct-sync mode: one per module
    bool finished = false;

    bool healthy() const;
    // What the user should do first, and in words (translated); None when all is well.
    Action action() const;
    QString actionText() const;
    // The JSON of `status` (DESIGN §8).
    QJsonObject toJson() const;
};

// Checks a loaded profile in the background: can Zoho mint an access token, does the base
// connection exist and in which state, each dataflow's state and last run. updated() is emitted
// as each answer arrives (the welcome page shows them at once), finished() at the end. The
// Zoho and Adobe checks run side by side.
class HealthCheck : public QObject
{
    Q_OBJECT

public:
    HealthCheck(ProfileSession *session, QObject *parent = nullptr);

    void start();
    const Health &health() const { return m_health; }

signals:
    void updated(const zaw::account::Health &health);
    void finished(const zaw::account::Health &health);

private:
    void checkSync();
    void checkZoho();
    void checkBaseConnection();
    void checkFlow(int index);
    void partDone();

    ProfileSession *m_session;
    Health m_health;
    int m_pending = 0;
};

} // namespace zaw::account

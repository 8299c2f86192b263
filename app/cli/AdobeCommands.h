// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "account/ProfileSession.h"
#include "adobe/AdobeSession.h"
#include "net/Error.h"
#include "setup/ScheduleRules.h"
#include "store/ProfileStore.h"
#include "zoho/ZohoAuthClient.h"
#include "zoho/ZohoCrmClient.h"

#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>

namespace zaw {

class CliApp;
namespace adobe {
class ImsClient;
class PlatformClient;
class FlowServiceClient;
} // namespace adobe
namespace zoho {
class ZohoCrmClient;
}
namespace setup {
class SetupPlan;
}
namespace catalogue {
class AepExploreCatalogue;
struct TableDescription;
} // namespace catalogue

// What tables, preview and create share: the profile signed in to Zoho and Adobe, the secrets
// from the keychain, a fresh Zoho access token, the Adobe clients and the base connection (made
// and saved in the profile when it has none or it is gone).
class AepSessionHelper : public QObject
{
    Q_OBJECT

public:
    explicit AepSessionHelper(CliApp *app, QObject *parent = nullptr);
    ~AepSessionHelper() override;

    // Loads the profile, reads the secrets, mints a Zoho access token when needed. On failure it
    // reports through the app (exit 3, 4, 5 or 1) and never calls ready.
    void prepare(std::function<void()> ready);
    // The profile's base connection when it still exists, else one made by a setup plan run up to
    // its first step (named connectionName, default "Zoho CRM – <org>"), saved in the profile as
    // the plan goes, so that a reply lost on its way back never leads to a second connection.
    void ensureBaseConnection(const QString &connectionName, std::function<void(const QString &id)> ready);

    // Writes the profile; a failure is reported as a warning on stderr.
    void saveProfile();

    store::Profile &profile() { return m_session->profile(); }
    zoho::ZohoSession &zohoSession() { return m_session->zoho(); }
    zoho::ZohoAuthClient *zohoAuth() const { return m_session->zohoAuth(); }
    adobe::PlatformClient *platform() const { return m_session->platform(); }
    adobe::FlowServiceClient *flows() const { return m_session->flows(); }
    zoho::ZohoCrmClient *zohoCrm() const { return m_session->zohoCrm(); }
    account::ProfileSession *session() const { return m_session.get(); }

    // Exit code of an error answered by Adobe: 3 authorization, 4 network, 6 any other answer.
    static int adobeExitCode(const net::Error &error);
    // Exit code of an error answered by Zoho: 3 authorization, 4 network, 1 anything else.
    static int zohoExitCode(const net::Error &error);

private:
    void makeBaseConnection(const QString &connectionName, std::function<void(const QString &id)> ready);

    CliApp *m_app;
    std::unique_ptr<account::ProfileSession> m_session; // the profile with its secrets and clients
};

// tables, preview and create (DESIGN §8).
class AepCommand : public QObject
{
    Q_OBJECT

public:
    enum class Kind { Tables, Preview, Create };

    AepCommand(CliApp *app, Kind kind);
    ~AepCommand() override;

    void run(const QStringList &arguments);

private:
    bool parse(const QStringList &arguments);
    void runTables();
    void runPreview();
    void runCreate();
    void createWith(const catalogue::TableDescription &table);
    void startPlan(const QList<catalogue::Column> &columns, const QList<zoho::ZohoField> &fields);
    void watchPlan(setup::SetupPlan *plan);
    // create: flow when the organisation still offers the Zoho CRM source, else sync (--mode).
    void chooseMode();
    void runSyncCreate();

    CliApp *m_app;
    Kind m_kind;
    AepSessionHelper *m_helper;
    catalogue::AepExploreCatalogue *m_catalogue = nullptr;
    setup::SetupPlan *m_plan = nullptr;

    // Options.
    QString m_table;
    int m_rows = 10;
    QString m_dataSetId;
    QString m_newDataSet;
    QString m_flowName;
    QString m_connectionName;
    bool m_errorDiagnostics = false;
    double m_partialIngestion = 0;
    bool m_intervalGiven = false;
    bool m_another = false;
    setup::Schedule m_schedule;
    QString m_baseConnectionId;
    QString m_mode; // create: "flow", "sync" or empty (chosen from the organisation)
    QObject *m_syncCreate = nullptr;
};

} // namespace zaw

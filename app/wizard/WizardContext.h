// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "account/Reconnect.h"
#include "adobe/AdobeSession.h"
#include "endpoints/Endpoints.h"
#include "net/ProxySettings.h"
#include "setup/SetupPlan.h"
#include "store/SecretStore.h"
#include "zoho/ZohoSignInFlow.h"

#include <QJsonObject>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace zaw {

namespace net {
class HttpClient;
}
namespace sandbox {
class SandboxServer;
}
namespace adobe {
class CatalogClient;
class DataPrepClient;
class FlowServiceClient;
class ImsClient;
class PlatformClient;
class SandboxManagementClient;
class SchemaRegistryClient;
} // namespace adobe
namespace zoho {
class ZohoCrmClient;
}
namespace account {
class ProfileSession;
class Reconnect;
} // namespace account
namespace store {
class ProfileStore;
struct Profile;
} // namespace store

// The one model every page shares (DESIGN §2) and the owner of the core objects: pages show its
// state and ask it to act. Secrets live here only in memory (and in the keychain).
class WizardContext : public QObject
{
    Q_OBJECT

public:
    explicit WizardContext(QObject *parent = nullptr);
    ~WizardContext() override;

    // Production URLs, or those of an endpoints file. Returns false with a message on error.
    bool useEndpointsFile(const QString &path, QString *error);
    // Starts the built-in sandbox on a free loopback port, keeping its state in stateFile so
    // that re-running the demo finds what the last run created.
    bool startDemo(const QString &stateFile, QString *error);
    // Where profiles live (--config-dir) and which one this run works on (--profile).
    void setProfileLocation(const QString &configDir, const QString &profileName);
    // Replaces the keychain (tests use the in-memory store).
    void setSecretStore(store::SecretStore *secrets);

    const Endpoints &endpoints() const { return m_endpoints; }
    bool isDemo() const { return m_sandbox != nullptr; }
    QUrl sandboxUrl() const;
    // {"zoho": {...}, "adobe": {...}} of the demo sandbox; empty outside demo mode.
    QJsonObject demoCredentials() const;

    net::HttpClient *http() const { return m_http.get(); }
    store::SecretStore *secrets() const { return m_secrets; }
    store::ProfileStore *profiles() const { return m_profiles.get(); }
    QString profileName() const { return m_profileName; }
    // The profile of this run, loaded or made on first use.
    store::Profile *profile();

    const net::ProxySettings &proxySettings() const { return m_proxy; }
    // Saves and applies the network settings; a new password (if given) goes to the keychain.
    void setProxySettings(const net::ProxySettings &settings, std::optional<QString> newPassword);
    // Loads the saved network settings and the proxy password, and applies them.
    void loadProxySettings();

    zoho::ZohoAppSettings zohoSettings;
    zoho::ZohoSignInFlow *zohoFlow() const { return m_zohoFlow.get(); }
    // Outcome of storing the Zoho secrets: Ok, or why they are not stored.
    store::SecretResult zohoKeychainResult;

    adobe::AdobeSession *adobeSession() { return &m_adobeSession; }
    adobe::PlatformClient *adobePlatform() const { return m_adobePlatform.get(); }
    adobe::SandboxManagementClient *adobeSandboxes() const { return m_adobeSandboxes.get(); }
    store::SecretResult adobeKeychainResult;
    adobe::FlowServiceClient *adobeFlows() const { return m_adobeFlows.get(); }
    adobe::CatalogClient *adobeCatalog() const { return m_adobeCatalog.get(); }
    adobe::SchemaRegistryClient *adobeSchemas() const { return m_adobeSchemas.get(); }
    adobe::DataPrepClient *adobePrep() const { return m_adobePrep.get(); }
    // The signed-in Zoho account's CRM (fields of a module for the schema).
    zoho::ZohoCrmClient *zohoCrm() const { return m_zohoCrm.get(); }

    // What the AEP pages decided so far (the Zoho session is not kept here: the plan gets it).
    setup::SetupRequest draft;
    // Schema Registry's tenant of the chosen sandbox, once read (the Target page reads it).
    QString tenantId;
    // The setup plan of this run: made by the Source account page, filled in page by page and
    // run by the Create page. Its state is written into the profile at every change
    // (profile.setup.plans.<setupId>), so a closed window or a crash loses nothing.
    setup::SetupPlan *plan() const { return m_plan; }
    // Makes the plan from draft (first call) or gives it the draft; also hands it the Zoho session.
    setup::SetupPlan *updatePlan();

    // What this run of the wizard does, chosen on the welcome page.
    enum class Mode { NewConnection, Reconnect, AddDataflow, Resume, Manage, Forget };
    Mode mode = Mode::NewConnection;

    // Opens the saved connection `name` for this run: its profile, and its Zoho and Adobe
    // sessions with the secrets from the keychain (requireAdobe: fail without an Adobe credential).
    void openProfile(const QString &name, bool requireAdobe, std::function<void(const net::Error &)> done);
    // The opened connection (nullptr before openProfile()).
    account::ProfileSession *profileSession() const { return m_session.get(); }
    // The reconnect of the opened connection, made on first use.
    account::Reconnect *reconnect();
    // What a reconnect without a new sign-in changed (the Reconnected page shows it).
    std::optional<account::ReconnectResult> reconnectResult;
    // Continues a saved setup of the opened connection. Returns false with *error when its state
    // cannot be read.
    bool resumePlan(const QString &setupId, QString *error);

private:
    void savePlanState(const QJsonObject &state);
    void rebuildFlows();

    Endpoints m_endpoints = Endpoints::production();
    std::unique_ptr<sandbox::SandboxServer> m_sandbox;
    std::unique_ptr<net::HttpClient> m_http;
    store::SecretStore *m_secrets = nullptr;
    std::unique_ptr<store::ProfileStore> m_profiles;
    std::unique_ptr<store::Profile> m_profile;
    QString m_profileName = QStringLiteral("default");
    net::ProxySettings m_proxy;
    QString m_proxyPassword;
    std::unique_ptr<zoho::ZohoSignInFlow> m_zohoFlow;
    adobe::AdobeSession m_adobeSession;
    std::unique_ptr<adobe::ImsClient> m_ims;
    std::unique_ptr<adobe::PlatformClient> m_adobePlatform;
    std::unique_ptr<adobe::SandboxManagementClient> m_adobeSandboxes;
    std::unique_ptr<adobe::FlowServiceClient> m_adobeFlows;
    std::unique_ptr<adobe::CatalogClient> m_adobeCatalog;
    std::unique_ptr<adobe::SchemaRegistryClient> m_adobeSchemas;
    std::unique_ptr<adobe::DataPrepClient> m_adobePrep;
    std::unique_ptr<zoho::ZohoCrmClient> m_zohoCrm;
    setup::SetupPlan *m_plan = nullptr;
    std::unique_ptr<account::ProfileSession> m_session;
    std::unique_ptr<account::Reconnect> m_reconnect;
};

} // namespace zaw

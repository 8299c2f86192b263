// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "adobe/AdobeSession.h"
#include "endpoints/Endpoints.h"
#include "store/SecretStore.h"
#include "zoho/ZohoSignInFlow.h"

#include <QObject>
#include <QString>

#include <memory>

namespace zaw {

namespace net {
class HttpClient;
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
}
namespace store {
class ProfileStore;
struct Profile;
} // namespace store

// What every page talks through: the service addresses, the one HTTP client, the keychain, the
// profile store and ONE set of service clients. Before a saved connection is opened the set
// belongs to the wizard's own sign-in (Zoho flow + Adobe credential typed on the pages); once it
// is opened, the set is the connection's own (account::ProfileSession's clients), so the wizard
// never holds two graphs talking for the same account.
class WizardServices : public QObject
{
    Q_OBJECT

public:
    explicit WizardServices(QObject *parent = nullptr);
    ~WizardServices() override;

    const Endpoints &endpoints() const { return m_endpoints; }
    // New service addresses: the clients are made again (nothing may be in flight).
    void setEndpoints(const Endpoints &endpoints);

    net::HttpClient *http() const { return m_http.get(); }
    store::SecretStore *secrets() const { return m_secrets; }
    // Replaces the keychain (tests use the in-memory store).
    void setSecretStore(store::SecretStore *secrets);
    store::ProfileStore *profiles() const { return m_profiles.get(); }
    QString profileName() const { return m_profileName; }
    // Where profiles live (--config-dir, empty: unchanged) and which one this run works on.
    void setProfileLocation(const QString &configDir, const QString &profileName);
    // The profile of this run, loaded or made on first use.
    store::Profile *profile();

    // The Zoho app the user typed (or the demo's, or the opened connection's for a new consent).
    const zoho::ZohoAppSettings &zohoSettings() const { return m_zohoSettings; }
    void setZohoSettings(const zoho::ZohoAppSettings &settings);
    // The sign-in of a new connection or a reconnect's new consent.
    zoho::ZohoSignInFlow *zohoFlow() const { return m_zohoFlow.get(); }
    // The Zoho session the clients use: the opened connection's, else the sign-in flow's.
    zoho::ZohoSession &zohoSession();
    // Outcome of storing the Zoho / Adobe secrets: Ok, or why they are not stored.
    const store::SecretResult &zohoKeychainResult() const { return m_zohoKeychain; }
    void setZohoKeychainResult(const store::SecretResult &result);
    const store::SecretResult &adobeKeychainResult() const { return m_adobeKeychain; }
    void setAdobeKeychainResult(const store::SecretResult &result);

    // The Adobe credential the clients use (the opened connection's once one is open).
    adobe::AdobeSession *adobeSession();

    adobe::PlatformClient *adobePlatform() const { return m_platform; }
    adobe::SandboxManagementClient *adobeSandboxes() const { return m_sandboxes.get(); }
    adobe::FlowServiceClient *adobeFlows() const { return m_flows; }
    adobe::CatalogClient *adobeCatalog() const { return m_catalog.get(); }
    adobe::SchemaRegistryClient *adobeSchemas() const { return m_schemas.get(); }
    adobe::DataPrepClient *adobePrep() const { return m_prep.get(); }
    // The signed-in Zoho account's CRM (fields of a module for the schema).
    zoho::ZohoCrmClient *zohoCrm() const { return m_crm; }

    // From now on the clients are those of the opened connection (session outlives the call
    // to releaseSession()).
    void adoptSession(account::ProfileSession *session);
    // Back to the wizard's own clients (the opened connection's Adobe credential stays filled in).
    void releaseSession();
    account::ProfileSession *session() const { return m_session; }

signals:
    void clientsChanged();

private:
    void buildOwnClients();
    void buildPlatformClients();
    void dropClients();

    Endpoints m_endpoints = Endpoints::production();
    std::unique_ptr<net::HttpClient> m_http;
    store::SecretStore *m_secrets = nullptr;
    std::unique_ptr<store::ProfileStore> m_profiles;
    std::unique_ptr<store::Profile> m_profile;
    QString m_profileName = QStringLiteral("default");
    zoho::ZohoAppSettings m_zohoSettings;
    store::SecretResult m_zohoKeychain;
    store::SecretResult m_adobeKeychain;
    adobe::AdobeSession m_adobeSession;
    account::ProfileSession *m_session = nullptr;

    // The wizard's own graph (no connection open).
    std::unique_ptr<zoho::ZohoSignInFlow> m_zohoFlow;
    std::unique_ptr<zoho::ZohoCrmClient> m_ownCrm;
    std::unique_ptr<adobe::ImsClient> m_ims;
    std::unique_ptr<adobe::PlatformClient> m_ownPlatform;
    std::unique_ptr<adobe::FlowServiceClient> m_ownFlows;
    // Made over whichever platform client is current.
    std::unique_ptr<adobe::SandboxManagementClient> m_sandboxes;
    std::unique_ptr<adobe::CatalogClient> m_catalog;
    std::unique_ptr<adobe::SchemaRegistryClient> m_schemas;
    std::unique_ptr<adobe::DataPrepClient> m_prep;
    adobe::PlatformClient *m_platform = nullptr;
    adobe::FlowServiceClient *m_flows = nullptr;
    zoho::ZohoCrmClient *m_crm = nullptr;
};

} // namespace zaw

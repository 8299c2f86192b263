// SPDX-License-Identifier: GPL-3.0-or-later
#include "WizardServices.h"

#include "account/ProfileSession.h"
#include "adobe/CatalogClient.h"
#include "adobe/DataPrepClient.h"
#include "adobe/FlowServiceClient.h"
#include "adobe/ImsClient.h"
#include "adobe/PlatformClient.h"
#include "adobe/SandboxManagementClient.h"
#include "adobe/SchemaRegistryClient.h"
#include "net/HttpClient.h"
#include "store/KeychainSecretStore.h"
#include "store/ProfileStore.h"
#include "zoho/ZohoCrmClient.h"

namespace zaw {

WizardServices::WizardServices(QObject *parent)
    : QObject(parent)
    , m_http(std::make_unique<net::HttpClient>())
    , m_secrets(new store::KeychainSecretStore(this))
    , m_profiles(std::make_unique<store::ProfileStore>(store::ProfileStore::defaultConfigDir()))
{
    buildOwnClients();
}

WizardServices::~WizardServices()
{
    // Clients hold calls on the HTTP client: they go first.
    dropClients();
    m_zohoFlow.reset();
}

void WizardServices::dropClients()
{
    m_prep.reset();
    m_schemas.reset();
    m_catalog.reset();
    m_sandboxes.reset();
    m_ownFlows.reset();
    m_ownCrm.reset();
    m_ownPlatform.reset();
    m_ims.reset();
    m_platform = nullptr;
    m_flows = nullptr;
    m_crm = nullptr;
}

void WizardServices::buildOwnClients()
{
    dropClients();
    if (!m_zohoFlow)
        m_zohoFlow = std::make_unique<zoho::ZohoSignInFlow>(m_http.get(), m_endpoints);
    m_ownCrm = std::make_unique<zoho::ZohoCrmClient>(m_http.get(), m_zohoFlow->authClient(), &m_zohoFlow->session());
    m_ims = std::make_unique<adobe::ImsClient>(m_http.get(), m_endpoints);
    m_ownPlatform = std::make_unique<adobe::PlatformClient>(m_http.get(), m_ims.get(), &m_adobeSession, m_endpoints);
    m_ownFlows = std::make_unique<adobe::FlowServiceClient>(m_ownPlatform.get());
    m_platform = m_ownPlatform.get();
    m_flows = m_ownFlows.get();
    m_crm = m_ownCrm.get();
    buildPlatformClients();
}

void WizardServices::buildPlatformClients()
{
    m_sandboxes = std::make_unique<adobe::SandboxManagementClient>(m_platform);
    m_catalog = std::make_unique<adobe::CatalogClient>(m_platform);
    m_schemas = std::make_unique<adobe::SchemaRegistryClient>(m_platform);
    m_prep = std::make_unique<adobe::DataPrepClient>(m_platform);
    emit clientsChanged();
}

void WizardServices::setEndpoints(const Endpoints &endpoints)
{
    m_endpoints = endpoints;
    m_session = nullptr;
    dropClients();
    // Only before the pages exist (they connect to the flow's signals).
    m_zohoFlow.reset();
    buildOwnClients();
}

void WizardServices::adoptSession(account::ProfileSession *session)
{
    dropClients();
    m_session = session;
    m_platform = session->platform();
    m_flows = session->flows();
    m_crm = session->zohoCrm();
    buildPlatformClients();
}

void WizardServices::releaseSession()
{
    if (!m_session)
        return;
    // A new connection after an opened one starts from its Adobe credential, as typed before.
    m_adobeSession = m_session->adobe();
    m_session = nullptr;
    buildOwnClients();
}

zoho::ZohoSession &WizardServices::zohoSession()
{
    return m_session ? m_session->zoho() : m_zohoFlow->session();
}

adobe::AdobeSession *WizardServices::adobeSession()
{
    return m_session ? &m_session->adobe() : &m_adobeSession;
}

void WizardServices::setSecretStore(store::SecretStore *secrets)
{
    m_secrets = secrets;
}

void WizardServices::setProfileLocation(const QString &configDir, const QString &profileName)
{
    if (!configDir.isEmpty())
        m_profiles = std::make_unique<store::ProfileStore>(configDir);
    if (!profileName.isEmpty())
        m_profileName = profileName;
    m_profile.reset();
}

store::Profile *WizardServices::profile()
{
    if (!m_profile) {
        QString error;
        auto loaded = m_profiles->exists(m_profileName) ? m_profiles->load(m_profileName, &error) : std::nullopt;
        m_profile = std::make_unique<store::Profile>(loaded ? *loaded : m_profiles->create(m_profileName));
    }
    return m_profile.get();
}

void WizardServices::setZohoSettings(const zoho::ZohoAppSettings &settings)
{
    m_zohoSettings = settings;
}

void WizardServices::setZohoKeychainResult(const store::SecretResult &result)
{
    m_zohoKeychain = result;
}

void WizardServices::setAdobeKeychainResult(const store::SecretResult &result)
{
    m_adobeKeychain = result;
}

} // namespace zaw

// SPDX-License-Identifier: GPL-3.0-or-later
#include "WizardContext.h"

#include "account/ProfileSession.h"
#include "account/Reconnect.h"
#include "adobe/CatalogClient.h"
#include "adobe/DataPrepClient.h"
#include "adobe/FlowServiceClient.h"
#include "adobe/ImsClient.h"
#include "adobe/PlatformClient.h"
#include "adobe/SandboxManagementClient.h"
#include "adobe/SchemaRegistryClient.h"
#include "net/HttpClient.h"
#include "sandbox/SandboxServer.h"
#include "setup/SavedPlans.h"
#include "store/KeychainSecretStore.h"
#include "store/ProfileStore.h"
#include "zoho/ZohoCrmClient.h"

#include "net/Redaction.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace zaw {

WizardContext::WizardContext(QObject *parent)
    : QObject(parent)
    , m_http(std::make_unique<net::HttpClient>())
    , m_secrets(new store::KeychainSecretStore(this))
    , m_profiles(std::make_unique<store::ProfileStore>(store::ProfileStore::defaultConfigDir()))
{
    rebuildFlows();
}

WizardContext::~WizardContext()
{
    // Flows and clients hold calls on the HTTP client: they go first.
    m_reconnect.reset();
    m_session.reset();
    delete m_plan;
    m_zohoCrm.reset();
    m_adobePrep.reset();
    m_adobeSchemas.reset();
    m_adobeCatalog.reset();
    m_adobeFlows.reset();
    m_zohoFlow.reset();
    m_adobeSandboxes.reset();
    m_adobePlatform.reset();
    m_ims.reset();
}

void WizardContext::rebuildFlows()
{
    delete m_plan;
    m_plan = nullptr;
    m_zohoCrm.reset();
    m_adobePrep.reset();
    m_adobeSchemas.reset();
    m_adobeCatalog.reset();
    m_adobeFlows.reset();
    m_zohoFlow = std::make_unique<zoho::ZohoSignInFlow>(m_http.get(), m_endpoints);
    m_zohoCrm = std::make_unique<zoho::ZohoCrmClient>(m_http.get(), m_zohoFlow->authClient(), &m_zohoFlow->session());
    m_adobeSandboxes.reset();
    m_adobePlatform.reset();
    m_ims = std::make_unique<adobe::ImsClient>(m_http.get(), m_endpoints);
    m_adobePlatform = std::make_unique<adobe::PlatformClient>(m_http.get(), m_ims.get(), &m_adobeSession, m_endpoints);
    m_adobeSandboxes = std::make_unique<adobe::SandboxManagementClient>(m_adobePlatform.get());
    m_adobeFlows = std::make_unique<adobe::FlowServiceClient>(m_adobePlatform.get());
    m_adobeCatalog = std::make_unique<adobe::CatalogClient>(m_adobePlatform.get());
    m_adobeSchemas = std::make_unique<adobe::SchemaRegistryClient>(m_adobePlatform.get());
    m_adobePrep = std::make_unique<adobe::DataPrepClient>(m_adobePlatform.get());
}

setup::SetupPlan *WizardContext::updatePlan()
{
    setup::SetupRequest request = draft;
    request.zoho = m_zohoFlow->session();
    if (!m_plan) {
        m_plan = new setup::SetupPlan(m_adobePlatform.get(), request, this);
        connect(m_plan, &setup::SetupPlan::stateChanged, this, &WizardContext::savePlanState);
        savePlanState(m_plan->state());
    } else {
        m_plan->setRequest(request);
    }
    m_plan->setTenantId(tenantId);
    return m_plan;
}

void WizardContext::openProfile(const QString &name, bool requireAdobe, std::function<void(const net::Error &)> done)
{
    m_reconnect.reset();
    m_session = std::make_unique<account::ProfileSession>(m_http.get(), m_endpoints, m_profiles.get(), m_secrets);
    const bool forgetting = mode == Mode::Forget;
    m_session->load(
        name, requireAdobe,
        [this, name, done](const net::Error &error) {
            if (error) {
                done(error);
                return;
            }
            // This run now works on that connection.
            delete m_plan;
            m_plan = nullptr;
            draft = {};
            tenantId.clear();
            m_profileName = name;
            m_profile.reset();
            m_zohoFlow->session() = m_session->zoho();
            m_adobeSession = m_session->adobe();
            zohoSettings = reconnect()->signInSettings();
            done({});
        },
        !forgetting);
}

account::Reconnect *WizardContext::reconnect()
{
    if (!m_reconnect && m_session)
        m_reconnect = std::make_unique<account::Reconnect>(m_session.get());
    return m_reconnect.get();
}

bool WizardContext::resumePlan(const QString &setupId, QString *error)
{
    const QJsonObject state = profile()->setup.value(QStringLiteral("plans")).toObject().value(setupId).toObject();
    setup::SetupPlan *plan = setup::SetupPlan::fromState(m_adobePlatform.get(), state, this, error);
    if (!plan)
        return false;
    delete m_plan;
    m_plan = plan;
    connect(m_plan, &setup::SetupPlan::stateChanged, this, &WizardContext::savePlanState);
    draft = plan->request();
    draft.zoho = {};
    tenantId = plan->tenantId();
    m_plan->setZohoSession(m_zohoFlow->session());
    return true;
}

void WizardContext::savePlanState(const QJsonObject &state)
{
    store::Profile *p = profile();
    setup::SavedPlans::put(p->setup, state);
    QString error;
    if (!m_profiles->save(*p, &error))
        qCWarning(lcSetup) << "the profile could not be saved:" << error;
}

bool WizardContext::useEndpointsFile(const QString &path, QString *error)
{
    auto loaded = Endpoints::fromFile(path, error);
    if (!loaded)
        return false;
    m_endpoints = *loaded;
    rebuildFlows();
    return true;
}

bool WizardContext::startDemo(const QString &stateFile, QString *error)
{
    auto server = std::make_unique<sandbox::SandboxServer>();
    if (!stateFile.isEmpty()) {
        QDir().mkpath(QFileInfo(stateFile).absolutePath());
        QString detail;
        if (!server->setStateFile(stateFile, &detail)) {
            *error = tr("The demo sandbox could not read its saved state (%1). Delete the file to start afresh.")
                         .arg(detail);
            return false;
        }
    }
    QString detail;
    if (!server->start(QHostAddress::LocalHost, 0, &detail)) {
        *error = tr("The demo sandbox could not start: %1").arg(detail);
        return false;
    }
    QString endpointsError;
    auto endpoints = Endpoints::fromJson(server->endpointsJson(), &endpointsError);
    if (!endpoints) {
        *error = endpointsError;
        return false;
    }
    m_endpoints = *endpoints;
    m_sandbox = std::move(server);
    rebuildFlows();
    // The demo client comes prefilled; its secret stays in memory like a typed one.
    const QJsonObject zoho = m_sandbox->credentials().value(QStringLiteral("zoho")).toObject();
    zohoSettings.clientId = zoho.value(QStringLiteral("clientId")).toString();
    zohoSettings.clientSecret = zoho.value(QStringLiteral("clientSecret")).toString();
    zohoSettings.redirectUri = zoho.value(QStringLiteral("redirectUri")).toString();
    const QJsonObject adobe = m_sandbox->credentials().value(QStringLiteral("adobe")).toObject();
    m_adobeSession.clientId = adobe.value(QStringLiteral("clientId")).toString();
    m_adobeSession.clientSecret = adobe.value(QStringLiteral("clientSecret")).toString();
    m_adobeSession.orgId = adobe.value(QStringLiteral("orgId")).toString();
    return true;
}

void WizardContext::setProfileLocation(const QString &configDir, const QString &profileName)
{
    if (!configDir.isEmpty())
        m_profiles = std::make_unique<store::ProfileStore>(configDir);
    if (!profileName.isEmpty())
        m_profileName = profileName;
    m_profile.reset();
}

void WizardContext::setSecretStore(store::SecretStore *secrets)
{
    m_secrets = secrets;
}

store::Profile *WizardContext::profile()
{
    if (!m_profile) {
        QString error;
        auto loaded = m_profiles->exists(m_profileName) ? m_profiles->load(m_profileName, &error) : std::nullopt;
        m_profile = std::make_unique<store::Profile>(loaded ? *loaded : m_profiles->create(m_profileName));
    }
    return m_profile.get();
}

void WizardContext::setProxySettings(const net::ProxySettings &settings, std::optional<QString> newPassword)
{
    m_proxy = settings;
    m_proxy.save(m_profiles->configDir());
    const QString key = store::SecretStore::key(net::ProxySettings::keychainProfile(),
                                                QString::fromLatin1(store::SecretName::ProxyPassword));
    if (newPassword) {
        m_proxyPassword = *newPassword;
        if (newPassword->isEmpty())
            m_secrets->remove(key, this, [](const store::SecretResult &) {});
        else
            m_secrets->write(key, *newPassword, this, [](const store::SecretResult &) {});
    }
    m_proxy.apply(m_http.get(), m_proxyPassword);
}

void WizardContext::loadProxySettings()
{
    m_proxy = net::ProxySettings::load(m_profiles->configDir());
    m_proxy.apply(m_http.get(), {});
    if (m_proxy.useSystem || m_proxy.user.isEmpty())
        return;
    const QString key = store::SecretStore::key(net::ProxySettings::keychainProfile(),
                                                QString::fromLatin1(store::SecretName::ProxyPassword));
    m_secrets->read(key, this, [this](const store::SecretResult &result) {
        if (result.ok()) {
            m_proxyPassword = result.value;
            m_proxy.apply(m_http.get(), m_proxyPassword);
        }
    });
}

QUrl WizardContext::sandboxUrl() const
{
    return m_sandbox ? m_sandbox->url() : QUrl();
}

QJsonObject WizardContext::demoCredentials() const
{
    return m_sandbox ? m_sandbox->credentials() : QJsonObject();
}

} // namespace zaw

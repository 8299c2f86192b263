// SPDX-License-Identifier: GPL-3.0-or-later
#include "account/ProfileSession.h"

#include "adobe/FlowServiceClient.h"
#include "adobe/ImsClient.h"
#include "adobe/PlatformClient.h"
#include "net/HttpClient.h"
#include "store/SecretStore.h"
#include "zoho/ZohoCrmClient.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace zaw::account {

namespace {

// Read in this order; the access token and the Adobe secret may be missing.
const char *const kSecrets[] = {store::SecretName::ZohoClientSecret, store::SecretName::ZohoRefreshToken,
                                store::SecretName::ZohoAccessToken, store::SecretName::AdobeClientSecret};
constexpr int kSecretCount = 4;

} // namespace

ProfileSession::ProfileSession(net::HttpClient *http, const Endpoints &endpoints, store::ProfileStore *profiles,
                               store::SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_http(http)
    , m_endpoints(endpoints)
    , m_profiles(profiles)
    , m_secrets(secrets)
    , m_zohoAuth(std::make_unique<zoho::ZohoAuthClient>(http, endpoints))
    , m_ims(std::make_unique<adobe::ImsClient>(http, endpoints))
    , m_platform(std::make_unique<adobe::PlatformClient>(http, m_ims.get(), &m_adobe, endpoints))
    , m_flows(std::make_unique<adobe::FlowServiceClient>(m_platform.get()))
    , m_zohoCrm(std::make_unique<zoho::ZohoCrmClient>(http, m_zohoAuth.get(), &m_zoho))
{}

ProfileSession::~ProfileSession()
{
    m_zohoCrm.reset();
    m_flows.reset();
    m_platform.reset();
}

net::Error ProfileSession::keychainError(const store::SecretResult &result)
{
    net::Error e = net::Error::make(net::ErrorCategory::Input, result.message, result.detail);
    if (result.status == store::SecretStatus::NoKeychain)
        e.code = QLatin1String(kNoKeychain);
    return e;
}

void ProfileSession::load(const QString &profileName, bool requireAdobe, std::function<void(const net::Error &)> done,
                          bool requireZoho)
{
    if (!m_profiles->exists(profileName)) {
        done(net::Error::make(net::ErrorCategory::SignInNeeded,
                              tr("There is no saved connection called \"%1\". Set it up with the wizard or with "
                                 "\"zoho-aep-connect zoho-login\".")
                                  .arg(profileName)));
        return;
    }
    QString error;
    const auto loaded = m_profiles->load(profileName, &error);
    if (!loaded) {
        done(net::Error::make(net::ErrorCategory::Input, error));
        return;
    }
    m_profile = *loaded;
    if (requireZoho && m_profile.zoho.value(u"clientId"_s).toString().isEmpty()) {
        done(net::Error::make(
            net::ErrorCategory::SignInNeeded,
            tr("The connection \"%1\" was never signed in to Zoho CRM. Sign in again.").arg(profileName)));
        return;
    }
    if (requireAdobe && m_profile.adobe.value(u"clientId"_s).toString().isEmpty()) {
        done(net::Error::make(net::ErrorCategory::SignInNeeded,
                              tr("The connection \"%1\" has no Adobe credential yet. Enter it in the wizard or with "
                                 "\"zoho-aep-connect adobe-login\".")
                                  .arg(profileName)));
        return;
    }
    m_zoho = {};
    m_zoho.dc = m_profile.zoho.value(u"dc"_s).toString();
    m_zoho.environment =
        crmEnvironmentFromName(m_profile.zoho.value(u"environment"_s).toString()).value_or(CrmEnvironment::Production);
    m_zoho.clientId = m_profile.zoho.value(u"clientId"_s).toString();
    const DataCenter *dc = m_endpoints.dataCenter(m_zoho.dc);
    if (requireZoho && (!dc || dc->apiFor(m_zoho.environment).isEmpty())) {
        done(net::Error::make(
            net::ErrorCategory::SignInNeeded,
            tr("The Zoho data centre \"%1\" of this connection is not known here. Sign in again.").arg(m_zoho.dc)));
        return;
    }
    if (dc) {
        m_zoho.accountsServer = dc->accounts;
        m_zoho.apiDomain = dc->apiFor(m_zoho.environment);
    }
    m_adobe = {};
    m_adobe.clientId = m_profile.adobe.value(u"clientId"_s).toString();
    m_adobe.orgId = m_profile.adobe.value(u"orgId"_s).toString();
    m_adobe.sandboxName = m_profile.adobe.value(u"sandbox"_s).toString();
    readSecrets(0, requireAdobe, requireZoho, std::move(done));
}

void ProfileSession::readSecrets(int index, bool requireAdobe, bool requireZoho,
                                 std::function<void(const net::Error &)> done)
{
    if (index >= kSecretCount) {
        done({});
        return;
    }
    const QString name = QString::fromLatin1(kSecrets[index]);
    m_secrets->read(store::SecretStore::key(m_profile.id, name), this,
                    [this, index, name, requireAdobe, requireZoho, done](const store::SecretResult &result) {
                        const bool optional =
                            name == QLatin1String(store::SecretName::ZohoAccessToken) ||
                            (name == QLatin1String(store::SecretName::AdobeClientSecret) && !requireAdobe);
                        if (result.status == store::SecretStatus::NotFound && !optional) {
                            const bool adobe = name == QLatin1String(store::SecretName::AdobeClientSecret);
                            done(net::Error::make(
                                net::ErrorCategory::SignInNeeded,
                                adobe ? tr("The keychain holds no Adobe client secret for \"%1\". Enter the "
                                           "credential again.")
                                            .arg(m_profile.name)
                                      : tr("The keychain holds no Zoho credentials for \"%1\". Sign in to Zoho again.")
                                            .arg(m_profile.name)));
                            return;
                        }
                        if (!result.ok() && result.status != store::SecretStatus::NotFound) {
                            done(keychainError(result));
                            return;
                        }
                        const QString value = result.ok() ? result.value : QString();
                        if (name == QLatin1String(store::SecretName::ZohoClientSecret)) {
                            m_zoho.clientSecret = value;
                        } else if (name == QLatin1String(store::SecretName::ZohoRefreshToken)) {
                            m_zoho.refreshToken = value;
                        } else if (name == QLatin1String(store::SecretName::ZohoAccessToken)) {
                            const QJsonObject access = QJsonDocument::fromJson(value.toUtf8()).object();
                            m_zoho.accessToken = access.value(u"token"_s).toString();
                            m_zoho.accessExpiresAt =
                                QDateTime::fromString(access.value(u"expiresAt"_s).toString(), Qt::ISODate);
                        } else {
                            m_adobe.clientSecret = value;
                        }
                        readSecrets(index + 1, requireAdobe, requireZoho, done);
                    });
}

void ProfileSession::ensureZohoToken(std::function<void(const net::Error &)> done)
{
    // Zoho lets a refresh token mint only a few access tokens: reuse a fresh one.
    if (m_zoho.hasFreshAccessToken(300)) {
        done({});
        return;
    }
    m_zohoAuth->refresh(&m_zoho, this, [this, done](const net::Error &error) {
        if (error) {
            done(error);
            return;
        }
        const QJsonObject access{{u"token"_s, m_zoho.accessToken},
                                 {u"expiresAt"_s, m_zoho.accessExpiresAt.toString(Qt::ISODate)}};
        storeSecret(store::SecretName::ZohoAccessToken,
                    QString::fromUtf8(QJsonDocument(access).toJson(QJsonDocument::Compact)),
                    [done](const store::SecretResult &) { done({}); }); // a token not kept is minted again
    });
}

void ProfileSession::storeSecret(const char *name, const QString &value,
                                 std::function<void(const store::SecretResult &)> done)
{
    m_secrets->write(store::SecretStore::key(m_profile.id, QString::fromLatin1(name)), value, this, std::move(done));
}

void ProfileSession::storeZohoSecrets(std::function<void(const store::SecretResult &)> done)
{
    const QJsonObject access{{u"token"_s, m_zoho.accessToken},
                             {u"expiresAt"_s, m_zoho.accessExpiresAt.toString(Qt::ISODate)}};
    const QString accessJson = QString::fromUtf8(QJsonDocument(access).toJson(QJsonDocument::Compact));
    storeSecret(store::SecretName::ZohoClientSecret, m_zoho.clientSecret,
                [this, accessJson, done](const store::SecretResult &r1) {
                    if (!r1.ok()) {
                        done(r1);
                        return;
                    }
                    storeSecret(store::SecretName::ZohoRefreshToken, m_zoho.refreshToken,
                                [this, accessJson, done](const store::SecretResult &r2) {
                                    if (!r2.ok()) {
                                        done(r2);
                                        return;
                                    }
                                    storeSecret(store::SecretName::ZohoAccessToken, accessJson, done);
                                });
                });
}

bool ProfileSession::saveProfile(QString *error)
{
    return m_profiles->save(m_profile, error);
}

QString ProfileSession::baseConnectionId() const
{
    return m_profile.setup.value(u"baseConnectionId"_s).toString();
}

} // namespace zaw::account

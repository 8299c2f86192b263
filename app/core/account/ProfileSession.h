// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "adobe/AdobeSession.h"
#include "endpoints/Endpoints.h"
#include "net/Error.h"
#include "store/ProfileStore.h"
#include "store/SecretStore.h"
#include "zoho/ZohoAuthClient.h"

#include <QObject>

#include <functional>
#include <memory>

namespace zaw::net {
class HttpClient;
}
namespace zaw::zoho {
class ZohoCrmClient;
}
namespace zaw::adobe {
class FlowServiceClient;
class ImsClient;
class PlatformClient;
} // namespace zaw::adobe

namespace zaw::account {

// A saved connection brought back: the profile and its secrets from the keychain, with the
// clients to talk to Zoho and Experience Platform on its behalf. Shared by the wizard's welcome
// page and the status, reconnect and forget commands.
//
// Errors of load(): SignInNeeded when the profile was never signed in (or a secret is missing
// from the keychain), Input when the profile cannot be read, and code kNoKeychain when the
// keychain cannot be used at all.
class ProfileSession : public QObject
{
    Q_OBJECT

public:
    static constexpr char kNoKeychain[] = "NO_KEYCHAIN";

    ProfileSession(net::HttpClient *http, const Endpoints &endpoints, store::ProfileStore *profiles,
                   store::SecretStore *secrets, QObject *parent = nullptr);
    ~ProfileSession() override;

    // Loads the profile and reads its secrets. requireAdobe: fail when the profile has no Adobe
    // credential (forget does not need one). requireZoho: fail when the Zoho secrets are missing
    // (false for forget: a connection whose secrets are gone can still be forgotten).
    void load(const QString &profileName, bool requireAdobe, std::function<void(const net::Error &)> done,
              bool requireZoho = true);

    store::Profile &profile() { return m_profile; }
    const store::Profile &profile() const { return m_profile; }
    zoho::ZohoSession &zoho() { return m_zoho; }
    adobe::AdobeSession &adobe() { return m_adobe; }
    bool hasAdobe() const { return !m_adobe.clientId.isEmpty() && !m_adobe.clientSecret.isEmpty(); }
    const Endpoints &endpoints() const { return m_endpoints; }
    net::HttpClient *http() const { return m_http; }
    store::SecretStore *secrets() const { return m_secrets; }
    store::ProfileStore *profiles() const { return m_profiles; }

    zoho::ZohoAuthClient *zohoAuth() const { return m_zohoAuth.get(); }
    adobe::PlatformClient *platform() const { return m_platform.get(); }
    adobe::FlowServiceClient *flows() const { return m_flows.get(); }
    // The account's CRM with the session's tokens (an expired access token is refreshed once).
    zoho::ZohoCrmClient *zohoCrm() const { return m_zohoCrm.get(); }

    // A usable Zoho access token: the saved one while it is fresh, else a refresh (the new token
    // is kept in the keychain). A dead refresh token answers SignInNeeded.
    void ensureZohoToken(std::function<void(const net::Error &)> done);
    // Writes the Zoho secrets of zoho() to the keychain (after a reconnect or a rotated secret).
    void storeZohoSecrets(std::function<void(const store::SecretResult &)> done);
    // Writes a secret of this profile to the keychain.
    void storeSecret(const char *name, const QString &value, std::function<void(const store::SecretResult &)> done);
    bool saveProfile(QString *error);

    // The base connection of the profile (empty when none was made).
    QString baseConnectionId() const;

    // The keychain's answer as an error of this module (kNoKeychain for a missing keychain).
    static net::Error keychainError(const store::SecretResult &result);

private:
    void readSecrets(int index, bool requireAdobe, bool requireZoho, std::function<void(const net::Error &)> done);

    net::HttpClient *m_http;
    Endpoints m_endpoints;
    store::ProfileStore *m_profiles;
    store::SecretStore *m_secrets;
    store::Profile m_profile;
    zoho::ZohoSession m_zoho;
    adobe::AdobeSession m_adobe;
    std::unique_ptr<zoho::ZohoAuthClient> m_zohoAuth;
    std::unique_ptr<adobe::ImsClient> m_ims;
    std::unique_ptr<adobe::PlatformClient> m_platform;
    std::unique_ptr<adobe::FlowServiceClient> m_flows;
    std::unique_ptr<zoho::ZohoCrmClient> m_zohoCrm;
};

} // namespace zaw::account

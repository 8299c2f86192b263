// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/Error.h"
#include "zoho/AuthorizationRequest.h"
#include "zoho/RedirectMatcher.h"
#include "zoho/ZohoAuthClient.h"
#include "zoho/ZohoCrmClient.h"

#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>

#include <functional>

#include <memory>
#include <optional>

namespace zaw::store {
class SecretStore;
class ProfileStore;
struct Profile;
struct SecretResult;
} // namespace zaw::store

namespace zaw::zoho {

// What the user typed on the Zoho app page. The secret stays in memory until it is verified.
struct ZohoAppSettings
{
    QString clientId;
    QString clientSecret;
    ClientType clientType = ClientType::Server;
    QString redirectUri;
    QString startDc = QStringLiteral("us"); // where consent starts; Zoho answers with the home DC
    CrmEnvironment environment = CrmEnvironment::Production;
    QStringList scopes = defaultScopes();
};

// The verified account, shown before anything is created.
struct ZohoAccount
{
    ZohoUser user;
    ZohoOrg org;
    QString dc;
    CrmEnvironment environment = CrmEnvironment::Production;
    QUrl apiDomain;
};

// One Zoho sign-in, shared by the wizard and the command line: builds the consent URL (fresh
// state and PKCE each time), matches the redirect, exchanges the code at the user's data centre
// and verifies the account (current user, org, environment).
class ZohoSignInFlow : public QObject
{
    Q_OBJECT

public:
    ZohoSignInFlow(net::HttpClient *http, const Endpoints &endpoints, QObject *parent = nullptr);
    ~ZohoSignInFlow() override;

    // Starts an attempt; returns the consent URL, or an empty URL with *error set.
    // A grant is usable once: after complete() has taken an answer to this attempt (success or
    // failure), match() rejects the same redirect and complete() starts no exchange.
    QUrl begin(const ZohoAppSettings &settings, net::Error *error);
    bool isRedirect(const QUrl &url) const;
    RedirectResult match(const QUrl &url) const;
    // Continues with what came back; emits succeeded() or failed().
    void complete(const RedirectResult &result);
    void cancel();
    bool busy() const { return m_busy; }

    const RedirectMatcher *matcher() const { return m_matcher.get(); }
    ZohoSession &session() { return m_session; }
    const ZohoAccount &account() const { return m_account; }
    const ZohoAppSettings &settings() const { return m_settings; }
    ZohoAuthClient *authClient() { return &m_auth; }

    // Records the account in profile.zoho (no secrets) and writes the secrets to the keychain
    // under the profile's id. done gets the keychain's outcome; the profile is saved either way.
    void store(store::ProfileStore *profiles, store::SecretStore *secrets, store::Profile *profile, QObject *context,
               std::function<void(const QString &profileError, const store::SecretResult &keychain)> done);

signals:
    void progress(const QString &text);
    void succeeded(const zaw::zoho::ZohoAccount &account);
    void failed(const zaw::net::Error &error);

private:
    // The secrets store() writes, one after another; owned by the pending keychain callback.
    struct SecretWrites
    {
        store::SecretStore *secrets = nullptr;
        QObject *context = nullptr;
        QString id;
        QString profileError;
        QList<QPair<QString, QString>> entries;
        qsizetype next = 0;
        std::function<void(const QString &, const store::SecretResult &)> done;
        void wipe();
    };
    static void writeNext(std::shared_ptr<SecretWrites> writes);
    static net::Error usedGrantError();
    void verify();
    void fail(const net::Error &error);

    net::HttpClient *m_http;
    Endpoints m_endpoints;
    ZohoAuthClient m_auth;
    ZohoAppSettings m_settings;
    std::unique_ptr<AuthorizationRequest> m_request;
    std::unique_ptr<RedirectMatcher> m_matcher;
    ZohoSession m_session;
    ZohoAccount m_account;
    std::unique_ptr<ZohoCrmClient> m_crm;
    std::unique_ptr<QObject> m_attempt; // context of the running attempt; deleted to cancel
    bool m_busy = false;
    bool m_grantUsed = false; // complete() took this attempt's answer: a new begin() is needed
};

} // namespace zaw::zoho

Q_DECLARE_METATYPE(zaw::zoho::ZohoAccount)

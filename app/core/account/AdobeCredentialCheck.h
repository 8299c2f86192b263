// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "adobe/AdobeSession.h"
#include "adobe/SandboxManagementClient.h"
#include "endpoints/Endpoints.h"
#include "net/Error.h"
#include "store/SecretStore.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace zaw::net {
class HttpClient;
}
namespace zaw::adobe {
class ImsClient;
class PlatformClient;
} // namespace zaw::adobe
namespace zaw::store {
class ProfileStore;
struct Profile;
} // namespace zaw::store

namespace zaw::account {

// Checking and keeping an Adobe OAuth Server-to-Server credential: one path for the wizard's
// Adobe page and `adobe-login`.
//
// check() mints an IMS token with the credential and lists the sandboxes the credential may use
// (which also proves the organisation ID: IMS alone accepts any org). With a sandbox name the
// check also requires that sandbox to be in the list. store() keeps the IDs in the profile and
// the client secret in the keychain.
class AdobeCredentialCheck : public QObject
{
    Q_OBJECT

public:
    enum class Field { ClientId, ClientSecret, OrgId, Sandbox };
    struct FieldProblem
    {
        Field field = Field::ClientId;
        QString message; // translated
    };

    // session: the credential to check and fill with the token (the wizard's shared session, or
    // the command's own); it must outlive this object.
    AdobeCredentialCheck(net::HttpClient *http, const Endpoints &endpoints, adobe::AdobeSession *session,
                         QObject *parent = nullptr);
    ~AdobeCredentialCheck() override;

    // The problems of the typed fields, before anything is sent (empty: fine). Sandbox is only
    // checked when requireSandbox is true (the command line names it up front; the page picks it
    // from the list afterwards).
    static QList<FieldProblem> fieldProblems(const QString &clientId, const QString &clientSecret, const QString &orgId,
                                             const QString &sandboxName = {}, bool requireSandbox = false);

    // Sets the credential in the session (trimmed; the sandbox lower case; the cached token is
    // dropped), then checks it. Emits checked() or failed(). A check running already is cancelled.
    // sandboxName empty: any list is fine (the page lets the user pick); else the sandbox must be
    // in the list, or failed() carries an Input error that names the sandboxes there are.
    void check(const QString &clientId, const QString &clientSecret, const QString &orgId,
               const QString &sandboxName = {});

    // Keeps the checked credential with sandboxName (one of the list of the last successful
    // check): profile->adobe = {clientId, orgId, sandbox} saved through profiles, then the client
    // secret written to secrets under the profile's id. Emits stored() with the keychain's answer
    // (a keychain that failed is not failed(): the page goes on for this run only, the command
    // line exits 5), or failed() when the profile cannot be saved or the sandbox was not listed.
    void store(store::ProfileStore *profiles, store::SecretStore *secrets, store::Profile *profile,
               const QString &sandboxName);

    // Drops the answers in flight; no signal follows.
    void cancel();
    bool busy() const { return m_busy; }

    adobe::AdobeSession *session() const { return m_session; }
    // The sandboxes of the last successful check, as Adobe listed them.
    QList<adobe::SandboxInfo> sandboxes() const { return m_sandboxes; }
    // The index in sandboxes() a picker starts at: the default sandbox, else the first; -1 when
    // the list is empty.
    int preferredIndex() const;
    // The sandbox of that name in sandboxes(), if listed.
    std::optional<adobe::SandboxInfo> sandbox(const QString &name) const;

    // The error of check() when the credential works but the named sandbox is not in the list
    // (an answer of Adobe's, not a usage mistake).
    static bool isSandboxMissing(const net::Error &error);

    // Where and with which scopes the credential gets its token (for an exported script).
    static QString imsTokenUrl(const Endpoints &endpoints);
    static QStringList imsScopes();

signals:
    void checked(const QList<zaw::adobe::SandboxInfo> &sandboxes);
    void stored(const zaw::adobe::SandboxInfo &sandbox, const zaw::store::SecretResult &keychain);
    void failed(const zaw::net::Error &error);

private:
    void finishAttempt();
    void makeClients();

    net::HttpClient *m_http;
    Endpoints m_endpoints;
    adobe::AdobeSession *m_session;
    std::unique_ptr<adobe::ImsClient> m_ims;
    std::unique_ptr<adobe::PlatformClient> m_platform;
    std::unique_ptr<adobe::SandboxManagementClient> m_sandboxClient;
    QList<adobe::SandboxInfo> m_sandboxes;
    QPointer<QObject> m_attempt; // context of the running call; deleted to cancel
    bool m_busy = false;
};

} // namespace zaw::account

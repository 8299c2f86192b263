// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "endpoints/Endpoints.h"

#include <QString>
#include <QStringList>
#include <QUrl>

namespace zaw::zoho {

enum class ClientType {
    Server,  // "Server-based Applications": code + client secret
    Desktop, // "Mobile and desktop-based apps": code + PKCE (S256) + client secret
};

QString clientTypeName(ClientType type);
std::optional<ClientType> clientTypeFromName(const QString &name);

// The read-only preset (reference §7) plus COQL and Bulk Read for direct sync.
QStringList defaultScopes();
// Splits a user-edited list (commas, spaces or new lines) into scope names; duplicates dropped.
QStringList parseScopes(const QString &text);
// A scope name Zoho could accept: Service.scope[.sub].OPERATION.
bool isValidScopeName(const QString &scope);

// One consent attempt: its URL, and the state and PKCE verifier it must be matched with.
// A new attempt (Try again, Reconnect) makes a new object: state and verifier are never reused.
class AuthorizationRequest
{
public:
    AuthorizationRequest(const QUrl &accountsBase, const QString &clientId, const QString &redirectUri,
                         const QStringList &scopes, ClientType clientType);

    QUrl url() const;
    QString state() const { return m_state; }
    QString codeVerifier() const { return m_codeVerifier; } // empty for server-based clients
    QString codeChallenge() const;
    QString redirectUri() const { return m_redirectUri; }
    QString clientId() const { return m_clientId; }
    QStringList scopes() const { return m_scopes; }
    ClientType clientType() const { return m_clientType; }

    static QString randomUrlSafe(int bytes);
    static QString s256(const QString &verifier);

private:
    QUrl m_accountsBase;
    QString m_clientId;
    QString m_redirectUri;
    QStringList m_scopes;
    ClientType m_clientType;
    QString m_state;
    QString m_codeVerifier;
};

} // namespace zaw::zoho

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "endpoints/Endpoints.h"
#include "net/Error.h"
#include "zoho/RedirectMatcher.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <functional>

namespace zaw::net {
class HttpClient;
class HttpCall;
struct HttpRequest;
} // namespace zaw::net

namespace zaw::zoho {

// Everything needed to call Zoho for one user, org and environment. Secrets live here in memory
// and in the keychain only.
struct ZohoSession
{
    QString dc; // data-centre code (the user's home)
    CrmEnvironment environment = CrmEnvironment::Production;
    QUrl accountsServer;
    QUrl apiDomain;
    QString clientId;
    QString clientSecret;
    QString refreshToken;
    QString accessToken;
    QDateTime accessExpiresAt; // UTC

    // Zoho lets a refresh token mint only 10 access tokens in 10 minutes: reuse the current one
    // until it is about to expire.
    bool hasFreshAccessToken(int marginSeconds = 60) const;
};

// Token endpoint client: exchange, refresh, revoke at the user's own data centre, with Zoho's
// HTTP-200 error bodies mapped to clear messages (reference §4).
class ZohoAuthClient : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const net::Error &error)>;

    ZohoAuthClient(net::HttpClient *http, const Endpoints &endpoints, QObject *parent = nullptr);

    // Exchanges the grant at grant.accountsServer; fills session (dc, environment, api domain,
    // tokens) on success. session must already hold clientId and clientSecret.
    net::HttpCall *exchange(const RedirectResult &grant, const QString &redirectUri, const QString &codeVerifier,
                            ZohoSession *session, QObject *context, Done done);
    // Mints a new access token with the session's refresh token.
    net::HttpCall *refresh(ZohoSession *session, QObject *context, Done done);
    // Revokes the session's refresh token (and with it its access tokens).
    net::HttpCall *revoke(const ZohoSession &session, QObject *context, Done done);

    // Maps a token-endpoint error code (HTTP 200 body or not) to category and message.
    static net::Error tokenError(const QString &error, const QString &description, int httpStatus);
    // Reads a token-endpoint answer (HTTP 200 error bodies included) into session: access token,
    // expiry, api domain (checked against session->dc in endpoints) and, for an exchange, the
    // refresh token. No I/O (public for the fuzz targets).
    static net::Error readTokenReply(const QJsonObject &reply, int status, const Endpoints &endpoints,
                                     ZohoSession *session, bool exchange);

private:
    net::HttpCall *sendTokenRequest(const net::HttpRequest &request, ZohoSession *session, bool exchange,
                                    QObject *context, Done done);

    net::HttpClient *m_http;
    Endpoints m_endpoints;
};

} // namespace zaw::zoho

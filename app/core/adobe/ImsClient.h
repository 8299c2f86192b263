// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "adobe/AdobeSession.h"
#include "endpoints/Endpoints.h"
#include "net/Error.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>

namespace zaw::net {
class HttpClient;
class HttpCall;
struct HttpResponse;
} // namespace zaw::net

namespace zaw::adobe {

// Adobe IMS token client for OAuth Server-to-Server credentials: POST {ims}/ims/token/v3 with
// grant_type=client_credentials (reference §1.1). There is no refresh token; a new access token
// is minted with the same credential when the cached one is about to expire.
class ImsClient : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const net::Error &error)>;

    ImsClient(net::HttpClient *http, const Endpoints &endpoints, QObject *parent = nullptr);

    // The scopes of the Experience Platform API credential (without "session", which server
    // credentials do not need).
    static QStringList defaultScopes();
    void setScopes(const QStringList &scopes) { m_scopes = scopes; }
    QStringList scopes() const { return m_scopes; }
    // How long before expiry a cached token counts as expired.
    void setRenewMargin(int seconds) { m_renewMarginSeconds = seconds; }
    int renewMargin() const { return m_renewMarginSeconds; }

    // Makes sure session holds a usable token: the cached one, or a new one. Concurrent callers
    // for the same session share one token request. done runs only while context lives.
    void ensureToken(AdobeSession *session, QObject *context, Done done);
    // Always asks IMS for a new token and stores it in session.
    net::HttpCall *requestToken(AdobeSession *session, QObject *context, Done done);

    // Maps an IMS OAuth error ({"error", "error_description"}) to category and message.
    static net::Error tokenError(const QString &error, const QString &description, int httpStatus);
    // Reads an answer of the token endpoint (url: for the messages) into session's token and
    // expiry; an error leaves session alone. No I/O (public for the fuzz targets).
    static net::Error readTokenReply(const net::HttpResponse &response, const QUrl &url, AdobeSession *session);

signals:
    // A new token is in session: the moment to cache it (with its expiry) for the next run.
    void tokenIssued(zaw::adobe::AdobeSession *session);

private:
    struct Waiter
    {
        QPointer<QObject> guard;
        Done done;
    };

    net::HttpClient *m_http;
    Endpoints m_endpoints;
    QStringList m_scopes;
    int m_renewMarginSeconds = 300;
    QHash<AdobeSession *, QList<Waiter>> m_waiting;
};

} // namespace zaw::adobe

// SPDX-License-Identifier: GPL-3.0-or-later
#include "zoho/ZohoAuthClient.h"

#include "net/HttpClient.h"
#include "net/Redaction.h"

#include <QJsonObject>
#include <QTimer>
#include <QUrlQuery>

namespace zaw::zoho {

bool ZohoSession::hasFreshAccessToken(int marginSeconds) const
{
    return !accessToken.isEmpty() && accessExpiresAt.isValid() &&
           QDateTime::currentDateTimeUtc().secsTo(accessExpiresAt) > marginSeconds;
}

ZohoAuthClient::ZohoAuthClient(net::HttpClient *http, const Endpoints &endpoints, QObject *parent)
    : QObject(parent)
    , m_http(http)
    , m_endpoints(endpoints)
{}

net::Error ZohoAuthClient::tokenError(const QString &error, const QString &description, int httpStatus)
{
    using net::ErrorCategory;
    net::Error e;
    e.code = error;
    e.httpStatus = httpStatus;
    e.detail = description;
    if (error == QLatin1String("invalid_code")) {
        e.category = ErrorCategory::SignInNeeded;
        e.message = tr("Zoho did not accept the sign-in: the grant code expired (it lives about two minutes), was "
                       "already used, or the refresh token was revoked. Sign in again.");
    } else if (error == QLatin1String("invalid_client")) {
        e.category = ErrorCategory::Input;
        e.message = tr("Zoho does not know this client ID in your data centre. Check the client ID, and in Zoho's "
                       "API console enable your data centre for the client (Settings → Multi-DC).");
    } else if (error == QLatin1String("invalid_client_secret")) {
        e.category = ErrorCategory::Input;
        e.message = tr("Zoho refused the client secret. Copy the secret again from Zoho's API console.");
    } else if (error == QLatin1String("invalid_redirect_uri")) {
        e.category = ErrorCategory::Input;
        e.message = tr("The redirect URI differs from the one registered in Zoho's API console. Register exactly "
                       "this redirect URI in Zoho's API console, or enter the one registered there.");
    } else if (error.compare(QLatin1String("Access Denied"), Qt::CaseInsensitive) == 0) {
        e.category = ErrorCategory::RateLimit;
        e.message = tr("Zoho is refusing new tokens for a while because too many were requested (at most 10 "
                       "every 10 minutes). Wait ten minutes and try again.");
    } else if (error == QLatin1String("access_denied")) {
        e.category = ErrorCategory::SignInNeeded;
        e.message = tr("Zoho denied access. If you did not press Deny, too many sign-ins were started within 10 "
                       "minutes: wait a few minutes and sign in again.");
    } else if (error == QLatin1String("invalid_token")) {
        e.category = ErrorCategory::SignInNeeded;
        e.message = tr("Zoho no longer accepts this token. Sign in again.");
    } else if (error == QLatin1String("unsupported_grant_type") || error == QLatin1String("missing_org_info")) {
        e.category = ErrorCategory::Bug;
        e.message = tr("Zoho refused the token request (%1). This is a bug in this application; please report "
                       "it with the copied details.")
                        .arg(error);
    } else if (httpStatus == 429 || error == QLatin1String("too_many_requests")) {
        // Busy or down is not a refused sign-in: the saved sign-in stays, the user tries again.
        e.category = ErrorCategory::RateLimit;
        e.message = tr("Zoho is receiving too many requests just now. Wait a minute and try again.");
    } else if (httpStatus >= 500 || error == QLatin1String("server_error") ||
               error == QLatin1String("temporarily_unavailable")) {
        e.category = ErrorCategory::Server;
        e.message =
            tr("Zoho's sign-in service could not answer just now (HTTP %1). Try again in a moment.").arg(httpStatus);
    } else {
        e.category = ErrorCategory::SignInNeeded;
        e.message = tr("Zoho refused the sign-in (%1). Sign in again; if it keeps failing, check the client in "
                       "Zoho's API console.")
                        .arg(error);
    }
    return e;
}

net::Error ZohoAuthClient::readTokenReply(const QJsonObject &reply, int status, const Endpoints &endpoints,
                                          ZohoSession *session, bool exchange)
{
    // Zoho answers token errors with HTTP 200 and an "error" member: read the body first.
    const QString error = reply.value(QStringLiteral("error")).toString();
    if (!error.isEmpty())
        return tokenError(error, reply.value(QStringLiteral("error_description")).toString(), status);
    const QString access = reply.value(QStringLiteral("access_token")).toString();
    if (access.isEmpty()) {
        net::Error e =
            net::Error::make(net::ErrorCategory::Server,
                             tr("Zoho's answer held no access token (HTTP %1). Try again later.").arg(status));
        e.httpStatus = status;
        return e;
    }
    const DataCenter *dc = endpoints.dataCenter(session->dc);
    const QUrl apiDomain(reply.value(QStringLiteral("api_domain")).toString());
    CrmEnvironment environment = CrmEnvironment::Production;
    const DataCenter *apiDc = endpoints.dataCenterByApi(apiDomain, &environment);
    if (!dc || apiDc != dc) {
        // A token reply pointing API calls elsewhere would send the token to a stranger.
        return net::Error::make(net::ErrorCategory::Bug,
                                tr("Zoho named an API domain (%1) that does not belong to your data centre (%2). "
                                   "Nothing was stored.")
                                    .arg(apiDomain.toString(), session->dc),
                                QStringLiteral("api_domain mismatch"));
    }
    // expires_in is in seconds; replies carrying expires_in_sec are the old format in milliseconds.
    qint64 expires = reply.value(QStringLiteral("expires_in")).toInteger(3600);
    if (reply.contains(QStringLiteral("expires_in_sec")))
        expires = reply.value(QStringLiteral("expires_in_sec")).toInteger(3600);
    session->accessToken = access;
    session->accessExpiresAt = QDateTime::currentDateTimeUtc().addSecs(expires);
    session->apiDomain = apiDc->apiFor(environment);
    session->environment = environment;
    if (exchange) {
        const QString refresh = reply.value(QStringLiteral("refresh_token")).toString();
        if (refresh.isEmpty()) {
            return net::Error::make(net::ErrorCategory::SignInNeeded,
                                    tr("Zoho gave no refresh token, so the connection could not keep working after "
                                       "an hour. Sign in again and accept the access the application asks for."),
                                    QStringLiteral("no refresh_token"));
        }
        session->refreshToken = refresh;
    }
    return {};
}

net::HttpCall *ZohoAuthClient::exchange(const RedirectResult &grant, const QString &redirectUri,
                                        const QString &codeVerifier, ZohoSession *session, QObject *context, Done done)
{
    session->dc = grant.location;
    session->accountsServer = grant.accountsServer;
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("authorization_code"));
    form.addQueryItem(QStringLiteral("client_id"), session->clientId);
    form.addQueryItem(QStringLiteral("client_secret"), session->clientSecret);
    form.addQueryItem(QStringLiteral("redirect_uri"), redirectUri);
    form.addQueryItem(QStringLiteral("code"), grant.code);
    if (!codeVerifier.isEmpty())
        form.addQueryItem(QStringLiteral("code_verifier"), codeVerifier);
    // The exchange goes to the user's own data centre (the accounts-server of the redirect).
    auto request =
        net::HttpRequest::form(Endpoints::join(grant.accountsServer, QStringLiteral("/oauth/v2/token")), form);
    request.maxAttempts = 1; // a grant code is single-use: never send it twice
    return sendTokenRequest(request, session, true, context, std::move(done));
}

net::HttpCall *ZohoAuthClient::sendTokenRequest(const net::HttpRequest &request, ZohoSession *session, bool exchange,
                                                QObject *context, Done done)
{
    net::HttpRequest tokenRequest = request;
    tokenRequest.expectJson = true; // a web page instead of tokens is an error of its own
    net::HttpCall *call = m_http->send(tokenRequest, lcZoho());
    QPointer<QObject> guard(context);
    connect(call, &net::HttpCall::finished, this,
            [this, session, exchange, guard, done](const net::HttpResponse &response, const net::Error &transport) {
                if (!guard)
                    return;
                if (transport) {
                    done(transport);
                    return;
                }
                net::Error e = readTokenReply(response.object(), response.status, m_endpoints, session, exchange);
                e.requestId = response.requestId();
                done(e);
            });
    return call;
}

net::HttpCall *ZohoAuthClient::refresh(ZohoSession *session, QObject *context, Done done)
{
    const DataCenter *dc = m_endpoints.dataCenter(session->dc);
    if (!dc) {
        QTimer::singleShot(0, context ? context : this, [done, session] {
            done(net::Error::make(
                net::ErrorCategory::Input,
                tr("The data centre \"%1\" of this profile is not known to this application; check the "
                   "endpoints file.")
                    .arg(session->dc)));
        });
        return nullptr;
    }
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("refresh_token"));
    form.addQueryItem(QStringLiteral("client_id"), session->clientId);
    form.addQueryItem(QStringLiteral("client_secret"), session->clientSecret);
    form.addQueryItem(QStringLiteral("refresh_token"), session->refreshToken);
    auto request = net::HttpRequest::form(Endpoints::join(dc->accounts, QStringLiteral("/oauth/v2/token")), form);
    request.idempotent = true; // a second mint is harmless (if counted against the limit)
    request.maxAttempts = 2;
    return sendTokenRequest(request, session, false, context, std::move(done));
}

net::HttpCall *ZohoAuthClient::revoke(const ZohoSession &session, QObject *context, Done done)
{
    const DataCenter *dc = m_endpoints.dataCenter(session.dc);
    if (!dc || session.refreshToken.isEmpty()) {
        QTimer::singleShot(0, context ? context : this, [done] { done({}); });
        return nullptr;
    }
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("token"), session.refreshToken);
    auto request =
        net::HttpRequest::form(Endpoints::join(dc->accounts, QStringLiteral("/oauth/v2/token/revoke")), form);
    request.idempotent = true;
    net::HttpCall *call = m_http->send(request, lcZoho());
    QPointer<QObject> guard(context);
    connect(call, &net::HttpCall::finished, this,
            [guard, done](const net::HttpResponse &response, const net::Error &transport) {
                if (!guard)
                    return;
                if (transport) {
                    done(transport);
                    return;
                }
                const QJsonObject body = response.object();
                // An unknown (already revoked) token answers 400: the goal is reached either way.
                if (body.value(QStringLiteral("status")).toString() == QLatin1String("success") ||
                    response.status == 400) {
                    done({});
                    return;
                }
                net::Error e = net::HttpClient::errorForStatus(response, QUrl());
                done(e);
            });
    return call;
}

} // namespace zaw::zoho

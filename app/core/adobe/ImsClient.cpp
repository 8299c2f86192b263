// SPDX-License-Identifier: GPL-3.0-or-later
#include "adobe/ImsClient.h"

#include "net/HttpClient.h"
#include "net/Redaction.h"

#include <QJsonObject>
#include <QTimer>
#include <QUrlQuery>

namespace zaw::adobe {

namespace {

// IMS v3 answers expires_in in seconds (typically 86399); the retired JWT exchange answered in
// milliseconds, so an implausibly long lifetime is read as milliseconds.
qint64 lifetimeSeconds(const QJsonObject &reply)
{
    qint64 seconds = reply.value(QStringLiteral("expires_in")).toInteger(86399);
    if (seconds > 30LL * 86400)
        seconds /= 1000;
    return seconds;
}

} // namespace

ImsClient::ImsClient(net::HttpClient *http, const Endpoints &endpoints, QObject *parent)
    : QObject(parent)
    , m_http(http)
    , m_endpoints(endpoints)
    , m_scopes(defaultScopes())
{}

QStringList ImsClient::defaultScopes()
{
    return {QStringLiteral("openid"), QStringLiteral("AdobeID"), QStringLiteral("read_organizations"),
            QStringLiteral("additional_info.projectedProductContext")};
}

net::Error ImsClient::tokenError(const QString &error, const QString &description, int httpStatus)
{
    using net::ErrorCategory;
    net::Error e;
    e.code = error;
    e.httpStatus = httpStatus;
    e.detail = QStringLiteral("IMS %1: %2").arg(error, description);
    if (error == QLatin1String("invalid_client")) {
        e.category = ErrorCategory::SignInNeeded;
        // IMS names the offending parameter in the description.
        if (description.contains(QLatin1String("secret"), Qt::CaseInsensitive)) {
            e.message = tr("Adobe did not accept the client secret. Check the credential in the Adobe Developer "
                           "Console (your project → OAuth Server-to-Server → Retrieve client secret) and enter the "
                           "secret again.");
        } else {
            e.message = tr("Adobe does not know this client ID. Check the credential in the Adobe Developer Console "
                           "(your project → OAuth Server-to-Server → Client ID) and enter it again.");
        }
    } else if (error == QLatin1String("invalid_scope") || error == QLatin1String("invalid_scopes")) {
        e.category = ErrorCategory::Permission;
        e.message = tr("Adobe refused the requested scopes (%1). Check the credential in the Adobe Developer "
                       "Console: the project needs the Experience Platform API, and the scopes must be among the "
                       "ones the credential lists.")
                        .arg(description);
    } else if (error == QLatin1String("unauthorized_client")) {
        e.category = ErrorCategory::Permission;
        e.message = tr("This credential may not request tokens on its own. Check the credential in the Adobe "
                       "Developer Console: it must be of the type OAuth Server-to-Server.");
    } else if (error == QLatin1String("invalid_request") || error == QLatin1String("unsupported_grant_type")) {
        e.category = ErrorCategory::Bug;
        e.message = tr("Adobe refused the token request (%1: %2). This is a bug in this application; please "
                       "report it with the copied details.")
                        .arg(error, description);
    } else if (httpStatus == 429 || error == QLatin1String("too_many_requests")) {
        // Busy or down is not a wrong credential: say so, and keep the user's credential.
        e.category = ErrorCategory::RateLimit;
        e.message = tr("Adobe is receiving too many sign-in requests just now. Wait a minute and try again.");
    } else if (httpStatus >= 500 || error == QLatin1String("server_error") ||
               error == QLatin1String("temporarily_unavailable")) {
        e.category = ErrorCategory::Server;
        e.message =
            tr("Adobe's sign-in service could not answer just now (HTTP %1). Try again in a moment.").arg(httpStatus);
    } else {
        e.category = ErrorCategory::SignInNeeded;
        e.message = tr("Adobe refused the token request (%1). Check the credential in the Adobe Developer Console "
                       "and enter it again.")
                        .arg(error);
    }
    return e;
}

net::Error ImsClient::readTokenReply(const net::HttpResponse &response, const QUrl &url, AdobeSession *session)
{
    const QJsonObject reply = response.object();
    const QString error = reply.value(QStringLiteral("error")).toString();
    if (!error.isEmpty()) {
        net::Error e = tokenError(error, reply.value(QStringLiteral("error_description")).toString(), response.status);
        e.requestId = response.requestId();
        return e;
    }
    if (response.status == 429) {
        net::Error e = net::HttpClient::errorForStatus(response, url);
        e.message = tr("Adobe is limiting how often this credential may request tokens. Wait a few "
                       "minutes and try again.");
        return e;
    }
    if (!response.isSuccess())
        return net::HttpClient::errorForStatus(response, url);
    const QString token = reply.value(QStringLiteral("access_token")).toString();
    if (token.isEmpty()) {
        net::Error e = net::Error::make(
            net::ErrorCategory::Server,
            tr("Adobe's answer held no access token (HTTP %1). Try again later.").arg(response.status));
        e.httpStatus = response.status;
        e.requestId = response.requestId();
        return e;
    }
    session->accessToken = token;
    session->expiresAt = QDateTime::currentDateTimeUtc().addSecs(lifetimeSeconds(reply));
    return {};
}

void ImsClient::ensureToken(AdobeSession *session, QObject *context, Done done)
{
    if (session->hasFreshToken(m_renewMarginSeconds)) {
        done({});
        return;
    }
    auto it = m_waiting.find(session);
    const bool inFlight = it != m_waiting.end();
    m_waiting[session].append(Waiter{QPointer<QObject>(context ? context : this), std::move(done)});
    if (inFlight)
        return;
    requestToken(session, this, [this, session](const net::Error &error) {
        const QList<Waiter> waiters = m_waiting.take(session);
        for (const Waiter &w : waiters) {
            if (w.guard)
                w.done(error);
        }
    });
}

net::HttpCall *ImsClient::requestToken(AdobeSession *session, QObject *context, Done done)
{
    QPointer<QObject> guard(context ? context : this);
    if (session->clientId.trimmed().isEmpty() || session->clientSecret.isEmpty()) {
        QTimer::singleShot(0, this, [guard, done] {
            if (guard) {
                done(net::Error::make(net::ErrorCategory::Input,
                                      tr("Enter the client ID and client secret of the OAuth Server-to-Server "
                                         "credential from the Adobe Developer Console.")));
            }
        });
        return nullptr;
    }
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("client_credentials"));
    form.addQueryItem(QStringLiteral("client_id"), session->clientId.trimmed());
    form.addQueryItem(QStringLiteral("client_secret"), session->clientSecret);
    form.addQueryItem(QStringLiteral("scope"), m_scopes.join(QLatin1Char(',')));
    // In the body, not the query string: query strings end up in proxy and server logs.
    const QUrl url = Endpoints::join(m_endpoints.ims(), QStringLiteral("/ims/token/v3"));
    auto request = net::HttpRequest::form(url, form);
    request.expectJson = true;
    // A second token request is harmless (only counted against IMS's throttle).
    request.idempotent = true;
    request.maxAttempts = 3;
    net::HttpCall *call = m_http->send(request, lcAdobe());
    connect(call, &net::HttpCall::finished, this,
            [this, session, guard, done, url](const net::HttpResponse &response, const net::Error &transport) {
                // The session may belong to the context: once that is gone, nothing is stored.
                if (!guard)
                    return;
                if (transport) {
                    done(transport);
                    return;
                }
                const net::Error e = readTokenReply(response, url, session);
                if (e) {
                    done(e);
                    return;
                }
                emit tokenIssued(session);
                done({});
            });
    return call;
}

} // namespace zaw::adobe

// SPDX-License-Identifier: GPL-3.0-or-later
#include "zoho/RedirectMatcher.h"

#include <QCoreApplication>
#include <QHash>

namespace zaw::zoho {

namespace {

int effectivePort(const QUrl &url)
{
    return url.port(url.scheme() == QLatin1String("https") ? 443 : 80);
}

QString decodeComponent(QByteArray raw)
{
    raw.replace('+', ' ');
    return QUrl::fromPercentEncoding(raw);
}

} // namespace

RedirectMatcher::RedirectMatcher(const QString &registeredRedirectUri, const QString &expectedState,
                                 const Endpoints &endpoints)
    : m_registered(registeredRedirectUri, QUrl::StrictMode)
    , m_expectedState(expectedState)
    , m_endpoints(endpoints)
{}

bool RedirectMatcher::isLoopbackRedirect(const QUrl &redirectUri)
{
    return redirectUri.isValid() && redirectUri.scheme() == QLatin1String("http") &&
           (redirectUri.host() == QLatin1String("127.0.0.1") ||
            redirectUri.host().compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0) &&
           redirectUri.port() > 0;
}

bool RedirectMatcher::targetsRedirectUri(const QUrl &url) const
{
    if (!url.isValid() || !m_registered.isValid())
        return false;
    return url.scheme().compare(m_registered.scheme(), Qt::CaseInsensitive) == 0 &&
           url.host().compare(m_registered.host(), Qt::CaseInsensitive) == 0 &&
           effectivePort(url) == effectivePort(m_registered) &&
           url.path(QUrl::FullyEncoded) == m_registered.path(QUrl::FullyEncoded);
}

RedirectResult RedirectMatcher::match(const QUrl &url) const
{
    RedirectResult result;
    if (!targetsRedirectUri(url))
        return result;

    auto reject = [&result](const QString &message, const QString &detail) {
        result.kind = RedirectResult::Kind::Rejected;
        result.code.clear(); // an unusable answer must not hand its code to anyone
        result.problem = net::Error::make(net::ErrorCategory::SignInNeeded, message, detail);
        return result;
    };
    if (!url.userInfo().isEmpty())
        return reject(tr("The sign-in answer came back to an address with a user name in it and was ignored. "
                         "Start the sign-in again."),
                      QStringLiteral("redirect with user info"));

    // Parse by hand: Zoho sends accounts-server encoded or not and sometimes ends with '&'.
    QHash<QString, QString> params;
    const QByteArray query = url.query(QUrl::FullyEncoded).toLatin1();
    for (const QByteArray &pair : query.split('&')) {
        if (pair.isEmpty())
            continue;
        const int eq = pair.indexOf('=');
        const QString key = decodeComponent(eq < 0 ? pair : pair.left(eq));
        const QString value = eq < 0 ? QString() : decodeComponent(pair.mid(eq + 1));
        if (params.contains(key))
            return reject(tr("The sign-in answer repeated the parameter \"%1\" and was ignored as unsafe. "
                             "Start the sign-in again.")
                              .arg(key),
                          QStringLiteral("duplicated parameter %1").arg(key));
        params.insert(key, value);
    }

    result.state = params.value(QStringLiteral("state"));
    result.error = params.value(QStringLiteral("error"));
    result.errorDescription = params.value(QStringLiteral("error_description"));

    if (m_expectedState.isEmpty() || result.state != m_expectedState)
        return reject(tr("The sign-in answer does not belong to this sign-in attempt (its state does not match). "
                         "Start the sign-in again."),
                      QStringLiteral("state mismatch"));

    if (!result.error.isEmpty()) {
        if (result.error == QLatin1String("access_denied")) {
            result.kind = RedirectResult::Kind::Denied;
            result.problem = net::Error::make(
                net::ErrorCategory::SignInNeeded,
                tr("Access was not granted on Zoho's consent page. To connect, sign in again and choose Accept. "
                   "(Zoho also answers this when more than 10 sign-ins were started within 10 minutes: then "
                   "wait a few minutes.)"),
                result.errorDescription);
        } else {
            result.kind = RedirectResult::Kind::Rejected;
            result.problem =
                net::Error::make(net::ErrorCategory::SignInNeeded,
                                 tr("Zoho reported an error during sign-in: %1. Start the sign-in "
                                    "again.")
                                     .arg(result.errorDescription.isEmpty() ? result.error : result.errorDescription),
                                 result.error);
        }
        result.problem.code = result.error;
        return result;
    }

    result.code = params.value(QStringLiteral("code"));
    result.location = params.value(QStringLiteral("location")).toLower();
    const QString server = params.value(QStringLiteral("accounts-server"));
    if (result.code.isEmpty())
        return reject(tr("The sign-in answer carried no grant code. Start the sign-in again."),
                      QStringLiteral("no code"));
    const DataCenter *dc = m_endpoints.dataCenter(result.location);
    if (!dc)
        return reject(tr("Zoho named the data centre \"%1\", which this application does not know. "
                         "Check the endpoints file or contact support.")
                          .arg(result.location),
                      QStringLiteral("unknown location %1").arg(result.location));
    const QUrl serverUrl(server, QUrl::StrictMode);
    if (!Endpoints::sameBase(serverUrl, dc->accounts))
        return reject(tr("The sign-in answer named an accounts server (%1) that is not Zoho's for the data "
                         "centre %2. It was ignored for your safety; start the sign-in again.")
                          .arg(server, result.location),
                      QStringLiteral("accounts-server %1 does not match %2").arg(server, dc->accounts.toString()));
    result.accountsServer = dc->accounts;
    result.kind = RedirectResult::Kind::Granted;
    return result;
}

} // namespace zaw::zoho

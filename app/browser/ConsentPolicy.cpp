// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConsentPolicy.h"

#include <QHostAddress>

namespace zaw {

namespace {

// Sign-in pages of the identity providers Zoho offers ("Sign in with …") and Zoho's own domains.
// A host matches a domain when it equals it or ends with "." + domain.
const char *const kIdentityProviderDomains[] = {
    "zoho.com",      "zoho.eu",   "zoho.in",      "zoho.com.au",  "zoho.jp",  "zohocloud.ca",
    "zoho.sa",       "zoho.uk",   "zoho.com.cn",  "google.com",   "live.com", "microsoftonline.com",
    "microsoft.com", "apple.com", "linkedin.com", "facebook.com", "x.com",    "twitter.com",
    "yahoo.com",
};

bool hasDomain(const QString &host, const QString &domain)
{
    return host == domain || host.endsWith(QLatin1Char('.') + domain);
}

} // namespace

bool isLoopbackHostName(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    QHostAddress address;
    return address.setAddress(host) && address.isLoopback();
}

bool isAllowedExternalUrl(const QUrl &url, const ConsentPolicy &policy)
{
    if (!url.isValid() || url.host().isEmpty() || !url.userInfo().isEmpty())
        return false;
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return true;
    return scheme == QLatin1String("http") && policy.allowLoopback && isLoopbackHostName(url.host());
}

bool isTrustedSignInUrl(const QUrl &url, const ConsentPolicy &policy)
{
    if (!url.isValid() || url.host().isEmpty())
        return false;
    const QString host = url.host().toLower();
    const QString scheme = url.scheme().toLower();
    if (policy.allowLoopback && isLoopbackHostName(host) &&
        (scheme == QLatin1String("http") || scheme == QLatin1String("https")))
        return true;
    if (scheme != QLatin1String("https"))
        return false;
    for (const QString &trusted : policy.trustedHosts) {
        if (host == trusted.toLower())
            return true;
    }
    for (const char *domain : kIdentityProviderDomains) {
        if (hasDomain(host, QLatin1String(domain)))
            return true;
    }
    return false;
}

QString addressLineText(const QUrl &url)
{
    if (url.host().isEmpty())
        return url.scheme().isEmpty() ? QString() : url.scheme() + QLatin1Char(':');
    return url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo)
        .toString(QUrl::FullyEncoded);
}

} // namespace zaw

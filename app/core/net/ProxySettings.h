// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QNetworkProxy>
#include <QString>

namespace zaw::net {

class HttpClient;

// The network settings: the system's proxy (default) or one the user sets. The password is a
// secret and lives in the keychain (proxy.password of the profile id "global"), not here.
struct ProxySettings
{
    bool useSystem = true;
    QString host;
    quint16 port = 0;
    QString user;

    static ProxySettings load(const QString &configDir);
    bool save(const QString &configDir) const;
    QNetworkProxy toProxy(const QString &password) const;
    // For the HTTP client and, through the application proxy, the embedded browser alike.
    void apply(HttpClient *http, const QString &password) const;
    // At start-up, before any request: the system's proxy settings unless the user set a proxy.
    static void useSystemProxyByDefault();

    static QString keychainProfile() { return QStringLiteral("global"); }
};

} // namespace zaw::net

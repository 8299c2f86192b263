// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/ProxySettings.h"

#include "net/HttpClient.h"

#include <QDir>
#include <QNetworkProxyFactory>
#include <QSettings>

namespace zaw::net {

namespace {
QString settingsFile(const QString &configDir)
{
    return QDir(configDir).filePath(QStringLiteral("network.ini"));
}
} // namespace

ProxySettings ProxySettings::load(const QString &configDir)
{
    QSettings s(settingsFile(configDir), QSettings::IniFormat);
    ProxySettings p;
    p.useSystem = s.value(QStringLiteral("proxy/useSystem"), true).toBool();
    p.host = s.value(QStringLiteral("proxy/host")).toString();
    p.port = quint16(s.value(QStringLiteral("proxy/port"), 0).toUInt());
    p.user = s.value(QStringLiteral("proxy/user")).toString();
    return p;
}

bool ProxySettings::save(const QString &configDir) const
{
    QDir().mkpath(configDir);
    QSettings s(settingsFile(configDir), QSettings::IniFormat);
    s.setValue(QStringLiteral("proxy/useSystem"), useSystem);
    s.setValue(QStringLiteral("proxy/host"), host);
    s.setValue(QStringLiteral("proxy/port"), port);
    s.setValue(QStringLiteral("proxy/user"), user);
    s.sync();
    return s.status() == QSettings::NoError;
}

QNetworkProxy ProxySettings::toProxy(const QString &password) const
{
    if (useSystem || host.isEmpty())
        return QNetworkProxy(QNetworkProxy::DefaultProxy);
    return QNetworkProxy(QNetworkProxy::HttpProxy, host, port, user, password);
}

void ProxySettings::useSystemProxyByDefault()
{
    QNetworkProxyFactory::setUseSystemConfiguration(true);
}

void ProxySettings::apply(HttpClient *http, const QString &password) const
{
    const QNetworkProxy proxy = toProxy(password);
    if (proxy.type() == QNetworkProxy::DefaultProxy) {
        QNetworkProxyFactory::setUseSystemConfiguration(true);
        QNetworkProxy::setApplicationProxy(QNetworkProxy(QNetworkProxy::DefaultProxy));
    } else {
        QNetworkProxyFactory::setUseSystemConfiguration(false);
        // Qt WebEngine follows the application proxy.
        QNetworkProxy::setApplicationProxy(proxy);
    }
    http->setProxy(proxy);
}

} // namespace zaw::net

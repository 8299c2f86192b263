// SPDX-License-Identifier: GPL-3.0-or-later
#include "NetworkSettings.h"

#include "WizardServices.h"
#include "store/ProfileStore.h"
#include "store/SecretStore.h"

namespace zaw {

namespace {

QString passwordKey()
{
    return store::SecretStore::key(net::ProxySettings::keychainProfile(),
                                   QString::fromLatin1(store::SecretName::ProxyPassword));
}

} // namespace

NetworkSettings::NetworkSettings(WizardServices *services, QObject *parent)
    : QObject(parent)
    , m_services(services)
{}

void NetworkSettings::setProxy(const net::ProxySettings &settings, std::optional<QString> newPassword)
{
    m_proxy = settings;
    m_proxy.save(m_services->profiles()->configDir());
    if (newPassword) {
        m_password = *newPassword;
        if (newPassword->isEmpty())
            m_services->secrets()->remove(passwordKey(), this, [](const store::SecretResult &) {});
        else
            m_services->secrets()->write(passwordKey(), *newPassword, this, [](const store::SecretResult &) {});
    }
    m_proxy.apply(m_services->http(), m_password);
    emit changed();
}

void NetworkSettings::load()
{
    m_proxy = net::ProxySettings::load(m_services->profiles()->configDir());
    m_proxy.apply(m_services->http(), {});
    emit changed();
    if (m_proxy.useSystem || m_proxy.user.isEmpty())
        return;
    m_services->secrets()->read(passwordKey(), this, [this](const store::SecretResult &result) {
        if (result.ok()) {
            m_password = result.value;
            m_proxy.apply(m_services->http(), m_password);
        }
    });
}

} // namespace zaw

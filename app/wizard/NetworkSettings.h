// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/ProxySettings.h"

#include <QObject>
#include <QString>

#include <optional>

namespace zaw {

class WizardServices;

// The proxy of this run: saved beside the profiles, the password in the keychain, applied to the
// one HTTP client.
class NetworkSettings : public QObject
{
    Q_OBJECT

public:
    explicit NetworkSettings(WizardServices *services, QObject *parent = nullptr);

    const net::ProxySettings &proxy() const { return m_proxy; }
    // Saves and applies the settings; a new password (if given) goes to the keychain.
    void setProxy(const net::ProxySettings &settings, std::optional<QString> newPassword);
    // Loads the saved settings and the proxy password, and applies them.
    void load();

signals:
    void changed();

private:
    WizardServices *m_services;
    net::ProxySettings m_proxy;
    QString m_password;
};

} // namespace zaw

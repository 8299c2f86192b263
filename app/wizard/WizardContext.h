// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Endpoints.h"

#include <QJsonObject>
#include <QObject>
#include <QString>

#include <memory>

namespace zaw {

namespace sandbox {
class SandboxServer;
}

// The state every page shares (DESIGN §2): where the services are, whether this is a demo,
// and — in memory only — the sandbox's demo credentials. Pages read it; nothing here is a secret
// that outlives the process.
class WizardContext : public QObject
{
    Q_OBJECT

public:
    explicit WizardContext(QObject *parent = nullptr);
    ~WizardContext() override;

    // Production URLs, or those of an endpoints file. Returns false with a message on error.
    bool useEndpointsFile(const QString &path, QString *error);
    // Starts the built-in sandbox on a free loopback port, keeping its state in stateFile so
    // that re-running the demo finds what the last run created.
    bool startDemo(const QString &stateFile, QString *error);

    const Endpoints &endpoints() const { return m_endpoints; }
    bool isDemo() const { return m_sandbox != nullptr; }
    QUrl sandboxUrl() const;
    // {"zoho": {...}, "adobe": {...}} of the demo sandbox; empty outside demo mode.
    QJsonObject demoCredentials() const;

private:
    Endpoints m_endpoints = Endpoints::production();
    std::unique_ptr<sandbox::SandboxServer> m_sandbox;
};

} // namespace zaw

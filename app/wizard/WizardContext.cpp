// SPDX-License-Identifier: GPL-3.0-or-later
#include "WizardContext.h"

#include "SandboxServer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace zaw {

WizardContext::WizardContext(QObject *parent) : QObject(parent) {}

WizardContext::~WizardContext() = default;

bool WizardContext::useEndpointsFile(const QString &path, QString *error)
{
    auto loaded = Endpoints::fromFile(path, error);
    if (!loaded)
        return false;
    m_endpoints = *loaded;
    return true;
}

bool WizardContext::startDemo(const QString &stateFile, QString *error)
{
    auto server = std::make_unique<sandbox::SandboxServer>();
    if (!stateFile.isEmpty()) {
        QDir().mkpath(QFileInfo(stateFile).absolutePath());
        QString detail;
        if (!server->setStateFile(stateFile, &detail)) {
            *error = tr("The demo sandbox could not read its saved state (%1). Delete the file to start afresh.")
                         .arg(detail);
            return false;
        }
    }
    QString detail;
    if (!server->start(QHostAddress::LocalHost, 0, &detail)) {
        *error = tr("The demo sandbox could not start: %1").arg(detail);
        return false;
    }
    QString endpointsError;
    auto endpoints = Endpoints::fromJson(server->endpointsJson(), &endpointsError);
    if (!endpoints) {
        *error = endpointsError;
        return false;
    }
    m_endpoints = *endpoints;
    m_sandbox = std::move(server);
    return true;
}

QUrl WizardContext::sandboxUrl() const
{
    return m_sandbox ? m_sandbox->url() : QUrl();
}

QJsonObject WizardContext::demoCredentials() const
{
    return m_sandbox ? m_sandbox->credentials() : QJsonObject();
}

} // namespace zaw

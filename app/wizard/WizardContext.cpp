// SPDX-License-Identifier: GPL-3.0-or-later
#include "WizardContext.h"

#include "DemoEnvironment.h"
#include "NetworkSettings.h"
#include "SetupDraft.h"
#include "WizardServices.h"

#include <QFileInfo>
#include <QJsonObject>

namespace zaw {

WizardContext::WizardContext(QObject *parent)
    : QObject(parent)
    , m_services(new WizardServices(this))
    , m_draft(new SetupDraft(this))
    , m_demo(new DemoEnvironment(this))
    , m_network(new NetworkSettings(m_services, this))
    , m_controller(new WizardController(m_services, m_draft, this))
{}

WizardContext::~WizardContext()
{
    // The controller's plan and session call through the services' clients: it goes first,
    // the sandbox they may talk to last.
    delete m_controller;
    delete m_network;
    delete m_services;
    delete m_demo;
}

bool WizardContext::useEndpointsFile(const QString &path, QString *error)
{
    auto loaded = Endpoints::fromFile(path, error);
    if (!loaded)
        return false;
    m_services->setEndpoints(*loaded);
    m_endpointsFile = QFileInfo(path).absoluteFilePath();
    return true;
}

bool WizardContext::startDemo(const QString &stateFile, QString *error)
{
    const auto endpoints = m_demo->start(stateFile, error);
    if (!endpoints)
        return false;
    m_services->setEndpoints(*endpoints);
    const QJsonObject zoho = m_demo->credentials().value(QStringLiteral("zoho")).toObject();
    zoho::ZohoAppSettings settings = m_services->zohoSettings();
    settings.clientId = zoho.value(QStringLiteral("clientId")).toString();
    settings.clientSecret = zoho.value(QStringLiteral("clientSecret")).toString();
    settings.redirectUri = zoho.value(QStringLiteral("redirectUri")).toString();
    m_services->setZohoSettings(settings);
    const QJsonObject adobe = m_demo->credentials().value(QStringLiteral("adobe")).toObject();
    adobe::AdobeSession *session = m_services->adobeSession();
    session->clientId = adobe.value(QStringLiteral("clientId")).toString();
    session->clientSecret = adobe.value(QStringLiteral("clientSecret")).toString();
    session->orgId = adobe.value(QStringLiteral("orgId")).toString();
    return true;
}

bool WizardContext::isDemo() const
{
    return m_demo->isRunning();
}

} // namespace zaw

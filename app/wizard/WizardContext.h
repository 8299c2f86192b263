// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "WizardController.h"

#include <QObject>
#include <QString>

namespace zaw {

class DemoEnvironment;
class NetworkSettings;
class SetupDraft;
class WizardServices;

// What the pages share (DESIGN §2), put together once per run: the services with their one
// client set, the draft model the AEP pages fill in, the controller of this run's mode, plan and
// opened connection, the demo environment and the network settings. It has no state of its own.
class WizardContext : public QObject
{
    Q_OBJECT

public:
    using Mode = WizardController::Mode;

    explicit WizardContext(QObject *parent = nullptr);
    ~WizardContext() override;

    WizardServices *services() const { return m_services; }
    SetupDraft *draft() const { return m_draft; }
    WizardController *controller() const { return m_controller; }
    DemoEnvironment *demo() const { return m_demo; }
    NetworkSettings *network() const { return m_network; }

    // Production URLs, or those of an endpoints file. Returns false with a message on error.
    bool useEndpointsFile(const QString &path, QString *error);
    // The endpoints file in use (absolute), empty for production or demo: a scheduled sync gets it.
    QString endpointsFile() const { return m_endpointsFile; }
    // Starts the built-in sandbox and points every client at it; its Zoho app and Adobe
    // credential come prefilled (the secrets stay in memory like typed ones).
    bool startDemo(const QString &stateFile, QString *error);
    bool isDemo() const;

private:
    WizardServices *m_services;
    SetupDraft *m_draft;
    DemoEnvironment *m_demo;
    NetworkSettings *m_network;
    WizardController *m_controller;
    QString m_endpointsFile;
};

} // namespace zaw

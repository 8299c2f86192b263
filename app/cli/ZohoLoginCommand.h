// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ConsentRunner.h"
#include "zoho/ZohoSignInFlow.h"

#include <QObject>
#include <QStringList>

namespace zaw {

class CliApp;
class StdinReader;

// zoho-login: the wizard's Zoho sign-in from a terminal. The consent itself (URL on stderr,
// loopback listener or pasted URL, timeout) is a ConsentRunner, shared with reconnect.
class ZohoLoginCommand : public QObject
{
    Q_OBJECT

public:
    explicit ZohoLoginCommand(CliApp *app);
    ~ZohoLoginCommand() override;

    void run(const QStringList &arguments);

private:
    void begin();
    void onSignedIn(const zoho::ZohoAccount &account);

    CliApp *m_app;
    zoho::ZohoAppSettings m_settings;
    ConsentRunner::Options m_consentOptions;
    ConsentRunner *m_consent = nullptr;
    StdinReader *m_stdin = nullptr;
    bool m_secretFromStdin = false;
};

} // namespace zaw

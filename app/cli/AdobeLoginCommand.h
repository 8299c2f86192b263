// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "adobe/AdobeSession.h"
#include "store/ProfileStore.h"

#include <QObject>
#include <QStringList>

namespace zaw {

class CliApp;
class StdinReader;
namespace account {
class AdobeCredentialCheck;
}

// adobe-login: checks an OAuth Server-to-Server credential (an IMS token, the sandbox in the
// org's list) and keeps it: IDs in the profile, the client secret in the keychain.
class AdobeLoginCommand : public QObject
{
    Q_OBJECT

public:
    explicit AdobeLoginCommand(CliApp *app);
    ~AdobeLoginCommand() override;

    void run(const QStringList &arguments);

private:
    void check();
    void store();

    CliApp *m_app;
    adobe::AdobeSession m_session;
    account::AdobeCredentialCheck *m_check = nullptr;
    store::Profile m_profile;
    StdinReader *m_stdin = nullptr;
};

} // namespace zaw

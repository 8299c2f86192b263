// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "adobe/AdobeSession.h"

#include <QObject>
#include <QStringList>

#include <memory>

namespace zaw {

class CliApp;
class StdinReader;
namespace adobe {
class ImsClient;
class PlatformClient;
class SandboxManagementClient;
} // namespace adobe

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

    CliApp *m_app;
    adobe::AdobeSession m_session;
    std::unique_ptr<adobe::ImsClient> m_ims;
    std::unique_ptr<adobe::PlatformClient> m_platform;
    std::unique_ptr<adobe::SandboxManagementClient> m_sandboxes;
    StdinReader *m_stdin = nullptr;
};

} // namespace zaw

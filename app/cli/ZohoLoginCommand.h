// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ZohoSignInFlow.h"

#include <QObject>
#include <QStringList>

#include <memory>

class QTimer;

namespace zaw {

class CliApp;
class LoopbackListener;
class StdinReader;

// zoho-login: the wizard's Zoho sign-in from a terminal. The consent URL is printed alone on one
// line of stderr; the answer comes back through the loopback listener (bound before the URL is
// printed) or, with --paste, as the final URL on stdin.
class ZohoLoginCommand : public QObject
{
    Q_OBJECT

public:
    explicit ZohoLoginCommand(CliApp *app);
    ~ZohoLoginCommand() override;

    void run(const QStringList &arguments);

private:
    void begin();
    void onRedirect(const zoho::RedirectResult &result);
    void onSignedIn(const zoho::ZohoAccount &account);
    void fail(const net::Error &error);

    CliApp *m_app;
    zoho::ZohoAppSettings m_settings;
    std::unique_ptr<zoho::ZohoSignInFlow> m_flow;
    std::unique_ptr<LoopbackListener> m_listener;
    StdinReader *m_stdin = nullptr;
    QTimer *m_timeout = nullptr;
    bool m_paste = false;
    bool m_secretFromStdin = false;
    bool m_openBrowser = true;
    int m_timeoutSeconds = 300;
};

} // namespace zaw

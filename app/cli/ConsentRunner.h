// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/Error.h"
#include "zoho/ZohoSignInFlow.h"

#include <QCommandLineOption>
#include <QList>
#include <QObject>

#include <memory>

class QCommandLineParser;
class QTimer;

namespace zaw {

class CliApp;
class LoopbackListener;
class StdinReader;

// The consent part of a Zoho sign-in from a terminal, shared by zoho-login and reconnect
// (DESIGN §8): the loopback listener is bound before the consent URL is printed alone on one
// line of stderr; --browser system also opens it; --paste reads the final URL from standard
// input; --timeout ends the wait. succeeded() hands over the verified account (flow() holds its
// session); failed() carries the exit code.
class ConsentRunner : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        bool openBrowser = true;
        bool paste = false;
        int timeoutSeconds = 300;
    };

    static constexpr int kMaxTimeoutSeconds = 86400;

    explicit ConsentRunner(CliApp *app, QObject *parent = nullptr);
    ~ConsentRunner() override;

    // --browser, --paste and --timeout, for a command's parser.
    static QList<QCommandLineOption> commandLineOptions();
    // Reads them back; false with a translated *error when a value is wrong.
    static bool readOptions(const QCommandLineParser &parser, Options *options, QString *error);
    // The answer can come back here only to a loopback redirect URI, or pasted.
    static bool checkRedirectUri(const QString &redirectUri, bool paste, QString *error);

    // Starts the sign-in. input: a reader of standard input already running (zoho-login read the
    // client secret from its first line); without one, --paste starts its own after the URL.
    void start(const zoho::ZohoAppSettings &settings, const Options &options, StdinReader *input = nullptr);
    zoho::ZohoSignInFlow *flow() const { return m_flow.get(); }

signals:
    void succeeded(const zaw::zoho::ZohoAccount &account);
    void failed(int exitCode, const zaw::net::Error &error);

private:
    void onRedirect(const zoho::RedirectResult &result);
    void onSignedIn(const zoho::ZohoAccount &account);
    void stop(int exitCode, const net::Error &error);
    void finishWaiting();

    CliApp *m_app;
    zoho::ZohoAppSettings m_settings;
    Options m_options;
    std::unique_ptr<zoho::ZohoSignInFlow> m_flow;
    std::unique_ptr<LoopbackListener> m_listener;
    StdinReader *m_ownInput = nullptr;
    QTimer *m_timeout = nullptr;
    bool m_answered = false; // a redirect was handed to the flow, or the attempt ended
};

} // namespace zaw

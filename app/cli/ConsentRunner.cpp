// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConsentRunner.h"

#include "AdobeCommands.h"
#include "CliApp.h"
#include "StdinReader.h"
#include "SystemBrowser.h"
#include "loopback/LoopbackListener.h"

#include <QCommandLineParser>
#include <QTimer>

#include <chrono>

namespace zaw {

ConsentRunner::ConsentRunner(CliApp *app, QObject *parent)
    : QObject(parent)
    , m_app(app)
{}

ConsentRunner::~ConsentRunner()
{
    LoopbackListener::dispose(m_listener);
}

QList<QCommandLineOption> ConsentRunner::commandLineOptions()
{
    return {QCommandLineOption(QStringLiteral("browser"),
                               tr("system: open the consent page in the default browser; none: only print its URL."),
                               QStringLiteral("mode"), QStringLiteral("system")),
            QCommandLineOption(QStringLiteral("paste"), tr("Read the final URL from standard input.")),
            QCommandLineOption(QStringLiteral("timeout"), tr("Seconds to wait for the sign-in."),
                               QStringLiteral("seconds"), QStringLiteral("300"))};
}

bool ConsentRunner::readOptions(const QCommandLineParser &parser, Options *options, QString *error)
{
    const QString browserMode = parser.value(QStringLiteral("browser"));
    if (browserMode != QLatin1String("system") && browserMode != QLatin1String("none")) {
        *error = tr("--browser must be system or none.");
        return false;
    }
    options->openBrowser = browserMode == QLatin1String("system");
    options->paste = parser.isSet(QStringLiteral("paste"));
    bool ok = false;
    const qlonglong timeout = parser.value(QStringLiteral("timeout")).toLongLong(&ok);
    // QTimer counts milliseconds in an int: keep well inside it.
    if (!ok || timeout < 1 || timeout > kMaxTimeoutSeconds) {
        *error = tr("--timeout must be a whole number of seconds from 1 to %1 (one day).").arg(kMaxTimeoutSeconds);
        return false;
    }
    options->timeoutSeconds = int(timeout);
    return true;
}

bool ConsentRunner::checkRedirectUri(const QString &redirectUri, bool paste, QString *error)
{
    const QUrl redirect(redirectUri, QUrl::StrictMode);
    if (!redirect.isValid() || redirect.host().isEmpty()) {
        *error = tr("The redirect URI \"%1\" is not a valid URL.").arg(redirectUri);
        return false;
    }
    if (!paste && !zoho::RedirectMatcher::isLoopbackRedirect(redirect)) {
        *error = tr("The redirect URI is not http://127.0.0.1:PORT/… or http://localhost:PORT/…, so the answer "
                    "cannot come back here: add --paste and paste the final URL.");
        return false;
    }
    return true;
}

void ConsentRunner::start(const zoho::ZohoAppSettings &settings, const Options &options, StdinReader *input)
{
    m_settings = settings;
    m_options = options;
    m_flow = std::make_unique<zoho::ZohoSignInFlow>(m_app->http(), m_app->endpoints());
    connect(m_flow.get(), &zoho::ZohoSignInFlow::progress, this, [this](const QString &t) { m_app->info(t); });
    connect(m_flow.get(), &zoho::ZohoSignInFlow::succeeded, this, &ConsentRunner::onSignedIn);
    connect(m_flow.get(), &zoho::ZohoSignInFlow::failed, this,
            [this](const net::Error &error) { stop(AepSessionHelper::zohoExitCode(error), error); });
    net::Error error;
    const QUrl url = m_flow->begin(m_settings, &error);
    if (url.isEmpty()) {
        stop(ExitUsage, net::Error::make(net::ErrorCategory::Input, error.message));
        return;
    }
    if (!m_options.paste) {
        // Bound before the URL is shown, so a fast browser cannot beat it.
        m_listener = std::make_unique<LoopbackListener>(*m_flow->matcher());
        QString listenError;
        if (!m_listener->listenFor(QUrl(m_settings.redirectUri), &listenError)) {
            stop(ExitUsage, net::Error::make(net::ErrorCategory::Input, listenError));
            return;
        }
        connect(m_listener.get(), &LoopbackListener::redirectReceived, this, &ConsentRunner::onRedirect);
    }
    m_app->info(tr("Open this address in a browser and sign in to Zoho:"));
    m_app->info(url.toString(QUrl::FullyEncoded));
    if (m_options.paste)
        m_app->info(tr("Then paste the address Zoho sends the browser to, and press Enter."));
    if (m_options.openBrowser)
        cli::openInSystemBrowser(url);
    if (m_options.paste) {
        if (!input) {
            m_ownInput = new StdinReader(this);
            input = m_ownInput;
        }
        connect(input, &StdinReader::lineRead, this, [this](const QString &line) {
            if (m_flow && !line.isEmpty())
                onRedirect(m_flow->match(QUrl(line)));
        });
        connect(input, &StdinReader::endOfInput, this, [this] {
            if (!m_answered)
                stop(ExitFailure, net::Error::make(net::ErrorCategory::Input,
                                                   tr("Standard input ended before the expected lines.")));
        });
        if (m_ownInput)
            m_ownInput->start();
    }
    m_timeout = new QTimer(this);
    m_timeout->setSingleShot(true);
    connect(m_timeout, &QTimer::timeout, this, [this] {
        if (m_flow && m_flow->busy())
            return; // the answer arrived; the exchange has its own timeout
        stop(ExitTimeout, net::Error::make(net::ErrorCategory::Cancelled,
                                           tr("No answer from the sign-in within %n second(s). Run the command again.",
                                              nullptr, m_options.timeoutSeconds)));
    });
    m_timeout->start(std::chrono::seconds(qBound(1, m_options.timeoutSeconds, kMaxTimeoutSeconds)));
}

void ConsentRunner::onRedirect(const zoho::RedirectResult &result)
{
    if (m_answered || m_flow->busy())
        return;
    if (result.kind == zoho::RedirectResult::Kind::NotOurs && m_options.paste) {
        m_app->info(
            tr("That is not an address at the redirect URI %1; paste the whole address.").arg(m_settings.redirectUri));
        return;
    }
    m_answered = true;
    m_flow->complete(result);
}

void ConsentRunner::finishWaiting()
{
    m_answered = true;
    if (m_timeout)
        m_timeout->stop();
    LoopbackListener::dispose(m_listener);
}

void ConsentRunner::onSignedIn(const zoho::ZohoAccount &account)
{
    finishWaiting();
    emit succeeded(account);
}

void ConsentRunner::stop(int exitCode, const net::Error &error)
{
    finishWaiting();
    emit failed(exitCode, error);
}

} // namespace zaw

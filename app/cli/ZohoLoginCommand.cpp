// SPDX-License-Identifier: GPL-3.0-or-later
#include "ZohoLoginCommand.h"

#include "CliApp.h"
#include "LoopbackListener.h"
#include "ProfileStore.h"
#include "SecretStore.h"
#include "StdinReader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDesktopServices>
#include <QJsonObject>
#include <QTimer>

namespace zaw {

namespace {

// Authorization refused or invalid → 3, network → 4, anything else → 1 (DESIGN §8).
int exitCodeFor(const net::Error &error)
{
    switch (error.category) {
    case net::ErrorCategory::SignInNeeded:
    case net::ErrorCategory::Permission:
        return ExitAuthorization;
    case net::ErrorCategory::Input:
        // invalid_client, invalid_client_secret, invalid_redirect_uri: a bad client or secret.
        return error.code.startsWith(QLatin1String("invalid_")) ? ExitAuthorization : ExitFailure;
    case net::ErrorCategory::Network:
        return ExitNetwork;
    default:
        return ExitFailure;
    }
}

} // namespace

ZohoLoginCommand::ZohoLoginCommand(CliApp *app)
    : QObject(app)
    , m_app(app)
{}

ZohoLoginCommand::~ZohoLoginCommand() = default;

void ZohoLoginCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Signs in to Zoho and keeps the credentials in the system keychain. The "
                                        "client secret comes from ZOHO_CLIENT_SECRET or, with "
                                        "--client-secret-stdin, from the first line of standard input."));
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help."));
    const QCommandLineOption clientId(QStringLiteral("client-id"), tr("Zoho client ID."), QStringLiteral("id"));
    const QCommandLineOption redirectUri(QStringLiteral("redirect-uri"), tr("Registered redirect URI."),
                                         QStringLiteral("uri"));
    const QCommandLineOption dc(QStringLiteral("dc"), tr("Data centre to start at (us, eu, in, au, cn, jp, ca, sa)."),
                                QStringLiteral("code"), QStringLiteral("us"));
    const QCommandLineOption environment(QStringLiteral("environment"), tr("production, sandbox or developer."),
                                         QStringLiteral("name"), QStringLiteral("production"));
    const QCommandLineOption scopes(QStringLiteral("scopes"), tr("Comma-separated scopes."), QStringLiteral("list"));
    const QCommandLineOption clientType(QStringLiteral("client-type"), tr("server or desktop (PKCE)."),
                                        QStringLiteral("type"), QStringLiteral("server"));
    const QCommandLineOption browser(QStringLiteral("browser"),
                                     tr("system: open the consent page in the default "
                                        "browser; none: only print its URL."),
                                     QStringLiteral("mode"), QStringLiteral("system"));
    const QCommandLineOption paste(QStringLiteral("paste"), tr("Read the final URL from standard input."));
    const QCommandLineOption secretStdin(QStringLiteral("client-secret-stdin"),
                                         tr("Read the client secret from the first line of standard input."));
    const QCommandLineOption timeout(QStringLiteral("timeout"), tr("Seconds to wait for the sign-in."),
                                     QStringLiteral("seconds"), QStringLiteral("300"));
    parser.addOptions(
        {help, clientId, redirectUri, dc, environment, scopes, clientType, browser, paste, secretStdin, timeout});
    if (!parser.parse(arguments)) {
        m_app->usageError(parser.errorText());
        return;
    }
    if (parser.isSet(help)) {
        m_app->succeed({}, parser.helpText());
        return;
    }
    if (!parser.positionalArguments().isEmpty()) {
        m_app->usageError(tr("Unexpected argument: %1").arg(parser.positionalArguments().constFirst()));
        return;
    }
    m_settings.clientId = parser.value(clientId).trimmed();
    m_settings.redirectUri = parser.value(redirectUri).trimmed();
    if (m_settings.clientId.isEmpty() || m_settings.redirectUri.isEmpty()) {
        m_app->usageError(tr("--client-id and --redirect-uri are required."));
        return;
    }
    m_settings.startDc = parser.value(dc).toLower();
    const auto env = crmEnvironmentFromName(parser.value(environment));
    const auto type = zoho::clientTypeFromName(parser.value(clientType));
    if (!env || !type) {
        m_app->usageError(
            tr("--environment must be production, sandbox or developer; --client-type server or desktop."));
        return;
    }
    m_settings.environment = *env;
    m_settings.clientType = *type;
    if (parser.isSet(scopes)) {
        m_settings.scopes = zoho::parseScopes(parser.value(scopes));
        for (const QString &s : std::as_const(m_settings.scopes)) {
            if (!zoho::isValidScopeName(s)) {
                m_app->usageError(tr("\"%1\" is not a scope name.").arg(s));
                return;
            }
        }
    }
    const QString browserMode = parser.value(browser);
    if (browserMode != QLatin1String("system") && browserMode != QLatin1String("none")) {
        m_app->usageError(tr("--browser must be system or none."));
        return;
    }
    m_openBrowser = browserMode == QLatin1String("system");
    m_paste = parser.isSet(paste);
    m_secretFromStdin = parser.isSet(secretStdin);
    bool ok = false;
    m_timeoutSeconds = parser.value(timeout).toInt(&ok);
    if (!ok || m_timeoutSeconds < 1) {
        m_app->usageError(tr("--timeout must be a whole number of seconds."));
        return;
    }
    const QUrl redirect(m_settings.redirectUri, QUrl::StrictMode);
    if (!redirect.isValid() || redirect.host().isEmpty()) {
        m_app->usageError(tr("--redirect-uri is not a valid URL."));
        return;
    }
    if (!m_paste && !zoho::RedirectMatcher::isLoopbackRedirect(redirect)) {
        m_app->usageError(tr("The redirect URI is not http://127.0.0.1:PORT/… or http://localhost:PORT/…, so the "
                             "answer cannot come back here: add --paste and paste the final URL."));
        return;
    }

    if (m_secretFromStdin || m_paste) {
        m_stdin = new StdinReader(this);
        connect(m_stdin, &StdinReader::endOfInput, this, [this] {
            if (m_settings.clientSecret.isEmpty() || m_paste)
                fail(
                    net::Error::make(net::ErrorCategory::Input, tr("Standard input ended before the expected lines.")));
        });
    }
    if (m_secretFromStdin) {
        connect(m_stdin, &StdinReader::lineRead, this, [this](const QString &line) {
            if (m_settings.clientSecret.isEmpty()) {
                m_settings.clientSecret = line;
                if (line.isEmpty()) {
                    m_app->usageError(tr("The first line of standard input (the client secret) is empty."));
                    return;
                }
                begin();
            } else if (m_paste && m_flow) {
                onRedirect(m_flow->match(QUrl(line)));
            }
        });
        m_stdin->start();
        return;
    }
    m_settings.clientSecret = qEnvironmentVariable("ZOHO_CLIENT_SECRET");
    if (m_settings.clientSecret.isEmpty()) {
        m_app->usageError(tr("No client secret: set ZOHO_CLIENT_SECRET or use --client-secret-stdin."));
        return;
    }
    if (m_paste) {
        connect(m_stdin, &StdinReader::lineRead, this, [this](const QString &line) {
            if (m_flow && !line.isEmpty())
                onRedirect(m_flow->match(QUrl(line)));
        });
    }
    begin();
}

void ZohoLoginCommand::begin()
{
    // A consent is only worth its limit when the result can be kept: check the keychain first.
    m_app->secrets()->probe(this, [this](const store::SecretResult &probe) {
        if (!probe.ok()) {
            m_app->failWith(probe.status == store::SecretStatus::NoKeychain ? ExitNoKeychain : ExitFailure,
                            net::Error::make(net::ErrorCategory::Input,
                                             probe.status == store::SecretStatus::NoKeychain
                                                 ? tr("No usable keychain (missing or locked). zoho-login keeps "
                                                      "the credentials only in the system keychain: unlock or "
                                                      "install one (for example GNOME Keyring or KWallet) and "
                                                      "run the command again.")
                                                 : probe.message,
                                             probe.detail));
            return;
        }
        m_flow = std::make_unique<zoho::ZohoSignInFlow>(m_app->http(), m_app->endpoints());
        connect(m_flow.get(), &zoho::ZohoSignInFlow::progress, this, [this](const QString &t) { m_app->info(t); });
        connect(m_flow.get(), &zoho::ZohoSignInFlow::succeeded, this, &ZohoLoginCommand::onSignedIn);
        connect(m_flow.get(), &zoho::ZohoSignInFlow::failed, this, &ZohoLoginCommand::fail);
        net::Error error;
        const QUrl url = m_flow->begin(m_settings, &error);
        if (url.isEmpty()) {
            m_app->usageError(error.message);
            return;
        }
        if (!m_paste || zoho::RedirectMatcher::isLoopbackRedirect(QUrl(m_settings.redirectUri))) {
            if (!m_paste) {
                // Bound before the URL is shown, so a fast browser cannot beat it.
                m_listener = std::make_unique<LoopbackListener>(*m_flow->matcher());
                QString listenError;
                if (!m_listener->listenFor(QUrl(m_settings.redirectUri), &listenError)) {
                    m_app->usageError(listenError);
                    return;
                }
                connect(m_listener.get(), &LoopbackListener::redirectReceived, this, &ZohoLoginCommand::onRedirect);
            }
        }
        m_app->info(tr("Open this address in a browser and sign in to Zoho:"));
        m_app->info(url.toString(QUrl::FullyEncoded));
        if (m_paste)
            m_app->info(tr("Then paste the address Zoho sends the browser to, and press Enter."));
        if (m_openBrowser)
            QDesktopServices::openUrl(url);
        if (m_paste && !m_secretFromStdin)
            m_stdin->start();
        m_timeout = new QTimer(this);
        m_timeout->setSingleShot(true);
        connect(m_timeout, &QTimer::timeout, this, [this] {
            if (m_flow && m_flow->busy())
                return; // the answer arrived; the exchange has its own timeout
            LoopbackListener::dispose(m_listener);
            m_app->failWith(
                ExitTimeout,
                net::Error::make(net::ErrorCategory::Cancelled,
                                 tr("No answer from the sign-in within %n second(s). Run the command again.", nullptr,
                                    m_timeoutSeconds)));
        });
        m_timeout->start(m_timeoutSeconds * 1000);
    });
}

void ZohoLoginCommand::onRedirect(const zoho::RedirectResult &result)
{
    if (m_flow->busy())
        return;
    if (result.kind == zoho::RedirectResult::Kind::NotOurs && m_paste) {
        m_app->info(
            tr("That is not an address at the redirect URI %1; paste the whole address.").arg(m_settings.redirectUri));
        return;
    }
    m_flow->complete(result);
}

void ZohoLoginCommand::onSignedIn(const zoho::ZohoAccount &account)
{
    if (m_timeout)
        m_timeout->stop();
    LoopbackListener::dispose(m_listener);
    QString error;
    store::ProfileStore *profiles = m_app->profiles();
    auto loaded = profiles->exists(m_app->profileName()) ? profiles->load(m_app->profileName(), &error) : std::nullopt;
    if (!loaded && !error.isEmpty()) {
        m_app->failWith(ExitFailure, net::Error::make(net::ErrorCategory::Input, error));
        return;
    }
    auto profile = std::make_shared<store::Profile>(loaded ? *loaded : profiles->create(m_app->profileName()));
    m_flow->store(profiles, m_app->secrets(), profile.get(), this,
                  [this, account, profile](const QString &profileError, const store::SecretResult &keychain) {
                      if (!profileError.isEmpty()) {
                          m_app->failWith(ExitFailure, net::Error::make(net::ErrorCategory::Input, profileError));
                          return;
                      }
                      if (!keychain.ok()) {
                          m_app->failWith(
                              keychain.status == store::SecretStatus::NoKeychain ? ExitNoKeychain : ExitFailure,
                              net::Error::make(net::ErrorCategory::Input, keychain.message, keychain.detail));
                          return;
                      }
                      const QJsonObject zoho{{QStringLiteral("user"), account.user.fullName},
                                             {QStringLiteral("email"), account.user.email},
                                             {QStringLiteral("org"), account.org.companyName},
                                             {QStringLiteral("orgId"), account.org.id},
                                             {QStringLiteral("dc"), account.dc},
                                             {QStringLiteral("environment"), crmEnvironmentName(account.environment)},
                                             {QStringLiteral("apiDomain"), account.apiDomain.toString()}};
                      m_app->succeed(QJsonObject{{QStringLiteral("zoho"), zoho}},
                                     tr("Signed in to Zoho as %1 (%2), organisation %3, data centre %4. The "
                                        "credentials are in the system keychain (profile \"%5\").")
                                         .arg(account.user.fullName, account.user.email, account.org.companyName,
                                              account.dc, profile->name));
                  });
}

void ZohoLoginCommand::fail(const net::Error &error)
{
    if (m_timeout)
        m_timeout->stop();
    LoopbackListener::dispose(m_listener);
    m_app->failWith(exitCodeFor(error), error);
}

} // namespace zaw

// SPDX-License-Identifier: GPL-3.0-or-later
#include "ZohoLoginCommand.h"

#include "CliApp.h"
#include "StdinReader.h"
#include "store/ProfileStore.h"
#include "store/SecretStore.h"
#include "zoho/ZohoAppSettingsCheck.h"

#include <QCommandLineParser>
#include <QJsonObject>

namespace zaw {

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
    const QCommandLineOption secretStdin(QStringLiteral("client-secret-stdin"),
                                         tr("Read the client secret from the first line of standard input."));
    parser.addOptions({help, clientId, redirectUri, dc, environment, scopes, clientType, secretStdin});
    parser.addOptions(ConsentRunner::commandLineOptions());
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
    if (parser.isSet(scopes))
        m_settings.scopes = zoho::parseScopes(parser.value(scopes));
    // The same checks as the wizard's Zoho app page (the secret is checked once it is read).
    const zoho::ZohoAppSettingsCheck check(m_app->endpoints());
    for (const QString &problem :
         {check.clientIdProblem(m_settings.clientId), check.redirectUriProblem(m_settings.redirectUri),
          check.dataCenterProblem(m_settings.startDc), check.scopesProblem(m_settings.scopes)}) {
        if (!problem.isEmpty()) {
            m_app->usageError(problem);
            return;
        }
    }
    QString error;
    if (!ConsentRunner::readOptions(parser, &m_consentOptions, &error) ||
        !ConsentRunner::checkRedirectUri(m_settings.redirectUri, m_consentOptions.paste, &error)) {
        m_app->usageError(error);
        return;
    }
    m_secretFromStdin = parser.isSet(secretStdin);

    if (m_secretFromStdin) {
        // Line 1 is the secret; with --paste the consent runner reads line 2, the final URL.
        m_stdin = new StdinReader(this);
        connect(m_stdin, &StdinReader::endOfInput, this, [this] {
            if (m_settings.clientSecret.isEmpty())
                m_app->failWith(ExitFailure, net::Error::make(net::ErrorCategory::Input,
                                                              tr("Standard input ended before the expected lines.")));
        });
        connect(m_stdin, &StdinReader::lineRead, this, [this](const QString &line) {
            if (!m_settings.clientSecret.isEmpty())
                return;
            m_settings.clientSecret = line;
            if (line.isEmpty()) {
                m_app->usageError(tr("The first line of standard input (the client secret) is empty."));
                return;
            }
            begin();
        });
        m_stdin->start();
        return;
    }
    m_settings.clientSecret = m_app->environmentSecret(QStringLiteral("ZOHO_CLIENT_SECRET"));
    if (m_settings.clientSecret.isEmpty()) {
        m_app->usageError(tr("No client secret: set ZOHO_CLIENT_SECRET or use --client-secret-stdin."));
        return;
    }
    begin();
}

void ZohoLoginCommand::begin()
{
    // A profile file that cannot be read (edited by hand into nonsense) would only fail after the
    // consent: say so first, naming the file; it is never overwritten.
    if (!m_app->loadOrCreateProfile())
        return;
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
        m_consent = new ConsentRunner(m_app, this);
        connect(m_consent, &ConsentRunner::succeeded, this, &ZohoLoginCommand::onSignedIn);
        connect(m_consent, &ConsentRunner::failed, this,
                [this](int exitCode, const net::Error &error) { m_app->failWith(exitCode, error); });
        m_consent->start(m_settings, m_consentOptions, m_consentOptions.paste ? m_stdin : nullptr);
    });
}

void ZohoLoginCommand::onSignedIn(const zoho::ZohoAccount &account)
{
    std::optional<store::Profile> loaded = m_app->loadOrCreateProfile();
    if (!loaded)
        return;
    store::ProfileStore *profiles = m_app->profiles();
    auto profile = std::make_shared<store::Profile>(*loaded);
    m_consent->flow()->store(
        profiles, m_app->secrets(), profile.get(), this,
        [this, account, profile](const QString &profileError, const store::SecretResult &keychain) {
            if (!profileError.isEmpty()) {
                m_app->failWith(ExitFailure, net::Error::make(net::ErrorCategory::Input, profileError));
                return;
            }
            if (!keychain.ok()) {
                m_app->failWith(keychain.status == store::SecretStatus::NoKeychain ? ExitNoKeychain : ExitFailure,
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
                               .arg(account.user.fullName, account.user.email, account.org.companyName, account.dc,
                                    profile->name));
        });
}

} // namespace zaw

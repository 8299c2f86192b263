// SPDX-License-Identifier: GPL-3.0-or-later
#include "AdobeLoginCommand.h"

#include "AdobeCommands.h"
#include "CliApp.h"
#include "StdinReader.h"
#include "account/AdobeCredentialCheck.h"
#include "store/ProfileStore.h"
#include "store/SecretStore.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QJsonObject>

namespace zaw {

AdobeLoginCommand::AdobeLoginCommand(CliApp *app)
    : QObject(app)
    , m_app(app)
{}

AdobeLoginCommand::~AdobeLoginCommand() = default;

void AdobeLoginCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Checks an Adobe OAuth Server-to-Server credential and keeps it: the client "
                                        "secret comes from ADOBE_CLIENT_SECRET or, with --client-secret-stdin, from "
                                        "the first line of standard input."));
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help."));
    const QCommandLineOption clientId(QStringLiteral("client-id"), tr("Client ID of the credential."),
                                      QStringLiteral("id"));
    const QCommandLineOption org(QStringLiteral("org"), tr("Organisation ID (…@AdobeOrg)."), QStringLiteral("org"));
    const QCommandLineOption sandbox(QStringLiteral("sandbox"), tr("Sandbox name, for example prod."),
                                     QStringLiteral("name"));
    const QCommandLineOption secretStdin(QStringLiteral("client-secret-stdin"),
                                         tr("Read the client secret from the first line of standard input."));
    parser.addOptions({help, clientId, org, sandbox, secretStdin});
    if (!parser.parse(arguments)) {
        m_app->usageError(parser.errorText());
        return;
    }
    if (parser.isSet(help)) {
        m_app->succeed({}, parser.helpText());
        return;
    }
    m_session.clientId = parser.value(clientId).trimmed();
    m_session.orgId = parser.value(org).trimmed();
    m_session.sandboxName = parser.value(sandbox).trimmed().toLower();
    if (m_session.clientId.isEmpty() || m_session.orgId.isEmpty() || m_session.sandboxName.isEmpty()) {
        m_app->usageError(tr("--client-id, --org and --sandbox are required."));
        return;
    }
    if (!m_session.orgId.endsWith(QLatin1String("@AdobeOrg"))) {
        m_app->usageError(tr("--org must be the organisation ID of the Developer Console project; it ends with "
                             "@AdobeOrg."));
        return;
    }
    if (parser.isSet(secretStdin)) {
        m_stdin = new StdinReader(this);
        connect(m_stdin, &StdinReader::lineRead, this, [this](const QString &line) {
            if (!m_session.clientSecret.isEmpty())
                return;
            m_session.clientSecret = line;
            if (line.isEmpty())
                m_app->usageError(tr("The first line of standard input (the client secret) is empty."));
            else
                check();
        });
        connect(m_stdin, &StdinReader::endOfInput, this, [this] {
            if (m_session.clientSecret.isEmpty())
                m_app->usageError(tr("Standard input ended before the client secret."));
        });
        m_stdin->start();
        return;
    }
    m_session.clientSecret = m_app->environmentSecret(QStringLiteral("ADOBE_CLIENT_SECRET"));
    if (m_session.clientSecret.isEmpty()) {
        m_app->usageError(tr("No client secret: set ADOBE_CLIENT_SECRET or use --client-secret-stdin."));
        return;
    }
    check();
}

void AdobeLoginCommand::check()
{
    // A damaged profile file fails the command before Adobe is asked (it is never overwritten).
    if (!m_app->loadOrCreateProfile())
        return;
    m_check = new account::AdobeCredentialCheck(m_app->http(), m_app->endpoints(), &m_session, this);
    connect(m_check, &account::AdobeCredentialCheck::failed, this, [this](const net::Error &error) {
        // A sandbox missing from the org's list is Adobe's answer (6), not a usage mistake.
        m_app->failWith(account::AdobeCredentialCheck::isSandboxMissing(error) ? ExitAdobe
                                                                               : AepSessionHelper::adobeExitCode(error),
                        error);
    });
    connect(m_check, &account::AdobeCredentialCheck::checked, this, &AdobeLoginCommand::store);
    connect(m_check, &account::AdobeCredentialCheck::stored, this,
            [this](const adobe::SandboxInfo &sandbox, const store::SecretResult &keychain) {
                if (!keychain.ok()) {
                    m_app->failWith(keychain.status == store::SecretStatus::NoKeychain ? ExitNoKeychain : ExitFailure,
                                    net::Error::make(net::ErrorCategory::Input, keychain.message, keychain.detail));
                    return;
                }
                const QJsonObject adobe{{QStringLiteral("clientId"), m_session.clientId},
                                        {QStringLiteral("orgId"), m_session.orgId},
                                        {QStringLiteral("sandbox"), sandbox.name},
                                        {QStringLiteral("sandboxTitle"), sandbox.title},
                                        {QStringLiteral("sandboxType"), sandbox.type}};
                m_app->succeed(QJsonObject{{QStringLiteral("adobe"), adobe}},
                               tr("The Adobe credential works for the organisation %1, sandbox \"%2\". It is kept in "
                                  "the system keychain (profile \"%3\").")
                                   .arg(m_session.orgId, sandbox.title, m_profile.name));
            });
    m_app->info(tr("Checking the credential with Adobe…"));
    m_check->check(m_session.clientId, m_session.clientSecret, m_session.orgId, m_session.sandboxName);
}

void AdobeLoginCommand::store()
{
    std::optional<store::Profile> profile = m_app->loadOrCreateProfile();
    if (!profile)
        return;
    m_profile = *profile;
    m_check->store(m_app->profiles(), m_app->secrets(), &m_profile, m_session.sandboxName);
}

} // namespace zaw

// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliApp.h"

#include "AccountCommands.h"
#include "AdobeCommands.h"
#include "AdobeLoginCommand.h"
#include "SyncCommands.h"

#include "ZohoLoginCommand.h"
#include "net/HttpClient.h"
#include "net/ProxySettings.h"
#include "store/KeychainSecretStore.h"
#include "store/ProfileStore.h"
#include "store/SecretStore.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QTimer>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace zaw {

namespace {

QString usageText()
{
    return QCoreApplication::translate(
        "zaw::CliApp",
        "Usage: zoho-aep-connect [--endpoints FILE] [--profile NAME] [--config-dir DIR] [--json] [--verbose] "
        "COMMAND [options]\n\n"
        "Commands:\n"
        "  zoho-login   sign in to Zoho and keep the credentials in the system keychain\n"
        "  adobe-login  check an Adobe OAuth Server-to-Server credential and keep it\n"
        "  tables       list the Zoho CRM modules AEP sees through the base connection\n"
        "  preview      show the columns and the first rows of a table\n"
        "  create       create the dataflow of a table, or with --mode sync its direct sync (a rerun resumes a failed "
        "setup)\n"
        "  status       check the saved connection: Zoho sign-in, base connection, dataflows and last runs\n"
        "  reconnect    renew the Zoho sign-in (a new consent when needed) and give it to the base connection\n"
        "  sync         one run of the direct sync (headless; secrets from the keychain only)\n"
        "  schedule     install, show or remove the background schedule of the direct sync\n"
        "  forget       revoke the sign-in and remove the saved connection (--delete-remote: its AEP objects too)\n\n"
        "Secrets are never arguments: set ZOHO_CLIENT_SECRET / ADOBE_CLIENT_SECRET or use --client-secret-stdin.\n"
        "Run \"zoho-aep-connect COMMAND --help\" for the options of a command.\n");
}

} // namespace

CliApp::CliApp(QObject *parent)
    : QObject(parent)
    , m_http(std::make_unique<net::HttpClient>())
{
    // Read once and removed from the environment at once: no child (the system browser, a
    // scheduler tool) inherits them, whatever the command.
    for (const char *name : {"ZOHO_CLIENT_SECRET", "ADOBE_CLIENT_SECRET"})
        m_environmentSecrets.insert(QString::fromLatin1(name), takeEnvironmentVariable(name));
}

QString CliApp::takeEnvironmentVariable(const char *name)
{
    const QString value = qEnvironmentVariable(name);
#ifdef Q_OS_UNIX
    // unsetenv drops the pointer, but the bytes stay where the process started, readable in
    // /proc/<pid>/environ by the same user for as long as the command runs: wipe them first.
    if (char *raw = std::getenv(name))
        std::memset(raw, 0, std::strlen(raw));
#endif
    qunsetenv(name);
    return value;
}

QString CliApp::environmentSecret(const QString &name) const
{
    return m_environmentSecrets.value(name);
}

CliApp::~CliApp() = default;

void CliApp::info(const QString &text) const
{
    std::fprintf(stderr, "%s\n", qPrintable(text));
    std::fflush(stderr);
}

void CliApp::succeed(const QJsonValue &json, const QString &humanSummary)
{
    result(ExitOk, json, humanSummary);
}

void CliApp::result(int exitCode, const QJsonValue &json, const QString &humanSummary)
{
    if (m_done)
        return;
    m_done = true;
    if (m_json) {
        const QJsonDocument doc = json.isArray() ? QJsonDocument(json.toArray()) : QJsonDocument(json.toObject());
        std::fprintf(stdout, "%s\n", doc.toJson(QJsonDocument::Indented).constData());
        std::fflush(stdout);
        if (!humanSummary.isEmpty())
            info(humanSummary);
    } else {
        std::fprintf(stdout, "%s\n", qPrintable(humanSummary));
        std::fflush(stdout);
    }
    emit finished(exitCode);
}

void CliApp::failWith(int exitCode, const net::Error &error)
{
    if (m_done)
        return;
    m_done = true;
    if (m_json) {
        QJsonObject e{
            {QStringLiteral("category"), net::categoryName(error.category)},
            {QStringLiteral("message"), error.message},
            {QStringLiteral("httpStatus"), error.httpStatus ? QJsonValue(error.httpStatus) : QJsonValue()},
            {QStringLiteral("code"), error.code.isEmpty() ? QJsonValue() : QJsonValue(error.code)},
            {QStringLiteral("requestId"), error.requestId.isEmpty() ? QJsonValue() : QJsonValue(error.requestId)}};
        std::fprintf(
            stdout, "%s\n",
            QJsonDocument(QJsonObject{{QStringLiteral("error"), e}}).toJson(QJsonDocument::Indented).constData());
        std::fflush(stdout);
    }
    info(QCoreApplication::translate("zaw::CliApp", "Error: %1").arg(error.message));
    if (!error.technicalDetails().isEmpty() && (error.httpStatus || !error.code.isEmpty()))
        info(error.technicalDetails());
    emit finished(exitCode);
}

void CliApp::usageError(const QString &message)
{
    failWith(ExitUsage, net::Error::make(net::ErrorCategory::Input, message));
}

void CliApp::start(const QStringList &arguments)
{
    // Global options come before the command (DESIGN §8); parsed by hand only to find where the
    // command starts, each command then uses QCommandLineParser for its own options.
    QStringList args = arguments.mid(1);
    QString endpointsFile, configDir;
    bool verbose = false;
    while (!args.isEmpty() && args.first().startsWith(QLatin1String("--"))) {
        const QString option = args.takeFirst();
        auto value = [&](QString *out) {
            if (args.isEmpty()) {
                usageError(QCoreApplication::translate("zaw::CliApp", "%1 needs a value.").arg(option));
                return false;
            }
            *out = args.takeFirst();
            return true;
        };
        if (option == QLatin1String("--json")) {
            m_json = true;
        } else if (option == QLatin1String("--verbose")) {
            verbose = true;
        } else if (option == QLatin1String("--endpoints")) {
            if (!value(&endpointsFile))
                return;
        } else if (option == QLatin1String("--profile")) {
            if (!value(&m_profileName))
                return;
        } else if (option == QLatin1String("--config-dir")) {
            if (!value(&configDir))
                return;
        } else if (option == QLatin1String("--help") || option == QLatin1String("-h")) {
            std::fprintf(stdout, "%s", qPrintable(usageText()));
            m_done = true;
            QTimer::singleShot(0, this, [this] { emit finished(ExitOk); });
            return;
        } else if (option == QLatin1String("--version")) {
            std::fprintf(stdout, "zoho-aep-connect %s\n", ZAW_VERSION);
            m_done = true;
            QTimer::singleShot(0, this, [this] { emit finished(ExitOk); });
            return;
        } else {
            usageError(QCoreApplication::translate("zaw::CliApp", "Unknown option %1.\n\n%2").arg(option, usageText()));
            return;
        }
    }
    if (!endpointsFile.isEmpty())
        m_endpointsFile = QFileInfo(endpointsFile).absoluteFilePath();
    if (!configDir.isEmpty())
        m_configDirArg = QFileInfo(configDir).absoluteFilePath();
    if (verbose)
        QLoggingCategory::setFilterRules(QStringLiteral("zaw.*.debug=true"));
    if (!endpointsFile.isEmpty()) {
        QString error;
        auto loaded = Endpoints::fromFile(endpointsFile, &error);
        if (!loaded) {
            usageError(error);
            return;
        }
        m_endpoints = *loaded;
    }
    QString error;
    if (!store::ProfileStore::isValidName(m_profileName, &error)) {
        usageError(error);
        return;
    }
    m_profiles = std::make_unique<store::ProfileStore>(configDir.isEmpty() ? store::ProfileStore::defaultConfigDir()
                                                                           : configDir);
    m_secrets = new store::KeychainSecretStore(this);

    // The wizard's network settings apply here too; the proxy password comes from the keychain.
    net::ProxySettings::useSystemProxyByDefault();
    const net::ProxySettings proxy = net::ProxySettings::load(m_profiles->configDir());
    proxy.apply(m_http.get(), {});
    if (!proxy.useSystem && !proxy.user.isEmpty()) {
        const QString key = store::SecretStore::key(net::ProxySettings::keychainProfile(),
                                                    QString::fromLatin1(store::SecretName::ProxyPassword));
        m_secrets->read(key, this, [this, proxy, args](const store::SecretResult &result) {
            proxy.apply(m_http.get(), result.ok() ? result.value : QString());
            runCommand(args);
        });
        return;
    }
    runCommand(args);
}

void CliApp::runCommand(QStringList args)
{
    if (args.isEmpty()) {
        usageError(QCoreApplication::translate("zaw::CliApp", "No command given.\n\n%1").arg(usageText()));
        return;
    }
    const QString command = args.takeFirst();
    if (command == QLatin1String("adobe-login")) {
        auto *cmd = new AdobeLoginCommand(this);
        m_command = cmd;
        cmd->run(QStringList{QStringLiteral("zoho-aep-connect adobe-login")} + args);
        return;
    }
    const QList<QPair<QString, AepCommand::Kind>> aepCommands{{QStringLiteral("tables"), AepCommand::Kind::Tables},
                                                              {QStringLiteral("preview"), AepCommand::Kind::Preview},
                                                              {QStringLiteral("create"), AepCommand::Kind::Create}};
    for (const auto &entry : aepCommands) {
        if (command == entry.first) {
            auto *cmd = new AepCommand(this, entry.second);
            m_command = cmd;
            cmd->run(QStringList{QStringLiteral("zoho-aep-connect ") + command} + args);
            return;
        }
    }
    const QList<QPair<QString, AccountCommand::Kind>> accountCommands{
        {QStringLiteral("status"), AccountCommand::Kind::Status},
        {QStringLiteral("reconnect"), AccountCommand::Kind::Reconnect},
        {QStringLiteral("forget"), AccountCommand::Kind::Forget}};
    for (const auto &entry : accountCommands) {
        if (command == entry.first) {
            auto *cmd = new AccountCommand(this, entry.second);
            m_command = cmd;
            cmd->run(QStringList{QStringLiteral("zoho-aep-connect ") + command} + args);
            return;
        }
    }
    if (command == QLatin1String("sync") || command == QLatin1String("schedule")) {
        auto *cmd = new SyncCommand(this, command == QLatin1String("sync") ? SyncCommand::Kind::Sync
                                                                           : SyncCommand::Kind::Schedule);
        m_command = cmd;
        cmd->run(QStringList{QStringLiteral("zoho-aep-connect ") + command} + args);
        return;
    }
    if (command == QLatin1String("zoho-login")) {
        auto *cmd = new ZohoLoginCommand(this);
        m_command = cmd;
        cmd->run(QStringList{QStringLiteral("zoho-aep-connect zoho-login")} + args);
        return;
    }
    usageError(QCoreApplication::translate("zaw::CliApp", "Unknown command \"%1\".\n\n%2").arg(command, usageText()));
}

QStringList CliApp::locationArguments() const
{
    QStringList args;
    if (!m_endpointsFile.isEmpty())
        args << QStringLiteral("--endpoints") << m_endpointsFile;
    if (!m_configDirArg.isEmpty())
        args << QStringLiteral("--config-dir") << m_configDirArg;
    args << QStringLiteral("--profile") << m_profileName;
    return args;
}

std::optional<store::Profile> CliApp::loadOrCreateProfile()
{
    QString error;
    auto loaded = m_profiles->exists(m_profileName) ? m_profiles->load(m_profileName, &error) : std::nullopt;
    if (!loaded && !error.isEmpty()) {
        failWith(ExitFailure, net::Error::make(net::ErrorCategory::Input, error));
        return std::nullopt;
    }
    return loaded ? *loaded : m_profiles->create(m_profileName);
}

} // namespace zaw

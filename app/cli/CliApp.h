// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "endpoints/Endpoints.h"
#include "net/Error.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QStringList>

#include <memory>
#include <optional>

namespace zaw {

namespace net {
class HttpClient;
}
namespace store {
class ProfileStore;
class SecretStore;
struct Profile;
} // namespace store

// Exit codes of zoho-aep-connect (DESIGN §8).
enum ExitCode {
    ExitOk = 0,
    ExitFailure = 1,
    ExitUsage = 2,
    ExitAuthorization = 3,
    ExitNetwork = 4,
    ExitNoKeychain = 5,
    ExitAdobe = 6,
    ExitTimeout = 7,
};

// zoho-aep-connect: global options, one command, JSON or human output. Shares the core and the
// profiles with the wizard.
class CliApp : public QObject
{
    Q_OBJECT

public:
    explicit CliApp(QObject *parent = nullptr);
    ~CliApp() override;

    // Parses arguments and starts the command; the process ends when finished() is emitted.
    void start(const QStringList &arguments);

    // Human text (stderr) and, with --json, exactly one JSON document on stdout.
    void info(const QString &text) const;
    // json: an object or an array (the one document on stdout with --json).
    void succeed(const QJsonValue &json, const QString &humanSummary);
    // The same output as succeed(), ending with exitCode (a check that found a problem: status, sync).
    void result(int exitCode, const QJsonValue &json, const QString &humanSummary);
    void failWith(int exitCode, const net::Error &error);
    void usageError(const QString &message);

    // ZOHO_CLIENT_SECRET / ADOBE_CLIENT_SECRET as this process was started with: read and
    // removed from the environment when the CliApp is made, so no child process inherits them.
    QString environmentSecret(const QString &name) const;
    // Reads an environment variable and removes it from this process's environment.
    static QString takeEnvironmentVariable(const char *name);

    bool json() const { return m_json; }
    const Endpoints &endpoints() const { return m_endpoints; }
    net::HttpClient *http() const { return m_http.get(); }
    store::ProfileStore *profiles() const { return m_profiles.get(); }
    store::SecretStore *secrets() const { return m_secrets; }
    QString profileName() const { return m_profileName; }
    // The global options this run was given that say where things are (--endpoints,
    // --config-dir, --profile), as absolute paths: a schedule repeats them.
    QStringList locationArguments() const;
    // The profile of this run, loaded, or new when there is none yet. A profile that cannot be
    // read fails the command (exit 1) and gives std::nullopt.
    std::optional<store::Profile> loadOrCreateProfile();

signals:
    void finished(int exitCode);

private:
    void runCommand(QStringList args);

    bool m_json = false;
    bool m_done = false;
    Endpoints m_endpoints = Endpoints::production();
    std::unique_ptr<net::HttpClient> m_http;
    std::unique_ptr<store::ProfileStore> m_profiles;
    store::SecretStore *m_secrets = nullptr;
    QString m_profileName = QStringLiteral("default");
    QString m_endpointsFile; // as given, made absolute
    QString m_configDirArg;  // as given, made absolute
    QObject *m_command = nullptr;
    QHash<QString, QString> m_environmentSecrets;
};

} // namespace zaw

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

class QLockFile;

namespace zaw::store {

// The non-secret state of one connection. Secrets live in the keychain under keys made from
// `id` (SecretStore::key), so the id is made once and never changes, even if the file is renamed.
struct Profile
{
    QString name;
    QString id; // 32 lowercase hex digits
    QDateTime created;
    QDateTime updated;
    QJsonObject zoho;  // e.g. dc, environment, clientId, clientType, redirectUri, scopes, user, org…
    QJsonObject adobe; // filled by the wizard's Adobe steps
    QJsonObject setup; // IDs of the AEP objects the setup plan created
    // Direct sync (empty for a Flow Service connection): what to read and where to write it,
    // see sync::SyncConfig. Cursors, spool files and run history live beside the profiles, in
    // sync::SyncPaths, not here.
    QJsonObject sync;

    QJsonObject toJson() const;
    // On failure returns nothing and sets *error to a translated reason (without a file name).
    static std::optional<Profile> fromJson(const QJsonObject &json, QString *error);
};

// Profiles as JSON files in `<config dir>/profiles/<name>.json` (DESIGN §5), readable by their
// owner only, replaced atomically, and locked while written so that the wizard and the command
// line can work on the same profile without losing an update.
class ProfileStore
{
    Q_DECLARE_TR_FUNCTIONS(zaw::store::ProfileStore)
public:
    static constexpr int DefaultLockTimeoutMs = 3000;

    // `configDir` is what the executables get from --config-dir (defaultConfigDir() otherwise).
    explicit ProfileStore(const QString &configDir);

    // QStandardPaths::AppConfigLocation; needs the application's name set first.
    static QString defaultConfigDir();

    QString configDir() const { return m_configDir; }
    QString profilesDir() const;
    QString filePath(const QString &name) const;

    // Names of the profiles present, sorted; files that are not profiles are ignored. A damaged
    // profile file is listed (its name is taken); readableNames() leaves it out.
    QStringList names() const;
    // The profiles that can be loaded, sorted; for each damaged file a translated message that
    // names it is appended to *problems. Nothing is written.
    QStringList readableNames(QStringList *problems = nullptr) const;
    bool exists(const QString &name) const;

    std::optional<Profile> load(const QString &name, QString *error) const;
    // Writes the profile and sets its `updated` time (and `created`, when missing). Refuses,
    // writing nothing, when a section holds something named like a secret, when the name is
    // invalid, or when another profile (another id) already has that name.
    bool save(Profile &profile, QString *error);
    // Removes the file only; the caller removes the profile's keychain entries.
    bool remove(const QString &name, QString *error);
    // A new, unsaved profile with a fresh random id.
    Profile create(const QString &name) const;

    void setLockTimeoutMs(int timeoutMs) { m_lockTimeoutMs = timeoutMs; }

    // 1–64 characters from A–Z, a–z, 0–9, '.', '_', '-', not starting with '.', and not a name
    // Windows reserves for devices. On failure *error says which characters are allowed.
    static bool isValidName(const QString &name, QString *error = nullptr);
    // JSON paths (like "zoho.auth.refreshToken") of keys in the sections that name a secret.
    static QStringList secretPaths(const Profile &profile);

private:
    static QString noSuchProfile(const QString &name, const QString &path);
    bool acquire(QLockFile &lock, const QString &name, QString *error) const;
    std::optional<Profile> readFile(const QString &name, QString *error) const;

    QString m_configDir;
    int m_lockTimeoutMs = DefaultLockTimeoutMs;
};

} // namespace zaw::store

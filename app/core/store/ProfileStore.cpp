// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/ProfileStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLockFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>

namespace zaw::store {

namespace {

constexpr int kFormatVersion = 1;
constexpr int kIdBytes = 16;
const QString kSuffix = QStringLiteral(".json");

bool isValidId(const QString &id)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9a-f]{32}$"));
    return pattern.match(id).hasMatch();
}

QString newId()
{
    quint32 words[kIdBytes / 4];
    QRandomGenerator::system()->fillRange(words);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(words), kIdBytes).toHex());
}

QString timestamp(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

// Key names that say "secret". Separators are ignored so that Zoho's and IMS's snake_case reply
// fields (refresh_token, client_secret) are caught as well as our camelCase ones.
bool namesASecret(const QString &key)
{
    static const QStringList secretNames = {QStringLiteral("clientsecret"), QStringLiteral("refreshtoken"),
                                            QStringLiteral("accesstoken"), QStringLiteral("password"),
                                            QStringLiteral("secret")};
    QString folded = key.toLower();
    folded.remove(QLatin1Char('_'));
    folded.remove(QLatin1Char('-'));
    return secretNames.contains(folded);
}

void collectSecretPaths(const QJsonValue &value, const QString &path, QStringList *paths)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString childPath = path + QLatin1Char('.') + it.key();
            if (namesASecret(it.key()))
                paths->append(childPath);
            collectSecretPaths(it.value(), childPath, paths);
        }
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            collectSecretPaths(array.at(i), path + QStringLiteral("[%1]").arg(i), paths);
    }
}

bool readSection(const QJsonObject &json, const QString &name, QJsonObject *section, QString *error)
{
    const QJsonValue value = json.value(name);
    if (value.isUndefined() || value.isNull())
        return true;
    if (!value.isObject()) {
        *error = ProfileStore::tr("\"%1\" is not a JSON object").arg(name);
        return false;
    }
    *section = value.toObject();
    return true;
}

bool readTime(const QJsonObject &json, const QString &name, QDateTime *time, QString *error)
{
    const QJsonValue value = json.value(name);
    if (value.isUndefined())
        return true;
    *time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    if (!time->isValid()) {
        *error = ProfileStore::tr("\"%1\" is not a date and time").arg(name);
        return false;
    }
    return true;
}

// A hand-edited file may hold valid JSON of the wrong shape: the fields the application reads
// must have the type it expects, or the file is reported as damaged instead of being half used.
bool checkStrings(const QJsonObject &section, const QString &sectionName, const QStringList &keys, QString *error)
{
    for (const QString &key : keys) {
        const QJsonValue value = section.value(key);
        if (!value.isUndefined() && !value.isString()) {
            *error = ProfileStore::tr("\"%1.%2\" is not a text").arg(sectionName, key);
            return false;
        }
    }
    return true;
}

bool checkZoho(const QJsonObject &zoho, QString *error)
{
    static const QStringList strings{
        QStringLiteral("dc"),         QStringLiteral("environment"), QStringLiteral("clientId"),
        QStringLiteral("clientType"), QStringLiteral("redirectUri"), QStringLiteral("userId"),
        QStringLiteral("user"),       QStringLiteral("email"),       QStringLiteral("org"),
        QStringLiteral("orgId"),      QStringLiteral("edition")};
    if (!checkStrings(zoho, QStringLiteral("zoho"), strings, error))
        return false;
    const QJsonValue scopes = zoho.value(QStringLiteral("scopes"));
    if (!scopes.isUndefined()) {
        bool ok = scopes.isArray();
        for (const QJsonValue &scope : scopes.toArray())
            ok = ok && scope.isString();
        if (!ok) {
            *error = ProfileStore::tr("\"%1\" is not a list of texts").arg(QStringLiteral("zoho.scopes"));
            return false;
        }
    }
    const QString environment = zoho.value(QStringLiteral("environment")).toString();
    if (!environment.isEmpty() && environment != QLatin1String("production") &&
        environment != QLatin1String("sandbox") && environment != QLatin1String("developer")) {
        *error =
            ProfileStore::tr("\"%1\" is not production, sandbox or developer").arg(QStringLiteral("zoho.environment"));
        return false;
    }
    const QString clientType = zoho.value(QStringLiteral("clientType")).toString();
    if (!clientType.isEmpty() && clientType != QLatin1String("server") && clientType != QLatin1String("desktop")) {
        *error = ProfileStore::tr("\"%1\" is not server or desktop").arg(QStringLiteral("zoho.clientType"));
        return false;
    }
    return true;
}

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

} // namespace

QJsonObject Profile::toJson() const
{
    QJsonObject json;
    json.insert(QStringLiteral("version"), kFormatVersion);
    json.insert(QStringLiteral("id"), id);
    json.insert(QStringLiteral("name"), name);
    if (created.isValid())
        json.insert(QStringLiteral("created"), timestamp(created));
    if (updated.isValid())
        json.insert(QStringLiteral("updated"), timestamp(updated));
    json.insert(QStringLiteral("zoho"), zoho);
    json.insert(QStringLiteral("adobe"), adobe);
    json.insert(QStringLiteral("setup"), setup);
    if (!sync.isEmpty())
        json.insert(QStringLiteral("sync"), sync);
    return json;
}

std::optional<Profile> Profile::fromJson(const QJsonObject &json, QString *error)
{
    QString reason;
    const QJsonValue versionValue = json.value(QStringLiteral("version"));
    if (!versionValue.isUndefined() && (!versionValue.isDouble() || versionValue.toDouble() < 1 ||
                                        versionValue.toDouble() != double(versionValue.toInt()))) {
        setError(error, ProfileStore::tr("\"version\" is not a format number"));
        return std::nullopt;
    }
    const int version = versionValue.toInt(kFormatVersion);
    if (version > kFormatVersion) {
        setError(error,
                 ProfileStore::tr("it was written by a newer version of this application (format %1)").arg(version));
        return std::nullopt;
    }
    Profile profile;
    profile.id = json.value(QStringLiteral("id")).toString();
    if (!isValidId(profile.id)) {
        setError(error, ProfileStore::tr("\"id\" is missing or not 32 hexadecimal digits"));
        return std::nullopt;
    }
    profile.name = json.value(QStringLiteral("name")).toString();
    if (!readTime(json, QStringLiteral("created"), &profile.created, &reason) ||
        !readTime(json, QStringLiteral("updated"), &profile.updated, &reason) ||
        !readSection(json, QStringLiteral("zoho"), &profile.zoho, &reason) ||
        !readSection(json, QStringLiteral("adobe"), &profile.adobe, &reason) ||
        !readSection(json, QStringLiteral("setup"), &profile.setup, &reason) ||
        !readSection(json, QStringLiteral("sync"), &profile.sync, &reason) || !checkZoho(profile.zoho, &reason) ||
        !checkStrings(profile.adobe, QStringLiteral("adobe"),
                      {QStringLiteral("clientId"), QStringLiteral("orgId"), QStringLiteral("sandbox")}, &reason)) {
        setError(error, reason);
        return std::nullopt;
    }
    return profile;
}

ProfileStore::ProfileStore(const QString &configDir)
    : m_configDir(configDir)
{}

QString ProfileStore::defaultConfigDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation);
}

QString ProfileStore::profilesDir() const
{
    return QDir(m_configDir).filePath(QStringLiteral("profiles"));
}

QString ProfileStore::filePath(const QString &name) const
{
    return QDir(profilesDir()).filePath(name + kSuffix);
}

bool ProfileStore::isValidName(const QString &name, QString *error)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}$"));
    if (!pattern.match(name).hasMatch()) {
        setError(error, tr("\"%1\" cannot be a profile name. Use 1 to 64 characters: letters A–Z and a–z, "
                           "digits 0–9, \".\", \"_\" and \"-\"; the name must not start with \".\".")
                            .arg(name));
        return false;
    }
    // Windows cannot create files named after devices, with any extension ("con.json").
    static const QRegularExpression reserved(QStringLiteral("^(con|prn|aux|nul|com[1-9]|lpt[1-9])$"),
                                             QRegularExpression::CaseInsensitiveOption);
    if (reserved.match(name.section(QLatin1Char('.'), 0, 0)).hasMatch()) {
        setError(error, tr("\"%1\" cannot be a profile name because Windows reserves it for a device. "
                           "Choose another name.")
                            .arg(name));
        return false;
    }
    return true;
}

QStringList ProfileStore::secretPaths(const Profile &profile)
{
    QStringList paths;
    collectSecretPaths(profile.zoho, QStringLiteral("zoho"), &paths);
    collectSecretPaths(profile.adobe, QStringLiteral("adobe"), &paths);
    collectSecretPaths(profile.setup, QStringLiteral("setup"), &paths);
    collectSecretPaths(profile.sync, QStringLiteral("sync"), &paths);
    return paths;
}

QStringList ProfileStore::names() const
{
    QStringList result;
    const QStringList files =
        QDir(profilesDir()).entryList({QLatin1Char('*') + kSuffix}, QDir::Files | QDir::Readable, QDir::Name);
    for (const QString &file : files) {
        const QString name = file.chopped(kSuffix.size());
        if (isValidName(name))
            result << name;
    }
    return result;
}

QStringList ProfileStore::readableNames(QStringList *problems) const
{
    QStringList result;
    for (const QString &name : names()) {
        QString error;
        if (readFile(name, &error))
            result << name;
        else if (problems)
            problems->append(error);
    }
    return result;
}

bool ProfileStore::exists(const QString &name) const
{
    return isValidName(name) && QFileInfo::exists(filePath(name));
}

Profile ProfileStore::create(const QString &name) const
{
    Profile profile;
    profile.name = name;
    profile.id = newId();
    profile.created = QDateTime::currentDateTimeUtc();
    profile.updated = profile.created;
    return profile;
}

QString ProfileStore::noSuchProfile(const QString &name, const QString &path)
{
    return tr("There is no profile named \"%1\" (%2 does not exist).").arg(name, QDir::toNativeSeparators(path));
}

bool ProfileStore::acquire(QLockFile &lock, const QString &name, QString *error) const
{
    // The wizard and the command line may both write a profile; the lock makes the second one
    // fail with a clear message instead of silently undoing the first one's change.
    if (lock.tryLock(m_lockTimeoutMs))
        return true;
    if (lock.error() == QLockFile::LockFailedError)
        setError(error, tr("The profile \"%1\" is being changed by another program. Try again when it has "
                           "finished.")
                            .arg(name));
    else
        setError(error,
                 tr("Cannot lock the profile file %1 for writing.").arg(QDir::toNativeSeparators(lock.fileName())));
    return false;
}

std::optional<Profile> ProfileStore::readFile(const QString &name, QString *error) const
{
    const QString path = QDir::toNativeSeparators(filePath(name));
    QFile file(filePath(name));
    if (!file.exists()) {
        setError(error, noSuchProfile(name, path));
        return std::nullopt;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        setError(error, tr("Cannot read the profile file %1: %2.").arg(path, file.errorString()));
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    QString reason;
    std::optional<Profile> profile;
    if (parseError.error != QJsonParseError::NoError)
        reason = tr("%1 at byte %2").arg(parseError.errorString()).arg(parseError.offset);
    else if (!document.isObject())
        reason = tr("it does not hold a JSON object");
    else
        profile = Profile::fromJson(document.object(), &reason);
    if (!profile) {
        setError(error, tr("The profile file %1 is damaged (%2). Repair it, or delete it and set the "
                           "profile up again.")
                            .arg(path, reason));
        return std::nullopt;
    }
    // The file name is the profile's name: renaming the file renames the profile.
    profile->name = name;
    return profile;
}

std::optional<Profile> ProfileStore::load(const QString &name, QString *error) const
{
    QString nameError;
    if (!isValidName(name, &nameError)) {
        setError(error, nameError);
        return std::nullopt;
    }
    return readFile(name, error);
}

bool ProfileStore::save(Profile &profile, QString *error)
{
    QString reason;
    if (!isValidName(profile.name, &reason)) {
        setError(error, reason);
        return false;
    }
    if (!isValidId(profile.id)) {
        setError(error, tr("The profile \"%1\" has no valid id, so it cannot be saved.").arg(profile.name));
        return false;
    }
    const QStringList secrets = secretPaths(profile);
    if (!secrets.isEmpty()) {
        setError(error, tr("The profile \"%1\" was not saved: %2 looks like a secret, and secrets belong in the "
                           "keychain, never in the profile file.")
                            .arg(profile.name, secrets.join(QStringLiteral(", "))));
        return false;
    }

    const QString dir = profilesDir();
    if (!QFileInfo::exists(dir)) {
        if (!QDir().mkpath(dir)) {
            setError(error, tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(dir)));
            return false;
        }
        // Profile names and IDs are not secret, but nobody else needs to list them.
        QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }

    const QString path = filePath(profile.name);
    QLockFile lock(path + QStringLiteral(".lock"));
    if (!acquire(lock, profile.name, error))
        return false;

    // Never replace another profile that happens to have this name: its keychain entries would
    // be orphaned under the old id.
    if (QFileInfo::exists(path)) {
        const std::optional<Profile> existing = readFile(profile.name, error);
        if (!existing)
            return false;
        if (existing->id != profile.id) {
            setError(error, tr("A different profile named \"%1\" already exists. Choose another name or remove "
                               "that profile first.")
                                .arg(profile.name));
            return false;
        }
    }

    Profile saved = profile;
    saved.updated = QDateTime::currentDateTimeUtc();
    if (!saved.created.isValid())
        saved.created = saved.updated;

    QSaveFile file(path);
    const bool written =
        file.open(QIODevice::WriteOnly) && file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) &&
        file.write(QJsonDocument(saved.toJson()).toJson(QJsonDocument::Indented)) >= 0 && file.commit();
    if (!written) {
        setError(error,
                 tr("Cannot write the profile file %1: %2.").arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    profile = saved;
    return true;
}

bool ProfileStore::remove(const QString &name, QString *error)
{
    QString reason;
    if (!isValidName(name, &reason)) {
        setError(error, reason);
        return false;
    }
    const QString path = filePath(name);
    if (!QFileInfo::exists(path)) {
        setError(error, noSuchProfile(name, path));
        return false;
    }
    QLockFile lock(path + QStringLiteral(".lock"));
    if (!acquire(lock, name, error))
        return false;
    QFile file(path);
    if (!file.remove()) {
        setError(error,
                 tr("Cannot delete the profile file %1: %2.").arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    return true;
}

} // namespace zaw::store

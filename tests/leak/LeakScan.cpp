// SPDX-License-Identifier: GPL-3.0-or-later
#include "LeakScan.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrl>

namespace zaw::test::leak {

QString shortHash(const QByteArray &value)
{
    return QString::fromLatin1(QCryptographicHash::hash(value, QCryptographicHash::Sha256).toHex().left(8));
}

bool SecretSet::add(const QString &name, const QString &value)
{
    const QByteArray v = value.toUtf8();
    if (v.size() < 8 || m_values.contains(v))
        return false;
    m_values.insert(v);
    m_secrets.append({name, v});
    return true;
}

namespace {

// key: the path of JSON keys that led to the value, e.g. "refreshTokens/token".
QString nameForKey(const QString &key, const QString &value)
{
    const QString k = key.toLower();
    if (value.startsWith(QLatin1String("eyJ")))
        return QStringLiteral("adobe access token");
    if (k.contains(QLatin1String("refresh")))
        return QStringLiteral("zoho refresh token");
    if (k.contains(QLatin1String("code")))
        return QStringLiteral("zoho grant code");
    if (k.contains(QLatin1String("access")))
        return QStringLiteral("zoho access token");
    return QStringLiteral("zoho token (%1)").arg(key);
}

void collect(const QJsonValue &value, const QString &key, QList<QPair<QString, QString>> *out)
{
    static const QRegularExpression zoho(QStringLiteral("^1000\\.[0-9a-f]{32}\\.[0-9a-f]{32}$"));
    static const QRegularExpression adobe(QStringLiteral("^eyJ[A-Za-z0-9]{100,}$"));
    auto isSecret = [](const QString &s) { return zoho.match(s).hasMatch() || adobe.match(s).hasMatch(); };
    if (value.isString() && isSecret(value.toString()))
        out->append({nameForKey(key, value.toString()), value.toString()});
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            // A token used as a key: named after the map holding it.
            if (isSecret(it.key())) {
                out->append({nameForKey(key, it.key()), it.key()});
                collect(it.value(), key, out);
            } else {
                collect(it.value(), key.isEmpty() ? it.key() : key + QLatin1Char('/') + it.key(), out);
            }
        }
    }
    if (value.isArray()) {
        for (const QJsonValue &v : value.toArray())
            collect(v, key, out);
    }
}

} // namespace

int SecretSet::addFromSandboxState(const QByteArray &json)
{
    QList<QPair<QString, QString>> found;
    collect(QJsonDocument::fromJson(json).object(), {}, &found);
    int added = 0;
    for (const auto &f : std::as_const(found))
        added += add(f.first, f.second) ? 1 : 0;
    return added;
}

QStringList SecretSet::names() const
{
    QStringList n;
    for (const Secret &s : m_secrets)
        n << s.name;
    return n;
}

void SecretSet::addPkceChallenge(const QString &challenge)
{
    if (!challenge.isEmpty())
        m_challenges.insert(challenge.toLatin1());
}

QList<SecretSet::Hit> SecretSet::find(const QByteArray &data) const
{
    QList<Hit> hits;
    if (!m_challenges.isEmpty()) {
        static const QRegularExpression word(QStringLiteral("[A-Za-z0-9._~-]{43,128}"));
        const QString text = QString::fromLatin1(data);
        for (auto it = word.globalMatch(text); it.hasNext();) {
            const QByteArray candidate = it.next().captured().toLatin1();
            const QByteArray s256 = QCryptographicHash::hash(candidate, QCryptographicHash::Sha256)
                                        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
            if (m_challenges.contains(s256))
                hits.append({QStringLiteral("PKCE verifier #") + shortHash(candidate), QStringLiteral("raw")});
        }
    }
    for (const Secret &s : m_secrets) {
        const QString label = s.name + QStringLiteral(" #") + shortHash(s.value);
        if (data.contains(s.value)) {
            hits.append({label, QStringLiteral("raw")});
            continue;
        }
        const QByteArray encoded = QUrl::toPercentEncoding(QString::fromUtf8(s.value));
        if (encoded != s.value && data.contains(encoded))
            hits.append({label, QStringLiteral("percent-encoded")});
        const QByteArray base64 = s.value.toBase64();
        if (data.contains(base64.left(base64.size() - 4)))
            hits.append({label, QStringLiteral("base64")});
    }
    return hits;
}

QList<Place> filesUnder(const QString &dir, const QString &label)
{
    QList<Place> places;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        places.append({QStringLiteral("file %1/%2").arg(label, QDir(dir).relativeFilePath(path)), f.readAll()});
    }
    return places;
}

int fileCount(const QString &dir)
{
    int n = 0;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        ++n;
    }
    return n;
}

namespace {

QByteArray readProc(qint64 pid, const char *what)
{
    QFile f(QStringLiteral("/proc/%1/%2").arg(pid).arg(QLatin1String(what)));
    // /proc files report size 0: read until the end.
    if (!f.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return {};
    return f.readAll();
}

qint64 parentOf(qint64 pid)
{
    const QByteArray stat = readProc(pid, "stat");
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so look after the last ')'.
    const int close = stat.lastIndexOf(')');
    if (close < 0)
        return -1;
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    return fields.size() > 1 ? fields.at(1).toLongLong() : -1;
}

} // namespace

ProcessWatcher::ProcessWatcher(QObject *parent)
    : QObject(parent)
{
    m_timer.setInterval(15);
    connect(&m_timer, &QTimer::timeout, this, &ProcessWatcher::poll);
}

void ProcessWatcher::watch(qint64 pid, const QString &label, bool withRootEnvironment)
{
    m_roots.append({pid, label, withRootEnvironment});
    poll();
    m_timer.start();
}

void ProcessWatcher::record(const QString &name, const QByteArray &data)
{
    if (data.isEmpty())
        return;
    const QByteArray key = name.toUtf8() + '\n' + data;
    if (m_recorded.contains(key))
        return;
    m_recorded.insert(key);
    m_placeList.append({name, data});
}

void ProcessWatcher::poll()
{
    QMap<qint64, qint64> parent;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool ok = false;
        const qint64 pid = entry.toLongLong(&ok);
        if (ok)
            parent.insert(pid, parentOf(pid));
    }
    for (const Root &root : std::as_const(m_roots)) {
        if (!parent.contains(root.pid))
            continue;
        // The tree under the root, breadth first.
        QList<qint64> tree{root.pid};
        for (int i = 0; i < tree.size(); ++i) {
            for (auto it = parent.begin(); it != parent.end(); ++it) {
                if (it.value() == tree.at(i) && !tree.contains(it.key()))
                    tree.append(it.key());
            }
        }
        const QString rootExe = QFile::symLinkTarget(QStringLiteral("/proc/%1/exe").arg(root.pid));
        for (qint64 pid : std::as_const(tree)) {
            const bool isRoot = pid == root.pid;
            // A fork of the product that has not exec'd yet still shows the product's first
            // environment block (what the test gave it on purpose; unsetenv() does not wipe it).
            const bool forkOfRoot = !isRoot && QFile::symLinkTarget(QStringLiteral("/proc/%1/exe").arg(pid)) == rootExe;
            QByteArray comm = readProc(pid, "comm").trimmed();
            const QByteArray cmdline = readProc(pid, "cmdline");
            const QString who = isRoot ? root.label
                                       : QStringLiteral("%1 (pid %2, under %3)")
                                             .arg(QString::fromLocal8Bit(comm))
                                             .arg(pid)
                                             .arg(root.label);
            if (!m_seenPids.contains(pid)) {
                m_seenPids.insert(pid);
                if (!isRoot)
                    m_descendants << QString::fromLocal8Bit(comm);
            }
            record(QStringLiteral("command line of %1").arg(who), cmdline);
            if ((!isRoot && !forkOfRoot) || (isRoot && root.withEnvironment))
                record(QStringLiteral("environment of %1").arg(who), readProc(pid, "environ"));
        }
    }
}

QList<Place> ProcessWatcher::places() const
{
    return m_placeList;
}

QStringList ProcessWatcher::descendantNames() const
{
    return m_descendants;
}

FolderWatcher::FolderWatcher(QObject *parent)
    : QObject(parent)
{
    m_timer.setInterval(50);
    connect(&m_timer, &QTimer::timeout, this, &FolderWatcher::poll);
}

void FolderWatcher::watch(const QString &dir, const QString &label)
{
    m_dirs.append({dir, label});
    poll();
    m_timer.start();
}

void FolderWatcher::poll()
{
    for (const auto &dir : std::as_const(m_dirs)) {
        for (const Place &place : filesUnder(dir.first, dir.second)) {
            m_names.insert(place.name);
            const QByteArray key =
                place.name.toUtf8() + '\n' + QCryptographicHash::hash(place.data, QCryptographicHash::Sha256);
            if (m_seen.contains(key))
                continue;
            m_seen.insert(key);
            m_places.append(place);
        }
    }
}

QStringList FolderWatcher::fileNames() const
{
    QStringList names(m_names.begin(), m_names.end());
    names.sort();
    return names;
}

bool StandIns::create(const QString &bin, const QString &dump, const QMap<QString, int> &tools)
{
    binDir = bin;
    dumpDir = dump;
    if (!QDir().mkpath(binDir) || !QDir().mkpath(dumpDir))
        return false;
    for (auto it = tools.begin(); it != tools.end(); ++it) {
        QFile script(QDir(binDir).filePath(it.key()));
        if (!script.open(QIODevice::WriteOnly))
            return false;
        // The environment as the kernel gave it to this process, and its arguments.
        script.write(QStringLiteral("#!/bin/sh\n"
                                    "out='%1/%2.'$$\n"
                                    "{ printf 'argv:'; for a in \"$0\" \"$@\"; do printf ' %s' \"$a\"; done\n"
                                    "  printf '\\nenvironment:\\n'; tr '\\000' '\\n' < /proc/$$/environ; } > \"$out\"\n"
                                    "exit %3\n")
                         .arg(dumpDir, it.key())
                         .arg(it.value())
                         .toUtf8());
        script.close();
        script.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
    return true;
}

QList<Place> StandIns::places() const
{
    QList<Place> places;
    const QFileInfoList files = QDir(dumpDir).entryInfoList(QDir::Files, QDir::Name);
    for (const QFileInfo &info : files) {
        QFile f(info.filePath());
        if (f.open(QIODevice::ReadOnly))
            places.append({QStringLiteral("environment and arguments of %1 (stand-in, pid %2)")
                               .arg(info.completeBaseName(), info.suffix()),
                           f.readAll()});
    }
    return places;
}

QStringList StandIns::calledTools() const
{
    QStringList names;
    const QFileInfoList files = QDir(dumpDir).entryInfoList(QDir::Files, QDir::Name);
    for (const QFileInfo &info : files)
        names << info.completeBaseName();
    return names;
}

QStringList scan(const SecretSet &secrets, const QList<Place> &places)
{
    QStringList hits;
    for (const Place &place : places) {
        for (const SecretSet::Hit &hit : secrets.find(place.data))
            hits << QStringLiteral("%1 in %2 (%3)").arg(hit.secret, place.name, hit.encoding);
    }
    return hits;
}

} // namespace zaw::test::leak

// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/SyncPaths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

namespace zaw::sync {

SyncPaths::SyncPaths(const QString &configDir, const QString &profileId)
    : m_root(QDir(configDir).filePath(QStringLiteral("sync/") + fileSafe(profileId)))
{}

QString SyncPaths::lockFile() const
{
    return QDir(m_root).filePath(QStringLiteral("sync.lock"));
}

QString SyncPaths::stateDir() const
{
    return QDir(m_root).filePath(QStringLiteral("state"));
}

QString SyncPaths::stateFile(const QString &module) const
{
    return QDir(stateDir()).filePath(fileSafe(module) + QStringLiteral(".json"));
}

QString SyncPaths::moduleSpoolRoot(const QString &module) const
{
    return QDir(m_root).filePath(QStringLiteral("spool/") + fileSafe(module));
}

QString SyncPaths::spoolDir(const QString &module, const QString &key) const
{
    return QDir(moduleSpoolRoot(module)).filePath(fileSafe(key));
}

QString SyncPaths::historyFile() const
{
    return QDir(m_root).filePath(QStringLiteral("history.jsonl"));
}

QString SyncPaths::downloadDir() const
{
    return QDir(m_root).filePath(QStringLiteral("download"));
}

bool SyncPaths::ensure(QString *error) const
{
    for (const QString &dir : {m_root, stateDir(), QDir(m_root).filePath(QStringLiteral("spool")), downloadDir()}) {
        if (!QDir().mkpath(dir)) {
            if (error)
                *error = QCoreApplication::translate("zaw::sync::SyncPaths", "The folder %1 could not be created.")
                             .arg(QDir::toNativeSeparators(dir));
            return false;
        }
        QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
    return true;
}

bool SyncPaths::removeAll() const
{
    QDir dir(m_root);
    return !dir.exists() || dir.removeRecursively();
}

QString SyncPaths::fileSafe(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const bool keep = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
                          (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
                          (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('-') ||
                          c == QLatin1Char('_') || c == QLatin1Char('.');
        out.append(keep ? c : QLatin1Char('_'));
    }
    if (out.isEmpty() || out.startsWith(QLatin1Char('.')))
        out.prepend(QLatin1Char('_'));
    return out.left(120);
}

} // namespace zaw::sync

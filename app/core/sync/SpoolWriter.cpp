// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/SpoolWriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>

namespace zaw::sync {

namespace {

QString writeError(const QString &path, const QString &why)
{
    return QCoreApplication::translate("zaw::sync::SpoolWriter",
                                       "Cannot write the sync file %1 (%2). Check free disk space and permissions.")
        .arg(path, why);
}

} // namespace

SpoolWriter::SpoolWriter(const QString &dir, qint64 partBytes)
    : m_dir(dir)
    , m_partBytes(partBytes > 0 ? partBytes : kDefaultPartBytes)
{}

SpoolWriter::~SpoolWriter() = default;

QString SpoolWriter::partName(int n)
{
    return QStringLiteral("part-%1.json").arg(n, 5, 10, QLatin1Char('0'));
}

bool SpoolWriter::open(QString *error)
{
    QDir d(m_dir);
    if (d.exists() && !d.removeRecursively()) {
        if (error)
            *error = writeError(m_dir, QStringLiteral("remove"));
        return false;
    }
    if (!QDir().mkpath(m_dir)) {
        if (error)
            *error = writeError(m_dir, QStringLiteral("mkdir"));
        return false;
    }
    m_files.clear();
    m_rows = 0;
    m_file.reset();
    return true;
}

bool SpoolWriter::roll(QString *error)
{
    if (m_file) {
        m_file->close();
        m_file.reset();
    }
    PendingFile f;
    f.name = partName(m_files.size() + 1);
    m_files.append(f);
    m_file = std::make_unique<QFile>(m_dir + QLatin1Char('/') + f.name);
    if (!m_file->open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        if (error)
            *error = writeError(m_file->fileName(), m_file->errorString());
        m_file.reset();
        return false;
    }
    return true;
}

bool SpoolWriter::write(const QJsonObject &row, QString *error)
{
    QByteArray line = QJsonDocument(row).toJson(QJsonDocument::Compact);
    line.append('\n');
    if (!m_file || (m_files.last().bytes > 0 && m_files.last().bytes + line.size() > m_partBytes)) {
        if (!roll(error))
            return false;
    }
    if (m_file->write(line) != line.size()) {
        if (error)
            *error = writeError(m_file->fileName(), m_file->errorString());
        return false;
    }
    m_files.last().bytes += line.size();
    m_files.last().rows += 1;
    ++m_rows;
    return true;
}

bool SpoolWriter::finish(QString *error)
{
    if (m_file) {
        if (!m_file->flush()) {
            if (error)
                *error = writeError(m_file->fileName(), m_file->errorString());
            return false;
        }
        m_file->close();
        m_file.reset();
    }
    return true;
}

} // namespace zaw::sync

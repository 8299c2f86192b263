// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/ModuleState.h"

#include <QFile>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <memory>

namespace zaw::sync {

// Writes the XDM rows of one window as JSON lines into part-00001.json, part-00002.json … of
// one spool folder, starting a new part when the current one passes partBytes (64 MB). Rows are
// written as they come: nothing is kept in memory.
class SpoolWriter
{
public:
    static constexpr qint64 kDefaultPartBytes = 64LL * 1024 * 1024;

    explicit SpoolWriter(const QString &dir, qint64 partBytes = kDefaultPartBytes);
    ~SpoolWriter();

    // Empties the folder (a spool of a run that crashed before its pending was saved).
    bool open(QString *error);
    bool write(const QJsonObject &row, QString *error);
    // Flushes and closes; the files written (empty when no row was written).
    bool finish(QString *error);
    QList<PendingFile> files() const { return m_files; }
    qint64 rows() const { return m_rows; }
    QString dir() const { return m_dir; }

    static QString partName(int n);

private:
    bool roll(QString *error);

    QString m_dir;
    qint64 m_partBytes;
    std::unique_ptr<QFile> m_file;
    QList<PendingFile> m_files;
    qint64 m_rows = 0;
};

} // namespace zaw::sync

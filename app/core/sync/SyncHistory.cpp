// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/SyncHistory.h"

#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

namespace zaw::sync {

SyncHistory::SyncHistory(const SyncPaths &paths)
    : m_paths(paths)
{}

bool SyncHistory::append(const RunReport &run, QString *error) const
{
    if (!m_paths.ensure(error))
        return false;
    QList<QByteArray> lines;
    {
        QFile in(m_paths.historyFile());
        if (in.open(QIODevice::ReadOnly)) {
            for (const QByteArray &line : in.readAll().split('\n')) {
                if (!line.trimmed().isEmpty())
                    lines.append(line);
            }
        }
    }
    lines.append(QJsonDocument(run.toJson()).toJson(QJsonDocument::Compact));
    while (lines.size() > kKeep)
        lines.removeFirst();
    QSaveFile out(m_paths.historyFile());
    if (!out.open(QIODevice::WriteOnly)) {
        if (error)
            *error = out.errorString();
        return false;
    }
    for (const QByteArray &line : std::as_const(lines)) {
        out.write(line);
        out.write("\n");
    }
    if (!out.commit()) {
        if (error)
            *error = out.errorString();
        return false;
    }
    return true;
}

QList<RunReport> SyncHistory::runs(int limit) const
{
    QList<RunReport> result;
    QFile in(m_paths.historyFile());
    if (!in.open(QIODevice::ReadOnly))
        return result;
    const QList<QByteArray> lines = in.readAll().split('\n');
    for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
        const QJsonDocument doc = QJsonDocument::fromJson(*it);
        if (!doc.isObject())
            continue; // a torn last line after a crash, or an empty one
        result.append(RunReport::fromJson(doc.object()));
        if (limit > 0 && result.size() >= limit)
            break;
    }
    return result;
}

std::optional<RunReport> SyncHistory::lastRun() const
{
    for (const RunReport &run : runs()) {
        if (!run.lockHeld)
            return run;
    }
    return std::nullopt;
}

std::optional<SyncHistory::ModuleRun> SyncHistory::lastRun(const QString &module) const
{
    for (const RunReport &run : runs()) {
        if (run.lockHeld)
            continue;
        for (const ModuleReport &m : run.modules) {
            if (m.module == module)
                return ModuleRun{run.finished, m};
        }
    }
    return std::nullopt;
}

bool SyncHistory::needsAttention(const std::optional<ModuleRun> &last, int everyMinutes, const QDateTime &since,
                                 const QDateTime &now)
{
    const qint64 twoIntervals = qint64(qMax(1, everyMinutes)) * 2 * 60;
    if (last) {
        if (!last->report.isSuccess() && last->report.status != QLatin1String(ModuleReport::kPending))
            return true;
        return last->at.secsTo(now) > twoIntervals;
    }
    return since.isValid() && since.secsTo(now) > twoIntervals;
}

} // namespace zaw::sync

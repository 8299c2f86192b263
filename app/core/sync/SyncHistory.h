// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/SyncPaths.h"
#include "sync/SyncReport.h"

#include <QList>
#include <QString>

#include <optional>

namespace zaw::sync {

// The last runs of one profile's sync (SyncPaths::historyFile(), one JSON line per run, the
// newest last, at most kKeep lines). Read by the Done page, the dashboard's health and `status`;
// written by the run.
class SyncHistory
{
public:
    static constexpr int kKeep = 200;

    explicit SyncHistory(const SyncPaths &paths);

    // Appends one run (the file is rewritten atomically when it passes kKeep lines).
    bool append(const RunReport &run, QString *error = nullptr) const;
    // Newest first; at most `limit` runs (0: all kept).
    QList<RunReport> runs(int limit = 0) const;
    // The newest run that did something for module (a run that held no lock and named it).
    std::optional<RunReport> lastRun() const;
    struct ModuleRun
    {
        QDateTime at; // when the run finished
        ModuleReport report;
    };
    std::optional<ModuleRun> lastRun(const QString &module) const;

    // A sync needs attention when its last run failed, or when it has not run for two schedule
    // intervals (everyMinutes) since `since` (when the sync was set up) or its last run.
    static bool needsAttention(const std::optional<ModuleRun> &last, int everyMinutes, const QDateTime &since,
                               const QDateTime &now);

private:
    SyncPaths m_paths;
};

} // namespace zaw::sync

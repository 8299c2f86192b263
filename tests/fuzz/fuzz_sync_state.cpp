// SPDX-License-Identifier: GPL-3.0-or-later
// The direct sync's files: sync::ModuleState (fromJson, load of state/<module>.json) and
// SyncHistory reading history.jsonl (runs, lastRun, needsAttention). Input: one control byte,
// then the file content (also used as a history file, line by line).
// Invariants: a state that loads writes out (toJson) into a state that reads back the same;
// the history reader never returns more than asked; nothing crashes on torn or hostile lines.
#include "FuzzCommon.h"

#include "sync/ModuleState.h"
#include "sync/SyncHistory.h"
#include "sync/SyncPaths.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>

using namespace zaw;

namespace {

void writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    ZAW_FUZZ_CHECK(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz::ensureApp();
    static QTemporaryDir dir;
    ZAW_FUZZ_CHECK(dir.isValid());
    fuzz::Input in(data, size);
    const uint8_t control = in.byte();
    const QByteArray bytes = in.rest();

    const sync::ModuleState s = sync::ModuleState::fromJson(QJsonDocument::fromJson(bytes).object());
    const sync::ModuleState again = sync::ModuleState::fromJson(s.toJson());
    ZAW_FUZZ_CHECK(again.toJson() == s.toJson());
    s.pending.isValid();
    s.hasCursor();

    const sync::SyncPaths paths(dir.path(), QStringLiteral("0123456789abcdef0123456789abcdef"));
    writeFile(paths.stateFile(QStringLiteral("Leads")), bytes);
    sync::ModuleState loaded;
    QString error;
    if (sync::ModuleState::load(paths.stateFile(QStringLiteral("Leads")), QStringLiteral("Leads"), &loaded, &error))
        ZAW_FUZZ_CHECK(sync::ModuleState::fromJson(loaded.toJson()).toJson() == loaded.toJson());
    else
        ZAW_FUZZ_CHECK(!error.isEmpty());

    writeFile(paths.historyFile(), bytes);
    const sync::SyncHistory history(paths);
    const int limit = control % 4;
    const QList<sync::RunReport> runs = history.runs(limit);
    if (limit > 0)
        ZAW_FUZZ_CHECK(runs.size() <= limit);
    history.lastRun();
    const QDateTime now = QDateTime::fromSecsSinceEpoch(1764324000, Qt::UTC);
    const auto last = history.lastRun(QStringLiteral("Leads"));
    sync::SyncHistory::needsAttention(last, int(control) * 7, now.addDays(-2), now);
    for (const sync::RunReport &r : runs)
        sync::RunReport::fromJson(r.toJson());
    return 0;
}

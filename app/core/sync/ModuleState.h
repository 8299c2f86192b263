// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace zaw::sync {

// One spool file of a pending batch.
struct PendingFile
{
    QString name; // part-00001.json (uploaded as <module>/<name>)
    qint64 bytes = 0;
    qint64 rows = 0;
    bool uploaded = false;
};

// The batch of one window, from the moment its spool is complete until Catalog says it is final
// (reference §5.1 "pending").
struct PendingBatch
{
    QString externalId;
    QString batchId; // empty until the create answer was saved
    QString spoolKey;
    QDateTime windowEnd;
    QDateTime deletedUntil; // invalid on a first load (no tombstones)
    QList<PendingFile> files;
    bool completed = false;
    bool firstLoad = false;
    int attempt = 0; // n of the "-r<n>" suffix
    qint64 records = 0;
    qint64 tombstones = 0;

    bool isValid() const { return !externalId.isEmpty(); }
    QJsonObject toJson() const;
    static PendingBatch fromJson(const QJsonObject &json);
};

// The sync state of one module (SyncPaths::stateFile(), written atomically).
struct ModuleState
{
    QString module;
    QString dataSetId;
    QString fieldsHash;
    QString phase;      // "initial" (nothing loaded yet) or "incremental"
    QDateTime cursorTs; // invalid before the first load
    QString cursorId;
    QDateTime deletedSince;
    PendingBatch pending;
    // A batch failed on its data: not retried until the mapping (fieldsHash) changes.
    QString attentionHash;
    QString attentionBatchId;
    QString attentionMessage;
    QJsonArray attentionErrors;

    bool hasCursor() const { return cursorTs.isValid(); }
    QJsonObject toJson() const;
    static ModuleState fromJson(const QJsonObject &json);

    // Missing file: a fresh state (returns true). False with *error when the file cannot be read.
    static bool load(const QString &path, const QString &module, ModuleState *state, QString *error);
    bool save(const QString &path, QString *error) const;

    // "20261128T100000Z"
    static QString compact(const QDateTime &time);
    // "zaep:<org>:<module>:<cursorTs>-<windowEnd>[-r<n>]"
    static QString externalId(const QString &zohoOrgId, const QString &module, const QDateTime &cursorTs,
                              const QDateTime &windowEnd, int attempt);
};

} // namespace zaw::sync

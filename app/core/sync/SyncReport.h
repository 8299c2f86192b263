// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/Error.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace zaw::sync {

// What one run did for one module. `status` is Catalog's final status word of the batch
// ("success", "failed", …), or one of the words below.
struct ModuleReport
{
    static constexpr char kNothingChanged[] = "nothing-changed"; // no batch was needed
    static constexpr char kPending[] = "pending";                // batch not final when the run ended
    static constexpr char kError[] = "error";                    // the run stopped on `error`
    static constexpr char kNeedsAttention[] = "needs-attention"; // failed on data; not retried

    QString module;
    qint64 recordsRead = 0; // rows written for changed records
    qint64 tombstones = 0;  // rows written for deleted records
    QString batchId;        // empty when nothing changed
    QString externalId;
    QString status;
    qint64 failedRows = 0;
    QStringList failedRecordIds; // Zoho ids of rejected rows, when AEP named them
    bool firstLoad = false;
    int zohoCredits = 0; // Zoho API credits this module's reads cost (Zoho's published table)
    net::Error error;

    bool isSuccess() const
    {
        return status == QLatin1String("success") || status == QLatin1String("active") ||
               status == QLatin1String(kNothingChanged);
    }
    QJsonObject toJson() const; // the `sync` command's per-module object (DESIGN §8)
    static ModuleReport fromJson(const QJsonObject &json);
};

struct RunReport
{
    QDateTime started;
    QDateTime finished;
    QList<ModuleReport> modules;
    net::Error error;      // the run as a whole could not go on (sign-in, keychain, network …)
    bool lockHeld = false; // another run of this profile held the lock: nothing was done
    bool ok() const;       // no error and every module succeeded or had nothing to do
    QJsonObject toJson() const;
    static RunReport fromJson(const QJsonObject &json);
};

// Where a run is, for a progress bar ("Leads: 4,000 records read", "uploading 2 of 3 files",
// "waiting for AEP: processing").
struct SyncProgress
{
    enum class Phase { Starting, Reading, Uploading, Completing, Waiting, Done };
    QString module;
    Phase phase = Phase::Starting;
    qint64 recordsRead = 0;
    qint64 tombstones = 0;
    int filesUploaded = 0;
    int filesTotal = 0;
    QString batchStatus; // Catalog's word while waiting
    int moduleIndex = 0; // 0-based, of moduleCount
    int moduleCount = 0;
};

} // namespace zaw::sync

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "setup/XdmSchemaBuilder.h"
#include "store/ProfileStore.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace zaw::sync {

// One Zoho module a direct sync copies into one AEP dataset.
struct SyncModuleConfig
{
    QString module;    // Zoho API name, e.g. "Leads"
    QString dataSetId; // Catalog dataset the batches go to
    QString schemaId;  // the dataset's XDM schema ($id)
    QString tenantId;  // "acmecorp" (no leading '_')
    // Zoho field → XDM leaf, as XdmSchemaBuilder made them for the schema (a lookup gives two,
    // e.g. source "Owner.id" and "Owner.name"). The local transformation writes exactly these.
    QList<setup::XdmFieldMapping> fields;
    QString identityPath;    // XDM path of the primary identity (the Zoho record id)
    QString deletedFlagPath; // boolean true on a tombstone row
    QString deletedTimePath; // date-time of the deletion on a tombstone row

    // The Zoho API names to read (each field once, "Owner" for "Owner.id"), always with id and
    // Modified_Time, in a stable order.
    QStringList zohoFields() const;
    // SHA-1 (hex) of the mapping: a different value means the mapping changed since the cursor
    // was written.
    QString fieldsHash() const;

    QJsonObject toJson() const;
    static SyncModuleConfig fromJson(const QJsonObject &json);
    // From the schema a direct sync made (setup::SyncRecipe::schemaResult()).
    static SyncModuleConfig fromSchema(const QString &module, const setup::XdmSchemaResult &schema,
                                       const QString &tenantId, const QString &dataSetId, const QString &schemaId);
};

// What a profile in direct-sync mode reads and where it writes it (store::Profile::sync).
struct SyncConfig
{
    static constexpr int kDefaultLagSeconds = 120;
    static constexpr int kMaxLagSeconds = 300;
    static constexpr int kDefaultEveryMinutes = 240;
    // AEP's guardrail: Profile/ExperienceEvent batches per day per sandbox (reference §1.11).
    static constexpr int kMaxBatchesPerDay = 90;

    QList<SyncModuleConfig> modules;
    QString zohoOrgId;                       // part of every batch's externalId
    int lagSeconds = kDefaultLagSeconds;     // how far behind "now" a run reads (0 … 300)
    int everyMinutes = kDefaultEveryMinutes; // the schedule's cadence

    bool isEmpty() const { return modules.isEmpty(); }
    const SyncModuleConfig *module(const QString &name) const;
    // Adds or replaces (by module name).
    void upsert(const SyncModuleConfig &module);

    QJsonObject toJson() const;
    static SyncConfig fromJson(const QJsonObject &json);
    static SyncConfig fromProfile(const store::Profile &profile) { return fromJson(profile.sync); }
    void writeTo(store::Profile *profile) const { profile->sync = toJson(); }

    // Batches a day at most, when every module changes between every two runs.
    static int batchesPerDay(int everyMinutes, int moduleCount);
    // True when that number passes kMaxBatchesPerDay (the wizard and `schedule install` warn).
    static bool exceedsBatchGuardrail(int everyMinutes, int moduleCount)
    {
        return batchesPerDay(everyMinutes, moduleCount) > kMaxBatchesPerDay;
    }
};

} // namespace zaw::sync

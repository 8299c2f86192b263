// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalogue/Column.h"
#include "setup/SetupRecipe.h"
#include "setup/XdmSchemaBuilder.h"
#include "zoho/ZohoCrmClient.h"

#include <QList>
#include <QString>

namespace zaw::adobe {
class PlatformClient;
class CatalogClient;
class SchemaRegistryClient;
} // namespace zaw::adobe

namespace zaw::setup {

// What a direct sync lands its records in: a Zoho module's schema and a dataset of it.
struct SyncRequest
{
    QString tablePath; // the Zoho module's API name
    QList<catalogue::Column> columns;
    QList<zoho::ZohoField> zohoFields; // empty: built from the columns
    QString schemaTitle;               // empty: "Zoho CRM <table> (sync)"; the marker is appended
    QString dataSetName;               // empty: "Zoho CRM <table> (sync)"
    QString dataSetDescription;
};

// The direct sync's objects: an XDM schema and a dataset, nothing of Flow Service (the records
// are sent by the application itself, not by a dataflow).
class SyncRecipe : public SetupRecipe
{
public:
    explicit SyncRecipe(adobe::PlatformClient *platform);
    ~SyncRecipe() override;

    QList<SetupStep> steps() override;
    void writeState(QJsonObject *state) const override;

    SyncRequest &request() { return m_request; }
    const SyncRequest &request() const { return m_request; }
    // Settles the default names (kept in the state: a resume in another language looks for the
    // same names).
    void applyDefaults(const QString &setupId);
    bool readRequest(const QJsonObject &json);
    QJsonObject requestJson() const;
    // The schema the recipe makes for tenant (its field mappings, identity and tombstone paths:
    // what the local transformation writes, see sync::SyncModuleConfig::fromSchema).
    XdmSchemaResult schemaResult(const QString &tenant) const;
    QString tenantId() const { return m_tenantId; }
    void setTenantId(const QString &tenantId) { m_tenantId = tenantId; }

private:
    adobe::CatalogClient *m_catalog;
    adobe::SchemaRegistryClient *m_schemas;
    SyncRequest m_request;
    QString m_tenantId;
};

} // namespace zaw::setup

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalogue/Column.h"
#include "setup/SetupRecipe.h"
#include "zoho/ZohoCrmClient.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <functional>

namespace zaw::adobe {
class CatalogClient;
class SchemaRegistryClient;
} // namespace zaw::adobe

namespace zaw::setup {

// The two steps every recipe that lands data in the Data Lake shares: an XDM schema of the
// tenant's own and a dataset of it (step keys "schema" and "dataSet").
class CatalogSteps
{
public:
    using TenantDone = std::function<void(const QString &tenant, const net::Error &)>;

    struct Schema
    {
        // The title, marker included: Schema Registry lists titles but not descriptions, so the
        // marker goes into the title (titles are unique in an organisation anyway).
        std::function<QString()> title;
        std::function<QJsonArray()> inputs;
        std::function<bool()> skipped; // optional
        // The tenant (read once and kept by the recipe) and the create body for it.
        std::function<void(TenantDone done)> withTenant;
        std::function<QString()> knownTenant; // for plannedRequests(); empty: not read yet
        std::function<QJsonObject(const QString &tenant)> body;
    };
    struct DataSet
    {
        std::function<QString()> name;
        std::function<QString()> description; // without the marker
        std::function<QJsonArray()> inputs;
    };

    // The Schema Registry step: found by title (marker included).
    static SetupStep schema(SetupEngine *engine, adobe::SchemaRegistryClient *schemas, const Schema &spec);
    // The Catalog step, made from the schema step's object; found by name and the marker in the
    // description. Its object records the schema as schemaId.
    static SetupStep dataSet(SetupEngine *engine, adobe::CatalogClient *catalog, const DataSet &spec);

    // Zoho-like fields for XdmSchemaBuilder when only explore columns are known: lookups (JSON
    // objects in explore) become {id, name}, date-time and date stay dates, long becomes bigint,
    // arrays are skipped (explore does not say what they hold), everything else is text.
    static QList<zoho::ZohoField> fieldsFromColumns(const QList<catalogue::Column> &columns);
    // The schema's create body: XdmSchemaBuilder over the Zoho fields (or, without them, the
    // columns), titled title, the marker at the end of the description.
    static QJsonObject schemaBody(const SetupEngine *engine, const QString &tenant, const QString &title,
                                  const QString &tablePath, const QList<zoho::ZohoField> &zohoFields,
                                  const QList<catalogue::Column> &columns, bool forDirectSync = false);
    // Schema Registry's tenant, read once per setup: *cache holds it (and goes into the saved
    // state with the engine's next save).
    static void withTenant(SetupEngine *engine, adobe::SchemaRegistryClient *schemas, QString *cache, TenantDone done);

    static QString schemaKey();
    static QString dataSetKey();
};

} // namespace zaw::setup

// SPDX-License-Identifier: GPL-3.0-or-later
#include "setup/SyncRecipe.h"

#include "setup/XdmSchemaBuilder.h"

#include "adobe/CatalogClient.h"
#include "adobe/SchemaRegistryClient.h"
#include "setup/CatalogSteps.h"
#include "setup/SetupEngine.h"
#include "setup/SetupJson.h"

#include <QCoreApplication>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace zaw::setup {

SyncRecipe::SyncRecipe(adobe::PlatformClient *platform)
    : m_catalog(new adobe::CatalogClient(platform))
    , m_schemas(new adobe::SchemaRegistryClient(platform))
{}

SyncRecipe::~SyncRecipe()
{
    delete m_catalog;
    delete m_schemas;
}

void SyncRecipe::applyDefaults(const QString &setupId)
{
    SyncRequest &r = m_request;
    if (r.tablePath.isEmpty())
        return;
    const QString name = QCoreApplication::translate("zaw::setup::SyncRecipe", "Zoho CRM %1 (sync)").arg(r.tablePath);
    if (r.dataSetName.trimmed().isEmpty())
        r.dataSetName = name;
    const QString mark = SetupEngine::marker(setupId);
    if (!r.schemaTitle.endsWith(mark))
        r.schemaTitle = (r.schemaTitle.trimmed().isEmpty() ? name : r.schemaTitle.trimmed()) + u' ' + mark;
}

QJsonObject SyncRecipe::requestJson() const
{
    const SyncRequest &r = m_request;
    return QJsonObject{{u"tablePath"_s, r.tablePath},
                       {u"columns"_s, SetupJson::columns(r.columns)},
                       {u"zohoFields"_s, SetupJson::fields(r.zohoFields)},
                       {u"schemaTitle"_s, r.schemaTitle},
                       {u"dataSetName"_s, r.dataSetName},
                       {u"dataSetDescription"_s, r.dataSetDescription}};
}

bool SyncRecipe::readRequest(const QJsonObject &o)
{
    SyncRequest &r = m_request;
    r.tablePath = o.value(u"tablePath"_s).toString();
    r.columns = catalogue::Column::listFromJson(o.value(u"columns"_s));
    r.zohoFields.clear();
    for (const QJsonValue &v : o.value(u"zohoFields"_s).toArray())
        r.zohoFields.append(SetupJson::fieldFrom(v.toObject()));
    r.schemaTitle = o.value(u"schemaTitle"_s).toString();
    r.dataSetName = o.value(u"dataSetName"_s).toString();
    r.dataSetDescription = o.value(u"dataSetDescription"_s).toString();
    return !r.tablePath.isEmpty() && !r.schemaTitle.isEmpty() && !r.dataSetName.isEmpty();
}

void SyncRecipe::writeState(QJsonObject *state) const
{
    state->insert(u"request"_s, requestJson());
    if (!m_tenantId.isEmpty())
        state->insert(u"tenantId"_s, m_tenantId);
}

QList<SetupStep> SyncRecipe::steps()
{
    CatalogSteps::Schema schema;
    schema.title = [this] { return m_request.schemaTitle; };
    schema.inputs = [this] {
        const SyncRequest &r = m_request;
        return QJsonArray{r.tablePath, r.schemaTitle, SetupJson::fields(r.zohoFields), SetupJson::columns(r.columns)};
    };
    schema.withTenant = [this](CatalogSteps::TenantDone done) {
        CatalogSteps::withTenant(engine(), m_schemas, &m_tenantId, std::move(done));
    };
    schema.knownTenant = [this] { return m_tenantId; };
    schema.body = [this](const QString &tenant) {
        const SyncRequest &r = m_request;
        return CatalogSteps::schemaBody(engine(), tenant, r.schemaTitle, r.tablePath, r.zohoFields, r.columns, true);
    };

    CatalogSteps::DataSet dataSet;
    dataSet.name = [this] { return m_request.dataSetName; };
    dataSet.description = [this] { return m_request.dataSetDescription; };
    dataSet.inputs = [this] { return QJsonArray{m_request.dataSetName, m_request.dataSetDescription}; };

    return {CatalogSteps::schema(engine(), m_schemas, schema), CatalogSteps::dataSet(engine(), m_catalog, dataSet)};
}

XdmSchemaResult SyncRecipe::schemaResult(const QString &tenant) const
{
    XdmSchemaBuilder builder(tenant);
    builder.setTitle(m_request.schemaTitle);
    builder.setForDirectSync(true);
    return builder.build(m_request.tablePath, m_request.zohoFields.isEmpty()
                                                  ? CatalogSteps::fieldsFromColumns(m_request.columns)
                                                  : m_request.zohoFields);
}

} // namespace zaw::setup

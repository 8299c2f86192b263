// SPDX-License-Identifier: GPL-3.0-or-later
#include "setup/CatalogSteps.h"

#include "adobe/CatalogClient.h"
#include "adobe/SchemaRegistryClient.h"
#include "setup/SetupEngine.h"
#include "setup/XdmSchemaBuilder.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace zaw::setup {

QString CatalogSteps::schemaKey()
{
    return u"schema"_s;
}

QString CatalogSteps::dataSetKey()
{
    return u"dataSet"_s;
}

QList<zoho::ZohoField> CatalogSteps::fieldsFromColumns(const QList<catalogue::Column> &columns)
{
    QList<zoho::ZohoField> fields;
    for (const catalogue::Column &c : columns) {
        zoho::ZohoField f;
        f.apiName = c.name;
        f.label = c.name;
        const QString type = c.type.toLower();
        if (c.isDateTime()) {
            f.dataType = u"datetime"_s;
            f.jsonType = u"string"_s;
        } else if (c.xdmFormat == u"date"_s || c.metaXdmType == u"date"_s) {
            f.dataType = u"date"_s;
            f.jsonType = u"string"_s;
        } else if (type == u"long"_s) {
            f.dataType = u"bigint"_s;
            f.jsonType = u"integer"_s;
        } else if (type == u"integer"_s || type == u"int"_s) {
            f.dataType = u"integer"_s;
            f.jsonType = u"integer"_s;
        } else if (type == u"double"_s || type == u"number"_s || c.xdmType == u"number"_s) {
            f.dataType = u"double"_s;
            f.jsonType = u"double"_s;
        } else if (type == u"boolean"_s) {
            f.dataType = u"boolean"_s;
            f.jsonType = u"boolean"_s;
        } else if (type == u"object"_s) {
            // In Zoho's records the JSON objects are lookups ({id, name}).
            f.dataType = u"lookup"_s;
            f.jsonType = u"jsonobject"_s;
        } else if (type == u"array"_s) {
            // Multi-select picklists, multi-select lookups and subforms all look like this:
            // the builder skips what it cannot type.
            f.jsonType = u"jsonarray"_s;
        } else {
            f.dataType = u"text"_s;
            f.jsonType = u"string"_s;
        }
        fields.append(f);
    }
    return fields;
}

SetupStep CatalogSteps::schema(SetupEngine *engine, adobe::SchemaRegistryClient *schemas, const Schema &spec)
{
    auto made = [](const QJsonObject &schema) {
        return SetupObject{
            schema.value(u"$id"_s).toString(), {}, QJsonObject{{u"altId"_s, schema.value(u"meta:altId"_s).toString()}}};
    };
    SetupStep step;
    step.key = schemaKey();
    // The labels keep the context they had when SetupPlan made these objects itself.
    step.label = [] { return QCoreApplication::translate("zaw::setup::SetupPlan", "XDM schema"); };
    step.dependencies = [] { return QStringList(); };
    step.inputs = spec.inputs;
    step.skipped = spec.skipped;
    step.verify = [engine, schemas, made](const QString &id, SetupObjectDone done) {
        schemas->schema(id, adobe::SchemaRegistryClient::kAcceptSchema, engine->context(),
                        [done, made](const QJsonObject &schema, const net::Error &e) {
                            done(e ? SetupObject{} : made(schema), e);
                        });
    };
    step.lookup = [engine, schemas, spec](SetupObjectDone done) {
        const QString title = spec.title();
        schemas->schemas({u"title==%1"_s.arg(title)}, engine->context(),
                         [engine, title, done](const QList<adobe::SchemaSummary> &list, const net::Error &e) {
                             if (e) {
                                 done({}, e);
                                 return;
                             }
                             for (const adobe::SchemaSummary &s : list) {
                                 if (s.title == title && !engine->isDiscarded(s.id)) {
                                     done(SetupObject{s.id, {}, QJsonObject{{u"altId"_s, s.altId}}}, {});
                                     return;
                                 }
                             }
                             done({}, {});
                         });
    };
    step.create = [engine, schemas, spec, made](SetupObjectDone done) {
        spec.withTenant([engine, schemas, spec, made, done](const QString &tenant, const net::Error &e) {
            if (e) {
                done({}, e);
                return;
            }
            schemas->createSchema(spec.body(tenant), engine->context(),
                                  [done, made](const QJsonObject &schema, const net::Error &createError) {
                                      done(createError ? SetupObject{} : made(schema), createError);
                                  });
        });
    };
    step.plan = [spec](const QJsonObject &hints) {
        if (spec.skipped && spec.skipped())
            return QList<PlannedRequest>();
        QString tenant = hints.value(u"tenantId"_s).toString();
        if (tenant.isEmpty() && spec.knownTenant)
            tenant = spec.knownTenant();
        PlannedRequest p;
        p.method = "POST";
        p.servicePath = adobe::SchemaRegistryClient::tenantSchemasPath();
        p.body = spec.body(tenant.isEmpty() ? u"{{TENANT_ID}}"_s : tenant);
        p.idField = u"$id"_s;
        p.idVariable = u"SCHEMA_ID"_s;
        return QList<PlannedRequest>{p};
    };
    return step;
}

SetupStep CatalogSteps::dataSet(SetupEngine *engine, adobe::CatalogClient *catalog, const DataSet &spec)
{
    auto made = [](const adobe::DataSetInfo &d) {
        return SetupObject{d.id, {}, QJsonObject{{u"schemaId"_s, d.schemaId}}};
    };
    SetupStep step;
    step.key = dataSetKey();
    step.label = [] { return QCoreApplication::translate("zaw::setup::SetupPlan", "Dataset"); };
    step.dependencies = [] { return QStringList{schemaKey()}; };
    step.inputs = spec.inputs;
    step.verify = [engine, catalog, made](const QString &id, SetupObjectDone done) {
        catalog->dataSet(id, engine->context(), [done, made](const adobe::DataSetInfo &d, const net::Error &e) {
            done(e ? SetupObject{} : made(d), e);
        });
    };
    step.lookup = [engine, catalog, spec, made](SetupObjectDone done) {
        catalog->dataSetsByName(spec.name(), engine->context(),
                                [engine, done, made](const QList<adobe::DataSetInfo> &list, const net::Error &e) {
                                    if (e) {
                                        done({}, e);
                                        return;
                                    }
                                    for (const adobe::DataSetInfo &d : list) {
                                        if (!engine->isDiscarded(d.id) &&
                                            engine->carriesMarker(d.raw.value(u"description"_s).toString())) {
                                            done(made(d), {});
                                            return;
                                        }
                                    }
                                    done({}, {});
                                });
    };
    step.create = [engine, catalog, spec](SetupObjectDone done) {
        const QString schema = engine->objectId(schemaKey());
        const QJsonObject body =
            adobe::CatalogClient::dataSetBody(spec.name(), schema, engine->withMarker(spec.description()));
        catalog->createDataSet(body, engine->context(), [done, schema](const QString &id, const net::Error &e) {
            done(SetupObject{id, {}, QJsonObject{{u"schemaId"_s, schema}}}, e);
        });
    };
    step.plan = [engine, spec](const QJsonObject &) {
        PlannedRequest p;
        p.method = "POST";
        p.servicePath = adobe::CatalogClient::dataSetsPath();
        p.query = {qMakePair(u"requestDataSource"_s, u"true"_s)};
        p.body = adobe::CatalogClient::dataSetBody(spec.name(), PlannedRequest::placeholder(u"SCHEMA_ID"_s),
                                                   engine->withMarker(spec.description()));
        p.idIn = PlannedRequest::IdIn::CatalogReference;
        p.idVariable = u"DATASET_ID"_s;
        return QList<PlannedRequest>{p};
    };
    return step;
}

QJsonObject CatalogSteps::schemaBody(const SetupEngine *engine, const QString &tenant, const QString &title,
                                     const QString &tablePath, const QList<zoho::ZohoField> &zohoFields,
                                     const QList<catalogue::Column> &columns, bool forDirectSync)
{
    XdmSchemaBuilder builder(tenant);
    builder.setTitle(title);
    builder.setForDirectSync(forDirectSync);
    QJsonObject body = builder.build(tablePath, zohoFields.isEmpty() ? fieldsFromColumns(columns) : zohoFields).schema;
    body.insert(u"description"_s, engine->withMarker(body.value(u"description"_s).toString()));
    return body;
}

void CatalogSteps::withTenant(SetupEngine *engine, adobe::SchemaRegistryClient *schemas, QString *cache,
                              TenantDone done)
{
    if (!cache->isEmpty()) {
        done(*cache, {});
        return;
    }
    schemas->tenantId(engine->context(), [engine, cache, done](const QString &tenant, const net::Error &e) {
        if (!e) {
            *cache = tenant;
            engine->saveState();
        }
        done(tenant, e);
    });
}

} // namespace zaw::setup

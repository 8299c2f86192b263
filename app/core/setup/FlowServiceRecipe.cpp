// SPDX-License-Identifier: GPL-3.0-or-later
#include "setup/FlowServiceRecipe.h"

#include "adobe/CatalogClient.h"
#include "adobe/DataPrepClient.h"
#include "adobe/FlowServiceClient.h"
#include "adobe/PlatformClient.h"
#include "adobe/SchemaRegistryClient.h"
#include "setup/CatalogSteps.h"
#include "setup/SetupEngine.h"
#include "setup/SetupJson.h"
#include "setup/XdmSchemaBuilder.h"
#include "setup/ZohoAuthParams.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

// The user-visible strings keep the translation context they had when SetupPlan made these
// objects itself, so that the translations stay valid.

namespace zaw::setup {

namespace {

using adobe::FlowServiceClient;

const QString kBase = u"baseConnection"_s;
const QString kSource = u"sourceConnection"_s;
const QString kTarget = u"targetConnection"_s;
const QString kMapping = u"mappingSet"_s;
const QString kFlow = u"flow"_s;

// Mapping sets are listed 100 at a time; an organisation with more than 2,000 is not searched to
// the end (the lookup then reports "not found" and the create goes ahead: at worst one orphan
// mapping set, which nobody sees and which changes nothing).
constexpr int kMappingPageSize = 100;
constexpr int kMaxMappingPages = 20;

// Source/destination pairs of a mapping set, in a comparable form. Stored mappings come back
// with sourceAttribute/destinationXdmPath as well; either spelling is read.
QStringList mappingPairs(const QJsonArray &mappings)
{
    QStringList pairs;
    for (const QJsonValue &v : mappings) {
        const QJsonObject m = v.toObject();
        const QString source = m.value(u"source"_s).toString(m.value(u"sourceAttribute"_s).toString());
        QString destination = m.value(u"destination"_s).toString(m.value(u"destinationXdmPath"_s).toString());
        if (destination.startsWith(u'/'))
            destination = destination.mid(1).replace(u'/', u'.');
        pairs.append(source + QChar(0x1f) + destination);
    }
    pairs.sort();
    return pairs;
}

QString outputSchemaOf(const QJsonObject &mappingSet)
{
    const QString id =
        mappingSet.value(u"outputSchema"_s).toObject().value(u"schemaRef"_s).toObject().value(u"id"_s).toString();
    return id.isEmpty() ? mappingSet.value(u"xdmSchema"_s).toString() : id;
}

struct Leaf
{
    QString type;
    QString format;
};

void collectLeaves(const QJsonObject &properties, const QString &prefix, QMap<QString, Leaf> *leaves)
{
    for (auto it = properties.begin(); it != properties.end(); ++it) {
        const QString path = prefix.isEmpty() ? it.key() : prefix + u'.' + it.key();
        const QJsonObject node = it.value().toObject();
        if (node.contains(u"properties"_s))
            collectLeaves(node.value(u"properties"_s).toObject(), path, leaves);
        else
            leaves->insert(path, Leaf{node.value(u"type"_s).toString(), node.value(u"format"_s).toString()});
    }
}

// For matching column names with field names: "Modified_Time" and "modifiedTime" are one name.
QString nameKey(const QString &name)
{
    QString key;
    for (const QChar c : name) {
        if (c.isLetterOrNumber())
            key.append(c.toLower());
    }
    return key;
}

bool fits(const catalogue::Column &column, const Leaf &leaf)
{
    const QString type = column.xdmType.isEmpty() ? u"string"_s : column.xdmType;
    if (type == u"object"_s || type == u"array"_s)
        return false;
    if (leaf.type != type && !(leaf.type == u"number"_s && type == u"integer"_s))
        return false;
    const QString columnFormat = column.isDateTime() ? u"date-time"_s : column.xdmFormat;
    const auto isDate = [](const QString &f) { return f == u"date"_s || f == u"date-time"_s; };
    if (isDate(columnFormat) || isDate(leaf.format))
        return columnFormat == leaf.format;
    return true;
}

// The flow body's mappingVersion (a number) replaced by the placeholder of the version variable.
QJsonArray withVersionPlaceholder(QJsonArray transformations, const QString &placeholder)
{
    for (qsizetype i = 0; i < transformations.size(); ++i) {
        QJsonObject t = transformations.at(i).toObject();
        QJsonObject params = t.value(u"params"_s).toObject();
        if (!params.contains(u"mappingVersion"_s))
            continue;
        params.insert(u"mappingVersion"_s, placeholder);
        t.insert(u"params"_s, params);
        transformations.replace(i, t);
    }
    return transformations;
}

SetupObject flowObject(const QJsonObject &o)
{
    return SetupObject{o.value(u"id"_s).toString(), o.value(u"etag"_s).toString(), {}};
}

} // namespace

FlowServiceRecipe::FlowServiceRecipe(adobe::PlatformClient *platform)
    : m_platform(platform)
    , m_flows(new adobe::FlowServiceClient(platform))
    , m_catalog(new adobe::CatalogClient(platform))
    , m_schemas(new adobe::SchemaRegistryClient(platform))
    , m_prep(new adobe::DataPrepClient(platform))
{}

FlowServiceRecipe::~FlowServiceRecipe()
{
    delete m_flows;
    delete m_catalog;
    delete m_schemas;
    delete m_prep;
}

QStringList FlowServiceRecipe::stepKeys()
{
    return {kBase, CatalogSteps::schemaKey(), CatalogSteps::dataSetKey(), kSource, kTarget, kMapping, kFlow};
}

QString FlowServiceRecipe::stepLabel(const QString &key)
{
    if (key == kBase)
        return QCoreApplication::translate("zaw::setup::SetupPlan", "Base connection (Zoho CRM account)");
    if (key == CatalogSteps::schemaKey())
        return QCoreApplication::translate("zaw::setup::SetupPlan", "XDM schema");
    if (key == CatalogSteps::dataSetKey())
        return QCoreApplication::translate("zaw::setup::SetupPlan", "Dataset");
    if (key == kSource)
        return QCoreApplication::translate("zaw::setup::SetupPlan", "Source connection");
    if (key == kTarget)
        return QCoreApplication::translate("zaw::setup::SetupPlan", "Target connection");
    if (key == kMapping)
        return QCoreApplication::translate("zaw::setup::SetupPlan", "Mapping set");
    if (key == kFlow)
        return QCoreApplication::translate("zaw::setup::SetupPlan", "Dataflow");
    return {};
}

QList<SetupStep> FlowServiceRecipe::steps()
{
    return {baseConnectionStep(),   schemaStep(),     dataSetStep(), sourceConnectionStep(),
            targetConnectionStep(), mappingSetStep(), flowStep()};
}

net::Error FlowServiceRecipe::checkBeforeRun(const QString &last, QString *stepKey) const
{
    if (last == kBase || !m_request.tablePath.trimmed().isEmpty())
        return {};
    *stepKey = kSource;
    return net::Error::make(net::ErrorCategory::Input,
                            QCoreApplication::translate("zaw::setup::SetupPlan", "Choose the Zoho CRM module to "
                                                                                 "load first."));
}

// ---- request and state -----------------------------------------------------------------------

void FlowServiceRecipe::applyDefaults(const QString &setupId)
{
    SetupRequest &r = m_request;
    const QString table = r.tablePath;
    if (r.baseConnectionName.trimmed().isEmpty())
        r.baseConnectionName = QCoreApplication::translate("zaw::setup::SetupPlan", "Zoho CRM");
    if (table.isEmpty())
        return; // the rest once the module is chosen
    if (r.dataSetName.trimmed().isEmpty())
        r.dataSetName = QCoreApplication::translate("zaw::setup::SetupPlan", "Zoho CRM %1").arg(table);
    const QString mark = SetupEngine::marker(setupId);
    if (!r.schemaTitle.endsWith(mark)) {
        const QString title = r.schemaTitle.trimmed().isEmpty()
                                  ? QCoreApplication::translate("zaw::setup::SetupPlan", "Zoho CRM %1").arg(table)
                                  : r.schemaTitle.trimmed();
        r.schemaTitle = title + u' ' + mark;
    }
    if (r.flowName.trimmed().isEmpty())
        r.flowName = QCoreApplication::translate("zaw::setup::SetupPlan", "Zoho CRM %1 dataflow").arg(table);
    if (r.sourceConnectionName.trimmed().isEmpty())
        r.sourceConnectionName =
            QCoreApplication::translate("zaw::setup::SetupPlan", "Zoho CRM %1 source connection").arg(table);
    if (r.targetConnectionName.trimmed().isEmpty())
        r.targetConnectionName =
            QCoreApplication::translate("zaw::setup::SetupPlan", "Zoho CRM %1 target connection").arg(table);
}

void FlowServiceRecipe::writeState(QJsonObject *state) const
{
    state->insert(u"request"_s, requestJson());
    if (!m_tenantId.isEmpty())
        state->insert(u"tenantId"_s, m_tenantId);
}

QJsonObject FlowServiceRecipe::requestJson() const
{
    const SetupRequest &r = m_request;
    QJsonObject o{{u"baseConnectionId"_s, r.baseConnectionId},
                  {u"baseConnectionEtag"_s, r.baseConnectionEtag},
                  {u"baseConnectionName"_s, r.baseConnectionName},
                  {u"baseConnectionDescription"_s, r.baseConnectionDescription},
                  {u"tablePath"_s, r.tablePath},
                  {u"columns"_s, SetupJson::columns(r.columns)},
                  {u"dataSetId"_s, r.dataSetId},
                  {u"dataSetSchemaId"_s, r.dataSetSchemaId},
                  {u"dataSetName"_s, r.dataSetName},
                  {u"dataSetDescription"_s, r.dataSetDescription},
                  {u"schemaTitle"_s, r.schemaTitle},
                  {u"zohoFields"_s, SetupJson::fields(r.zohoFields)},
                  {u"mappingRows"_s, SetupJson::rows(r.mappingRows)},
                  {u"flowName"_s, r.flowName},
                  {u"flowDescription"_s, r.flowDescription},
                  {u"errorDiagnostics"_s, r.errorDiagnostics},
                  {u"schedule"_s, SetupJson::schedule(r.schedule)},
                  {u"sourceConnectionName"_s, r.sourceConnectionName},
                  {u"targetConnectionName"_s, r.targetConnectionName}};
    if (r.partialIngestionPercent > 0)
        o.insert(u"partialIngestionPercent"_s, r.partialIngestionPercent);
    // The Zoho session is left out on purpose: it holds the client secret and the tokens.
    return o;
}

bool FlowServiceRecipe::readRequest(const QJsonObject &o)
{
    SetupRequest &r = m_request;
    r.baseConnectionId = o.value(u"baseConnectionId"_s).toString();
    r.baseConnectionEtag = o.value(u"baseConnectionEtag"_s).toString();
    r.baseConnectionName = o.value(u"baseConnectionName"_s).toString();
    r.baseConnectionDescription = o.value(u"baseConnectionDescription"_s).toString();
    r.tablePath = o.value(u"tablePath"_s).toString();
    r.columns = catalogue::Column::listFromJson(o.value(u"columns"_s));
    r.dataSetId = o.value(u"dataSetId"_s).toString();
    r.dataSetName = o.value(u"dataSetName"_s).toString();
    r.dataSetDescription = o.value(u"dataSetDescription"_s).toString();
    r.schemaTitle = o.value(u"schemaTitle"_s).toString();
    r.zohoFields.clear();
    for (const QJsonValue &v : o.value(u"zohoFields"_s).toArray())
        r.zohoFields.append(SetupJson::fieldFrom(v.toObject()));
    r.mappingRows.clear();
    for (const QJsonValue &v : o.value(u"mappingRows"_s).toArray())
        r.mappingRows.append(SetupJson::rowFrom(v.toObject()));
    r.flowName = o.value(u"flowName"_s).toString();
    r.flowDescription = o.value(u"flowDescription"_s).toString();
    r.errorDiagnostics = o.value(u"errorDiagnostics"_s).toBool();
    r.partialIngestionPercent = o.value(u"partialIngestionPercent"_s).toDouble(0);
    r.schedule = SetupJson::scheduleFrom(o.value(u"schedule"_s).toObject());
    r.sourceConnectionName = o.value(u"sourceConnectionName"_s).toString();
    r.targetConnectionName = o.value(u"targetConnectionName"_s).toString();
    r.dataSetSchemaId = o.value(u"dataSetSchemaId"_s).toString();
    // A setup saved before its module was chosen has only its base connection.
    if (r.baseConnectionId.isEmpty() && r.baseConnectionName.isEmpty())
        return false;
    if (!r.tablePath.isEmpty() &&
        (r.flowName.isEmpty() || r.sourceConnectionName.isEmpty() || r.targetConnectionName.isEmpty() ||
         (r.dataSetId.isEmpty() && r.schemaTitle.isEmpty())))
        return false;
    return true;
}

QString FlowServiceRecipe::schemaId() const
{
    if (!m_request.dataSetId.isEmpty())
        return engine()->object(CatalogSteps::dataSetKey()).value(u"schemaId"_s).toString();
    return engine()->objectId(CatalogSteps::schemaKey());
}

QString FlowServiceRecipe::withMarker(const QString &text) const
{
    return engine()->withMarker(text);
}

// ---- the shared shape of Flow Service objects ------------------------------------------------

void FlowServiceRecipe::flowObjectOps(SetupStep *step, const QString &collection, std::function<QString()> name)
{
    SetupEngine *e = engine();
    adobe::FlowServiceClient *flows = m_flows;
    using Read = void (adobe::FlowServiceClient::*)(const QString &, QObject *, FlowServiceClient::ObjectDone);
    using List = void (adobe::FlowServiceClient::*)(const QStringList &, QObject *, FlowServiceClient::ListDone);
    Read read = &adobe::FlowServiceClient::flow;
    List list = &adobe::FlowServiceClient::flows;
    if (collection == u"connections"_s) {
        read = &adobe::FlowServiceClient::connection;
        list = &adobe::FlowServiceClient::connections;
    } else if (collection == u"sourceConnections"_s) {
        read = &adobe::FlowServiceClient::sourceConnection;
        list = &adobe::FlowServiceClient::sourceConnections;
    } else if (collection == u"targetConnections"_s) {
        read = &adobe::FlowServiceClient::targetConnection;
        list = &adobe::FlowServiceClient::targetConnections;
    }
    step->label = [key = step->key] { return stepLabel(key); };
    step->verify = [e, flows, read](const QString &id, SetupObjectDone done) {
        (flows->*read)(id, e->context(),
                       [done](const QJsonObject &o, const net::Error &err) { done(flowObject(o), err); });
    };
    // Objects named name whose description carries the marker.
    step->lookup = [e, flows, list, name](SetupObjectDone done) {
        const QStringList filters{FlowServiceClient::propertyEquals(u"name"_s, name())};
        (flows->*list)(filters, e->context(), [e, done](const QList<QJsonObject> &items, const net::Error &err) {
            if (err) {
                done({}, err);
                return;
            }
            for (const QJsonObject &item : items) {
                const QString id = item.value(u"id"_s).toString();
                if (id.isEmpty() || e->isDiscarded(id) || !e->carriesMarker(item.value(u"description"_s).toString()))
                    continue;
                done(SetupObject{id, item.value(u"etag"_s).toString(), {}}, {});
                return;
            }
            done({}, {});
        });
    };
}

// ---- step 1: base connection -----------------------------------------------------------------

bool FlowServiceRecipe::zohoParams(adobe::ZohoAuthParams *out) const
{
    *out = zohoAuthParams(m_request.zoho);
    // AEP needs all six (reference §2.2).
    return !out->endpoint.isEmpty() && !out->accountsUrl.isEmpty() && !out->clientId.isEmpty() &&
           !out->clientSecret.isEmpty() && !out->accessToken.isEmpty() && !out->refreshToken.isEmpty();
}

net::Error FlowServiceRecipe::zohoSessionMissing() const
{
    return net::Error::make(net::ErrorCategory::SignInNeeded,
                            QCoreApplication::translate("zaw::setup::SetupPlan",
                                                        "The base connection needs your Zoho CRM credentials, and "
                                                        "this setup does not have them. Sign in to Zoho CRM again, "
                                                        "then press Retry."));
}

SetupStep FlowServiceRecipe::baseConnectionStep()
{
    SetupStep step;
    step.key = kBase;
    step.dependencies = [] { return QStringList(); };
    step.inputs = [this] { return QJsonArray{m_request.baseConnectionName, m_request.baseConnectionDescription}; };
    flowObjectOps(&step, u"connections"_s, [this] { return m_request.baseConnectionName; });
    step.create = [this](SetupObjectDone done) {
        adobe::ZohoAuthParams params;
        if (!zohoParams(&params)) {
            done({}, zohoSessionMissing());
            return;
        }
        const QJsonObject body = FlowServiceClient::zohoConnectionBody(
            m_request.baseConnectionName, withMarker(m_request.baseConnectionDescription), params);
        m_flows->createConnection(body, engine()->context(),
                                  [done](const adobe::CreatedObject &c, const net::Error &e) {
                                      done(SetupObject{c.id, c.etag, {}}, e);
                                  });
    };

    // The user's own connection: it gets the session's credentials, and is reported, never
    // replaced, when it is gone.
    step.existingId = [this] { return m_request.baseConnectionId; };
    step.existingEtag = [this] { return m_request.baseConnectionEtag; };
    step.existingExtra = QJsonObject{{u"reused"_s, true}};
    step.updatedKey = u"credentialsUpdated"_s;
    step.canUpdate = [this] {
        adobe::ZohoAuthParams params;
        return zohoParams(&params) ? net::Error() : zohoSessionMissing();
    };
    step.update = [this](const QString &id, const QString &etag, SetupObjectDone done) {
        adobe::ZohoAuthParams params;
        zohoParams(&params);
        const QJsonArray operations{
            FlowServiceClient::patchOperation(u"replace"_s, u"/auth/params"_s, params.toJson())};
        m_flows->patchConnection(id, etag, operations, engine()->context(),
                                 [done](const adobe::CreatedObject &updated, const net::Error &e) {
                                     done(SetupObject{updated.id, updated.etag, {}}, e);
                                 });
    };

    step.plan = [this](const QJsonObject &) {
        using P = PlannedRequest;
        P base;
        base.idVariable = u"BASE_CONNECTION_ID"_s;
        if (!m_request.baseConnectionId.isEmpty()) {
            // Used as it is: its credentials are replaced at creation, which needs its current
            // etag; a script does not do that.
            base.existingId = m_request.baseConnectionId;
            return QList<P>{base};
        }
        adobe::ZohoAuthParams params = zohoAuthParams(m_request.zoho);
        params.clientSecret = P::placeholder(u"ZOHO_CLIENT_SECRET"_s);
        params.accessToken = P::placeholder(u"ZOHO_ACCESS_TOKEN"_s);
        params.refreshToken = P::placeholder(u"ZOHO_REFRESH_TOKEN"_s);
        base.method = "POST";
        base.servicePath = FlowServiceClient::collectionPath(u"connections"_s);
        base.body = FlowServiceClient::zohoConnectionBody(m_request.baseConnectionName,
                                                          withMarker(m_request.baseConnectionDescription), params);
        return QList<P>{base};
    };
    return step;
}

// ---- steps 2 and 3: schema and dataset -------------------------------------------------------

void FlowServiceRecipe::withTenant(CatalogSteps::TenantDone done)
{
    CatalogSteps::withTenant(engine(), m_schemas, &m_tenantId, std::move(done));
}

QList<zoho::ZohoField> FlowServiceRecipe::schemaFields() const
{
    return m_request.zohoFields.isEmpty() ? CatalogSteps::fieldsFromColumns(m_request.columns) : m_request.zohoFields;
}

QJsonObject FlowServiceRecipe::schemaBody(const QString &tenant) const
{
    const SetupRequest &r = m_request;
    return CatalogSteps::schemaBody(engine(), tenant, r.schemaTitle, r.tablePath, r.zohoFields, r.columns);
}

SetupStep FlowServiceRecipe::schemaStep()
{
    CatalogSteps::Schema spec;
    spec.title = [this] { return m_request.schemaTitle; };
    spec.inputs = [this] {
        const SetupRequest &r = m_request;
        return QJsonArray{r.tablePath, r.schemaTitle, SetupJson::fields(r.zohoFields), SetupJson::columns(r.columns)};
    };
    spec.skipped = [this] { return !m_request.dataSetId.isEmpty(); };
    spec.withTenant = [this](CatalogSteps::TenantDone done) { withTenant(done); };
    spec.knownTenant = [this] { return m_tenantId; };
    spec.body = [this](const QString &tenant) { return schemaBody(tenant); };
    return CatalogSteps::schema(engine(), m_schemas, spec);
}

SetupStep FlowServiceRecipe::dataSetStep()
{
    CatalogSteps::DataSet spec;
    spec.name = [this] { return m_request.dataSetName; };
    spec.description = [this] { return m_request.dataSetDescription; };
    spec.inputs = [this] { return QJsonArray{m_request.dataSetName, m_request.dataSetDescription}; };
    SetupStep step = CatalogSteps::dataSet(engine(), m_catalog, spec);

    // An existing dataset: nothing to make; its schema is the mapping's output.
    step.existingId = [this] { return m_request.dataSetId; };
    step.existingFound = false;
    step.existingExtra = QJsonObject{{u"existing"_s, true}};
    step.readExisting = [this](const QString &id, SetupObjectDone done) {
        m_catalog->dataSet(id, engine()->context(), [id, done](const adobe::DataSetInfo &d, const net::Error &e) {
            if (e) {
                done({}, e);
                return;
            }
            if (d.schemaId.isEmpty()) {
                done({}, net::Error::make(net::ErrorCategory::Input,
                                          QCoreApplication::translate(
                                              "zaw::setup::SetupPlan",
                                              "The dataset \"%1\" has no XDM schema, so a dataflow cannot write "
                                              "into it. Choose another dataset or create a new one.")
                                              .arg(d.name.isEmpty() ? id : d.name)));
                return;
            }
            done(SetupObject{id, {}, QJsonObject{{u"schemaId"_s, d.schemaId}}}, {});
        });
    };
    const auto makePlan = step.plan;
    step.plan = [this, makePlan](const QJsonObject &hints) {
        if (m_request.dataSetId.isEmpty())
            return makePlan(hints);
        PlannedRequest dataSet;
        dataSet.idVariable = u"DATASET_ID"_s;
        dataSet.existingId = m_request.dataSetId;
        dataSet.knownValues = {qMakePair(dataSet.idVariable, dataSet.existingId)};
        const QString knownSchema = schemaId().isEmpty() ? m_request.dataSetSchemaId : schemaId();
        if (!knownSchema.isEmpty())
            dataSet.knownValues.append(qMakePair(u"SCHEMA_ID"_s, knownSchema));
        return QList<PlannedRequest>{dataSet};
    };
    return step;
}

// ---- steps 4 and 5: source and target connections --------------------------------------------

QJsonObject FlowServiceRecipe::sourceConnectionBody(const QString &baseConnectionId) const
{
    return QJsonObject{
        {u"name"_s, m_request.sourceConnectionName},
        {u"description"_s,
         withMarker(
             QCoreApplication::translate("zaw::setup::SetupPlan", "Zoho CRM module %1").arg(m_request.tablePath))},
        {u"baseConnectionId"_s, baseConnectionId},
        {u"data"_s, QJsonObject{{u"format"_s, u"tabular"_s}}},
        {u"params"_s,
         QJsonObject{{u"tableName"_s, m_request.tablePath}, {u"columns"_s, SetupJson::columns(m_request.columns)}}},
        {u"connectionSpec"_s,
         QJsonObject{{u"id"_s, QLatin1String(FlowServiceClient::kZohoConnectionSpecId)}, {u"version"_s, u"1.0"_s}}}};
}

QJsonObject FlowServiceRecipe::targetConnectionBody(const QString &dataSetId, const QString &schemaId) const
{
    return QJsonObject{
        {u"name"_s, m_request.targetConnectionName},
        {u"description"_s,
         withMarker(QCoreApplication::translate("zaw::setup::SetupPlan", "Data Lake dataset %1").arg(dataSetId))},
        {u"data"_s, QJsonObject{{u"format"_s, u"parquet_xdm"_s},
                                {u"schema"_s, QJsonObject{{u"id"_s, schemaId},
                                                          {u"version"_s, MappingBuilder::kOutputContentType}}}}},
        {u"params"_s, QJsonObject{{u"dataSetId"_s, dataSetId}}},
        {u"connectionSpec"_s, QJsonObject{{u"id"_s, QLatin1String(FlowServiceClient::kDataLakeConnectionSpecId)},
                                          {u"version"_s, u"1.0"_s}}}};
}

// The schema a planned request refers to: the plan's own (a placeholder), or the existing
// dataset's when known.
static QString plannedSchemaRef(const SetupRequest &r, const QString &schemaId)
{
    if (r.dataSetId.isEmpty())
        return PlannedRequest::placeholder(u"SCHEMA_ID"_s);
    const QString known = schemaId.isEmpty() ? r.dataSetSchemaId : schemaId;
    return known.isEmpty() ? PlannedRequest::placeholder(u"SCHEMA_ID"_s) : known;
}

SetupStep FlowServiceRecipe::sourceConnectionStep()
{
    SetupStep step;
    step.key = kSource;
    step.dependencies = [] { return QStringList{kBase}; };
    step.inputs = [this] {
        return QJsonArray{m_request.sourceConnectionName, m_request.tablePath, SetupJson::columns(m_request.columns)};
    };
    flowObjectOps(&step, u"sourceConnections"_s, [this] { return m_request.sourceConnectionName; });
    step.create = [this](SetupObjectDone done) {
        const QJsonObject body = sourceConnectionBody(engine()->objectId(kBase));
        m_flows->createSourceConnection(body, engine()->context(),
                                        [done](const adobe::CreatedObject &c, const net::Error &e) {
                                            done(SetupObject{c.id, c.etag, {}}, e);
                                        });
    };
    step.plan = [this](const QJsonObject &) {
        PlannedRequest p;
        p.method = "POST";
        p.servicePath = FlowServiceClient::collectionPath(u"sourceConnections"_s);
        p.body = sourceConnectionBody(PlannedRequest::placeholder(u"BASE_CONNECTION_ID"_s));
        p.idVariable = u"SOURCE_CONNECTION_ID"_s;
        return QList<PlannedRequest>{p};
    };
    return step;
}

SetupStep FlowServiceRecipe::targetConnectionStep()
{
    SetupStep step;
    step.key = kTarget;
    step.dependencies = [] { return QStringList{CatalogSteps::dataSetKey()}; };
    step.inputs = [this] { return QJsonArray{m_request.targetConnectionName}; };
    flowObjectOps(&step, u"targetConnections"_s, [this] { return m_request.targetConnectionName; });
    step.create = [this](SetupObjectDone done) {
        const QJsonObject body = targetConnectionBody(engine()->objectId(CatalogSteps::dataSetKey()), schemaId());
        m_flows->createTargetConnection(body, engine()->context(),
                                        [done](const adobe::CreatedObject &c, const net::Error &e) {
                                            done(SetupObject{c.id, c.etag, {}}, e);
                                        });
    };
    step.plan = [this](const QJsonObject &) {
        PlannedRequest p;
        p.method = "POST";
        p.servicePath = FlowServiceClient::collectionPath(u"targetConnections"_s);
        p.body =
            targetConnectionBody(PlannedRequest::placeholder(u"DATASET_ID"_s), plannedSchemaRef(m_request, schemaId()));
        p.idVariable = u"TARGET_CONNECTION_ID"_s;
        return QList<PlannedRequest>{p};
    };
    return step;
}

// ---- step 6: mapping set ---------------------------------------------------------------------

void FlowServiceRecipe::proposeForExistingSchema(
    const QString &tenant, std::function<void(const QList<MappingRow> &, const net::Error &)> done)
{
    // A schema the wizard did not make: propose what the builder would map, where the schema has
    // that path, and match the remaining columns to its tenant fields by name
    // (Modified_Time → _tenant.modifiedTime, id → _tenant.zohoId).
    m_schemas->schema(
        schemaId(), adobe::SchemaRegistryClient::kAcceptFullSchema, engine()->context(),
        [this, tenant, done](const QJsonObject &schema, const net::Error &e) {
            if (e) {
                done({}, e);
                return;
            }
            QMap<QString, Leaf> leaves;
            collectLeaves(schema.value(u"properties"_s).toObject(), {}, &leaves);
            const XdmSchemaResult built = XdmSchemaBuilder(tenant).build(m_request.tablePath, schemaFields());
            QList<XdmFieldMapping> kept;
            for (const XdmFieldMapping &f : built.fields) {
                if (leaves.contains(f.xdmPath))
                    kept.append(f);
            }
            QList<MappingRow> rows = MappingBuilder::proposeRows(kept, m_request.columns);
            QStringList used;
            for (const MappingRow &r : std::as_const(rows)) {
                if (r.enabled)
                    used.append(r.destination);
            }
            const QString tenantPrefix = u"_"_s + (tenant.startsWith(u'_') ? tenant.mid(1) : tenant) + u'.';
            for (MappingRow &row : rows) {
                if (row.enabled || !row.destination.isEmpty())
                    continue;
                const auto column = std::find_if(m_request.columns.begin(), m_request.columns.end(),
                                                 [&row](const catalogue::Column &c) { return c.name == row.source; });
                if (column == m_request.columns.end())
                    continue;
                const QString key = nameKey(column->name);
                for (auto leaf = leaves.begin(); leaf != leaves.end(); ++leaf) {
                    if (!leaf.key().startsWith(tenantPrefix) || used.contains(leaf.key()))
                        continue;
                    const QString leafKey = nameKey(leaf.key().section(u'.', -1));
                    if ((leafKey != key && leafKey != u"zoho"_s + key) || !fits(*column, leaf.value()))
                        continue;
                    row.destination = leaf.key();
                    row.enabled = true;
                    used.append(leaf.key());
                    break;
                }
            }
            done(rows, {});
        });
}

void FlowServiceRecipe::proposeMappingRows(std::function<void(const QList<MappingRow> &, const net::Error &)> done)
{
    withTenant([this, done](const QString &tenant, const net::Error &e) {
        if (e) {
            done({}, e);
            return;
        }
        if (!m_request.dataSetId.isEmpty()) {
            auto propose = [this, tenant, done] { proposeForExistingSchema(tenant, done); };
            if (!schemaId().isEmpty()) {
                propose();
                return;
            }
            // The existing dataset's schema, read now (the plan reads it again when it runs).
            m_catalog->dataSet(m_request.dataSetId, engine()->context(),
                               [this, propose, done](const adobe::DataSetInfo &d, const net::Error &de) {
                                   if (de) {
                                       done({}, de);
                                       return;
                                   }
                                   engine()->setObject(CatalogSteps::dataSetKey(),
                                                       QJsonObject{{u"id"_s, d.id},
                                                                   {u"schemaId"_s, d.schemaId},
                                                                   {u"existing"_s, true}});
                                   propose();
                               });
            return;
        }
        const XdmSchemaResult built = XdmSchemaBuilder(tenant).build(m_request.tablePath, schemaFields());
        done(MappingBuilder::proposeRows(built.fields, m_request.columns), {});
    });
}

QJsonObject FlowServiceRecipe::mappingSetBody(const QString &schemaId, const QList<MappingRow> &rows) const
{
    MappingBuilder builder(schemaId);
    builder.setRows(rows);
    builder.setColumns(m_request.columns);
    return builder.toMappingSetBody();
}

void FlowServiceRecipe::withMappingBody(std::function<void(const QJsonObject &, const net::Error &)> done)
{
    const QString schema = schemaId();
    if (!m_mappingBody.isEmpty() && outputSchemaOf(m_mappingBody) == schema) {
        done(m_mappingBody, {});
        return;
    }
    auto finish = [this, schema, done](const QList<MappingRow> &rows, const net::Error &e) {
        if (e) {
            done({}, e);
            return;
        }
        MappingBuilder builder(schema);
        builder.setRows(rows);
        const QList<MappingProblem> problems = builder.problems();
        if (!problems.isEmpty()) {
            done({}, net::Error::make(net::ErrorCategory::Input, problems.first().message));
            return;
        }
        m_mappingBody = mappingSetBody(schema, rows);
        done(m_mappingBody, {});
    };
    if (!m_request.mappingRows.isEmpty()) {
        finish(m_request.mappingRows, {});
        return;
    }
    withTenant([this, finish](const QString &tenant, const net::Error &e) {
        if (e) {
            finish({}, e);
            return;
        }
        if (!m_request.dataSetId.isEmpty()) {
            proposeForExistingSchema(tenant, finish);
            return;
        }
        const XdmSchemaResult built = XdmSchemaBuilder(tenant).build(m_request.tablePath, schemaFields());
        finish(MappingBuilder::proposeRows(built.fields, m_request.columns), {});
    });
}

// Data Prep keeps no name or description on a mapping set and its list takes no filter, so a
// mapping set whose create answer was lost is found by listing every page and comparing what it
// does: the same output schema and the same source → destination pairs. With a new dataset the
// schema is this plan's own, so the match is exact; with an existing dataset another setup may
// have made an identical mapping set, and adopting it is harmless — a flow pins the mapping
// version it uses, and that version maps exactly as this plan would.
void FlowServiceRecipe::listMappingSets(int start, int page, const QJsonObject &wanted, SetupObjectDone done)
{
    m_prep->mappingSetPage(
        start, kMappingPageSize, engine()->context(),
        [this, start, page, wanted, done](const QList<QJsonObject> &sets, bool more, const net::Error &e) {
            if (e) {
                done({}, e);
                return;
            }
            const QString schema = outputSchemaOf(wanted);
            const QStringList pairs = mappingPairs(wanted.value(u"mappings"_s).toArray());
            for (const QJsonObject &set : sets) {
                const QString id = set.value(u"id"_s).toString();
                if (id.isEmpty() || engine()->isDiscarded(id) || outputSchemaOf(set) != schema ||
                    mappingPairs(set.value(u"mappings"_s).toArray()) != pairs)
                    continue;
                done(SetupObject{id, {}, QJsonObject{{u"version"_s, set.value(u"version"_s).toInt()}}}, {});
                return;
            }
            if (!more || page >= kMaxMappingPages) {
                done({}, {});
                return;
            }
            listMappingSets(start + int(sets.size()), page + 1, wanted, done);
        });
}

SetupStep FlowServiceRecipe::mappingSetStep()
{
    SetupStep step;
    step.key = kMapping;
    step.label = [] { return stepLabel(kMapping); };
    // The output schema: the plan's own, or the existing dataset's.
    step.dependencies = [this] {
        return QStringList{m_request.dataSetId.isEmpty() ? CatalogSteps::schemaKey() : CatalogSteps::dataSetKey()};
    };
    step.inputs = [this] {
        return QJsonArray{SetupJson::rows(m_request.mappingRows), SetupJson::columns(m_request.columns)};
    };
    step.verify = [this](const QString &id, SetupObjectDone done) {
        m_prep->mappingSet(id, -1, engine()->context(), [id, done](const QJsonObject &set, const net::Error &e) {
            done(SetupObject{id, {}, QJsonObject{{u"version"_s, set.value(u"version"_s).toInt()}}}, e);
        });
    };
    step.lookup = [this](SetupObjectDone done) {
        withMappingBody([this, done](const QJsonObject &body, const net::Error &e) {
            if (e) {
                done({}, e);
                return;
            }
            listMappingSets(0, 1, body, done);
        });
    };
    step.create = [this](SetupObjectDone done) {
        withMappingBody([this, done](const QJsonObject &body, const net::Error &e) {
            if (e) {
                done({}, e);
                return;
            }
            m_prep->createMappingSet(body, engine()->context(),
                                     [done](const adobe::MappingSetInfo &info, const net::Error &ce) {
                                         done(SetupObject{info.id, {}, QJsonObject{{u"version"_s, info.version}}}, ce);
                                     });
        });
    };
    step.plan = [this](const QJsonObject &hints) {
        QString tenant = hints.value(u"tenantId"_s).toString();
        if (tenant.isEmpty())
            tenant = m_tenantId;
        // The rows the user settled on the Mapping page; without them, what the builder proposes
        // (for an existing dataset the plan narrows that to the dataset schema's fields when it
        // runs).
        QList<MappingRow> rows = m_request.mappingRows;
        if (rows.isEmpty()) {
            const XdmSchemaResult built = XdmSchemaBuilder(tenant.isEmpty() ? u"{{TENANT_ID}}"_s : tenant)
                                              .build(m_request.tablePath, schemaFields());
            rows = MappingBuilder::proposeRows(built.fields, m_request.columns);
        }
        PlannedRequest p;
        p.method = "POST";
        p.servicePath = adobe::DataPrepClient::mappingSetsPath();
        p.body = mappingSetBody(plannedSchemaRef(m_request, schemaId()), rows);
        p.idVariable = u"MAPPING_SET_ID"_s;
        p.moreVariables = {qMakePair(u"MAPPING_SET_VERSION"_s, u"version"_s)};
        const QJsonObject saved = engine()->object(kMapping);
        p.existingId = saved.value(u"id"_s).toString();
        if (!p.existingId.isEmpty())
            p.knownValues = {qMakePair(p.idVariable, p.existingId),
                             qMakePair(u"MAPPING_SET_VERSION"_s, QString::number(saved.value(u"version"_s).toInt()))};
        return QList<PlannedRequest>{p};
    };
    return step;
}

// ---- step 7: dataflow ------------------------------------------------------------------------

QJsonObject FlowServiceRecipe::flowBody(const QString &sourceId, const QString &targetId, const QString &mappingId,
                                        int mappingVersion) const
{
    const double percent = m_request.partialIngestionPercent;
    QJsonObject options{{u"errorDiagnosticsEnabled"_s, m_request.errorDiagnostics}};
    if (percent > 0)
        options.insert(u"partialIngestionPercent"_s, percent);
    return QJsonObject{
        {u"name"_s, m_request.flowName},
        {u"description"_s, withMarker(m_request.flowDescription)},
        {u"flowSpec"_s,
         QJsonObject{{u"id"_s, QLatin1String(FlowServiceClient::kCrmFlowSpecId)}, {u"version"_s, u"1.0"_s}}},
        {u"sourceConnectionIds"_s, QJsonArray{sourceId}},
        {u"targetConnectionIds"_s, QJsonArray{targetId}},
        {u"transformations"_s, ScheduleRules::toTransformations(m_request.schedule, mappingId, mappingVersion)},
        {u"scheduleParams"_s, ScheduleRules::toScheduleParams(m_request.schedule)},
        {u"options"_s, options}};
}

SetupStep FlowServiceRecipe::flowStep()
{
    SetupStep step;
    step.key = kFlow;
    step.dependencies = [] { return QStringList{kSource, kTarget, kMapping}; };
    step.inputs = [this] {
        const SetupRequest &r = m_request;
        // Not the start time: it moves forward on every retry, and a flow found again after a
        // lost answer is the one wanted whatever start it got.
        QJsonObject schedule = SetupJson::schedule(r.schedule);
        schedule.remove(u"start"_s);
        return QJsonArray{r.flowName, r.flowDescription, r.errorDiagnostics, r.partialIngestionPercent, schedule};
    };
    flowObjectOps(&step, u"flows"_s, [this] { return m_request.flowName; });
    step.create = [this](SetupObjectDone done) {
        // Checked again now: a start chosen on an earlier page (or before a crash) may have passed.
        const Schedule &schedule = m_request.schedule;
        const QList<ScheduleProblem> problems = ScheduleRules::validate(
            schedule, QDateTime::currentDateTimeUtc(), ScheduleRules::dateTimeColumns(m_request.columns));
        if (!problems.isEmpty()) {
            done({}, net::Error::make(net::ErrorCategory::Input, problems.first().message));
            return;
        }
        const double percent = m_request.partialIngestionPercent;
        if (percent < 0 || percent > 100) {
            done({}, net::Error::make(net::ErrorCategory::Input,
                                      QCoreApplication::translate("zaw::setup::SetupPlan",
                                                                  "The partial ingestion threshold must be more "
                                                                  "than 0 % and at most 100 %.")));
            return;
        }
        const QJsonObject mapping = engine()->object(kMapping);
        const QJsonObject body = flowBody(engine()->objectId(kSource), engine()->objectId(kTarget),
                                          mapping.value(u"id"_s).toString(), mapping.value(u"version"_s).toInt());
        m_flows->createFlow(body, engine()->context(), [done](const adobe::CreatedObject &c, const net::Error &e) {
            done(SetupObject{c.id, c.etag, {}}, e);
        });
    };
    step.plan = [this](const QJsonObject &) {
        using P = PlannedRequest;
        P flow;
        flow.method = "POST";
        flow.servicePath = FlowServiceClient::collectionPath(u"flows"_s);
        QJsonObject body = flowBody(P::placeholder(u"SOURCE_CONNECTION_ID"_s),
                                    P::placeholder(u"TARGET_CONNECTION_ID"_s), P::placeholder(u"MAPPING_SET_ID"_s), 0);
        body.insert(u"transformations"_s, withVersionPlaceholder(body.value(u"transformations"_s).toArray(),
                                                                 P::placeholder(u"MAPPING_SET_VERSION"_s)));
        flow.body = body;
        flow.idVariable = u"FLOW_ID"_s;
        return QList<P>{flow};
    };
    return step;
}

} // namespace zaw::setup

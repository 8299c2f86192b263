// SPDX-License-Identifier: GPL-3.0-or-later
#include "setup/SetupPlan.h"

#include "adobe/CatalogClient.h"
#include "adobe/DataPrepClient.h"
#include "adobe/FlowServiceClient.h"
#include "adobe/PlatformClient.h"
#include "adobe/SchemaRegistryClient.h"
#include "net/Redaction.h"
#include "setup/XdmSchemaBuilder.h"
#include "setup/ZohoAuthParams.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;

namespace zaw::setup {

namespace {

using adobe::FlowServiceClient;

const QString kMappingSetsPath = u"/data/foundation/conversion/mappingSets"_s;
// Mapping sets are listed 100 at a time; an organisation with more than 2,000 is not searched to
// the end (the lookup then reports "not found" and the create goes ahead: at worst one orphan
// mapping set, which nobody sees and which changes nothing).
constexpr int kMappingPageSize = 100;
constexpr int kMaxMappingPages = 20;

// Whether a failed create may nevertheless have made the object: the request may have reached AEP
// and only the answer was lost (connection closed, timeout), the service failed half-way (5xx),
// or the answer could not be read. A 4xx (and a 429) says nothing was made.
bool mayHaveBeenCreated(const net::Error &e)
{
    if (e.category == net::ErrorCategory::Cancelled)
        return false;
    if (e.httpStatus >= 500)
        return true;
    return e.category == net::ErrorCategory::Network || e.category == net::ErrorCategory::Server ||
           e.category == net::ErrorCategory::Bug;
}

QJsonObject columnToJson(const catalogue::Column &c)
{
    QJsonObject xdm{{u"type"_s, c.xdmType.isEmpty() ? u"string"_s : c.xdmType}};
    if (!c.xdmFormat.isEmpty())
        xdm.insert(u"format"_s, c.xdmFormat);
    QJsonObject o{{u"name"_s, c.name}, {u"type"_s, c.type}, {u"xdm"_s, xdm}};
    if (!c.metaXdmType.isEmpty())
        o.insert(u"meta:xdmType"_s, c.metaXdmType);
    return o;
}

QJsonObject fieldToJson(const zoho::ZohoField &f)
{
    QJsonObject o{{u"apiName"_s, f.apiName},   {u"label"_s, f.label},   {u"dataType"_s, f.dataType},
                  {u"jsonType"_s, f.jsonType}, {u"custom"_s, f.custom}, {u"readOnly"_s, f.readOnly}};
    // The one part of Zoho's raw field metadata the schema builder reads.
    const QString returnType = f.raw.value(u"formula"_s).toObject().value(u"return_type"_s).toString();
    if (!returnType.isEmpty())
        o.insert(u"formulaReturnType"_s, returnType);
    return o;
}

zoho::ZohoField fieldFromJson(const QJsonObject &o)
{
    zoho::ZohoField f;
    f.apiName = o.value(u"apiName"_s).toString();
    f.label = o.value(u"label"_s).toString();
    f.dataType = o.value(u"dataType"_s).toString();
    f.jsonType = o.value(u"jsonType"_s).toString();
    f.custom = o.value(u"custom"_s).toBool();
    f.readOnly = o.value(u"readOnly"_s).toBool();
    const QString returnType = o.value(u"formulaReturnType"_s).toString();
    if (!returnType.isEmpty())
        f.raw.insert(u"formula"_s, QJsonObject{{u"return_type"_s, returnType}});
    return f;
}

QJsonObject rowToJson(const MappingRow &r)
{
    return QJsonObject{{u"source"_s, r.source},
                       {u"sourceType"_s, r.sourceType},
                       {u"destination"_s, r.destination},
                       {u"enabled"_s, r.enabled}};
}

MappingRow rowFromJson(const QJsonObject &o)
{
    return MappingRow{o.value(u"source"_s).toString(), o.value(u"sourceType"_s).toString(),
                      o.value(u"destination"_s).toString(), o.value(u"enabled"_s).toBool(true)};
}

QJsonObject scheduleToJson(const Schedule &s)
{
    return QJsonObject{{u"frequency"_s, s.frequency},
                       {u"interval"_s, s.interval},
                       {u"start"_s, s.start.isValid() ? s.start.toUTC().toString(Qt::ISODate) : QString()},
                       {u"backfill"_s, s.backfill},
                       {u"deltaColumn"_s, s.deltaColumn}};
}

Schedule scheduleFromJson(const QJsonObject &o)
{
    Schedule s;
    s.frequency = o.value(u"frequency"_s).toString(s.frequency);
    s.interval = o.value(u"interval"_s).toInt();
    s.start = QDateTime::fromString(o.value(u"start"_s).toString(), Qt::ISODate).toUTC();
    s.backfill = o.value(u"backfill"_s).toBool();
    s.deltaColumn = o.value(u"deltaColumn"_s).toString();
    return s;
}

template <typename T, typename F> QJsonArray toArray(const QList<T> &list, F convert)
{
    QJsonArray a;
    for (const T &item : list)
        a.append(convert(item));
    return a;
}

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

} // namespace

// ---- construction and state ------------------------------------------------------------------

SetupPlan::SetupPlan(adobe::PlatformClient *platform, QObject *parent)
    : QObject(parent)
    , m_platform(platform)
    , m_flows(new adobe::FlowServiceClient(platform, this))
    , m_catalog(new adobe::CatalogClient(platform, this))
    , m_schemas(new adobe::SchemaRegistryClient(platform, this))
    , m_prep(new adobe::DataPrepClient(platform, this))
{}

SetupPlan::SetupPlan(adobe::PlatformClient *platform, const SetupRequest &request, QObject *parent)
    : SetupPlan(platform, parent)
{
    m_request = request;
    m_setupId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    applyDefaults();
}

// Names are settled once and kept in the state: a resume in another language must look for the
// same names the first run created.
void SetupPlan::applyDefaults()
{
    SetupRequest &r = m_request;
    const QString table = r.tablePath;
    if (r.baseConnectionName.trimmed().isEmpty())
        r.baseConnectionName = tr("Zoho CRM");
    if (table.isEmpty())
        return; // the rest once the module is chosen (setRequest())
    if (r.dataSetName.trimmed().isEmpty())
        r.dataSetName = tr("Zoho CRM %1").arg(table);
    const QString mark = marker(m_setupId);
    if (!r.schemaTitle.endsWith(mark)) {
        const QString title =
            r.schemaTitle.trimmed().isEmpty() ? tr("Zoho CRM %1").arg(table) : r.schemaTitle.trimmed();
        r.schemaTitle = title + u' ' + mark;
    }
    if (r.flowName.trimmed().isEmpty())
        r.flowName = tr("Zoho CRM %1 dataflow").arg(table);
    if (r.sourceConnectionName.trimmed().isEmpty())
        r.sourceConnectionName = tr("Zoho CRM %1 source connection").arg(table);
    if (r.targetConnectionName.trimmed().isEmpty())
        r.targetConnectionName = tr("Zoho CRM %1 target connection").arg(table);
}

void SetupPlan::setRequest(const SetupRequest &request)
{
    if (m_running)
        return;
    const zoho::ZohoSession session = m_request.zoho;
    m_request = request;
    if (m_request.zoho.refreshToken.isEmpty() && m_request.zoho.clientSecret.isEmpty())
        m_request.zoho = session;
    m_mappingBody = {};
    applyDefaults();
    emitState();
}

QString SetupPlan::inputsOf(Step step) const
{
    const SetupRequest &r = m_request;
    QJsonArray inputs;
    switch (step) {
    case Step::BaseConnection:
        inputs = {r.baseConnectionName, r.baseConnectionDescription};
        break;
    case Step::Schema:
        inputs = {r.tablePath, r.schemaTitle, toArray(r.zohoFields, fieldToJson), toArray(r.columns, columnToJson)};
        break;
    case Step::DataSet:
        inputs = {r.dataSetName, r.dataSetDescription};
        break;
    case Step::SourceConnection:
        inputs = {r.sourceConnectionName, r.tablePath, toArray(r.columns, columnToJson)};
        break;
    case Step::TargetConnection:
        inputs = {r.targetConnectionName};
        break;
    case Step::MappingSet:
        inputs = {toArray(r.mappingRows, rowToJson), toArray(r.columns, columnToJson)};
        break;
    case Step::Flow: {
        // Not the start time: it moves forward on every retry, and a flow found again after a lost
        // answer is the one wanted whatever start it got.
        QJsonObject schedule = scheduleToJson(r.schedule);
        schedule.remove(u"start"_s);
        inputs = {r.flowName, r.flowDescription, r.errorDiagnostics, r.partialIngestionPercent, schedule};
        break;
    }
    }
    const QByteArray bytes = QJsonDocument(inputs).toJson(QJsonDocument::Compact);
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha1).toHex());
}

SetupPlan::~SetupPlan() = default;

SetupPlan *SetupPlan::fromState(adobe::PlatformClient *platform, const QJsonObject &state, QObject *parent,
                                QString *error)
{
    auto refuse = [error](const QString &why) -> SetupPlan * {
        if (error)
            *error = why;
        return nullptr;
    };
    const int format = state.value(u"format"_s).toInt();
    if (format > kStateFormat)
        return refuse(tr("The saved setup was made by a newer version of this application. Update it to continue "
                         "this setup."));
    const QUuid id = QUuid::fromString(state.value(u"setupId"_s).toString());
    if (format < 1 || id.isNull())
        return refuse(tr("The saved setup cannot be read: it has no valid setup ID."));

    auto plan = std::unique_ptr<SetupPlan>(new SetupPlan(platform, nullptr));
    plan->m_setupId = id.toString(QUuid::WithoutBraces);
    plan->m_tenantId = state.value(u"tenantId"_s).toString();
    if (!plan->requestFromJson(state.value(u"request"_s).toObject()))
        return refuse(tr("The saved setup cannot be read: the module or the names of the objects to create are "
                         "missing."));
    plan->applyDefaults();
    const QJsonObject objects = state.value(u"objects"_s).toObject();
    for (Step step : steps()) {
        const QJsonObject o = objects.value(stepKey(step)).toObject();
        if (!o.value(u"id"_s).toString().isEmpty())
            plan->m_objects.insert(step, o);
    }
    for (const QJsonValue &v : state.value(u"attempted"_s).toArray()) {
        for (Step step : steps()) {
            if (stepKey(step) == v.toString())
                plan->m_attempted.append(step);
        }
    }
    for (const QJsonValue &v : state.value(u"discarded"_s).toArray())
        plan->m_discarded.append(v.toString());
    plan->setParent(parent);
    return plan.release();
}

QJsonObject SetupPlan::requestToJson() const
{
    const SetupRequest &r = m_request;
    QJsonObject o{{u"baseConnectionId"_s, r.baseConnectionId},
                  {u"baseConnectionEtag"_s, r.baseConnectionEtag},
                  {u"baseConnectionName"_s, r.baseConnectionName},
                  {u"baseConnectionDescription"_s, r.baseConnectionDescription},
                  {u"tablePath"_s, r.tablePath},
                  {u"columns"_s, toArray(r.columns, columnToJson)},
                  {u"dataSetId"_s, r.dataSetId},
                  {u"dataSetSchemaId"_s, r.dataSetSchemaId},
                  {u"dataSetName"_s, r.dataSetName},
                  {u"dataSetDescription"_s, r.dataSetDescription},
                  {u"schemaTitle"_s, r.schemaTitle},
                  {u"zohoFields"_s, toArray(r.zohoFields, fieldToJson)},
                  {u"mappingRows"_s, toArray(r.mappingRows, rowToJson)},
                  {u"flowName"_s, r.flowName},
                  {u"flowDescription"_s, r.flowDescription},
                  {u"errorDiagnostics"_s, r.errorDiagnostics},
                  {u"schedule"_s, scheduleToJson(r.schedule)},
                  {u"sourceConnectionName"_s, r.sourceConnectionName},
                  {u"targetConnectionName"_s, r.targetConnectionName}};
    if (r.partialIngestionPercent > 0)
        o.insert(u"partialIngestionPercent"_s, r.partialIngestionPercent);
    // The Zoho session is left out on purpose: it holds the client secret and the tokens.
    return o;
}

bool SetupPlan::requestFromJson(const QJsonObject &o)
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
        r.zohoFields.append(fieldFromJson(v.toObject()));
    r.mappingRows.clear();
    for (const QJsonValue &v : o.value(u"mappingRows"_s).toArray())
        r.mappingRows.append(rowFromJson(v.toObject()));
    r.flowName = o.value(u"flowName"_s).toString();
    r.flowDescription = o.value(u"flowDescription"_s).toString();
    r.errorDiagnostics = o.value(u"errorDiagnostics"_s).toBool();
    r.partialIngestionPercent = o.value(u"partialIngestionPercent"_s).toDouble(0);
    r.schedule = scheduleFromJson(o.value(u"schedule"_s).toObject());
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

QJsonObject SetupPlan::state() const
{
    QJsonObject objects;
    for (auto it = m_objects.begin(); it != m_objects.end(); ++it)
        objects.insert(stepKey(it.key()), it.value());
    QJsonArray attempted;
    for (Step step : m_attempted)
        attempted.append(stepKey(step));
    QJsonObject o{{u"format"_s, kStateFormat},     {u"setupId"_s, m_setupId},
                  {u"request"_s, requestToJson()}, {u"objects"_s, objects},
                  {u"attempted"_s, attempted},     {u"discarded"_s, QJsonArray::fromStringList(m_discarded)},
                  {u"complete"_s, isComplete()}};
    if (!m_tenantId.isEmpty())
        o.insert(u"tenantId"_s, m_tenantId);
    return o;
}

QJsonObject SetupPlan::result() const
{
    QJsonObject o;
    auto put = [&o](const QString &key, const QString &value) {
        if (!value.isEmpty())
            o.insert(key, value);
    };
    put(u"baseConnectionId"_s, objectId(Step::BaseConnection));
    put(u"schemaId"_s, schemaId());
    put(u"dataSetId"_s, objectId(Step::DataSet));
    put(u"sourceConnectionId"_s, objectId(Step::SourceConnection));
    put(u"targetConnectionId"_s, objectId(Step::TargetConnection));
    put(u"mappingSetId"_s, objectId(Step::MappingSet));
    put(u"flowId"_s, objectId(Step::Flow));
    return o;
}

bool SetupPlan::isComplete() const
{
    return !m_running && !objectId(Step::Flow).isEmpty() && m_attempted.isEmpty();
}

QString SetupPlan::objectId(Step step) const
{
    return m_objects.value(step).value(u"id"_s).toString();
}

QString SetupPlan::schemaId() const
{
    if (!m_request.dataSetId.isEmpty())
        return m_objects.value(Step::DataSet).value(u"schemaId"_s).toString();
    return objectId(Step::Schema);
}

void SetupPlan::emitState()
{
    // Each change is saved to disk by the caller: an unchanged state is not sent again.
    const QJsonObject current = state();
    if (current == m_lastState)
        return;
    m_lastState = current;
    emit stateChanged(current);
}

void SetupPlan::setTenantId(const QString &tenantId)
{
    if (m_tenantId.isEmpty() && !tenantId.isEmpty()) {
        m_tenantId = tenantId;
        emitState();
    }
}

// ---- names and labels ------------------------------------------------------------------------

QList<SetupPlan::Step> SetupPlan::steps()
{
    return {Step::BaseConnection,   Step::Schema,     Step::DataSet, Step::SourceConnection,
            Step::TargetConnection, Step::MappingSet, Step::Flow};
}

QString SetupPlan::label(Step step)
{
    switch (step) {
    case Step::BaseConnection:
        return tr("Base connection (Zoho CRM account)");
    case Step::Schema:
        return tr("XDM schema");
    case Step::DataSet:
        return tr("Dataset");
    case Step::SourceConnection:
        return tr("Source connection");
    case Step::TargetConnection:
        return tr("Target connection");
    case Step::MappingSet:
        return tr("Mapping set");
    case Step::Flow:
        return tr("Dataflow");
    }
    return {};
}

QString SetupPlan::statusText(Status status)
{
    switch (status) {
    case Status::Pending:
        return tr("Waiting");
    case Status::Running:
        return tr("In progress…");
    case Status::Done:
        return tr("Created");
    case Status::Found:
        return tr("Already there");
    case Status::Skipped:
        return tr("Skipped");
    case Status::Failed:
        return tr("Failed");
    }
    return {};
}

QString SetupPlan::stepKey(Step step)
{
    switch (step) {
    case Step::BaseConnection:
        return u"baseConnection"_s;
    case Step::Schema:
        return u"schema"_s;
    case Step::DataSet:
        return u"dataSet"_s;
    case Step::SourceConnection:
        return u"sourceConnection"_s;
    case Step::TargetConnection:
        return u"targetConnection"_s;
    case Step::MappingSet:
        return u"mappingSet"_s;
    case Step::Flow:
        return u"flow"_s;
    }
    return {};
}

QString SetupPlan::marker(const QString &setupId)
{
    return u"[zaw-setup:%1]"_s.arg(setupId);
}

QString SetupPlan::withMarker(const QString &text) const
{
    const QString t = text.trimmed();
    return t.isEmpty() ? marker(m_setupId) : t + u' ' + marker(m_setupId);
}

bool SetupPlan::carriesMarker(const QString &text) const
{
    return text.contains(marker(m_setupId));
}

QList<zoho::ZohoField> SetupPlan::fieldsFromColumns(const QList<catalogue::Column> &columns)
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

void SetupPlan::setZohoSession(const zoho::ZohoSession &session)
{
    m_request.zoho = session;
}

void SetupPlan::setSchedule(const Schedule &schedule)
{
    if (m_running)
        return;
    m_request.schedule = schedule;
    emitState();
}

// ---- running ---------------------------------------------------------------------------------

void SetupPlan::start()
{
    runThrough(Step::Flow);
}

void SetupPlan::resume()
{
    runThrough(Step::Flow);
}

void SetupPlan::runThrough(Step last)
{
    if (m_running)
        return;
    m_last = last;
    run();
}

void SetupPlan::retry()
{
    run();
}

void SetupPlan::cancel()
{
    if (!m_running)
        return;
    m_running = false;
    // Dropping the guard drops the answer of the request in flight.
    delete m_context;
    if (m_status.value(m_current) == Status::Running)
        m_status.insert(m_current, Status::Pending);
    emit cancelled();
}

void SetupPlan::run()
{
    if (m_running)
        return;
    m_running = true;
    m_error = {};
    delete m_context;
    m_context = new QObject(this);
    m_changed.clear();
    for (Step step : steps())
        m_status.insert(step, Status::Pending);
    m_index = 0;
    if (m_last != Step::BaseConnection && m_request.tablePath.trimmed().isEmpty()) {
        m_current = Step::SourceConnection;
        fail(m_current, net::Error::make(net::ErrorCategory::Input, tr("Choose the Zoho CRM module to load first.")));
        return;
    }
    runStep();
}

void SetupPlan::runStep()
{
    if (!m_running)
        return;
    const QList<Step> all = steps();
    if (m_index >= all.size() || m_index > all.indexOf(m_last)) {
        m_running = false;
        emitState();
        if (m_last == Step::Flow)
            emit finished();
        else
            emit reached(m_last);
        return;
    }
    m_current = all.at(m_index);
    m_status.insert(m_current, Status::Running);
    emit stepStarted(m_current);
    if (!m_running)
        return;
    switch (m_current) {
    case Step::BaseConnection:
        baseConnectionStep();
        break;
    case Step::Schema:
        schemaStep();
        break;
    case Step::DataSet:
        dataSetStep();
        break;
    case Step::SourceConnection:
        sourceConnectionStep();
        break;
    case Step::TargetConnection:
        targetConnectionStep();
        break;
    case Step::MappingSet:
        mappingSetStep();
        break;
    case Step::Flow:
        flowStep();
        break;
    }
}

void SetupPlan::finishStep(Step step, Status status)
{
    m_status.insert(step, status);
    qCDebug(lcSetup) << "step" << stepKey(step) << "finished:" << status;
    emitState();
    emit stepFinished(step, status);
    if (!m_running) // cancelled by a slot of stepFinished
        return;
    ++m_index;
    runStep();
}

void SetupPlan::fail(Step step, const net::Error &error)
{
    m_status.insert(step, Status::Failed);
    m_error = error;
    m_running = false;
    qCInfo(lcSetup) << "step" << stepKey(step) << "failed:" << error.code << error.httpStatus;
    emitState();
    emit failed(step, error);
}

// ---- the shared shape of a step --------------------------------------------------------------

// What each step's object is made from: when one of those gets a new ID in a run, an object
// saved earlier from the old one is useless and is made again (the old one stays in AEP, see
// forget()).
QList<SetupPlan::Step> SetupPlan::dependencies(Step step) const
{
    switch (step) {
    case Step::DataSet:
        return {Step::Schema};
    case Step::SourceConnection:
        return {Step::BaseConnection};
    case Step::TargetConnection:
        return {Step::DataSet};
    case Step::MappingSet:
        // The output schema: the plan's own, or the existing dataset's.
        return {m_request.dataSetId.isEmpty() ? Step::Schema : Step::DataSet};
    case Step::Flow:
        return {Step::SourceConnection, Step::TargetConnection, Step::MappingSet};
    default:
        return {};
    }
}

bool SetupPlan::dependencyChanged(Step step) const
{
    for (Step d : dependencies(step)) {
        if (m_changed.contains(d))
            return true;
    }
    return false;
}

void SetupPlan::markAttempted(Step step, bool attempted)
{
    m_attempted.removeAll(step);
    if (attempted)
        m_attempted.append(step);
    emitState();
}

void SetupPlan::record(Step step, const Made &made)
{
    QJsonObject o = made.extra;
    o.insert(u"id"_s, made.id);
    o.insert(u"inputs"_s, inputsOf(step));
    if (!made.etag.isEmpty())
        o.insert(u"etag"_s, made.etag);
    m_objects.insert(step, o);
    m_attempted.removeAll(step);
    if (!m_changed.contains(step))
        m_changed.append(step);
    emitState();
}

void SetupPlan::forget(Step step, bool discard)
{
    const QString id = objectId(step);
    // An object made from something that has since been replaced stays in AEP; remember its ID
    // so that a lookup by marker never adopts it.
    if (discard && !id.isEmpty() && !m_discarded.contains(id))
        m_discarded.append(id);
    m_objects.remove(step);
    emitState();
}

void SetupPlan::ensureObject(Step step, const Ops &ops)
{
    const QString saved = objectId(step);
    if (saved.isEmpty()) {
        createPath(step, ops);
        return;
    }
    const QString inputs = m_objects.value(step).value(u"inputs"_s).toString();
    if (dependencyChanged(step) || (!inputs.isEmpty() && inputs != inputsOf(step))) {
        // Made from something that has since been replaced, or for other inputs (the user went
        // back and chose another module, other mapping rows, …).
        forget(step, true);
        createPath(step, ops);
        return;
    }
    ops.verify(saved, [this, step, ops](const Made &current, const net::Error &e) {
        if (e && e.httpStatus == 404) {
            // Deleted meanwhile: made again, and so is everything made from it.
            forget(step, false);
            createPath(step, ops);
            return;
        }
        if (e) {
            fail(step, e);
            return;
        }
        QJsonObject o = m_objects.value(step);
        if (!current.etag.isEmpty())
            o.insert(u"etag"_s, current.etag);
        for (auto it = current.extra.begin(); it != current.extra.end(); ++it)
            o.insert(it.key(), it.value());
        m_objects.insert(step, o);
        finishStep(step, Status::Found);
    });
}

void SetupPlan::createPath(Step step, const Ops &ops)
{
    if (!m_attempted.contains(step)) {
        sendCreate(step, ops);
        return;
    }
    // An earlier run sent this create and never learnt what became of it.
    ops.lookup([this, step, ops](const Made &found, const net::Error &e) {
        if (e) {
            fail(step, e);
            return;
        }
        if (!found.id.isEmpty()) {
            record(step, found);
            finishStep(step, Status::Found);
            return;
        }
        sendCreate(step, ops);
    });
}

void SetupPlan::sendCreate(Step step, const Ops &ops)
{
    // Saved before the request leaves: a crash while it is on its way still leads the next run
    // to look for the object first.
    markAttempted(step, true);
    ops.create([this, step, ops](const Made &made, const net::Error &e) {
        if (!e) {
            record(step, made);
            finishStep(step, Status::Done);
            return;
        }
        if (!mayHaveBeenCreated(e)) {
            markAttempted(step, false);
            fail(step, e);
            return;
        }
        ops.lookup([this, step, e](const Made &found, const net::Error &lookupError) {
            if (!lookupError && !found.id.isEmpty()) {
                record(step, found);
                finishStep(step, Status::Found);
                return;
            }
            // Still unknown: the step stays "attempted", so Retry looks again before creating.
            fail(step, e);
        });
    });
}

void SetupPlan::lookupFlowObject(const QString &collection, const QString &name, MadeDone done)
{
    auto pick = [this, done](const QList<QJsonObject> &items, const net::Error &e) {
        if (e) {
            done({}, e);
            return;
        }
        for (const QJsonObject &item : items) {
            const QString id = item.value(u"id"_s).toString();
            if (id.isEmpty() || m_discarded.contains(id) || !carriesMarker(item.value(u"description"_s).toString()))
                continue;
            done(Made{id, item.value(u"etag"_s).toString(), {}}, {});
            return;
        }
        done({}, {});
    };
    const QStringList filters{FlowServiceClient::propertyEquals(u"name"_s, name)};
    if (collection == u"connections"_s)
        m_flows->connections(filters, m_context, pick);
    else if (collection == u"sourceConnections"_s)
        m_flows->sourceConnections(filters, m_context, pick);
    else if (collection == u"targetConnections"_s)
        m_flows->targetConnections(filters, m_context, pick);
    else
        m_flows->flows(filters, m_context, pick);
}

// ---- step 1: base connection -----------------------------------------------------------------

bool SetupPlan::zohoParams(adobe::ZohoAuthParams *out) const
{
    *out = zohoAuthParams(m_request.zoho);
    // AEP needs all six (reference §2.2).
    return !out->endpoint.isEmpty() && !out->accountsUrl.isEmpty() && !out->clientId.isEmpty() &&
           !out->clientSecret.isEmpty() && !out->accessToken.isEmpty() && !out->refreshToken.isEmpty();
}

net::Error SetupPlan::zohoSessionMissing() const
{
    return net::Error::make(net::ErrorCategory::SignInNeeded,
                            tr("The base connection needs your Zoho CRM credentials, and this setup does not have "
                               "them. Sign in to Zoho CRM again, then press Retry."));
}

void SetupPlan::baseConnectionStep()
{
    if (!m_request.baseConnectionId.isEmpty()) {
        reuseBaseConnection();
        return;
    }
    const QString name = m_request.baseConnectionName;
    Ops ops;
    ops.verify = [this](const QString &id, MadeDone done) {
        m_flows->connection(id, m_context, [done](const QJsonObject &o, const net::Error &e) {
            done(Made{o.value(u"id"_s).toString(), o.value(u"etag"_s).toString(), {}}, e);
        });
    };
    ops.lookup = [this, name](MadeDone done) { lookupFlowObject(u"connections"_s, name, done); };
    ops.create = [this, name](MadeDone done) {
        adobe::ZohoAuthParams params;
        if (!zohoParams(&params)) {
            done({}, zohoSessionMissing());
            return;
        }
        const QJsonObject body =
            FlowServiceClient::zohoConnectionBody(name, withMarker(m_request.baseConnectionDescription), params);
        m_flows->createConnection(body, m_context, [done](const adobe::CreatedObject &c, const net::Error &e) {
            done(Made{c.id, c.etag, {}}, e);
        });
    };
    ensureObject(Step::BaseConnection, ops);
}

void SetupPlan::reuseBaseConnection()
{
    const QString id = m_request.baseConnectionId;
    const QJsonObject saved = m_objects.value(Step::BaseConnection);
    const bool sameConnection = saved.value(u"id"_s).toString() == id;
    if (sameConnection && saved.value(u"credentialsUpdated"_s).toBool()) {
        // Updated by an earlier run: only check that it is still there. It is the user's own
        // connection, so a missing one is reported rather than replaced.
        m_flows->connection(id, m_context, [this](const QJsonObject &o, const net::Error &e) {
            if (e) {
                fail(Step::BaseConnection, e);
                return;
            }
            QJsonObject updated = m_objects.value(Step::BaseConnection);
            updated.insert(u"etag"_s, o.value(u"etag"_s).toString());
            m_objects.insert(Step::BaseConnection, updated);
            finishStep(Step::BaseConnection, Status::Found);
        });
        return;
    }
    adobe::ZohoAuthParams params;
    if (!zohoParams(&params)) {
        fail(Step::BaseConnection, zohoSessionMissing());
        return;
    }
    const QString etag =
        sameConnection && saved.contains(u"etag"_s) ? saved.value(u"etag"_s).toString() : m_request.baseConnectionEtag;
    if (!etag.isEmpty()) {
        patchBaseConnection(etag, true);
        return;
    }
    m_flows->connection(id, m_context, [this](const QJsonObject &o, const net::Error &e) {
        if (e) {
            fail(Step::BaseConnection, e);
            return;
        }
        patchBaseConnection(o.value(u"etag"_s).toString(), true);
    });
}

void SetupPlan::patchBaseConnection(const QString &etag, bool reread)
{
    adobe::ZohoAuthParams params;
    zohoParams(&params);
    const QString id = m_request.baseConnectionId;
    const QJsonArray operations{FlowServiceClient::patchOperation(u"replace"_s, u"/auth/params"_s, params.toJson())};
    m_flows->patchConnection(
        id, etag, operations, m_context, [this, id, reread](const adobe::CreatedObject &updated, const net::Error &e) {
            if (e && e.httpStatus == 412 && reread) {
                // Changed elsewhere since its etag was read: read it again and try once more.
                m_flows->connection(id, m_context, [this](const QJsonObject &o, const net::Error &readError) {
                    if (readError) {
                        fail(Step::BaseConnection, readError);
                        return;
                    }
                    patchBaseConnection(o.value(u"etag"_s).toString(), false);
                });
                return;
            }
            if (e) {
                fail(Step::BaseConnection, e);
                return;
            }
            if (objectId(Step::BaseConnection) != id && !m_changed.contains(Step::BaseConnection))
                m_changed.append(Step::BaseConnection);
            m_objects.insert(Step::BaseConnection, QJsonObject{{u"id"_s, id},
                                                               {u"etag"_s, updated.etag},
                                                               {u"reused"_s, true},
                                                               {u"credentialsUpdated"_s, true}});
            finishStep(Step::BaseConnection, Status::Found);
        });
}

// ---- steps 2 and 3: schema and dataset -------------------------------------------------------

void SetupPlan::withTenant(std::function<void(const QString &, const net::Error &)> done)
{
    if (!m_tenantId.isEmpty()) {
        done(m_tenantId, {});
        return;
    }
    m_schemas->tenantId(m_context, [this, done](const QString &tenant, const net::Error &e) {
        if (!e) {
            m_tenantId = tenant;
            emitState();
        }
        done(tenant, e);
    });
}

void SetupPlan::schemaStep()
{
    if (!m_request.dataSetId.isEmpty()) {
        finishStep(Step::Schema, Status::Skipped);
        return;
    }
    const QString title = m_request.schemaTitle;
    auto schemaMade = [](const QJsonObject &schema) {
        return Made{
            schema.value(u"$id"_s).toString(), {}, QJsonObject{{u"altId"_s, schema.value(u"meta:altId"_s).toString()}}};
    };
    Ops ops;
    ops.verify = [this, schemaMade](const QString &id, MadeDone done) {
        m_schemas->schema(id, adobe::SchemaRegistryClient::kAcceptSchema, m_context,
                          [done, schemaMade](const QJsonObject &schema, const net::Error &e) {
                              done(e ? Made{} : schemaMade(schema), e);
                          });
    };
    ops.lookup = [this, title](MadeDone done) {
        // Schema Registry lists titles, not descriptions: the marker is in the title.
        m_schemas->schemas({u"title==%1"_s.arg(title)}, m_context,
                           [this, title, done](const QList<adobe::SchemaSummary> &list, const net::Error &e) {
                               if (e) {
                                   done({}, e);
                                   return;
                               }
                               for (const adobe::SchemaSummary &s : list) {
                                   if (s.title == title && !m_discarded.contains(s.id)) {
                                       done(Made{s.id, {}, QJsonObject{{u"altId"_s, s.altId}}}, {});
                                       return;
                                   }
                               }
                               done({}, {});
                           });
    };
    ops.create = [this, schemaMade](MadeDone done) {
        withTenant([this, schemaMade, done](const QString &tenant, const net::Error &e) {
            if (e) {
                done({}, e);
                return;
            }
            m_schemas->createSchema(schemaBody(tenant), m_context,
                                    [done, schemaMade](const QJsonObject &schema, const net::Error &createError) {
                                        done(createError ? Made{} : schemaMade(schema), createError);
                                    });
        });
    };
    ensureObject(Step::Schema, ops);
}

void SetupPlan::dataSetStep()
{
    if (!m_request.dataSetId.isEmpty()) {
        existingDataSetStep();
        return;
    }
    const QString name = m_request.dataSetName;
    auto dataSetMade = [](const adobe::DataSetInfo &d) {
        return Made{d.id, {}, QJsonObject{{u"schemaId"_s, d.schemaId}}};
    };
    Ops ops;
    ops.verify = [this, dataSetMade](const QString &id, MadeDone done) {
        m_catalog->dataSet(id, m_context, [done, dataSetMade](const adobe::DataSetInfo &d, const net::Error &e) {
            done(e ? Made{} : dataSetMade(d), e);
        });
    };
    ops.lookup = [this, name, dataSetMade](MadeDone done) {
        m_catalog->dataSetsByName(
            name, m_context, [this, done, dataSetMade](const QList<adobe::DataSetInfo> &list, const net::Error &e) {
                if (e) {
                    done({}, e);
                    return;
                }
                for (const adobe::DataSetInfo &d : list) {
                    if (!m_discarded.contains(d.id) && carriesMarker(d.raw.value(u"description"_s).toString())) {
                        done(dataSetMade(d), {});
                        return;
                    }
                }
                done({}, {});
            });
    };
    ops.create = [this](MadeDone done) {
        const QString schema = objectId(Step::Schema);
        m_catalog->createDataSet(dataSetBody(schema), m_context,
                                 [done, schema](const QString &id, const net::Error &e) {
                                     done(Made{id, {}, QJsonObject{{u"schemaId"_s, schema}}}, e);
                                 });
    };
    ensureObject(Step::DataSet, ops);
}

void SetupPlan::existingDataSetStep()
{
    const QString id = m_request.dataSetId;
    m_catalog->dataSet(id, m_context, [this, id](const adobe::DataSetInfo &d, const net::Error &e) {
        if (e) {
            fail(Step::DataSet, e);
            return;
        }
        if (d.schemaId.isEmpty()) {
            fail(Step::DataSet,
                 net::Error::make(net::ErrorCategory::Input,
                                  tr("The dataset \"%1\" has no XDM schema, so a dataflow cannot write into it. "
                                     "Choose another dataset or create a new one.")
                                      .arg(d.name.isEmpty() ? id : d.name)));
            return;
        }
        const QJsonObject before = m_objects.value(Step::DataSet);
        if (!before.isEmpty() && before.value(u"schemaId"_s).toString() != d.schemaId &&
            !m_changed.contains(Step::DataSet))
            m_changed.append(Step::DataSet);
        m_objects.insert(Step::DataSet, QJsonObject{{u"id"_s, id}, {u"schemaId"_s, d.schemaId}, {u"existing"_s, true}});
        finishStep(Step::DataSet, Status::Skipped);
    });
}

// ---- steps 4 and 5: source and target connections --------------------------------------------

void SetupPlan::sourceConnectionStep()
{
    const QString name = m_request.sourceConnectionName;
    Ops ops;
    ops.verify = [this](const QString &id, MadeDone done) {
        m_flows->sourceConnection(id, m_context, [done](const QJsonObject &o, const net::Error &e) {
            done(Made{o.value(u"id"_s).toString(), o.value(u"etag"_s).toString(), {}}, e);
        });
    };
    ops.lookup = [this, name](MadeDone done) { lookupFlowObject(u"sourceConnections"_s, name, done); };
    ops.create = [this](MadeDone done) {
        const QJsonObject body = sourceConnectionBody(objectId(Step::BaseConnection));
        m_flows->createSourceConnection(body, m_context, [done](const adobe::CreatedObject &c, const net::Error &e) {
            done(Made{c.id, c.etag, {}}, e);
        });
    };
    ensureObject(Step::SourceConnection, ops);
}

void SetupPlan::targetConnectionStep()
{
    const QString name = m_request.targetConnectionName;
    Ops ops;
    ops.verify = [this](const QString &id, MadeDone done) {
        m_flows->targetConnection(id, m_context, [done](const QJsonObject &o, const net::Error &e) {
            done(Made{o.value(u"id"_s).toString(), o.value(u"etag"_s).toString(), {}}, e);
        });
    };
    ops.lookup = [this, name](MadeDone done) { lookupFlowObject(u"targetConnections"_s, name, done); };
    ops.create = [this](MadeDone done) {
        const QJsonObject body = targetConnectionBody(objectId(Step::DataSet), schemaId());
        m_flows->createTargetConnection(body, m_context, [done](const adobe::CreatedObject &c, const net::Error &e) {
            done(Made{c.id, c.etag, {}}, e);
        });
    };
    ensureObject(Step::TargetConnection, ops);
}

// ---- step 6: mapping set ---------------------------------------------------------------------

void SetupPlan::proposeForExistingSchema(const QString &tenant,
                                         std::function<void(const QList<MappingRow> &, const net::Error &)> done)
{
    // A schema the wizard did not make: propose what the builder would map, where the schema has
    // that path, and match the remaining columns to its tenant fields by name
    // (Modified_Time → _tenant.modifiedTime, id → _tenant.zohoId).
    m_schemas->schema(
        schemaId(), adobe::SchemaRegistryClient::kAcceptFullSchema, m_context,
        [this, tenant, done](const QJsonObject &schema, const net::Error &e) {
            if (e) {
                done({}, e);
                return;
            }
            QMap<QString, Leaf> leaves;
            collectLeaves(schema.value(u"properties"_s).toObject(), {}, &leaves);
            const QList<zoho::ZohoField> fields =
                m_request.zohoFields.isEmpty() ? fieldsFromColumns(m_request.columns) : m_request.zohoFields;
            const XdmSchemaResult built = XdmSchemaBuilder(tenant).build(m_request.tablePath, fields);
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

void SetupPlan::proposeMappingRows(std::function<void(const QList<MappingRow> &, const net::Error &)> done)
{
    if (m_running) {
        done({}, net::Error::make(net::ErrorCategory::Input, tr("The setup is running; wait until it stops.")));
        return;
    }
    if (!m_context)
        m_context = new QObject(this);
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
            m_catalog->dataSet(
                m_request.dataSetId, m_context,
                [this, propose, done](const adobe::DataSetInfo &d, const net::Error &de) {
                    if (de) {
                        done({}, de);
                        return;
                    }
                    m_objects.insert(Step::DataSet,
                                     QJsonObject{{u"id"_s, d.id}, {u"schemaId"_s, d.schemaId}, {u"existing"_s, true}});
                    propose();
                });
            return;
        }
        const XdmSchemaResult built = XdmSchemaBuilder(tenant).build(m_request.tablePath, schemaFields());
        done(MappingBuilder::proposeRows(built.fields, m_request.columns), {});
    });
}

void SetupPlan::withMappingBody(std::function<void(const QJsonObject &, const net::Error &)> done)
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
        const QList<zoho::ZohoField> fields =
            m_request.zohoFields.isEmpty() ? fieldsFromColumns(m_request.columns) : m_request.zohoFields;
        const XdmSchemaResult built = XdmSchemaBuilder(tenant).build(m_request.tablePath, fields);
        finish(MappingBuilder::proposeRows(built.fields, m_request.columns), {});
    });
}

// Data Prep keeps no name or description on a mapping set and its list takes no filter, so a
// mapping set whose create answer was lost is found by listing every page and comparing what it
// does: the same output schema and the same source → destination pairs. With a new dataset the
// schema is this plan's own, so the match is exact; with an existing dataset another setup may
// have made an identical mapping set, and adopting it is harmless — a flow pins the mapping
// version it uses, and that version maps exactly as this plan would.
void SetupPlan::listMappingSets(int start, int page, const QJsonObject &wanted, MadeDone done)
{
    QUrlQuery query;
    query.addQueryItem(u"limit"_s, QString::number(kMappingPageSize));
    query.addQueryItem(u"start"_s, QString::number(start));
    m_platform->send("GET", kMappingSetsPath, query, {}, {}, m_context,
                     [this, start, page, wanted, done](const net::HttpResponse &response, const net::Error &e) {
                         if (e) {
                             done({}, e);
                             return;
                         }
                         const QString schema = outputSchemaOf(wanted);
                         const QStringList pairs = mappingPairs(wanted.value(u"mappings"_s).toArray());
                         const QJsonObject answer = response.object();
                         const QJsonArray data = answer.value(u"data"_s).toArray();
                         for (const QJsonValue &v : data) {
                             const QJsonObject set = v.toObject();
                             const QString id = set.value(u"id"_s).toString();
                             if (id.isEmpty() || m_discarded.contains(id) || outputSchemaOf(set) != schema ||
                                 mappingPairs(set.value(u"mappings"_s).toArray()) != pairs)
                                 continue;
                             done(Made{id, {}, QJsonObject{{u"version"_s, set.value(u"version"_s).toInt()}}}, {});
                             return;
                         }
                         const QJsonValue next = answer.value(u"_links"_s).toObject().value(u"next"_s);
                         const bool more =
                             !data.isEmpty() && (next.isString() ? !next.toString().isEmpty() : next.isObject());
                         if (!more || page >= kMaxMappingPages) {
                             done({}, {});
                             return;
                         }
                         listMappingSets(start + int(data.size()), page + 1, wanted, done);
                     });
}

void SetupPlan::mappingSetStep()
{
    Ops ops;
    ops.verify = [this](const QString &id, MadeDone done) {
        m_prep->mappingSet(id, -1, m_context, [id, done](const QJsonObject &set, const net::Error &e) {
            done(Made{id, {}, QJsonObject{{u"version"_s, set.value(u"version"_s).toInt()}}}, e);
        });
    };
    ops.lookup = [this](MadeDone done) {
        withMappingBody([this, done](const QJsonObject &body, const net::Error &e) {
            if (e) {
                done({}, e);
                return;
            }
            listMappingSets(0, 1, body, done);
        });
    };
    ops.create = [this](MadeDone done) {
        withMappingBody([this, done](const QJsonObject &body, const net::Error &e) {
            if (e) {
                done({}, e);
                return;
            }
            m_prep->createMappingSet(body, m_context, [done](const adobe::MappingSetInfo &info, const net::Error &ce) {
                done(Made{info.id, {}, QJsonObject{{u"version"_s, info.version}}}, ce);
            });
        });
    };
    ensureObject(Step::MappingSet, ops);
}

// ---- step 7: dataflow ------------------------------------------------------------------------

void SetupPlan::flowStep()
{
    const QString name = m_request.flowName;
    Ops ops;
    ops.verify = [this](const QString &id, MadeDone done) {
        m_flows->flow(id, m_context, [done](const QJsonObject &o, const net::Error &e) {
            done(Made{o.value(u"id"_s).toString(), o.value(u"etag"_s).toString(), {}}, e);
        });
    };
    ops.lookup = [this, name](MadeDone done) { lookupFlowObject(u"flows"_s, name, done); };
    ops.create = [this](MadeDone done) {
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
                                      tr("The partial ingestion threshold must be more than 0 % and at most 100 %.")));
            return;
        }
        const QJsonObject mapping = m_objects.value(Step::MappingSet);
        const QJsonObject body = flowBody(objectId(Step::SourceConnection), objectId(Step::TargetConnection),
                                          mapping.value(u"id"_s).toString(), mapping.value(u"version"_s).toInt());
        m_flows->createFlow(body, m_context, [done](const adobe::CreatedObject &c, const net::Error &e) {
            done(Made{c.id, c.etag, {}}, e);
        });
    };
    ensureObject(Step::Flow, ops);
}

// ---- request bodies --------------------------------------------------------------------------

QList<zoho::ZohoField> SetupPlan::schemaFields() const
{
    return m_request.zohoFields.isEmpty() ? fieldsFromColumns(m_request.columns) : m_request.zohoFields;
}

QJsonObject SetupPlan::schemaBody(const QString &tenant) const
{
    XdmSchemaBuilder builder(tenant);
    builder.setTitle(m_request.schemaTitle);
    QJsonObject body = builder.build(m_request.tablePath, schemaFields()).schema;
    body.insert(u"description"_s, withMarker(body.value(u"description"_s).toString()));
    return body;
}

QJsonObject SetupPlan::dataSetBody(const QString &schemaId) const
{
    return adobe::CatalogClient::dataSetBody(m_request.dataSetName, schemaId, withMarker(m_request.dataSetDescription));
}

QJsonObject SetupPlan::sourceConnectionBody(const QString &baseConnectionId) const
{
    return QJsonObject{
        {u"name"_s, m_request.sourceConnectionName},
        {u"description"_s, withMarker(tr("Zoho CRM module %1").arg(m_request.tablePath))},
        {u"baseConnectionId"_s, baseConnectionId},
        {u"data"_s, QJsonObject{{u"format"_s, u"tabular"_s}}},
        {u"params"_s,
         QJsonObject{{u"tableName"_s, m_request.tablePath}, {u"columns"_s, toArray(m_request.columns, columnToJson)}}},
        {u"connectionSpec"_s,
         QJsonObject{{u"id"_s, QLatin1String(FlowServiceClient::kZohoConnectionSpecId)}, {u"version"_s, u"1.0"_s}}}};
}

QJsonObject SetupPlan::targetConnectionBody(const QString &dataSetId, const QString &schemaId) const
{
    return QJsonObject{
        {u"name"_s, m_request.targetConnectionName},
        {u"description"_s, withMarker(tr("Data Lake dataset %1").arg(dataSetId))},
        {u"data"_s, QJsonObject{{u"format"_s, u"parquet_xdm"_s},
                                {u"schema"_s, QJsonObject{{u"id"_s, schemaId},
                                                          {u"version"_s, MappingBuilder::kOutputContentType}}}}},
        {u"params"_s, QJsonObject{{u"dataSetId"_s, dataSetId}}},
        {u"connectionSpec"_s, QJsonObject{{u"id"_s, QLatin1String(FlowServiceClient::kDataLakeConnectionSpecId)},
                                          {u"version"_s, u"1.0"_s}}}};
}

QJsonObject SetupPlan::mappingSetBody(const QString &schemaId, const QList<MappingRow> &rows) const
{
    MappingBuilder builder(schemaId);
    builder.setRows(rows);
    builder.setColumns(m_request.columns);
    return builder.toMappingSetBody();
}

QJsonObject SetupPlan::flowBody(const QString &sourceId, const QString &targetId, const QString &mappingId,
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

namespace {

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

} // namespace

QList<PlannedRequest> SetupPlan::plannedRequests(const QString &tenantId) const
{
    using P = PlannedRequest;
    const QString flowService = u"/data/foundation/flowservice"_s;
    const QString tenant = tenantId.isEmpty() ? m_tenantId : tenantId;
    QList<PlannedRequest> list;
    auto existing = [this](Step step) { return objectId(step); };

    // Base connection: the user's own one is used as it is (its credentials are replaced at
    // creation, which needs its current etag; a script does not do that).
    P base;
    base.stepKey = stepKey(Step::BaseConnection);
    base.title = label(Step::BaseConnection);
    base.idVariable = u"BASE_CONNECTION_ID"_s;
    if (!m_request.baseConnectionId.isEmpty()) {
        base.existingId = m_request.baseConnectionId;
    } else {
        adobe::ZohoAuthParams params = zohoAuthParams(m_request.zoho);
        params.clientSecret = P::placeholder(u"ZOHO_CLIENT_SECRET"_s);
        params.accessToken = P::placeholder(u"ZOHO_ACCESS_TOKEN"_s);
        params.refreshToken = P::placeholder(u"ZOHO_REFRESH_TOKEN"_s);
        base.method = "POST";
        base.servicePath = flowService + u"/connections"_s;
        base.body = FlowServiceClient::zohoConnectionBody(m_request.baseConnectionName,
                                                          withMarker(m_request.baseConnectionDescription), params);
        base.existingId = existing(Step::BaseConnection);
    }
    if (!base.existingId.isEmpty())
        base.knownValues = {qMakePair(base.idVariable, base.existingId)};
    list.append(base);

    QString schemaRef = P::placeholder(u"SCHEMA_ID"_s);
    if (m_request.dataSetId.isEmpty()) {
        P schema;
        schema.stepKey = stepKey(Step::Schema);
        schema.title = label(Step::Schema);
        schema.method = "POST";
        schema.servicePath = u"/data/foundation/schemaregistry/tenant/schemas"_s;
        schema.body = schemaBody(tenant.isEmpty() ? u"{{TENANT_ID}}"_s : tenant);
        schema.idField = u"$id"_s;
        schema.idVariable = u"SCHEMA_ID"_s;
        schema.existingId = existing(Step::Schema);
        if (!schema.existingId.isEmpty())
            schema.knownValues = {qMakePair(schema.idVariable, schema.existingId)};
        list.append(schema);

        P dataSet;
        dataSet.stepKey = stepKey(Step::DataSet);
        dataSet.title = label(Step::DataSet);
        dataSet.method = "POST";
        dataSet.servicePath = u"/data/foundation/catalog/dataSets"_s;
        dataSet.query = {qMakePair(u"requestDataSource"_s, u"true"_s)};
        dataSet.body = dataSetBody(schemaRef);
        dataSet.idIn = P::IdIn::CatalogReference;
        dataSet.idVariable = u"DATASET_ID"_s;
        dataSet.existingId = existing(Step::DataSet);
        if (!dataSet.existingId.isEmpty())
            dataSet.knownValues = {qMakePair(dataSet.idVariable, dataSet.existingId)};
        list.append(dataSet);
    } else {
        // An existing dataset: nothing to make; its schema is the mapping's output.
        P dataSet;
        dataSet.stepKey = stepKey(Step::DataSet);
        dataSet.title = label(Step::DataSet);
        dataSet.idVariable = u"DATASET_ID"_s;
        dataSet.existingId = m_request.dataSetId;
        const QString knownSchema = schemaId().isEmpty() ? m_request.dataSetSchemaId : schemaId();
        dataSet.knownValues = {qMakePair(dataSet.idVariable, dataSet.existingId)};
        if (!knownSchema.isEmpty()) {
            dataSet.knownValues.append(qMakePair(u"SCHEMA_ID"_s, knownSchema));
            schemaRef = knownSchema;
        }
        list.append(dataSet);
    }
    const QString dataSetRef = P::placeholder(u"DATASET_ID"_s);

    P source;
    source.stepKey = stepKey(Step::SourceConnection);
    source.title = label(Step::SourceConnection);
    source.method = "POST";
    source.servicePath = flowService + u"/sourceConnections"_s;
    source.body = sourceConnectionBody(P::placeholder(u"BASE_CONNECTION_ID"_s));
    source.idVariable = u"SOURCE_CONNECTION_ID"_s;
    source.existingId = existing(Step::SourceConnection);
    list.append(source);

    P target;
    target.stepKey = stepKey(Step::TargetConnection);
    target.title = label(Step::TargetConnection);
    target.method = "POST";
    target.servicePath = flowService + u"/targetConnections"_s;
    target.body = targetConnectionBody(dataSetRef, schemaRef);
    target.idVariable = u"TARGET_CONNECTION_ID"_s;
    target.existingId = existing(Step::TargetConnection);
    list.append(target);

    // The rows the user settled on the Mapping page; without them, what the builder proposes (for
    // an existing dataset the plan narrows that to the dataset schema's fields when it runs).
    QList<MappingRow> rows = m_request.mappingRows;
    if (rows.isEmpty()) {
        const XdmSchemaResult built =
            XdmSchemaBuilder(tenant.isEmpty() ? u"{{TENANT_ID}}"_s : tenant).build(m_request.tablePath, schemaFields());
        rows = MappingBuilder::proposeRows(built.fields, m_request.columns);
    }
    P mapping;
    mapping.stepKey = stepKey(Step::MappingSet);
    mapping.title = label(Step::MappingSet);
    mapping.method = "POST";
    mapping.servicePath = kMappingSetsPath;
    mapping.body = mappingSetBody(schemaRef, rows);
    mapping.idVariable = u"MAPPING_SET_ID"_s;
    mapping.moreVariables = {qMakePair(u"MAPPING_SET_VERSION"_s, u"version"_s)};
    mapping.existingId = existing(Step::MappingSet);
    if (!mapping.existingId.isEmpty())
        mapping.knownValues = {
            qMakePair(mapping.idVariable, mapping.existingId),
            qMakePair(u"MAPPING_SET_VERSION"_s,
                      QString::number(m_objects.value(Step::MappingSet).value(u"version"_s).toInt()))};
    list.append(mapping);

    P flow;
    flow.stepKey = stepKey(Step::Flow);
    flow.title = label(Step::Flow);
    flow.method = "POST";
    flow.servicePath = flowService + u"/flows"_s;
    QJsonObject body = flowBody(P::placeholder(u"SOURCE_CONNECTION_ID"_s), P::placeholder(u"TARGET_CONNECTION_ID"_s),
                                P::placeholder(u"MAPPING_SET_ID"_s), 0);
    body.insert(u"transformations"_s, withVersionPlaceholder(body.value(u"transformations"_s).toArray(),
                                                             P::placeholder(u"MAPPING_SET_VERSION"_s)));
    flow.body = body;
    flow.idVariable = u"FLOW_ID"_s;
    flow.existingId = existing(Step::Flow);
    list.append(flow);

    // Known IDs of the objects made already.
    for (P &p : list) {
        if (!p.existingId.isEmpty() && p.knownValues.isEmpty() && !p.idVariable.isEmpty())
            p.knownValues = {qMakePair(p.idVariable, p.existingId)};
    }
    return list;
}

} // namespace zaw::setup

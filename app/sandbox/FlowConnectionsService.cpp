// SPDX-License-Identifier: GPL-3.0-or-later
// Flow Service: connection and flow specs, base, source and target connections.
#include "AdobeState.h"
#include "SandboxResources.h"

namespace zaw::sandbox::adobe {

void AdobeState::registerFlowConnectionRoutes(Router &router)
{
    addRoute(router, "GET", u"/flowservice/connectionSpecs/?"_s, Api::FlowService, &AdobeState::getConnectionSpecs);
    addRoute(router, "GET", u"/flowservice/connectionSpecs/([^/]+)/?"_s, Api::FlowService,
             &AdobeState::getConnectionSpec);
    addRoute(router, "GET", u"/flowservice/connections/?"_s, Api::FlowService, lister(baseConnectionsCollection()));
    addRoute(router, "POST", u"/flowservice/connections/?"_s, Api::FlowService, &AdobeState::createConnection);
    addRoute(router, "GET", u"/flowservice/connections/([^/]+)/explore/?"_s, Api::FlowService,
             &AdobeState::exploreConnection);
    addRoute(router, "GET", u"/flowservice/connections/([^/]+)/test/?"_s, Api::FlowService,
             &AdobeState::testConnection);
    addRoute(router, "GET", u"/flowservice/connections/([^/]+)/?"_s, Api::FlowService,
             getter(baseConnectionsCollection()));
    addRoute(router, "PATCH", u"/flowservice/connections/([^/]+)/?"_s, Api::FlowService, &AdobeState::patchConnection);
    addRoute(router, "DELETE", u"/flowservice/connections/([^/]+)/?"_s, Api::FlowService,
             deleter(baseConnectionsCollection()));
    addRoute(router, "GET", u"/flowservice/sourceConnections/?"_s, Api::FlowService,
             lister(sourceConnectionsCollection()));
    addRoute(router, "POST", u"/flowservice/sourceConnections/?"_s, Api::FlowService,
             &AdobeState::createSourceConnection);
    addRoute(router, "GET", u"/flowservice/sourceConnections/([^/]+)/?"_s, Api::FlowService,
             getter(sourceConnectionsCollection()));
    addRoute(router, "PATCH", u"/flowservice/sourceConnections/([^/]+)/?"_s, Api::FlowService,
             &AdobeState::patchSourceConnection);
    addRoute(router, "DELETE", u"/flowservice/sourceConnections/([^/]+)/?"_s, Api::FlowService,
             deleter(sourceConnectionsCollection()));
    addRoute(router, "GET", u"/flowservice/targetConnections/?"_s, Api::FlowService,
             lister(targetConnectionsCollection()));
    addRoute(router, "POST", u"/flowservice/targetConnections/?"_s, Api::FlowService,
             &AdobeState::createTargetConnection);
    addRoute(router, "GET", u"/flowservice/targetConnections/([^/]+)/?"_s, Api::FlowService,
             getter(targetConnectionsCollection()));
    addRoute(router, "DELETE", u"/flowservice/targetConnections/([^/]+)/?"_s, Api::FlowService,
             deleter(targetConnectionsCollection()));
    addRoute(router, "GET", u"/flowservice/flowSpecs/?"_s, Api::FlowService, &AdobeState::listFlowSpecs);
    addRoute(router, "GET", u"/flowservice/flowSpecs/([^/]+)/?"_s, Api::FlowService, &AdobeState::getFlowSpec);
}

// ================================================================================================
// Flow Service: specs

// Connection and flow specs are fixed documents (resources/sandbox/adobe/*-specs.json); the
// cloud-storage flow spec is among them so that the CRM tutorial's mistake (sending it) gets a
// precise answer.
namespace {

Response specList(const Request &request, const QJsonArray &specs)
{
    QString error;
    const auto filters = parseFilters(request.queryValues(u"property"_s), &error);
    if (!filters)
        return AdobeState::flowError(request, u"1440-400"_s, u"Bad Request"_s, error);
    QJsonArray items;
    for (const QJsonValue &spec : specs) {
        if (matchesFilters(spec.toObject(), *filters))
            items.append(spec);
    }
    return Response::json(QJsonObject{{u"items"_s, items}});
}

Response specById(const Request &request, const QJsonArray &specs, const QString &collection)
{
    const QString id = request.capture(1);
    for (const QJsonValue &spec : specs) {
        if (spec.toObject().value(u"id"_s).toString() == id)
            return Response::json(QJsonObject{{u"items"_s, QJsonArray{spec}}});
    }
    return AdobeState::notFound(request, collection, id);
}

} // namespace

QJsonArray AdobeState::connectionSpecs()
{
    return sandboxResource(u"adobe/connection-specs.json"_s).toArray();
}

QJsonArray AdobeState::flowSpecs()
{
    return sandboxResource(u"adobe/flow-specs.json"_s).toArray();
}

QJsonArray AdobeState::offeredConnectionSpecs() const
{
    QJsonArray specs = connectionSpecs();
    if (context->options.retiredZohoSource) {
        for (qsizetype i = specs.size() - 1; i >= 0; --i) {
            if (specs.at(i).toObject().value(u"id"_s).toString() == kZohoSpecId)
                specs.removeAt(i);
        }
    }
    return specs;
}

Response AdobeState::getConnectionSpecs(const Request &request, const Caller &)
{
    return specList(request, offeredConnectionSpecs());
}

Response AdobeState::getConnectionSpec(const Request &request, const Caller &)
{
    return specById(request, offeredConnectionSpecs(), u"connectionSpecs"_s);
}

Response AdobeState::listFlowSpecs(const Request &request, const Caller &)
{
    return specList(request, flowSpecs());
}

Response AdobeState::getFlowSpec(const Request &request, const Caller &)
{
    return specById(request, flowSpecs(), u"flowSpecs"_s);
}

// ================================================================================================
// Flow Service: base connections

QJsonObject AdobeState::connectionView(const Entry &entry) const
{
    QJsonObject view = entry.data;
    QJsonObject auth = view.value(u"auth"_s).toObject();
    QJsonObject params = auth.value(u"params"_s).toObject();
    for (const QString &secret : kSecretParams)
        params.remove(secret);
    auth.insert(u"params"_s, params);
    view.insert(u"auth"_s, auth);
    return view;
}

Response AdobeState::createConnection(const Request &request, const Caller &caller)
{
    Response error;
    const auto body = jsonBody(request, &error);
    if (!body)
        return error;
    const QString name = body->value(u"name"_s).toString().trimmed();
    if (name.isEmpty()) {
        return flowError(request, u"1304-400"_s, u"Bad Request"_s,
                         u"The mandatory field 'name' is missing in the request."_s);
    }
    const QJsonObject spec = body->value(u"connectionSpec"_s).toObject();
    const QString specId = spec.value(u"id"_s).toString();
    if (specId.isEmpty()) {
        return flowError(request, u"1304-400"_s, u"Bad Request"_s,
                         u"The mandatory field 'connectionSpec.id' is missing in the request."_s);
    }
    if (specId != kZohoSpecId || context->options.retiredZohoSource) {
        return flowError(request, u"1413-400"_s, u"Bad Request"_s,
                         u"The connection spec ID '%1' is not valid."_s.arg(specId));
    }
    const QString version = spec.value(u"version"_s).toString();
    if (!version.isEmpty() && version != u"1.0"_s) {
        return flowError(request, u"1413-400"_s, u"Bad Request"_s,
                         u"The connection spec '%1' has no version '%2'."_s.arg(specId, version));
    }
    const QJsonObject auth = body->value(u"auth"_s).toObject();
    const QString specName = auth.value(u"specName"_s).toString();
    if (specName != kBasicAuth) {
        return flowError(
            request, u"1415-400"_s, u"Bad Request"_s,
            u"The auth spec '%1' could not be found for the connection spec '%2'."_s.arg(specName, specId));
    }
    const QJsonObject params = auth.value(u"params"_s).toObject();
    for (const QString &param : kZohoAuthParams) {
        if (params.value(param).toString().trimmed().isEmpty()) {
            return flowError(request, u"1304-400"_s, u"Bad Request"_s,
                             u"The mandatory field 'auth.params.%1' is missing in the request."_s.arg(param));
        }
    }

    const QString id = SandboxContext::uuid();
    QJsonObject data = auditFields(caller, id);
    data.insert(u"name"_s, name);
    data.insert(u"description"_s, body->value(u"description"_s).toString());
    data.insert(u"connectionSpec"_s, QJsonObject{{u"id"_s, specId}, {u"version"_s, u"1.0"_s}});
    data.insert(u"state"_s, u"enabled"_s);
    data.insert(u"auth"_s, QJsonObject{{u"specName"_s, specName}, {u"params"_s, params}});
    return storeCreated(baseConnectionsCollection(), caller, id, data);
}

Response AdobeState::patchConnection(const Request &request, const Caller &caller)
{
    Entry *entry = nullptr;
    QJsonArray instructions;
    if (auto error = beginPatch(baseConnectionsCollection(), request, caller, &entry, &instructions))
        return *error;

    QJsonValue patched = entry->data;
    bool credentialsChanged = false;
    for (const QJsonValue &v : std::as_const(instructions)) {
        const QJsonObject instruction = v.toObject();
        const QString op = instruction.value(u"op"_s).toString();
        const QString path = instruction.value(u"path"_s).toString();
        const bool authPath = path == u"/auth/params"_s || path.startsWith(u"/auth/params/"_s);
        if (path == u"/connectionSpec"_s || path.startsWith(u"/connectionSpec/"_s)) {
            return flowError(request, u"1414-400"_s, u"Bad Request"_s,
                             u"The connection spec of a connection cannot be updated."_s);
        }
        if (!authPath && path != u"/name"_s && path != u"/description"_s) {
            return flowError(
                request, u"1455-400"_s, u"Bad Request"_s,
                u"The patch instruction path '%1' is not valid for a connection. Valid paths: /auth/params, /name, /description."_s
                    .arg(path));
        }
        if ((path == u"/name"_s || path == u"/auth/params"_s) && op == u"remove"_s) {
            return flowError(request, u"1304-400"_s, u"Bad Request"_s,
                             u"The mandatory field '%1' cannot be removed."_s.arg(path.mid(1)));
        }
        if (path == u"/auth/params"_s && !instruction.value(u"value"_s).isObject()) {
            return flowError(request, u"1001-400"_s, u"Bad Request"_s,
                             u"The value of /auth/params must be an object."_s);
        }
        QString patchError;
        if (!applyPatch(patched, path.mid(1).split(QLatin1Char('/')), op, instruction.value(u"value"_s), &patchError)) {
            return flowError(request, u"1455-400"_s, u"Bad Request"_s,
                             u"The patch instruction for '%1' cannot be applied: %2."_s.arg(path, patchError));
        }
        credentialsChanged = credentialsChanged || authPath;
    }
    QJsonObject data = patched.toObject();
    if (data.value(u"name"_s).toString().trimmed().isEmpty()) {
        return flowError(request, u"1304-400"_s, u"Bad Request"_s, u"The mandatory field 'name' is empty."_s);
    }
    const QJsonObject params = data.value(u"auth"_s).toObject().value(u"params"_s).toObject();
    for (const QString &param : kZohoAuthParams) {
        if (params.value(param).toString().trimmed().isEmpty()) {
            return flowError(request, u"1304-400"_s, u"Bad Request"_s,
                             u"The mandatory field 'auth.params.%1' is missing in the request."_s.arg(param));
        }
    }
    if (credentialsChanged)
        entry->meta.remove(u"verified"_s);
    return finishPatch(*entry, data, caller);
}

bool AdobeState::flowUsesBaseConnection(const Entry &flow, const QString &baseConnectionId) const
{
    for (const QJsonValue &v : flow.data.value(u"sourceConnectionIds"_s).toArray()) {
        const auto source = sourceConnections.constFind(v.toString());
        if (source != sourceConnections.constEnd() &&
            source->data.value(u"baseConnectionId"_s).toString() == baseConnectionId)
            return true;
    }
    return false;
}

Response AdobeState::testConnection(const Request &request, const Caller &caller)
{
    Entry *entry = findIn(connections, request.capture(1), caller);
    if (!entry)
        return notFound(request, u"connections"_s, request.capture(1));
    const ZohoResult r = zohoGet(*entry, u"/crm/v8/settings/modules"_s, {});
    return Response::json(QJsonObject{{u"result"_s, r.ok}});
}

namespace {

// One explore column per Zoho field (reference §4.2 column variant a).
QJsonObject exploreColumn(const QJsonObject &field)
{
    const QString name = field.value(u"api_name"_s).toString();
    const QString jsonType = field.value(u"json_type"_s).toString();
    const QString dataType = field.value(u"data_type"_s).toString();
    QJsonObject column{{u"name"_s, name}};
    auto set = [&column](const QString &type, const QString &xdmType, const QString &format = {},
                         const QString &metaXdmType = {}) {
        column.insert(u"type"_s, type);
        QJsonObject xdm{{u"type"_s, xdmType}};
        if (!format.isEmpty())
            xdm.insert(u"format"_s, format);
        column.insert(u"xdm"_s, xdm);
        if (!metaXdmType.isEmpty())
            column.insert(u"meta:xdmType"_s, metaXdmType);
    };
    if (dataType == u"datetime"_s)
        set(u"string"_s, u"string"_s, u"date-time"_s, u"date-time"_s);
    else if (dataType == u"date"_s)
        set(u"string"_s, u"string"_s, u"date"_s, u"date"_s);
    else if (jsonType == u"integer"_s && dataType == u"bigint"_s)
        set(u"long"_s, u"integer"_s, {}, u"long"_s);
    else if (jsonType == u"integer"_s)
        set(u"integer"_s, u"integer"_s);
    else if (jsonType == u"double"_s)
        set(u"double"_s, u"number"_s);
    else if (jsonType == u"boolean"_s)
        set(u"boolean"_s, u"boolean"_s);
    else if (jsonType == u"jsonobject"_s)
        set(u"object"_s, u"object"_s);
    else if (jsonType == u"jsonarray"_s)
        set(u"array"_s, u"array"_s);
    else
        set(u"string"_s, u"string"_s);
    return column;
}

} // namespace

Response AdobeState::exploreConnection(const Request &request, const Caller &caller)
{
    Entry *entry = findIn(connections, request.capture(1), caller);
    if (!entry)
        return notFound(request, u"connections"_s, request.capture(1));
    // The spec's enum is upper case, every tutorial lower case: accept both.
    const QString objectType = request.queryValue(u"objectType"_s).toLower();
    if (objectType != u"root"_s && objectType != u"table"_s) {
        return flowError(request, u"1358-400"_s, u"Bad Request"_s,
                         u"The objectType '%1' is not valid. Valid values for this connection: root, table."_s.arg(
                             request.queryValue(u"objectType"_s)));
    }
    const QString connectionId = entry->data.value(u"id"_s).toString();
    auto zohoFailed = [&](const QString &reason) {
        // [emulator] code: the failing source call is reported with Zoho's own words.
        return flowError(
            request, u"1200-400"_s, u"Bad Request"_s,
            u"Unable to connect to Zoho CRM with the credentials of connection %1: %2"_s.arg(connectionId, reason),
            QJsonObject{{u"id"_s, connectionId}, {u"type"_s, u"connections"_s}});
    };

    if (objectType == u"root"_s) {
        const ZohoResult r = zohoGet(*entry, u"/crm/v8/settings/modules"_s, {});
        if (!r.ok)
            return zohoFailed(r.reason);
        QJsonArray tables;
        for (const QJsonValue &v : r.body.value(u"modules"_s).toArray()) {
            const QJsonObject module = v.toObject();
            if (!module.value(u"api_supported"_s).toBool() ||
                module.value(u"generated_type"_s).toString() == u"linking"_s)
                continue;
            const QString apiName = module.value(u"api_name"_s).toString();
            QString label = module.value(u"plural_label"_s).toString();
            if (label.isEmpty())
                label = apiName;
            tables.append(QJsonObject{{u"type"_s, u"table"_s},
                                      {u"name"_s, label},
                                      {u"path"_s, apiName},
                                      {u"canPreview"_s, true},
                                      {u"canFetchSchema"_s, true}});
        }
        return Response::json(tables);
    }

    const QString object = request.queryValue(u"object"_s).trimmed();
    if (object.isEmpty()) {
        return flowError(request, u"1337-400"_s, u"Bad Request"_s,
                         u"The query parameter 'object' is empty for objectType 'table'."_s);
    }
    const ZohoResult fields = zohoGet(*entry, u"/crm/v8/settings/fields"_s, {{u"module"_s, object}});
    if (!fields.ok) {
        const QString code = fields.body.value(u"code"_s).toString();
        if (fields.status == 400 && (code == u"INVALID_MODULE"_s || code == u"INVALID_DATA"_s))
            return notFound(request, u"table"_s, object);
        return zohoFailed(fields.reason);
    }
    if (fields.status == 204)
        return notFound(request, u"table"_s, object);
    QJsonArray columns;
    QStringList names;
    bool hasId = false;
    for (const QJsonValue &v : fields.body.value(u"fields"_s).toArray()) {
        const QJsonObject column = exploreColumn(v.toObject());
        const QString name = column.value(u"name"_s).toString();
        if (name.isEmpty() || names.contains(name))
            continue;
        hasId = hasId || name == u"id"_s;
        names.append(name);
        columns.append(column);
    }
    if (!hasId) {
        // Zoho's field metadata does not list the record ID, yet every record has one.
        columns.prepend(QJsonObject{
            {u"name"_s, u"id"_s}, {u"type"_s, u"string"_s}, {u"xdm"_s, QJsonObject{{u"type"_s, u"string"_s}}}});
        names.prepend(u"id"_s);
    }
    QJsonObject answer{{u"format"_s, u"flat"_s}, {u"schema"_s, QJsonObject{{u"columns"_s, columns}}}};

    if (request.queryValue(u"preview"_s).toLower() == u"true"_s) {
        // Zoho accepts at most 50 fields per records call: read the columns in slices and join
        // the slices on the record ID.
        QList<QJsonObject> rows;
        QHash<QString, int> rowById;
        for (int start = 0; start < names.size(); start += 49) {
            QStringList slice = names.mid(start, 49);
            if (!slice.contains(u"id"_s))
                slice.prepend(u"id"_s);
            const ZohoResult records =
                zohoGet(*entry, u"/crm/v8/"_s + object,
                        {{u"fields"_s, slice.join(QLatin1Char(','))}, {u"per_page"_s, u"100"_s}});
            if (!records.ok)
                return zohoFailed(records.reason);
            if (records.status == 204)
                break;
            for (const QJsonValue &v : records.body.value(u"data"_s).toArray()) {
                const QJsonObject record = v.toObject();
                const QString id = scalarText(record.value(u"id"_s));
                int index = rowById.value(id, -1);
                if (index < 0) {
                    if (rows.size() >= 100)
                        continue;
                    index = int(rows.size());
                    rowById.insert(id, index);
                    rows.append(QJsonObject());
                }
                QJsonObject &row = rows[index];
                for (const QString &name : std::as_const(slice)) {
                    if (record.contains(name))
                        row.insert(name, record.value(name));
                }
            }
        }
        QJsonArray data;
        for (const QJsonObject &row : std::as_const(rows))
            data.append(row);
        answer.insert(u"data"_s, data);
    }
    return Response::json(answer);
}

// ================================================================================================
// Flow Service: source and target connections

Response AdobeState::createSourceConnection(const Request &request, const Caller &caller)
{
    Response error;
    const auto body = jsonBody(request, &error);
    if (!body)
        return error;
    auto missing = [&](const QString &field) {
        return flowError(request, u"1304-400"_s, u"Bad Request"_s,
                         u"The mandatory field '%1' is missing in the request."_s.arg(field));
    };
    const QString name = body->value(u"name"_s).toString().trimmed();
    if (name.isEmpty())
        return missing(u"name"_s);
    const QString baseId = body->value(u"baseConnectionId"_s).toString();
    if (baseId.isEmpty())
        return missing(u"baseConnectionId"_s);
    const Entry *base = findIn(connections, baseId, caller);
    if (!base)
        return notFound(request, u"connections"_s, baseId);
    const QJsonObject spec = body->value(u"connectionSpec"_s).toObject();
    const QString specId = spec.value(u"id"_s).toString();
    if (specId.isEmpty())
        return missing(u"connectionSpec.id"_s);
    if (specId != kZohoSpecId) {
        return flowError(
            request, u"1413-400"_s, u"Bad Request"_s,
            u"The connection spec ID '%1' is not valid for a source connection of base connection %2 (connection spec %3)."_s
                .arg(specId, baseId, kZohoSpecId));
    }
    const QJsonObject data = body->value(u"data"_s).toObject();
    const QString format = data.value(u"format"_s).toString();
    if (format.isEmpty())
        return missing(u"data.format"_s);
    if (format != u"tabular"_s) {
        return flowError(
            request, u"1001-400"_s, u"Bad Request"_s,
            u"The data format '%1' is not supported by a table-based source; use 'tabular'."_s.arg(format));
    }
    const QJsonObject params = body->value(u"params"_s).toObject();
    if (params.value(u"tableName"_s).toString().trimmed().isEmpty())
        return missing(u"params.tableName"_s);
    if (!params.value(u"columns"_s).isArray())
        return missing(u"params.columns"_s);

    const QString id = SandboxContext::uuid();
    QJsonObject item = auditFields(caller, id);
    item.insert(u"name"_s, name);
    item.insert(u"description"_s, body->value(u"description"_s).toString());
    item.insert(u"baseConnectionId"_s, baseId);
    item.insert(u"state"_s, u"enabled"_s);
    item.insert(u"data"_s, data);
    item.insert(u"params"_s, params);
    item.insert(u"connectionSpec"_s, QJsonObject{{u"id"_s, specId}, {u"version"_s, u"1.0"_s}});
    item.insert(
        u"inheritedAttributes"_s,
        QJsonObject{{u"baseConnection"_s,
                     QJsonObject{{u"id"_s, baseId}, {u"connectionSpec"_s, base->data.value(u"connectionSpec"_s)}}}});
    return storeCreated(sourceConnectionsCollection(), caller, id, item);
}

Response AdobeState::patchSourceConnection(const Request &request, const Caller &caller)
{
    Entry *entry = nullptr;
    QJsonArray instructions;
    if (auto error = beginPatch(sourceConnectionsCollection(), request, caller, &entry, &instructions))
        return *error;
    QJsonValue patched = entry->data;
    if (auto error = applyInstructions(request, instructions, {u"/name"_s, u"/description"_s, u"/params"_s},
                                       u"a source connection"_s, &patched))
        return *error;
    const QJsonObject data = patched.toObject();
    if (data.value(u"name"_s).toString().trimmed().isEmpty() ||
        data.value(u"params"_s).toObject().value(u"tableName"_s).toString().isEmpty()) {
        return flowError(request, u"1304-400"_s, u"Bad Request"_s,
                         u"The mandatory fields 'name' and 'params.tableName' cannot be removed."_s);
    }
    return finishPatch(*entry, data, caller);
}

Response AdobeState::createTargetConnection(const Request &request, const Caller &caller)
{
    Response error;
    const auto body = jsonBody(request, &error);
    if (!body)
        return error;
    const QString name = body->value(u"name"_s).toString().trimmed();
    if (name.isEmpty()) {
        return flowError(request, u"1304-400"_s, u"Bad Request"_s,
                         u"The mandatory field 'name' is missing in the request."_s);
    }
    const QString specId = body->value(u"connectionSpec"_s).toObject().value(u"id"_s).toString();
    if (specId != kDataLakeSpecId) {
        return flowError(request, u"1307-400"_s, u"Bad Request"_s,
                         u"The connection spec ID '%1' is not valid for a target connection. Allowed value: %2."_s.arg(
                             specId, kDataLakeSpecId));
    }
    if (!body->value(u"data"_s).isObject()) {
        return flowError(request, u"1304-400"_s, u"Bad Request"_s,
                         u"The mandatory field 'data' is missing in the request."_s);
    }
    const QJsonObject params = body->value(u"params"_s).toObject();
    const QString dataSetId = params.value(u"dataSetId"_s).toString().trimmed();
    if (dataSetId.isEmpty()) {
        return flowError(request, u"1325-400"_s, u"Bad Request"_s, u"The dataSetId in params cannot be empty."_s);
    }
    const Entry *dataSet = findIn(dataSets, dataSetId, caller);
    if (!dataSet) {
        return flowError(
            request, u"1325-400"_s, u"Bad Request"_s,
            u"The dataSetId '%1' is not valid: no such dataset in the sandbox '%2'."_s.arg(dataSetId, caller.sandbox));
    }
    QJsonObject data = body->value(u"data"_s).toObject();
    const QString dataSetSchema = dataSet->data.value(u"schemaRef"_s).toObject().value(u"id"_s).toString();
    const QString schemaId = data.value(u"schema"_s).toObject().value(u"id"_s).toString();
    if (!schemaId.isEmpty() && schemaId != dataSetSchema) {
        return flowError(
            request, u"1425-400"_s, u"Bad Request"_s,
            u"The schema %1 does not match the schema %2 of the dataset %3."_s.arg(schemaId, dataSetSchema, dataSetId));
    }
    if (!data.contains(u"format"_s))
        data.insert(u"format"_s, u"parquet_xdm"_s);

    const QString id = SandboxContext::uuid();
    QJsonObject item = auditFields(caller, id);
    item.insert(u"name"_s, name);
    item.insert(u"description"_s, body->value(u"description"_s).toString());
    item.insert(u"state"_s, u"enabled"_s);
    item.insert(u"data"_s, data);
    item.insert(u"params"_s, params);
    item.insert(u"connectionSpec"_s, QJsonObject{{u"id"_s, specId}, {u"version"_s, u"1.0"_s}});
    return storeCreated(targetConnectionsCollection(), caller, id, item);
}

} // namespace zaw::sandbox::adobe

// SPDX-License-Identifier: GPL-3.0-or-later
// Data Prep (conversion): mapping sets.
#include "AdobeState.h"

namespace zaw::sandbox::adobe {

void AdobeState::registerDataPrepRoutes(Router &router)
{
    addRoute(router, "POST", u"/conversion/mappingSets/validate/?"_s, Api::DataPrep, &AdobeState::validateMappingSet);
    addRoute(router, "GET", u"/conversion/mappingSets/?"_s, Api::DataPrep, &AdobeState::listMappingSets);
    addRoute(router, "POST", u"/conversion/mappingSets/?"_s, Api::DataPrep, &AdobeState::createMappingSet);
    addRoute(router, "GET", u"/conversion/mappingSets/([^/]+)/?"_s, Api::DataPrep, &AdobeState::getMappingSet);
    addRoute(router, "PUT", u"/conversion/mappingSets/([^/]+)/?"_s, Api::DataPrep, &AdobeState::putMappingSet);
}

// Checks every mapping of a create/validate body against its output schema. The destination must
// be a field path of the schema (see schemaPaths()); an ATTRIBUTE source must be a plain field
// reference and, when the body carries an input schema (inputSchema.schema.properties or
// inputSchema.columns as explore returns them), one of its columns; an EXPRESSION must at least
// have balanced parentheses. Data Prep's expression language itself is not interpreted.
std::optional<QJsonArray> AdobeState::checkMappings(const Request &request, const Caller &caller,
                                                    const QJsonObject &body, QString *schemaId, Response *error,
                                                    bool *allValid)
{
    *allValid = true;
    QString id = body.value(u"outputSchema"_s).toObject().value(u"schemaRef"_s).toObject().value(u"id"_s).toString();
    if (id.isEmpty())
        id = body.value(u"xdmSchema"_s).toString(); // the legacy body of the CRM tutorial
    if (id.isEmpty()) {
        *error = prepError(request, u"1001-400"_s, u"Bad Request"_s, u"outputSchema.schemaRef.id is required."_s);
        return std::nullopt;
    }
    const Entry *schema = findSchema(id, caller);
    if (!schema) {
        *error = prepError(request, u"1002-400"_s, u"Bad Request"_s,
                           u"The output schema %1 does not exist in the sandbox '%2'."_s.arg(id, caller.sandbox));
        return std::nullopt;
    }
    *schemaId = schema->data.value(u"$id"_s).toString();
    const QJsonArray mappings = body.value(u"mappings"_s).toArray();
    if (mappings.isEmpty()) {
        *error = prepError(request, u"1003-400"_s, u"Bad Request"_s, u"mappings must be a non-empty array."_s);
        return std::nullopt;
    }
    const QSet<QString> paths = schemaPaths(schema->data);
    QSet<QString> columns;
    const QJsonObject inputSchema = body.value(u"inputSchema"_s).toObject();
    for (const QString &key : inputSchema.value(u"schema"_s).toObject().value(u"properties"_s).toObject().keys())
        columns.insert(key);
    for (const QJsonValue &c : inputSchema.value(u"columns"_s).toArray())
        columns.insert(c.toObject().value(u"name"_s).toString());

    static const QRegularExpression fieldReference(u"^[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*$"_s);
    QJsonArray results;
    for (const QJsonValue &v : mappings) {
        const QJsonObject mapping = v.toObject();
        QString sourceType = mapping.value(u"sourceType"_s).toString(u"ATTRIBUTE"_s);
        if (sourceType == u"text/x.schema-path"_s)
            sourceType = u"ATTRIBUTE"_s;
        QString source = mapping.value(u"source"_s).toString(mapping.value(u"sourceAttribute"_s).toString());
        QString destination =
            mapping.value(u"destination"_s).toString(mapping.value(u"destinationXdmPath"_s).toString());
        if (destination.startsWith(QLatin1Char('/')))
            destination = destination.mid(1).replace(QLatin1Char('/'), QLatin1Char('.'));
        QStringList problems;
        if (sourceType != u"ATTRIBUTE"_s && sourceType != u"EXPRESSION"_s && sourceType != u"STATIC"_s)
            problems.append(u"Invalid sourceType '%1'; expected ATTRIBUTE, EXPRESSION or STATIC."_s.arg(sourceType));
        if (source.trimmed().isEmpty()) {
            problems.append(u"The source is empty."_s);
        } else if (sourceType == u"ATTRIBUTE"_s) {
            if (!fieldReference.match(source).hasMatch())
                problems.append(u"The source attribute '%1' is not a valid field reference."_s.arg(source));
            else if (!columns.isEmpty() && !columns.contains(source.section(QLatin1Char('.'), 0, 0)))
                problems.append(u"The source attribute '%1' is not a column of the input schema."_s.arg(source));
        } else if (sourceType == u"EXPRESSION"_s) {
            if (source.count(QLatin1Char('(')) != source.count(QLatin1Char(')')))
                problems.append(u"The expression '%1' has unbalanced parentheses."_s.arg(source));
        }
        if (destination.isEmpty())
            problems.append(u"The destination is empty."_s);
        else if (!paths.contains(destination))
            problems.append(
                u"The destination path '%1' does not exist in the schema %2."_s.arg(destination, *schemaId));
        if (problems.isEmpty()) {
            results.append(QJsonObject{{u"status"_s, u"SUCCESS"_s}, {u"errors"_s, QJsonValue::Null}});
            continue;
        }
        *allValid = false;
        QJsonArray errors;
        for (const QString &problem : std::as_const(problems)) {
            errors.append(QJsonObject{{u"source"_s, source},
                                      {u"destination"_s, destination},
                                      {u"sourceType"_s, sourceType},
                                      {u"columnName"_s, sourceType == u"ATTRIBUTE"_s ? source : QString()},
                                      {u"exception"_s, problem}});
        }
        // The spec's enum for a failed mapping is FAILED.
        results.append(QJsonObject{{u"status"_s, u"FAILED"_s}, {u"errors"_s, errors}});
    }
    return results;
}

QJsonObject AdobeState::mappingSetSummary(const QJsonObject &mappingSet) const
{
    return QJsonObject{{u"id"_s, mappingSet.value(u"id"_s)},
                       {u"version"_s, mappingSet.value(u"version"_s)},
                       {u"createdDate"_s, mappingSet.value(u"createdDate"_s)},
                       {u"modifiedDate"_s, mappingSet.value(u"modifiedDate"_s)},
                       {u"createdBy"_s, mappingSet.value(u"createdBy"_s)},
                       {u"modifiedBy"_s, mappingSet.value(u"modifiedBy"_s)}};
}

namespace {

// Stored mappings come back with the extra fields AEP adds; ATTRIBUTE reads back as a schema path.
QJsonArray storedMappings(const QJsonArray &mappings, const QString &user, qint64 ms)
{
    QJsonArray stored;
    for (const QJsonValue &v : mappings) {
        const QJsonObject m = v.toObject();
        QString sourceType = m.value(u"sourceType"_s).toString(u"ATTRIBUTE"_s);
        const QString source = m.value(u"source"_s).toString(m.value(u"sourceAttribute"_s).toString());
        const QString destination = m.value(u"destination"_s).toString(m.value(u"destinationXdmPath"_s).toString());
        if (sourceType == u"ATTRIBUTE"_s)
            sourceType = u"text/x.schema-path"_s;
        QJsonObject item{{u"id"_s, SandboxContext::randomHex(16)},
                         {u"version"_s, 0},
                         {u"createdDate"_s, ms},
                         {u"modifiedDate"_s, ms},
                         {u"createdBy"_s, user},
                         {u"modifiedBy"_s, user},
                         {u"sourceType"_s, sourceType},
                         {u"source"_s, source},
                         {u"destination"_s, destination},
                         {u"identity"_s, m.value(u"identity"_s).toBool(false)},
                         {u"primaryIdentity"_s, m.value(u"primaryIdentity"_s).toBool(false)},
                         {u"matchScore"_s, 0.0},
                         {u"functionVersion"_s, 1},
                         {u"sourceAttribute"_s, source},
                         {u"destinationXdmPath"_s, destination}};
        if (m.contains(u"name"_s))
            item.insert(u"name"_s, m.value(u"name"_s));
        if (m.contains(u"description"_s))
            item.insert(u"description"_s, m.value(u"description"_s));
        stored.append(item);
    }
    return stored;
}

} // namespace

Response AdobeState::createMappingSet(const Request &request, const Caller &caller)
{
    bool ok = false;
    const QJsonValue parsed = request.json(&ok);
    if (!ok || !parsed.isObject())
        return prepError(request, u"1000-400"_s, u"Bad Request"_s, u"The request body is not a valid JSON object."_s);
    const QJsonObject body = parsed.toObject();
    QString schemaId;
    Response error;
    bool allValid = true;
    const auto results = checkMappings(request, caller, body, &schemaId, &error, &allValid);
    if (!results)
        return error;
    if (!allValid) {
        QStringList problems;
        for (const QJsonValue &r : *results) {
            for (const QJsonValue &e : r.toObject().value(u"errors"_s).toArray())
                problems.append(e.toObject().value(u"exception"_s).toString());
        }
        return prepError(request, u"1004-400"_s, u"Mapping validation failed"_s, problems.join(QLatin1Char(' ')));
    }
    const qint64 ms = nowMs();
    const QString id = SandboxContext::randomHex(16);
    QJsonObject schemaRef = body.value(u"outputSchema"_s).toObject().value(u"schemaRef"_s).toObject();
    schemaRef.insert(u"id"_s, schemaId);
    if (!schemaRef.contains(u"contentType"_s))
        schemaRef.insert(u"contentType"_s, u"application/vnd.adobe.xed-full+json;version=1"_s);
    QJsonObject mappingSet{{u"id"_s, id},
                           {u"version"_s, 0},
                           {u"name"_s, body.value(u"name"_s).toString()},
                           {u"createdDate"_s, ms},
                           {u"modifiedDate"_s, ms},
                           {u"createdBy"_s, caller.user},
                           {u"modifiedBy"_s, caller.user},
                           {u"outputSchema"_s, QJsonObject{{u"schemaRef"_s, schemaRef}}},
                           {u"mappings"_s, storedMappings(body.value(u"mappings"_s).toArray(), caller.user, ms)},
                           {u"status"_s, u"PUBLISHED"_s},
                           {u"allowNullValues"_s, false},
                           {u"xdmVersion"_s, u"1.0"_s},
                           {u"schemaRef"_s, schemaRef},
                           {u"xdmSchema"_s, schemaId}};
    if (body.contains(u"inputSchema"_s))
        mappingSet.insert(u"inputSchema"_s, body.value(u"inputSchema"_s));
    mappingSets.insert(id, Entry{caller.orgId, caller.sandbox, mappingSet, {}});
    context->changed();
    // Data Prep answers a create with 200, not 201 (reference §6.4).
    return Response::json(mappingSetSummary(mappingSet), 200);
}

Response AdobeState::putMappingSet(const Request &request, const Caller &caller)
{
    Entry *entry = findIn(mappingSets, request.capture(1), caller);
    if (!entry) {
        return prepError(request, u"1005-404"_s, u"Not Found"_s,
                         u"The mapping set %1 was not found."_s.arg(request.capture(1)));
    }
    bool ok = false;
    const QJsonValue parsed = request.json(&ok);
    if (!ok || !parsed.isObject())
        return prepError(request, u"1000-400"_s, u"Bad Request"_s, u"The request body is not a valid JSON object."_s);
    const QJsonObject body = parsed.toObject();
    QString schemaId;
    Response error;
    bool allValid = true;
    const auto results = checkMappings(request, caller, body, &schemaId, &error, &allValid);
    if (!results)
        return error;
    if (!allValid)
        return prepError(request, u"1004-400"_s, u"Mapping validation failed"_s,
                         u"One or more mappings are invalid."_s);
    QJsonArray history = entry->meta.value(u"history"_s).toArray();
    history.append(entry->data);
    entry->meta.insert(u"history"_s, history);
    const qint64 ms = nowMs();
    QJsonObject schemaRef = body.value(u"outputSchema"_s).toObject().value(u"schemaRef"_s).toObject();
    schemaRef.insert(u"id"_s, schemaId);
    QJsonObject &data = entry->data;
    data.insert(u"version"_s, data.value(u"version"_s).toInt() + 1);
    data.insert(u"modifiedDate"_s, ms);
    data.insert(u"modifiedBy"_s, caller.user);
    data.insert(u"outputSchema"_s, QJsonObject{{u"schemaRef"_s, schemaRef}});
    data.insert(u"schemaRef"_s, schemaRef);
    data.insert(u"xdmSchema"_s, schemaId);
    data.insert(u"mappings"_s, storedMappings(body.value(u"mappings"_s).toArray(), caller.user, ms));
    context->changed();
    return Response::json(mappingSetSummary(data), 200);
}

Response AdobeState::getMappingSet(const Request &request, const Caller &caller)
{
    const Entry *entry = findIn(mappingSets, request.capture(1), caller);
    if (!entry) {
        return prepError(request, u"1005-404"_s, u"Not Found"_s,
                         u"The mapping set %1 was not found."_s.arg(request.capture(1)));
    }
    if (request.query.hasQueryItem(u"version"_s)) {
        const int version = request.queryValue(u"version"_s).toInt();
        if (version == entry->data.value(u"version"_s).toInt())
            return Response::json(entry->data);
        for (const QJsonValue &v : entry->meta.value(u"history"_s).toArray()) {
            if (v.toObject().value(u"version"_s).toInt() == version)
                return Response::json(v.toObject());
        }
        return prepError(request, u"1005-404"_s, u"Not Found"_s,
                         u"The mapping set %1 has no version %2."_s.arg(request.capture(1)).arg(version));
    }
    return Response::json(entry->data);
}

Response AdobeState::listMappingSets(const Request &request, const Caller &caller)
{
    // Both paging parameters are required by the spec.
    bool limitOk = false;
    bool startOk = false;
    const int limit = request.queryValue(u"limit"_s).toInt(&limitOk);
    const int start = request.queryValue(u"start"_s).toInt(&startOk);
    if (!limitOk || !startOk || limit < 1 || start < 0) {
        return prepError(request, u"1006-400"_s, u"Bad Request"_s,
                         u"The query parameters 'limit' (>= 1) and 'start' (>= 0) are required."_s);
    }
    QList<QJsonObject> items;
    for (const Entry &e : std::as_const(mappingSets)) {
        if (visible(e, caller))
            items.append(e.data);
    }
    std::stable_sort(items.begin(), items.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return a.value(u"modifiedDate"_s).toDouble() > b.value(u"modifiedDate"_s).toDouble();
    });
    QJsonArray data;
    for (int i = start; i < items.size() && data.size() < limit; ++i)
        data.append(items.at(i));
    QJsonObject links;
    if (start + data.size() < items.size()) {
        links.insert(
            u"next"_s,
            QJsonObject{{u"href"_s, u"/mappingSets?limit=%1&start=%2"_s.arg(limit).arg(start + int(data.size()))}});
    }
    return Response::json(QJsonObject{{u"data"_s, data},
                                      {u"_page"_s, QJsonObject{{u"count"_s, int(data.size())}, {u"limit"_s, limit}}},
                                      {u"_links"_s, links}});
}

Response AdobeState::validateMappingSet(const Request &request, const Caller &caller)
{
    bool ok = false;
    const QJsonValue parsed = request.json(&ok);
    if (!ok || !parsed.isObject())
        return prepError(request, u"1000-400"_s, u"Bad Request"_s, u"The request body is not a valid JSON object."_s);
    QString schemaId;
    Response error;
    bool allValid = true;
    const auto results = checkMappings(request, caller, parsed.toObject(), &schemaId, &error, &allValid);
    if (!results)
        return error;
    return Response::json(QJsonObject{{u"validationResponse"_s, *results}});
}

} // namespace zaw::sandbox::adobe

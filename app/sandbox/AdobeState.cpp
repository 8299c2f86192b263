// SPDX-License-Identifier: GPL-3.0-or-later
// Seed, persistent state and the gateway in front of every Platform API.
#include "AdobeState.h"
#include "SandboxResources.h"

namespace zaw::sandbox::adobe {

void AdobeState::seed()
{
    clientId = SandboxContext::randomHex(16);
    clientSecret = u"p8e-"_s + randomAlphanumeric(32);
    const QJsonObject seedJson = sandboxResource(u"adobe/seed.json"_s).toObject();
    sandboxes.clear();
    for (const QJsonValue &v : seedJson.value(u"sandboxes"_s).toArray()) {
        const QJsonObject s = v.toObject();
        sandboxes.append({s.value(u"name"_s).toString(), s.value(u"title"_s).toString(), s.value(u"type"_s).toString(),
                          s.value(u"id"_s).toString(), s.value(u"isDefault"_s).toBool()});
    }

    // One profile schema with a dataset already in prod, as a real org would have, so that the
    // wizard's "existing dataset" path has something to offer. Made "by the UI", at a fixed time,
    // with fixed IDs so that demo profiles made in one run still resolve in the next.
    const QJsonObject createdBy = seedJson.value(u"createdBy"_s).toObject();
    const QString uiClient = createdBy.value(u"client"_s).toString();
    const QString uiUser = createdBy.value(u"user"_s).toString();
    for (const QJsonValue &v : seedJson.value(u"schemas"_s).toArray()) {
        const QJsonObject seedSchema = v.toObject();
        const SandboxInfo *sandbox = sandboxNamed(seedSchema.value(u"sandbox"_s).toString());
        const QJsonObject schema =
            buildSchema(seedSchema.value(u"body"_s).toObject(), seedSchema.value(u"hex"_s).toString(), sandbox->id,
                        sandbox->type, uiClient, uiUser, kSeedTimeMs);
        schemas.insert(schema.value(u"$id"_s).toString(), Entry{kOrgId, sandbox->name, schema, {}});
    }
    for (const QJsonValue &v : seedJson.value(u"dataSets"_s).toArray()) {
        const QJsonObject seedDataSet = v.toObject();
        const SandboxInfo *sandbox = sandboxNamed(seedDataSet.value(u"sandbox"_s).toString());
        const QString id = seedDataSet.value(u"id"_s).toString();
        QJsonObject body = seedDataSet.value(u"body"_s).toObject();
        QJsonObject schemaRef = body.value(u"schemaRef"_s).toObject();
        schemaRef.insert(u"id"_s, u"https://ns.adobe.com/%1/schemas/%2"_s.arg(
                                      kTenantId, seedDataSet.value(u"schemaHex"_s).toString()));
        body.insert(u"schemaRef"_s, schemaRef);
        dataSets.insert(
            id, Entry{kOrgId, sandbox->name, buildDataSet(body, id, sandbox->id, uiClient, uiUser, kSeedTimeMs), {}});
    }
}

QJsonObject AdobeState::saveState() const
{
    auto storeJson = [](const Store &store) {
        QJsonArray list;
        for (auto it = store.begin(); it != store.end(); ++it)
            list.append(entryToJson(it.key(), it->org, it->sandbox, it->data, it->meta));
        return list;
    };
    QJsonObject tokenJson;
    for (auto it = tokens.begin(); it != tokens.end(); ++it) {
        tokenJson.insert(
            it.key(),
            QJsonObject{{u"clientId"_s, it->clientId}, {u"orgId"_s, it->orgId}, {u"expiresAt"_s, it->expiresAtMs}});
    }
    return QJsonObject{{u"clientId"_s, clientId},
                       {u"clientSecret"_s, clientSecret},
                       {u"tokens"_s, tokenJson},
                       {u"connections"_s, storeJson(connections)},
                       {u"sourceConnections"_s, storeJson(sourceConnections)},
                       {u"targetConnections"_s, storeJson(targetConnections)},
                       {u"flows"_s, storeJson(flows)},
                       {u"runs"_s, storeJson(runs)},
                       {u"dataSets"_s, storeJson(dataSets)},
                       {u"schemas"_s, storeJson(schemas)},
                       {u"mappingSets"_s, storeJson(mappingSets)},
                       {u"ingestion"_s, saveIngestionState()}};
}

void AdobeState::loadState(const QJsonObject &state)
{
    if (state.value(u"clientId"_s).toString().isEmpty())
        return; // nothing saved yet: keep the fresh seed
    clientId = state.value(u"clientId"_s).toString();
    clientSecret = state.value(u"clientSecret"_s).toString();
    tokens.clear();
    const QJsonObject tokenJson = state.value(u"tokens"_s).toObject();
    for (auto it = tokenJson.begin(); it != tokenJson.end(); ++it) {
        const QJsonObject t = it.value().toObject();
        tokens.insert(it.key(), Token{t.value(u"clientId"_s).toString(), t.value(u"orgId"_s).toString(),
                                      qint64(t.value(u"expiresAt"_s).toDouble())});
    }
    auto load = [&state](const QString &key, Store &store) {
        if (!state.contains(key))
            return;
        store.clear();
        for (const QJsonValue &v : state.value(key).toArray()) {
            const QJsonObject o = v.toObject();
            store.insert(o.value(u"id"_s).toString(),
                         Entry{o.value(u"org"_s).toString(), o.value(u"sandbox"_s).toString(),
                               o.value(u"data"_s).toObject(), o.value(u"meta"_s).toObject()});
        }
    };
    load(u"connections"_s, connections);
    load(u"sourceConnections"_s, sourceConnections);
    load(u"targetConnections"_s, targetConnections);
    load(u"flows"_s, flows);
    load(u"runs"_s, runs);
    load(u"dataSets"_s, dataSets);
    load(u"schemas"_s, schemas);
    load(u"mappingSets"_s, mappingSets);
    loadIngestionState(state.value(u"ingestion"_s).toObject());
}

// ================================================================================================
// Shared helpers

const AdobeState::SandboxInfo *AdobeState::sandboxNamed(const QString &name) const
{
    for (const SandboxInfo &s : sandboxes) {
        if (s.name == name)
            return &s;
    }
    return nullptr;
}

AdobeState::Entry *AdobeState::findIn(Store &store, const QString &id, const Caller &caller)
{
    auto it = store.find(id);
    if (it == store.end() || !visible(*it, caller))
        return nullptr;
    return &*it;
}

QJsonObject AdobeState::auditFields(const Caller &caller, const QString &id) const
{
    const qint64 ms = nowMs();
    const QString etag = newEtag();
    return QJsonObject{{u"id"_s, id},
                       {u"createdAt"_s, ms},
                       {u"updatedAt"_s, ms},
                       {u"createdBy"_s, caller.user},
                       {u"updatedBy"_s, caller.user},
                       {u"createdClient"_s, caller.clientId},
                       {u"updatedClient"_s, caller.clientId},
                       {u"sandboxId"_s, caller.sandboxId},
                       {u"sandboxName"_s, caller.sandbox},
                       {u"imsOrgId"_s, caller.orgId},
                       {u"version"_s, etag},
                       {u"etag"_s, etag}};
}

void AdobeState::touch(Entry &entry, const Caller &caller)
{
    const QString etag = newEtag();
    entry.data.insert(u"updatedAt"_s, nowMs());
    entry.data.insert(u"updatedBy"_s, caller.user);
    entry.data.insert(u"updatedClient"_s, caller.clientId);
    entry.data.insert(u"version"_s, etag);
    entry.data.insert(u"etag"_s, etag);
    context->changed();
}

Response AdobeState::gatewayError(int status, const QString &code, const QString &message)
{
    return Response::json(QJsonObject{{u"error_code"_s, code}, {u"message"_s, message}}, status);
}

// Flow Service errors: code "NNNN-SSS" where SSS is the HTTP status, type URI FLOW-<code>.
Response AdobeState::flowError(const Request &request, const QString &code, const QString &title,
                               const QString &message, const QJsonObject &report)
{
    const int status = code.section(QLatin1Char('-'), 1).toInt();
    QJsonObject r = report;
    r.insert(u"detailed-message"_s, message);
    r.insert(u"request-id"_s, request.requestId);
    return Response::json(QJsonObject{{u"type"_s, u"https://ns.adobe.com/aep/errors/FLOW-"_s + code},
                                      {u"title"_s, title},
                                      {u"status"_s, status},
                                      {u"report"_s, r},
                                      {u"errorMessage"_s, message},
                                      {u"errorDetails"_s, message}},
                          status);
}

Response AdobeState::notFound(const Request &request, const QString &type, const QString &id)
{
    // The documented not-found body (labels tutorial) is FLOW-1439-404 with the type and ID.
    return flowError(
        request, u"1439-404"_s, u"Resource not found"_s,
        u"The requested %1 resource %2 is not found. Verify the resource ID before trying again."_s.arg(type, id),
        QJsonObject{{u"id"_s, id}, {u"type"_s, type}});
}

Response AdobeState::xdmError(const Request &, const QString &code, const QString &title, const QString &message)
{
    const int status = code.section(QLatin1Char('-'), 1).toInt();
    return Response::json(
        QJsonObject{
            {u"type"_s, u"http://ns.adobe.com/aep/errors/XDM-"_s + code},
            {u"title"_s, title},
            {u"status"_s, status},
            {u"report"_s, QJsonObject{{u"registryRequestId"_s, SandboxContext::uuid()},
                                      {u"timestamp"_s, SandboxContext::now().toString(u"MM-dd-yyyy HH:mm:ss"_s)},
                                      {u"detailed-message"_s, message},
                                      {u"sub-errors"_s, QJsonArray()}}},
            {u"detail"_s, message}},
        status);
}

// [emulator] Catalog and Data Prep publish no error bodies (the specs say `content: {}`); these use
// the same type/title/status/report/detail family with CAT- and MAPPER- codes.
Response AdobeState::catalogError(const Request &request, const QString &code, const QString &title,
                                  const QString &message)
{
    const int status = code.section(QLatin1Char('-'), 1).toInt();
    return Response::json(
        QJsonObject{{u"type"_s, u"http://ns.adobe.com/aep/errors/CAT-"_s + code},
                    {u"title"_s, title},
                    {u"status"_s, status},
                    {u"report"_s, QJsonObject{{u"detailed-message"_s, message}, {u"request-id"_s, request.requestId}}},
                    {u"detail"_s, message}},
        status);
}

Response AdobeState::prepError(const Request &request, const QString &code, const QString &title,
                               const QString &message)
{
    const int status = code.section(QLatin1Char('-'), 1).toInt();
    return Response::json(
        QJsonObject{{u"type"_s, u"http://ns.adobe.com/aep/errors/MAPPER-"_s + code},
                    {u"title"_s, title},
                    {u"status"_s, status},
                    {u"report"_s, QJsonObject{{u"detailed-message"_s, message}, {u"request-id"_s, request.requestId}}},
                    {u"detail"_s, message}},
        status);
}

// The API gateway in front of every Platform service (reference §8.1), in the order AEP checks.
std::optional<Response> AdobeState::gateway(const Request &request, Api api, Caller *caller) const
{
    const QByteArray authorization = request.header("authorization").trimmed();
    if (authorization.isEmpty())
        return gatewayError(403, u"403010"_s, u"Oauth token is missing."_s);
    QString token;
    if (authorization.size() > 7 && authorization.left(7).toLower() == "bearer ")
        token = QString::fromLatin1(authorization.mid(7).trimmed());
    const auto it = tokens.constFind(token);
    if (token.isEmpty() || it == tokens.constEnd() || it->expiresAtMs <= nowMs())
        return gatewayError(401, u"401013"_s, u"Oauth token is not valid"_s);
    const QString apiKey = QString::fromLatin1(request.header("x-api-key").trimmed());
    if (apiKey.isEmpty())
        return gatewayError(403, u"403000"_s, u"Api Key is required"_s);
    if (apiKey != it->clientId)
        return gatewayError(403, u"403003"_s, u"Api Key is invalid"_s);
    const QString org = QString::fromLatin1(request.header("x-gw-ims-org-id").trimmed());
    if (org.isEmpty())
        return gatewayError(400, u"400003"_s, u"Missing header"_s);
    if (org != it->orgId)
        return gatewayError(403, u"403025"_s, u"Profile is not valid"_s);

    caller->clientId = it->clientId;
    caller->orgId = it->orgId;
    caller->user = technicalAccount();

    // Sandbox management lists the sandboxes a client may pick from, so it is the one service that
    // does not need to know the sandbox yet.
    const QString sandbox = QString::fromLatin1(request.header("x-sandbox-name").trimmed());
    if (api != Api::SandboxManagement || !sandbox.isEmpty()) {
        if (sandbox.isEmpty()) {
            return flowError(request, u"2105-400"_s, u"Bad Request"_s,
                             u"The header x-sandbox-name is missing in the request."_s);
        }
        const SandboxInfo *info = sandboxNamed(sandbox);
        if (!info) {
            return flowError(request, u"2100-404"_s, u"Sandbox not found"_s,
                             u"The sandbox '%1' is not found in the organization %2."_s.arg(sandbox, org),
                             QJsonObject{{u"sandboxName"_s, sandbox}});
        }
        caller->sandbox = info->name;
        caller->sandboxId = info->id;
    }

    const bool hasBody = !request.body.trimmed().isEmpty();
    // Batch Ingestion checks its own content types (octet-stream for files, 415 otherwise).
    if (hasBody && api != Api::BatchIngestion &&
        (request.method == "POST" || request.method == "PUT" || request.method == "PATCH")) {
        const QByteArray contentType = request.header("content-type").toLower();
        if (!contentType.contains("json")) {
            return Response::json(QJsonObject{{u"type"_s, u"/placeholder/type/uri"_s},
                                              {u"status"_s, 400},
                                              {u"title"_s, u"BadRequestError"_s},
                                              {u"detail"_s, u"A valid content-type must be specified"_s}},
                                  400);
        }
    }
    return std::nullopt;
}

void AdobeState::addRoute(Router &router, const QByteArray &method, const QString &pattern, Api api,
                          PlatformHandler handler)
{
    router.add(method, kFoundation + pattern, [this, api, handler](const Request &request) {
        Caller caller;
        if (auto error = gateway(request, api, &caller))
            return *error;
        return handler(this, request, caller);
    });
}

std::optional<QJsonObject> AdobeState::jsonBody(const Request &request, Response *error) const
{
    if (request.body.trimmed().isEmpty()) {
        *error = flowError(request, u"1405-400"_s, u"Bad Request"_s, u"The request body is empty."_s);
        return std::nullopt;
    }
    bool ok = false;
    const QJsonValue body = request.json(&ok);
    if (!ok || !body.isObject()) {
        // [emulator] code: malformed JSON is not in the published catalogue.
        *error = flowError(request, u"1001-400"_s, u"Bad Request"_s, u"The request body is not a valid JSON object."_s);
        return std::nullopt;
    }
    return body.toObject();
}

std::optional<Response> AdobeState::checkIfMatch(const Request &request, const Entry &entry) const
{
    if (!request.hasHeader("if-match")) {
        return flowError(request, u"1403-400"_s, u"Bad Request"_s,
                         u"The header 'If-Match' is missing in the request."_s);
    }
    // update.md sends the etag without its quotes, update-dataflows.md with them: both work.
    const QString supplied = unquoted(QString::fromLatin1(request.header("if-match")));
    const QString current = unquoted(entry.data.value(u"etag"_s).toString());
    if (supplied != current) {
        return flowError(
            request, u"1404-412"_s, u"Precondition Failed"_s,
            u"Version not matching. Supplied version=[%1] does not match the current version on entity=[%2]."_s.arg(
                supplied, entry.data.value(u"id"_s).toString()));
    }
    return std::nullopt;
}

std::optional<QJsonArray> AdobeState::patchInstructions(const Request &request, Response *error) const
{
    if (request.body.trimmed().isEmpty()) {
        *error = flowError(request, u"1405-400"_s, u"Bad Request"_s, u"The request body is empty."_s);
        return std::nullopt;
    }
    bool ok = false;
    const QJsonValue body = request.json(&ok);
    // The spec types the body as one instruction object; every doc (and AEP) uses an array.
    if (!ok || !body.isArray() || body.toArray().isEmpty()) {
        *error = flowError(request, u"1001-400"_s, u"Bad Request"_s,
                           u"The PATCH body must be a non-empty JSON array of {op, path, value} instructions."_s);
        return std::nullopt;
    }
    const QJsonArray instructions = body.toArray();
    for (const QJsonValue &v : instructions) {
        const QJsonObject instruction = v.toObject();
        const QString op = instruction.value(u"op"_s).toString();
        if (op != u"add"_s && op != u"replace"_s && op != u"remove"_s) {
            *error = flowError(
                request, u"1434-400"_s, u"Bad Request"_s,
                u"The patch operation '%1' is not supported. Supported operations: add, replace, remove."_s.arg(op));
            return std::nullopt;
        }
        const QString path = instruction.value(u"path"_s).toString();
        if (!path.startsWith(QLatin1Char('/')) || path.size() < 2) {
            *error = flowError(request, u"1455-400"_s, u"Bad Request"_s,
                               u"The patch instruction path '%1' is not valid."_s.arg(path));
            return std::nullopt;
        }
        if (op != u"remove"_s && !instruction.contains(u"value"_s)) {
            *error =
                flowError(request, u"1304-400"_s, u"Bad Request"_s,
                          u"The mandatory field 'value' is missing in the patch instruction for '%1'."_s.arg(path));
            return std::nullopt;
        }
    }
    return instructions;
}

// Lists of Flow Service: property (ANDed), orderby, limit + continuationToken, count.
Response AdobeState::listResponse(const Request &request, QList<QJsonObject> items, const QString &collectionPath) const
{
    const bool hasLimit = request.query.hasQueryItem(u"limit"_s);
    const bool count = request.queryValue(u"count"_s).toLower() == u"true"_s;
    if (hasLimit && count) {
        return flowError(request, u"1401-400"_s, u"Bad Request"_s,
                         u"The query parameters 'limit' and 'count' cannot be used together."_s);
    }
    QString filterError;
    const auto filters = parseFilters(request.queryValues(u"property"_s), &filterError);
    if (!filters)
        return flowError(request, u"1440-400"_s, u"Bad Request"_s, filterError);
    items.erase(
        std::remove_if(items.begin(), items.end(), [&](const QJsonObject &o) { return !matchesFilters(o, *filters); }),
        items.end());
    if (count)
        return Response::json(QJsonObject{{u"count"_s, int(items.size())}});

    QString orderBy = request.queryValue(u"orderby"_s).trimmed();
    bool descending = false;
    if (orderBy.startsWith(QLatin1Char('-')) || orderBy.startsWith(QLatin1Char('+'))) {
        descending = orderBy.startsWith(QLatin1Char('-'));
        orderBy = orderBy.mid(1);
    }
    if (orderBy.isEmpty()) {
        orderBy = u"createdAt"_s;
        descending = true;
    }
    std::stable_sort(items.begin(), items.end(), [&](const QJsonObject &a, const QJsonObject &b) {
        const QJsonValue va = valueAt(a, orderBy);
        const QJsonValue vb = valueAt(b, orderBy);
        bool less;
        if (va.isDouble() && vb.isDouble())
            less = va.toDouble() < vb.toDouble();
        else
            less = scalarText(va).compare(scalarText(vb), Qt::CaseInsensitive) < 0;
        bool greater;
        if (va.isDouble() && vb.isDouble())
            greater = va.toDouble() > vb.toDouble();
        else
            greater = scalarText(va).compare(scalarText(vb), Qt::CaseInsensitive) > 0;
        return descending ? greater : less;
    });

    int offset = 0;
    const QString continuation = request.queryValue(u"continuationToken"_s);
    if (!continuation.isEmpty()) {
        bool ok = false;
        offset = QString::fromLatin1(QByteArray::fromBase64(continuation.toLatin1())).toInt(&ok);
        if (!ok || offset < 0) {
            return flowError(request, u"1001-400"_s, u"Bad Request"_s, u"The continuationToken is not valid."_s);
        }
    }
    int limit = int(items.size());
    if (hasLimit) {
        bool ok = false;
        limit = request.queryValue(u"limit"_s).toInt(&ok);
        if (!ok || limit < 1) {
            return flowError(request, u"1001-400"_s, u"Bad Request"_s,
                             u"The query parameter 'limit' must be a positive integer."_s);
        }
    }
    QJsonArray page;
    for (int i = offset; i < items.size() && page.size() < limit; ++i)
        page.append(items.at(i));
    QJsonObject links;
    if (offset + page.size() < items.size()) {
        QUrlQuery next;
        for (const QString &p : request.queryValues(u"property"_s))
            next.addQueryItem(u"property"_s, QString::fromLatin1(QUrl::toPercentEncoding(p)));
        if (!request.queryValue(u"orderby"_s).isEmpty())
            next.addQueryItem(u"orderby"_s, request.queryValue(u"orderby"_s));
        next.addQueryItem(u"limit"_s, QString::number(limit));
        next.addQueryItem(u"continuationToken"_s,
                          QString::fromLatin1(QByteArray::number(offset + int(page.size())).toBase64()));
        links.insert(u"next"_s, QJsonObject{{u"href"_s, collectionPath + u"?"_s + next.query(QUrl::FullyEncoded)}});
    }
    return Response::json(QJsonObject{{u"items"_s, page}, {u"_links"_s, links}});
}

} // namespace zaw::sandbox::adobe

// SPDX-License-Identifier: GPL-3.0-or-later
// Schema Registry: tenant schemas and stats.
#include "AdobeState.h"

namespace zaw::sandbox::adobe {

void AdobeState::registerSchemaRegistryRoutes(Router &router)
{
    addRoute(router, "GET", u"/schemaregistry/stats/?"_s, Api::SchemaRegistry, &AdobeState::schemaStats);
    addRoute(router, "GET", u"/schemaregistry/tenant/schemas/?"_s, Api::SchemaRegistry, &AdobeState::listSchemas);
    addRoute(router, "POST", u"/schemaregistry/tenant/schemas/?"_s, Api::SchemaRegistry, &AdobeState::createSchema);
    // Schema IDs arrive URL-encoded and are decoded with the path, so they span several segments.
    // Schema IDs arrive URL-encoded and are decoded with the path, so they span several segments.
    addRoute(router, "GET", u"/schemaregistry/tenant/schemas/(.+?)/?"_s, Api::SchemaRegistry, &AdobeState::getSchema);
    addRoute(router, "DELETE", u"/schemaregistry/tenant/schemas/(.+?)/?"_s, Api::SchemaRegistry,
             &AdobeState::deleteSchema);
}

AdobeState::Entry *AdobeState::findSchema(const QString &idOrAltId, const Caller &caller)
{
    for (auto it = schemas.begin(); it != schemas.end(); ++it) {
        if (!visible(*it, caller))
            continue;
        if (it->data.value(u"$id"_s).toString() == idOrAltId || it->data.value(u"meta:altId"_s).toString() == idOrAltId)
            return &*it;
    }
    return nullptr;
}

// The "full" views (xed-full…) resolve the class and field groups into properties.
QJsonObject AdobeState::fullSchema(const QJsonObject &schema) const
{
    QJsonObject full = schema;
    QJsonObject properties;
    QStringList refs{schema.value(u"meta:class"_s).toString()};
    for (const QJsonValue &part : schema.value(u"allOf"_s).toArray())
        refs.append(part.toObject().value(u"$ref"_s).toString());
    for (const QString &ref : std::as_const(refs)) {
        const auto it = standardFieldGroups().constFind(ref);
        if (it == standardFieldGroups().constEnd())
            continue;
        for (const StandardField &field : *it) {
            QJsonObject leaf{{u"type"_s, QString::fromLatin1(field.type)},
                             {u"meta:xdmType"_s, QString::fromLatin1(field.type)}};
            if (field.format) {
                leaf.insert(u"format"_s, QString::fromLatin1(field.format));
                if (qstrcmp(field.format, "date-time") == 0 || qstrcmp(field.format, "date") == 0)
                    leaf.insert(u"meta:xdmType"_s, QString::fromLatin1(field.format));
            }
            insertFieldPath(properties, QString::fromLatin1(field.path).split(QLatin1Char('.')), leaf);
        }
    }
    auto merge = [&properties](const QJsonObject &custom) {
        for (auto it = custom.begin(); it != custom.end(); ++it)
            properties.insert(it.key(), it.value());
    };
    merge(schema.value(u"properties"_s).toObject());
    const QJsonObject definitions = schema.value(u"definitions"_s).toObject();
    for (auto it = definitions.begin(); it != definitions.end(); ++it)
        merge(it.value().toObject().value(u"properties"_s).toObject());
    full.insert(u"properties"_s, properties);
    full.remove(u"definitions"_s);
    return full;
}

Response AdobeState::schemaStats(const Request &, const Caller &caller)
{
    QList<const Entry *> own;
    for (const Entry &e : std::as_const(schemas)) {
        if (visible(e, caller))
            own.append(&e);
    }
    std::sort(own.begin(), own.end(), [](const Entry *a, const Entry *b) {
        return a->data.value(u"meta:registryMetadata"_s).toObject().value(u"repo:createdDate"_s).toDouble() >
               b->data.value(u"meta:registryMetadata"_s).toObject().value(u"repo:createdDate"_s).toDouble();
    });
    QJsonArray recent;
    QHash<QString, QJsonArray> byClass;
    for (const Entry *e : std::as_const(own)) {
        const QJsonObject item{{u"title"_s, e->data.value(u"title"_s)},
                               {u"$id"_s, e->data.value(u"$id"_s)},
                               {u"meta:altId"_s, e->data.value(u"meta:altId"_s)},
                               {u"version"_s, e->data.value(u"version"_s)}};
        if (recent.size() < 5)
            recent.append(item);
        byClass[e->data.value(u"meta:class"_s).toString()].append(item);
    }
    QJsonArray classUsage;
    for (auto it = byClass.constBegin(); it != byClass.constEnd(); ++it) {
        const QString title = it.key() == kProfileClass ? u"XDM Individual Profile"_s
                              : it.key() == kEventClass ? u"XDM ExperienceEvent"_s
                                                        : u"Record"_s;
        classUsage.append(QJsonObject{
            {u"$id"_s, it.key()}, {u"title"_s, title}, {u"numberOfSchemas"_s, int(it->size())}, {u"schemas"_s, *it}});
    }
    return Response::json(QJsonObject{{u"imsOrg"_s, caller.orgId},
                                      {u"tenantId"_s, kTenantId},
                                      {u"counts"_s, QJsonObject{{u"schemas"_s, int(own.size())},
                                                                {u"mixins"_s, 0},
                                                                {u"datatypes"_s, 0},
                                                                {u"classes"_s, 0},
                                                                {u"unions"_s, 0}}},
                                      {u"recentlyCreatedResources"_s, recent},
                                      {u"recentlyUpdatedResources"_s, recent},
                                      {u"classUsage"_s, classUsage}});
}

Response AdobeState::createSchema(const Request &request, const Caller &caller)
{
    bool ok = false;
    const QJsonValue parsed = request.json(&ok);
    if (!ok || !parsed.isObject()) {
        // [emulator] code for a malformed body.
        return xdmError(request, u"1000-400"_s, u"Bad Request"_s, u"The request body is not a valid JSON object."_s);
    }
    const QJsonObject body = parsed.toObject();
    const QString title = body.value(u"title"_s).toString().trimmed();
    if (title.isEmpty())
        return xdmError(request, u"1000-400"_s, u"Bad Request"_s, u"The schema must have a non-empty title."_s);
    for (const Entry &e : std::as_const(schemas)) {
        if (visible(e, caller) && e.data.value(u"title"_s).toString().compare(title, Qt::CaseInsensitive) == 0) {
            return xdmError(request, u"1521-400"_s, u"Title not unique"_s,
                            u"Object titles must be unique. An object %1 already exists with the same title"_s.arg(
                                e.data.value(u"$id"_s).toString()));
        }
    }
    QString metaClass = body.value(u"meta:class"_s).toString();
    for (const QJsonValue &part : body.value(u"allOf"_s).toArray()) {
        const QString ref = part.toObject().value(u"$ref"_s).toString();
        if (metaClass.isEmpty() && isKnownClass(ref))
            metaClass = ref;
    }
    if (!isKnownClass(metaClass)) {
        return xdmError(request, u"1000-400"_s, u"Bad Request"_s,
                        u"The schema must extend a class in allOf (for example %1)."_s.arg(kProfileClass));
    }
    // Custom fields live under the tenant namespace (XDM troubleshooting guide, XDM-1021-400).
    const QString tenantField = u"_"_s + kTenantId;
    QList<QJsonObject> customBlocks{body.value(u"properties"_s).toObject()};
    const QJsonObject definitions = body.value(u"definitions"_s).toObject();
    for (auto it = definitions.begin(); it != definitions.end(); ++it)
        customBlocks.append(it.value().toObject().value(u"properties"_s).toObject());
    for (const QJsonObject &block : std::as_const(customBlocks)) {
        for (auto it = block.begin(); it != block.end(); ++it) {
            if (it.key() != tenantField) {
                return xdmError(
                    request, u"1021-400"_s, u"Namespace validation error"_s,
                    u"A custom field is defined under an invalid namespace. All custom fields must be defined under a top-level field named %1 (found '%2')."_s
                        .arg(tenantField, it.key()));
            }
        }
    }
    QJsonObject normalized = body;
    normalized.insert(u"title"_s, title);
    normalized.insert(u"meta:class"_s, metaClass);
    const SandboxInfo *sandbox = sandboxNamed(caller.sandbox);
    const QJsonObject schema = buildSchema(normalized, SandboxContext::randomHex(16), caller.sandboxId,
                                           sandbox ? sandbox->type : QString(), caller.clientId, caller.user, nowMs());
    const QString id = schema.value(u"$id"_s).toString();
    schemas.insert(id, Entry{caller.orgId, caller.sandbox, schema, {}});
    context->changed();
    return Response::json(schema, 201)
        .withHeader("location", platformUrl(kFoundation + u"/schemaregistry/tenant/schemas/"_s +
                                            QString::fromLatin1(QUrl::toPercentEncoding(id)))
                                    .toUtf8());
}

Response AdobeState::listSchemas(const Request &request, const Caller &caller)
{
    // Listings take an Accept without a version; xed-id gives the short form.
    const QString accept = QString::fromLatin1(request.header("accept")).trimmed();
    static const QRegularExpression listing(u"^application/vnd\\.adobe\\.(xed-id|xed)\\+json$"_s,
                                            QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = listing.match(accept);
    if (!m.hasMatch()) {
        return xdmError(
            request, u"1006-400"_s, u"Accept header invalid"_s,
            u"The supplied Accept header is not valid: %1 - A valid Accept value should look like application/vnd.adobe.{xed|xdm}+json"_s
                .arg(accept));
    }
    const bool idsOnly = m.captured(1).toLower() == u"xed-id"_s;
    QString filterError;
    const auto filters = parseFilters(request.queryValues(u"property"_s), &filterError);
    if (!filters)
        return xdmError(request, u"1000-400"_s, u"Bad Request"_s, filterError);
    QList<QJsonObject> items;
    for (const Entry &e : std::as_const(schemas)) {
        if (visible(e, caller) && matchesFilters(e.data, *filters))
            items.append(e.data);
    }
    std::sort(items.begin(), items.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return a.value(u"title"_s).toString().compare(b.value(u"title"_s).toString(), Qt::CaseInsensitive) < 0;
    });
    const int start = std::max(0, request.queryValue(u"start"_s).toInt());
    int limit = request.queryValue(u"limit"_s).toInt();
    if (limit <= 0)
        limit = 300;
    QJsonArray results;
    for (int i = start; i < items.size() && results.size() < limit; ++i) {
        const QJsonObject &s = items.at(i);
        if (idsOnly) {
            results.append(QJsonObject{{u"$id"_s, s.value(u"$id"_s)},
                                       {u"meta:altId"_s, s.value(u"meta:altId"_s)},
                                       {u"version"_s, s.value(u"version"_s)},
                                       {u"title"_s, s.value(u"title"_s)}});
        } else {
            results.append(s);
        }
    }
    QJsonValue next = QJsonValue::Null;
    if (start + results.size() < items.size()) {
        next = u"/data/foundation/schemaregistry/tenant/schemas?start=%1&limit=%2"_s.arg(start + results.size())
                   .arg(limit);
    }
    return Response::json(QJsonObject{
        {u"results"_s, results},
        {u"_page"_s, QJsonObject{{u"orderby"_s, u"title"_s}, {u"next"_s, next}, {u"count"_s, int(results.size())}}},
        {u"_links"_s,
         QJsonObject{{u"next"_s, next},
                     {u"global_schemas"_s,
                      QJsonObject{{u"href"_s, platformUrl(kFoundation + u"/schemaregistry/global/schemas"_s)}}}}}});
}

Response AdobeState::getSchema(const Request &request, const Caller &caller)
{
    const QString id = request.capture(1);
    // Lookups must name a version in Accept (XDM-1007-400 otherwise).
    const QString accept = QString::fromLatin1(request.header("accept")).trimmed();
    static const QRegularExpression lookup(
        u"^application/vnd\\.adobe\\.(xed|xed-full|xed-notext|xed-full-notext|xed-full-desc)\\+json\\s*;\\s*version\\s*=\\s*([0-9]+)$"_s,
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = lookup.match(accept);
    if (!m.hasMatch()) {
        return xdmError(
            request, u"1007-400"_s, u"Accept header invalid"_s,
            u"The supplied Accept header is not valid: %1 - A valid Accept value should look like application/vnd.adobe.{xed|xdm}+json; version=1 (Version should be specified)"_s
                .arg(accept));
    }
    const Entry *entry = findSchema(id, caller);
    const QString version = m.captured(2);
    if (!entry || version != u"1"_s) {
        return xdmError(request, u"1012-404"_s, u"Resource Not Found"_s,
                        u"Requested resource %1 with version %2 is not found"_s.arg(id, version));
    }
    const bool full = m.captured(1).toLower().startsWith(u"xed-full"_s);
    return Response::json(full ? fullSchema(entry->data) : entry->data);
}

Response AdobeState::deleteSchema(const Request &request, const Caller &caller)
{
    const QString id = request.capture(1);
    const Entry *entry = findSchema(id, caller);
    if (!entry) {
        return xdmError(request, u"1012-404"_s, u"Resource Not Found"_s,
                        u"Requested resource %1 with version 1 is not found"_s.arg(id));
    }
    schemas.remove(entry->data.value(u"$id"_s).toString());
    context->changed();
    return Response::empty(204);
}

} // namespace zaw::sandbox::adobe

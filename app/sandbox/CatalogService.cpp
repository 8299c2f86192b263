// SPDX-License-Identifier: GPL-3.0-or-later
// Catalog: datasets.
#include "AdobeState.h"

#include <QFile>

namespace zaw::sandbox::adobe {

void AdobeState::registerCatalogRoutes(Router &router)
{
    addRoute(router, "GET", u"/catalog/dataSets/?"_s, Api::Catalog, &AdobeState::listDataSets);
    addRoute(router, "POST", u"/catalog/dataSets/?"_s, Api::Catalog, &AdobeState::createDataSet);
    addRoute(router, "GET", u"/catalog/dataSets/([^/]+)/?"_s, Api::Catalog, &AdobeState::getDataSet);
    addRoute(router, "DELETE", u"/catalog/dataSets/([^/]+)/?"_s, Api::Catalog, &AdobeState::deleteDataSet);
}

Response AdobeState::createDataSet(const Request &request, const Caller &caller)
{
    // ?requestDataSource=true (CRM tutorial) is accepted and changes nothing here.
    bool ok = false;
    const QJsonValue parsed = request.json(&ok);
    if (!ok || !parsed.isObject()) {
        return catalogError(request, u"1001-400"_s, u"Bad Request"_s,
                            u"The request body is not a valid JSON object."_s);
    }
    const QJsonObject body = parsed.toObject();
    const QString schemaId = body.value(u"schemaRef"_s).toObject().value(u"id"_s).toString();
    if (schemaId.isEmpty()) {
        return catalogError(request, u"1002-400"_s, u"Bad Request"_s,
                            u"schemaRef.id is required: a dataset must reference an XDM schema."_s);
    }
    const Entry *schema = findSchema(schemaId, caller);
    if (!schema) {
        return catalogError(request, u"1003-400"_s, u"Bad Request"_s,
                            u"The schema %1 does not exist in the sandbox '%2'."_s.arg(schemaId, caller.sandbox));
    }
    QJsonObject normalized = body;
    QJsonObject schemaRef = body.value(u"schemaRef"_s).toObject();
    schemaRef.insert(u"id"_s, schema->data.value(u"$id"_s));
    normalized.insert(u"schemaRef"_s, schemaRef);
    const QString id = SandboxContext::randomHex(12);
    dataSets.insert(id, Entry{caller.orgId,
                              caller.sandbox,
                              buildDataSet(normalized, id, caller.sandboxId, caller.clientId, caller.user, nowMs()),
                              {}});
    context->changed();
    return Response::json(QJsonArray{u"@/dataSets/"_s + id}, 201)
        .withHeader("location", platformUrl(kFoundation + u"/catalog/dataSets/"_s + id).toUtf8());
}

namespace {

QJsonObject selectProperties(const QJsonObject &object, const QString &properties)
{
    if (properties.trimmed().isEmpty())
        return object;
    QJsonObject selected;
    for (const QString &key : properties.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (object.contains(key.trimmed()))
            selected.insert(key.trimmed(), object.value(key.trimmed()));
    }
    return selected;
}

} // namespace

Response AdobeState::listDataSets(const Request &request, const Caller &caller)
{
    QString filterError;
    const auto filters = parseFilters(request.queryValues(u"property"_s), &filterError);
    if (!filters)
        return catalogError(request, u"1004-400"_s, u"Bad Request"_s, filterError);
    int limit = 50; // Catalog's default page size
    if (request.query.hasQueryItem(u"limit"_s)) {
        bool ok = false;
        limit = request.queryValue(u"limit"_s).toInt(&ok);
        if (!ok || limit < 1)
            return catalogError(request, u"1005-400"_s, u"Bad Request"_s, u"limit must be a positive integer."_s);
    }
    const int start = std::max(0, request.queryValue(u"start"_s).toInt());
    const QString name = request.queryValue(u"name"_s);
    QList<QPair<QString, QJsonObject>> matching;
    for (auto it = dataSets.constBegin(); it != dataSets.constEnd(); ++it) {
        if (!visible(*it, caller) || !matchesFilters(it->data, *filters))
            continue;
        if (!name.isEmpty() && it->data.value(u"name"_s).toString() != name)
            continue;
        matching.append({it.key(), it->data});
    }
    std::stable_sort(matching.begin(), matching.end(), [](const auto &a, const auto &b) {
        return a.second.value(u"created"_s).toDouble() > b.second.value(u"created"_s).toDouble();
    });
    QJsonObject answer;
    for (int i = start; i < matching.size() && answer.size() < limit; ++i)
        answer.insert(matching.at(i).first,
                      selectProperties(matching.at(i).second, request.queryValue(u"properties"_s)));
    return Response::json(answer);
}

Response AdobeState::getDataSet(const Request &request, const Caller &caller)
{
    const QString id = request.capture(1);
    const Entry *entry = findIn(dataSets, id, caller);
    if (!entry) {
        return catalogError(request, u"1006-404"_s, u"Not Found"_s,
                            u"The dataset %1 was not found in the sandbox '%2'."_s.arg(id, caller.sandbox));
    }
    return Response::json(QJsonObject{{id, selectProperties(entry->data, request.queryValue(u"properties"_s))}});
}

Response AdobeState::deleteDataSet(const Request &request, const Caller &caller)
{
    const QString id = request.capture(1);
    if (!findIn(dataSets, id, caller)) {
        return catalogError(request, u"1006-404"_s, u"Not Found"_s,
                            u"The dataset %1 was not found in the sandbox '%2'."_s.arg(id, caller.sandbox));
    }
    dataSets.remove(id);
    dataSetRows.remove(id); // the rows it received go with it
    if (!context->stateFile.isEmpty())
        QFile::remove(context->stateFile + u".rows/"_s + id + u".jsonl"_s);
    context->changed();
    return Response::json(QJsonArray{u"@/dataSets/"_s + id}, 200);
}

} // namespace zaw::sandbox::adobe

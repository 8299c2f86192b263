// SPDX-License-Identifier: GPL-3.0-or-later
#include "adobe/FlowServiceClient.h"

#include <algorithm>
#include <limits>

#include <QCoreApplication>
#include <QJsonArray>
#include <QPointer>

namespace zaw::adobe {

namespace {

const QString kBase = QStringLiteral("/data/foundation/flowservice");
// Enough for any organisation's connections; a runaway continuation token must not loop.
constexpr int kMaxPages = 100;
constexpr char kRetiredMarker[] = "zoho-source-retired";

QString path(const QString &collection, const QString &id = {}, const QString &tail = {})
{
    QString p = kBase + QLatin1Char('/') + collection;
    if (!id.isEmpty())
        p += QLatin1Char('/') + PlatformClient::segment(id);
    return p + tail;
}

QUrlQuery filterQuery(const QStringList &propertyFilters)
{
    QUrlQuery q;
    for (const QString &f : propertyFilters)
        q.addQueryItem(QStringLiteral("property"), f);
    return q;
}

// field is a JSON member name, shown as it is.
net::Error missingAnswer(const QString &field)
{
    return net::Error::make(net::ErrorCategory::Bug,
                            QCoreApplication::translate("zaw::adobe::FlowServiceClient",
                                                        "Adobe Experience Platform gave an answer without \"%1\". "
                                                        "Try again; if it keeps happening, report it with the "
                                                        "copied details.")
                                .arg(field));
}

} // namespace

QJsonObject ZohoAuthParams::toJson() const
{
    return QJsonObject{{QStringLiteral("endpoint"), endpoint},       {QStringLiteral("accountsUrl"), accountsUrl},
                       {QStringLiteral("clientId"), clientId},       {QStringLiteral("clientSecret"), clientSecret},
                       {QStringLiteral("accessToken"), accessToken}, {QStringLiteral("refreshToken"), refreshToken}};
}

QString FlowServiceClient::collectionPath(const QString &collection)
{
    return path(collection);
}

FlowServiceClient::FlowServiceClient(PlatformClient *platform, QObject *parent)
    : QObject(parent)
    , m_platform(platform)
{}

QString FlowServiceClient::propertyEquals(const QString &property, const QString &value)
{
    return QStringLiteral("%1==\"%2\"").arg(property, value);
}

QJsonObject FlowServiceClient::patchOperation(const QString &op, const QString &path, const QJsonValue &value)
{
    QJsonObject o{{QStringLiteral("op"), op}, {QStringLiteral("path"), path}};
    if (!value.isUndefined() && !value.isNull())
        o.insert(QStringLiteral("value"), value);
    return o;
}

QJsonObject FlowServiceClient::zohoConnectionBody(const QString &name, const QString &description,
                                                  const ZohoAuthParams &params)
{
    QJsonObject body{
        {QStringLiteral("name"), name},
        {QStringLiteral("auth"), QJsonObject{{QStringLiteral("specName"), QLatin1String(kZohoAuthSpecName)},
                                             {QStringLiteral("params"), params.toJson()}}},
        // The spec text says the version may be left out, its schema requires it: always send it.
        {QStringLiteral("connectionSpec"), QJsonObject{{QStringLiteral("id"), QLatin1String(kZohoConnectionSpecId)},
                                                       {QStringLiteral("version"), QStringLiteral("1.0")}}}};
    if (!description.isEmpty())
        body.insert(QStringLiteral("description"), description);
    return body;
}

namespace {

// Times in run metrics are epoch milliseconds; ISO strings are read as well.
// A JSON number as qint64, or fallback when it lies outside qint64 (casting such a double is
// undefined behaviour; found by fuzz_adobe).
qint64 toInt64(double d, qint64 fallback)
{
    return d >= -9.2e18 && d <= 9.2e18 ? qint64(d) : fallback;
}

QDateTime runTime(const QJsonValue &v)
{
    if (v.isDouble()) {
        const qint64 ms = toInt64(v.toDouble(), std::numeric_limits<qint64>::min());
        return ms == std::numeric_limits<qint64>::min() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    }
    if (v.isString())
        return QDateTime::fromString(v.toString(), Qt::ISODateWithMs).toUTC();
    return {};
}

qint64 count(const QJsonObject &summary, const QString &key)
{
    const QJsonValue v = summary.value(key);
    return v.isDouble() ? toInt64(v.toDouble(), -1) : -1;
}

} // namespace

bool RunInfo::isFailed() const
{
    return status.compare(QLatin1String("failed"), Qt::CaseInsensitive) == 0 ||
           status.compare(QLatin1String("partial_failure"), Qt::CaseInsensitive) == 0;
}

RunInfo RunInfo::fromJson(const QJsonObject &run)
{
    RunInfo r;
    r.id = run.value(QStringLiteral("id")).toString();
    const QJsonObject metrics = run.value(QStringLiteral("metrics")).toObject();
    const QJsonObject duration = metrics.value(QStringLiteral("durationSummary")).toObject();
    r.started = runTime(duration.value(QStringLiteral("startedAtUTC")));
    r.completed = runTime(duration.value(QStringLiteral("completedAtUTC")));
    const QJsonObject records = metrics.value(QStringLiteral("recordSummary")).toObject();
    r.inputRecords = count(records, QStringLiteral("inputRecordCount"));
    r.outputRecords = count(records, QStringLiteral("outputRecordCount"));
    r.failedRecords = count(records, QStringLiteral("failedRecordCount"));
    const QJsonObject status = metrics.value(QStringLiteral("statusSummary")).toObject();
    r.status = status.value(QStringLiteral("status")).toString();
    for (const QJsonValue &e : status.value(QStringLiteral("errors")).toArray()) {
        const QJsonObject o = e.toObject();
        r.errors << QStringLiteral("%1: %2").arg(o.value(QStringLiteral("code")).toString(),
                                                 o.value(QStringLiteral("message")).toString());
    }
    return r;
}

QList<RunInfo> RunInfo::listFromJson(const QList<QJsonObject> &runs)
{
    QList<RunInfo> list;
    for (const QJsonObject &o : runs)
        list.append(fromJson(o));
    std::sort(list.begin(), list.end(), [](const RunInfo &a, const RunInfo &b) { return a.started > b.started; });
    return list;
}

net::Error FlowServiceClient::retiredSourceError(const net::Error &original)
{
    net::Error e = original;
    e.category = net::ErrorCategory::Input;
    e.message =
        tr("Adobe retired the Zoho CRM source from its catalogue at the end of June 2025, so this Adobe "
           "Experience Platform organisation cannot create Zoho CRM connections any more (Adobe's answer: "
           "%1). Use this application's direct-sync mode instead (\"Sync from this computer\" in the wizard, "
           "create --mode sync on the command line): it reads Zoho CRM itself and writes the records into "
           "a dataset through AEP's batch ingestion API.")
            .arg(original.code.isEmpty() ? tr("HTTP %1").arg(original.httpStatus) : tr("error %1").arg(original.code));
    e.detail = QStringLiteral("%1: connection spec %2 is not offered; %3")
                   .arg(QLatin1String(kRetiredMarker), QLatin1String(kZohoConnectionSpecId), original.detail);
    return e;
}

bool FlowServiceClient::isRetiredSourceError(const net::Error &error)
{
    return error.detail.startsWith(QLatin1String(kRetiredMarker));
}

// ---- shared request shapes -------------------------------------------------------------------

void FlowServiceClient::getItem(const QString &collection, const QString &id, QObject *context, ObjectDone done)
{
    m_platform->send("GET", path(collection, id), {}, {}, {}, context,
                     [done](const net::HttpResponse &response, const net::Error &error) {
                         if (error) {
                             done({}, error);
                             return;
                         }
                         // A list wrapper even for one ID.
                         const QList<QJsonObject> items = PlatformClient::items(response);
                         if (items.isEmpty()) {
                             done({}, missingAnswer(QStringLiteral("items")));
                             return;
                         }
                         done(items.first(), {});
                     });
}

void FlowServiceClient::list(const QString &collection, const QUrlQuery &query, QObject *context, ListDone done,
                             QList<QJsonObject> collected, int page)
{
    QPointer<QObject> guard(context);
    QUrlQuery pageQuery = query;
    if (m_pageSize > 0 && !pageQuery.hasQueryItem(QStringLiteral("limit")))
        pageQuery.addQueryItem(QStringLiteral("limit"), QString::number(m_pageSize));
    m_platform->send(
        "GET", path(collection), pageQuery, {}, {}, context,
        [self = QPointer<FlowServiceClient>(this), collection, query, guard, done, collected,
         page](const net::HttpResponse &response, const net::Error &error) mutable {
            if (error) {
                done({}, error);
                return;
            }
            collected.append(PlatformClient::items(response));
            const QString next = response.object()
                                     .value(QStringLiteral("_links"))
                                     .toObject()
                                     .value(QStringLiteral("next"))
                                     .toObject()
                                     .value(QStringLiteral("href"))
                                     .toString();
            const QString token =
                QUrlQuery(QUrl(next).query()).queryItemValue(QStringLiteral("continuationToken"), QUrl::FullyDecoded);
            if (token.isEmpty() || page >= kMaxPages || !guard || !self) {
                done(collected, {});
                return;
            }
            QUrlQuery nextQuery = query;
            nextQuery.removeAllQueryItems(QStringLiteral("continuationToken"));
            nextQuery.addQueryItem(QStringLiteral("continuationToken"), token);
            self->list(collection, nextQuery, guard, done, collected, page + 1);
        });
}

void FlowServiceClient::create(const QString &collection, const QJsonObject &body, QObject *context, CreatedDone done)
{
    m_platform->send("POST", path(collection), {}, body, {}, context,
                     [done](const net::HttpResponse &response, const net::Error &error) {
                         if (error) {
                             done({}, error);
                             return;
                         }
                         CreatedObject created;
                         created.id = response.object().value(QStringLiteral("id")).toString();
                         created.etag = response.object().value(QStringLiteral("etag")).toString();
                         if (created.id.isEmpty()) {
                             done(created, missingAnswer(QStringLiteral("id")));
                             return;
                         }
                         done(created, {});
                     });
}

void FlowServiceClient::patch(const QString &collection, const QString &id, const QString &etag,
                              const QJsonArray &operations, QObject *context, CreatedDone done)
{
    m_platform->send("PATCH", path(collection, id), {}, operations, {{"If-Match", etag.toUtf8()}}, context,
                     [id, done](const net::HttpResponse &response, const net::Error &error) {
                         if (error) {
                             done({}, error);
                             return;
                         }
                         CreatedObject updated;
                         updated.id = response.object().value(QStringLiteral("id")).toString(id);
                         updated.etag = response.object().value(QStringLiteral("etag")).toString();
                         done(updated, {});
                     });
}

void FlowServiceClient::remove(const QString &collection, const QString &id, QObject *context, Done done)
{
    m_platform->send("DELETE", path(collection, id), {}, {}, {}, context,
                     [done](const net::HttpResponse &, const net::Error &error) { done(error); });
}

// ---- specs -----------------------------------------------------------------------------------

void FlowServiceClient::connectionSpec(const QString &id, QObject *context, ObjectDone done)
{
    getItem(QStringLiteral("connectionSpecs"), id, context, [id, done](const QJsonObject &spec, const net::Error &e) {
        // An organisation that no longer offers the Zoho source answers "not found" or
        // "invalid spec ID" (1413-400) for its spec.
        if (e && id == QLatin1String(kZohoConnectionSpecId) &&
            (e.httpStatus == 404 || e.code.startsWith(QLatin1String("1413-")))) {
            done({}, retiredSourceError(e));
            return;
        }
        done(spec, e);
    });
}

void FlowServiceClient::flowSpec(const QString &id, QObject *context, ObjectDone done)
{
    getItem(QStringLiteral("flowSpecs"), id, context, std::move(done));
}

void FlowServiceClient::flowSpecByName(const QString &name, QObject *context, ObjectDone done)
{
    list(QStringLiteral("flowSpecs"), filterQuery({propertyEquals(QStringLiteral("name"), name)}), context,
         [name, done](const QList<QJsonObject> &specs, const net::Error &e) {
             if (e) {
                 done({}, e);
                 return;
             }
             for (const QJsonObject &spec : specs) {
                 if (spec.value(QStringLiteral("name")).toString() == name) {
                     done(spec, {});
                     return;
                 }
             }
             done({}, net::Error::make(net::ErrorCategory::Input,
                                       tr("This Adobe Experience Platform organisation offers no flow spec named "
                                          "\"%1\". Sources of this kind are not available to it.")
                                           .arg(name)));
         });
}

// ---- base connections --------------------------------------------------------------------------

void FlowServiceClient::createConnection(const QJsonObject &body, QObject *context, CreatedDone done)
{
    const bool zoho = body.value(QStringLiteral("connectionSpec")).toObject().value(QStringLiteral("id")).toString() ==
                      QLatin1String(kZohoConnectionSpecId);
    create(QStringLiteral("connections"), body, context,
           [zoho, done](const CreatedObject &created, const net::Error &e) {
               if (e && zoho && e.code.startsWith(QLatin1String("1413-"))) {
                   done(created, retiredSourceError(e));
                   return;
               }
               done(created, e);
           });
}

void FlowServiceClient::connection(const QString &id, QObject *context, ObjectDone done)
{
    getItem(QStringLiteral("connections"), id, context, std::move(done));
}

void FlowServiceClient::connections(const QStringList &propertyFilters, QObject *context, ListDone done)
{
    list(QStringLiteral("connections"), filterQuery(propertyFilters), context, std::move(done));
}

void FlowServiceClient::patchConnection(const QString &id, const QString &etag, const QJsonArray &operations,
                                        QObject *context, CreatedDone done)
{
    patch(QStringLiteral("connections"), id, etag, operations, context, std::move(done));
}

void FlowServiceClient::updateZohoCredentials(const QString &id, const QString &etag, const ZohoAuthParams &params,
                                              QObject *context, CreatedDone done)
{
    QPointer<QObject> guard(context);
    QPointer<FlowServiceClient> self(this);
    const QJsonArray operations{
        patchOperation(QStringLiteral("replace"), QStringLiteral("/auth/params"), params.toJson())};
    // attempt(etag, mayRetry): PATCH; on 412 (or without an etag) read the etag and PATCH again.
    auto attempt = std::make_shared<std::function<void(const QString &, bool)>>();
    auto readThenPatch = [self, id, context, done, attempt](bool mayRetry) {
        if (!self)
            return;
        self->connection(id, context, [done, attempt, mayRetry](const QJsonObject &o, const net::Error &e) {
            if (e) {
                done({}, e);
                *attempt = nullptr; // breaks the cycle
                return;
            }
            (*attempt)(o.value(QStringLiteral("etag")).toString(), mayRetry);
        });
    };
    *attempt = [self, guard, id, context, operations, done, attempt, readThenPatch](const QString &currentEtag,
                                                                                    bool mayRetry) {
        if (!self || (context && !guard))
            return;
        self->patchConnection(id, currentEtag, operations, context,
                              [done, attempt, readThenPatch, mayRetry](const CreatedObject &o, const net::Error &e) {
                                  if (e && e.httpStatus == 412 && mayRetry) {
                                      readThenPatch(false);
                                      return;
                                  }
                                  done(o, e);
                                  *attempt = nullptr; // breaks the cycle
                              });
    };
    if (etag.isEmpty())
        readThenPatch(true);
    else
        (*attempt)(etag, true);
}

void FlowServiceClient::deleteConnection(const QString &id, QObject *context, Done done)
{
    remove(QStringLiteral("connections"), id, context, std::move(done));
}

void FlowServiceClient::testConnection(const QString &id, QObject *context,
                                       std::function<void(bool, const net::Error &)> done)
{
    m_platform->send("GET", path(QStringLiteral("connections"), id, QStringLiteral("/test")), {}, {}, {}, context,
                     [done](const net::HttpResponse &response, const net::Error &error) {
                         done(!error && response.object().value(QStringLiteral("result")).toBool(), error);
                     });
}

// ---- explore -----------------------------------------------------------------------------------

void FlowServiceClient::explore(const QString &connectionId, const QUrlQuery &query, QObject *context,
                                PlatformClient::Reply done)
{
    const QString explorePath = path(QStringLiteral("connections"), connectionId, QStringLiteral("/explore"));
    const QUrl url = m_platform->url(explorePath, query);
    m_platform->send(
        "GET", explorePath, query, {}, {}, context,
        [done, url](const net::HttpResponse &response, const net::Error &error) {
            // Explore reads the source with the stored credentials: apart from a bad
            // parameter, a 400 means the source refused them.
            static const QStringList parameterCodes = {QStringLiteral("1337-400"), QStringLiteral("1358-400")};
            if (error && response.status == 400 && !parameterCodes.contains(error.code)) {
                done(response,
                     PlatformClient::errorFrom(response, "GET", url,
                                               tr("Adobe could not read the source with the account's stored "
                                                  "credentials. Reconnect the account (sign in to Zoho again) "
                                                  "and try again.")));
                return;
            }
            done(response, error);
        });
}

QList<QJsonObject> FlowServiceClient::readColumns(const QJsonObject &exploreAnswer)
{
    QList<QJsonObject> columns;
    const QJsonArray array =
        exploreAnswer.value(QStringLiteral("schema")).toObject().value(QStringLiteral("columns")).toArray();
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        if (!o.value(QStringLiteral("name")).toString().isEmpty())
            columns.append(o);
    }
    return columns;
}

void FlowServiceClient::exploreRoot(const QString &connectionId, QObject *context,
                                    std::function<void(const QList<ExploreTable> &, const net::Error &)> done)
{
    QUrlQuery q;
    // Every tutorial sends lower case; the spec's upper-case enum is not what the service reads.
    q.addQueryItem(QStringLiteral("objectType"), QStringLiteral("root"));
    explore(connectionId, q, context, [done](const net::HttpResponse &response, const net::Error &error) {
        QList<ExploreTable> tables;
        if (error) {
            done(tables, error);
            return;
        }
        for (const QJsonValue &v : response.json().toArray()) {
            const QJsonObject o = v.toObject();
            ExploreTable t;
            t.name = o.value(QStringLiteral("name")).toString();
            t.path = o.value(QStringLiteral("path")).toString();
            t.type = o.value(QStringLiteral("type")).toString();
            t.canPreview = o.value(QStringLiteral("canPreview")).toBool();
            t.canFetchSchema = o.value(QStringLiteral("canFetchSchema")).toBool();
            if (t.path.isEmpty())
                t.path = t.name;
            if (t.name.isEmpty())
                t.name = t.path;
            if (!t.path.isEmpty())
                tables.append(t);
        }
        done(tables, {});
    });
}

void FlowServiceClient::exploreTable(const QString &connectionId, const QString &tablePath, QObject *context,
                                     std::function<void(const QList<QJsonObject> &, const net::Error &)> done)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("objectType"), QStringLiteral("table"));
    q.addQueryItem(QStringLiteral("object"), tablePath);
    explore(connectionId, q, context, [done](const net::HttpResponse &response, const net::Error &error) {
        if (error) {
            done({}, error);
            return;
        }
        done(readColumns(response.object()), {});
    });
}

void FlowServiceClient::preview(const QString &connectionId, const QString &tablePath, int maxRows, QObject *context,
                                std::function<void(const ExplorePreview &, const net::Error &)> done)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("objectType"), QStringLiteral("table"));
    q.addQueryItem(QStringLiteral("object"), tablePath);
    q.addQueryItem(QStringLiteral("preview"), QStringLiteral("true"));
    const int limit = qBound(1, maxRows, kMaxPreviewRows);
    explore(connectionId, q, context, [done, limit](const net::HttpResponse &response, const net::Error &error) {
        ExplorePreview preview;
        if (error) {
            done(preview, error);
            return;
        }
        const QJsonObject answer = response.object();
        preview.format = answer.value(QStringLiteral("format")).toString();
        preview.columns = readColumns(answer);
        for (const QJsonValue &v : answer.value(QStringLiteral("data")).toArray()) {
            if (preview.rows.size() >= limit)
                break;
            preview.rows.append(v.toObject());
        }
        done(preview, {});
    });
}

// ---- source and target connections ----------------------------------------------------------

void FlowServiceClient::createSourceConnection(const QJsonObject &body, QObject *context, CreatedDone done)
{
    create(QStringLiteral("sourceConnections"), body, context, std::move(done));
}

void FlowServiceClient::sourceConnection(const QString &id, QObject *context, ObjectDone done)
{
    getItem(QStringLiteral("sourceConnections"), id, context, std::move(done));
}

void FlowServiceClient::sourceConnections(const QStringList &propertyFilters, QObject *context, ListDone done)
{
    list(QStringLiteral("sourceConnections"), filterQuery(propertyFilters), context, std::move(done));
}

void FlowServiceClient::deleteSourceConnection(const QString &id, QObject *context, Done done)
{
    remove(QStringLiteral("sourceConnections"), id, context, std::move(done));
}

void FlowServiceClient::createTargetConnection(const QJsonObject &body, QObject *context, CreatedDone done)
{
    create(QStringLiteral("targetConnections"), body, context, std::move(done));
}

void FlowServiceClient::targetConnection(const QString &id, QObject *context, ObjectDone done)
{
    getItem(QStringLiteral("targetConnections"), id, context, std::move(done));
}

void FlowServiceClient::targetConnections(const QStringList &propertyFilters, QObject *context, ListDone done)
{
    list(QStringLiteral("targetConnections"), filterQuery(propertyFilters), context, std::move(done));
}

void FlowServiceClient::deleteTargetConnection(const QString &id, QObject *context, Done done)
{
    remove(QStringLiteral("targetConnections"), id, context, std::move(done));
}

// ---- flows and runs ------------------------------------------------------------------------------

void FlowServiceClient::createFlow(const QJsonObject &body, QObject *context, CreatedDone done)
{
    create(QStringLiteral("flows"), body, context, std::move(done));
}

void FlowServiceClient::flow(const QString &id, QObject *context, ObjectDone done)
{
    getItem(QStringLiteral("flows"), id, context, std::move(done));
}

void FlowServiceClient::flows(const QStringList &propertyFilters, QObject *context, ListDone done)
{
    list(QStringLiteral("flows"), filterQuery(propertyFilters), context, std::move(done));
}

void FlowServiceClient::patchFlow(const QString &id, const QString &etag, const QJsonArray &operations,
                                  QObject *context, CreatedDone done)
{
    patch(QStringLiteral("flows"), id, etag, operations, context, std::move(done));
}

void FlowServiceClient::deleteFlow(const QString &id, QObject *context, Done done)
{
    remove(QStringLiteral("flows"), id, context, std::move(done));
}

void FlowServiceClient::setFlowEnabled(const QString &id, bool enabled, QObject *context, CreatedDone done)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("op"), enabled ? QStringLiteral("enable") : QStringLiteral("disable"));
    m_platform->send("POST", path(QStringLiteral("flows"), id, QStringLiteral("/action")), q, {}, {}, context,
                     [id, done](const net::HttpResponse &response, const net::Error &error) {
                         if (error) {
                             done({}, error);
                             return;
                         }
                         CreatedObject updated;
                         updated.id = response.object().value(QStringLiteral("id")).toString(id);
                         updated.etag = response.object().value(QStringLiteral("etag")).toString();
                         done(updated, {});
                     });
}

void FlowServiceClient::runs(const QString &flowId, QObject *context, ListDone done)
{
    // The flow's own "runs" link has this form, without quotes around the ID.
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("property"), QStringLiteral("flowId==%1").arg(flowId));
    list(QStringLiteral("runs"), q, context, std::move(done));
}

} // namespace zaw::adobe

// SPDX-License-Identifier: GPL-3.0-or-later
#include "adobe/SchemaRegistryClient.h"

#include "adobe/PlatformClient.h"

#include <QJsonArray>
#include <QPointer>

namespace zaw::adobe {

namespace {

const QString kBase = QStringLiteral("/data/foundation/schemaregistry");
constexpr int kMaxPages = 50;

QString schemaPath(const QString &id)
{
    return kBase + QStringLiteral("/tenant/schemas/") + PlatformClient::segment(id);
}

} // namespace

QString SchemaRegistryClient::tenantSchemasPath()
{
    return kBase + QStringLiteral("/tenant/schemas");
}

SchemaRegistryClient::SchemaRegistryClient(PlatformClient *platform, QObject *parent)
    : QObject(parent)
    , m_platform(platform)
{}

void SchemaRegistryClient::tenantId(QObject *context, std::function<void(const QString &, const net::Error &)> done)
{
    m_platform->send("GET", kBase + QStringLiteral("/stats"), {}, {}, {{"Accept", "application/json"}}, context,
                     [done](const net::HttpResponse &response, const net::Error &error) {
                         if (error) {
                             done({}, error);
                             return;
                         }
                         QString tenant = response.object().value(QStringLiteral("tenantId")).toString();
                         if (tenant.startsWith(QLatin1Char('_')))
                             tenant = tenant.mid(1);
                         if (tenant.isEmpty()) {
                             done({}, net::Error::make(net::ErrorCategory::Server,
                                                       tr("The Schema Registry did not name the organisation's "
                                                          "tenant ID. Try again later.")));
                             return;
                         }
                         done(tenant, {});
                     });
}

void SchemaRegistryClient::createSchema(const QJsonObject &body, QObject *context, ObjectDone done)
{
    m_platform->send("POST", kBase + QStringLiteral("/tenant/schemas"), {}, body, {}, context,
                     [done](const net::HttpResponse &response, const net::Error &error) {
                         if (error) {
                             done({}, error);
                             return;
                         }
                         const QJsonObject schema = response.object();
                         if (schema.value(QStringLiteral("$id")).toString().isEmpty()) {
                             done(schema, net::Error::make(net::ErrorCategory::Server,
                                                           tr("The Schema Registry created the schema but did not "
                                                              "name it. Look for it in the Schemas list before "
                                                              "trying again.")));
                             return;
                         }
                         done(schema, {});
                     });
}

void SchemaRegistryClient::schema(const QString &id, const QByteArray &accept, QObject *context, ObjectDone done)
{
    m_platform->send("GET", schemaPath(id), {}, {}, {{"Accept", accept}}, context,
                     [done](const net::HttpResponse &response, const net::Error &error) {
                         done(error ? QJsonObject() : response.object(), error);
                     });
}

void SchemaRegistryClient::schemas(const QStringList &propertyFilters, QObject *context,
                                   std::function<void(const QList<SchemaSummary> &, const net::Error &)> done)
{
    QUrlQuery q;
    for (const QString &f : propertyFilters)
        q.addQueryItem(QStringLiteral("property"), f);
    schemaPage(q, context, {}, 1, std::move(done));
}

void SchemaRegistryClient::schemaPage(const QUrlQuery &query, QObject *context, QList<SchemaSummary> collected,
                                      int page,
                                      std::function<void(const QList<SchemaSummary> &, const net::Error &)> done)
{
    QPointer<QObject> guard(context);
    m_platform->send("GET", kBase + QStringLiteral("/tenant/schemas"), query, {}, {{"Accept", kAcceptIds}}, context,
                     [self = QPointer<SchemaRegistryClient>(this), query, guard, collected, page,
                      done](const net::HttpResponse &response, const net::Error &error) mutable {
                         if (error) {
                             done({}, error);
                             return;
                         }
                         const QJsonObject answer = response.object();
                         for (const QJsonValue &v : answer.value(QStringLiteral("results")).toArray()) {
                             const QJsonObject o = v.toObject();
                             SchemaSummary s;
                             s.id = o.value(QStringLiteral("$id")).toString();
                             s.altId = o.value(QStringLiteral("meta:altId")).toString();
                             s.title = o.value(QStringLiteral("title")).toString();
                             s.version = o.value(QStringLiteral("version")).toString();
                             collected.append(s);
                         }
                         // The next page is a link (a string, or an object with href) carrying start=N.
                         const QJsonValue nextLink =
                             answer.value(QStringLiteral("_links")).toObject().value(QStringLiteral("next"));
                         const QString href = nextLink.isString()
                                                  ? nextLink.toString()
                                                  : nextLink.toObject().value(QStringLiteral("href")).toString();
                         const QString start = QUrlQuery(QUrl(href).query()).queryItemValue(QStringLiteral("start"));
                         if (start.isEmpty() || page >= kMaxPages || !guard || !self) {
                             done(collected, {});
                             return;
                         }
                         QUrlQuery next = query;
                         next.removeAllQueryItems(QStringLiteral("start"));
                         next.addQueryItem(QStringLiteral("start"), start);
                         self->schemaPage(next, guard, collected, page + 1, done);
                     });
}

void SchemaRegistryClient::deleteSchema(const QString &id, QObject *context,
                                        std::function<void(const net::Error &)> done)
{
    m_platform->send("DELETE", schemaPath(id), {}, {}, {}, context,
                     [done](const net::HttpResponse &, const net::Error &error) { done(error); });
}

} // namespace zaw::adobe

// SPDX-License-Identifier: GPL-3.0-or-later
#include "adobe/DataPrepClient.h"

#include "adobe/PlatformClient.h"

#include <QUrlQuery>

namespace zaw::adobe {

namespace {

const QString kMappingSets = QStringLiteral("/data/foundation/conversion/mappingSets");

} // namespace

DataPrepClient::DataPrepClient(PlatformClient *platform, QObject *parent)
    : QObject(parent)
    , m_platform(platform)
{}

QString DataPrepClient::mappingSetsPath()
{
    return kMappingSets;
}

void DataPrepClient::mappingSetPage(int start, int limit, QObject *context,
                                    std::function<void(const QList<QJsonObject> &, bool, const net::Error &)> done)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    query.addQueryItem(QStringLiteral("start"), QString::number(start));
    m_platform->send("GET", kMappingSets, query, {}, {}, context,
                     [done](const net::HttpResponse &response, const net::Error &error) {
                         QList<QJsonObject> sets;
                         if (error) {
                             done(sets, false, error);
                             return;
                         }
                         const QJsonObject answer = response.object();
                         const QJsonArray data = answer.value(QStringLiteral("data")).toArray();
                         for (const QJsonValue &v : data)
                             sets.append(v.toObject());
                         // Data Prep writes the next link as a string or as an object {href}.
                         const QJsonValue next =
                             answer.value(QStringLiteral("_links")).toObject().value(QStringLiteral("next"));
                         const bool more =
                             !data.isEmpty() && (next.isString() ? !next.toString().isEmpty() : next.isObject());
                         done(sets, more, {});
                     });
}

QJsonObject DataPrepClient::mappingSetBody(const QString &schemaId, const QJsonArray &mappings)
{
    return QJsonObject{{QStringLiteral("outputSchema"),
                        QJsonObject{{QStringLiteral("schemaRef"),
                                     QJsonObject{{QStringLiteral("id"), schemaId},
                                                 {QStringLiteral("contentType"),
                                                  QStringLiteral("application/vnd.adobe.xed-full+json;version=1")}}}}},
                       {QStringLiteral("mappings"), mappings}};
}

QJsonObject DataPrepClient::mapping(const QString &source, const QString &destination, const QString &sourceType)
{
    return QJsonObject{{QStringLiteral("sourceType"), sourceType},
                       {QStringLiteral("source"), source},
                       {QStringLiteral("destination"), destination}};
}

void DataPrepClient::createMappingSet(const QJsonObject &body, QObject *context,
                                      std::function<void(const MappingSetInfo &, const net::Error &)> done)
{
    m_platform->send("POST", kMappingSets, {}, body, {}, context,
                     [done](const net::HttpResponse &response, const net::Error &error) {
                         MappingSetInfo info;
                         if (error) {
                             done(info, error);
                             return;
                         }
                         info.raw = response.object();
                         info.id = info.raw.value(QStringLiteral("id")).toString();
                         info.version = info.raw.value(QStringLiteral("version")).toInt();
                         if (info.id.isEmpty()) {
                             done(info, net::Error::make(net::ErrorCategory::Server,
                                                         tr("Data Prep created the mapping set but did not name "
                                                            "it. Try again later.")));
                             return;
                         }
                         done(info, {});
                     });
}

void DataPrepClient::mappingSet(const QString &id, int version, QObject *context,
                                std::function<void(const QJsonObject &, const net::Error &)> done)
{
    QUrlQuery q;
    if (version >= 0)
        q.addQueryItem(QStringLiteral("version"), QString::number(version));
    m_platform->send("GET", kMappingSets + QLatin1Char('/') + PlatformClient::segment(id), q, {}, {}, context,
                     [done](const net::HttpResponse &response, const net::Error &error) {
                         done(error ? QJsonObject() : response.object(), error);
                     });
}

void DataPrepClient::validate(const QJsonObject &body, QObject *context,
                              std::function<void(const QList<MappingCheck> &, const net::Error &)> done)
{
    const QJsonArray mappings = body.value(QStringLiteral("mappings")).toArray();
    m_platform->send("POST", kMappingSets + QStringLiteral("/validate"), {}, body, {}, context,
                     [done, mappings](const net::HttpResponse &response, const net::Error &error) {
                         QList<MappingCheck> checks;
                         if (error) {
                             done(checks, error);
                             return;
                         }
                         const QJsonArray results =
                             response.object().value(QStringLiteral("validationResponse")).toArray();
                         for (int i = 0; i < results.size(); ++i) {
                             const QJsonObject r = results.at(i).toObject();
                             const QJsonObject sent = mappings.at(i).toObject();
                             MappingCheck check;
                             check.source = sent.value(QStringLiteral("source")).toString();
                             check.destination = sent.value(QStringLiteral("destination")).toString();
                             check.status = r.value(QStringLiteral("status")).toString();
                             check.errors = r.value(QStringLiteral("errors")).toArray();
                             for (const QJsonValue &e : std::as_const(check.errors)) {
                                 const QJsonObject o = e.toObject();
                                 QString text = o.value(QStringLiteral("exception")).toString();
                                 if (text.isEmpty())
                                     text = o.value(QStringLiteral("message")).toString();
                                 if (text.isEmpty())
                                     text = e.toString();
                                 if (!text.isEmpty())
                                     check.problems.append(text);
                             }
                             checks.append(check);
                         }
                         done(checks, {});
                     });
}

} // namespace zaw::adobe

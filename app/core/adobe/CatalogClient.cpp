// SPDX-License-Identifier: GPL-3.0-or-later
#include "adobe/CatalogClient.h"

#include "adobe/PlatformClient.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>

namespace zaw::adobe {

namespace {

const QString kDataSets = QStringLiteral("/data/foundation/catalog/dataSets");

} // namespace

QString CatalogClient::dataSetsPath()
{
    return kDataSets;
}

CatalogClient::CatalogClient(PlatformClient *platform, QObject *parent)
    : QObject(parent)
    , m_platform(platform)
{}

QJsonObject CatalogClient::dataSetBody(const QString &name, const QString &schemaId, const QString &description)
{
    QJsonObject body{{QStringLiteral("name"), name},
                     {QStringLiteral("schemaRef"),
                      QJsonObject{{QStringLiteral("id"), schemaId},
                                  {QStringLiteral("contentType"),
                                   QStringLiteral("application/vnd.adobe.xed-full-notext+json; version=1")}}}};
    if (!description.isEmpty())
        body.insert(QStringLiteral("description"), description);
    return body;
}

QString CatalogClient::dataSetIdFromRef(const QString &ref)
{
    static const QRegularExpression re(QStringLiteral("^@/datasets/([^/\\s]+)$"),
                                       QRegularExpression::CaseInsensitiveOption);
    return re.match(ref.trimmed()).captured(1);
}

QList<DataSetInfo> CatalogClient::readDataSets(const QJsonObject &answer)
{
    QList<DataSetInfo> list;
    for (auto it = answer.begin(); it != answer.end(); ++it) {
        if (!it.value().isObject())
            continue;
        const QJsonObject o = it.value().toObject();
        DataSetInfo d;
        d.id = it.key();
        d.name = o.value(QStringLiteral("name")).toString();
        d.schemaId = o.value(QStringLiteral("schemaRef")).toObject().value(QStringLiteral("id")).toString();
        d.raw = o;
        list.append(d);
    }
    std::stable_sort(list.begin(), list.end(), [](const DataSetInfo &a, const DataSetInfo &b) {
        return a.raw.value(QStringLiteral("created")).toDouble() > b.raw.value(QStringLiteral("created")).toDouble();
    });
    return list;
}

void CatalogClient::createDataSet(const QJsonObject &body, QObject *context,
                                  std::function<void(const QString &, const net::Error &)> done)
{
    QUrlQuery q;
    // As the CRM tutorial creates it: the dataset is also prepared to receive source data.
    q.addQueryItem(QStringLiteral("requestDataSource"), QStringLiteral("true"));
    m_platform->send("POST", kDataSets, q, body, {}, context,
                     [done](const net::HttpResponse &response, const net::Error &error) {
                         if (error) {
                             done({}, error);
                             return;
                         }
                         // The answer is an array of one reference, ["@/dataSets/ID"].
                         const QString id = dataSetIdFromRef(response.json().toArray().first().toString());
                         if (id.isEmpty()) {
                             done({}, net::Error::make(net::ErrorCategory::Server,
                                                       tr("Adobe Experience Platform created the dataset but did "
                                                          "not name it. Look for it in the Datasets list before "
                                                          "trying again.")));
                             return;
                         }
                         done(id, {});
                     });
}

void CatalogClient::dataSet(const QString &id, QObject *context,
                            std::function<void(const DataSetInfo &, const net::Error &)> done)
{
    m_platform->send("GET", kDataSets + QLatin1Char('/') + PlatformClient::segment(id), {}, {}, {}, context,
                     [id, done](const net::HttpResponse &response, const net::Error &error) {
                         if (error) {
                             done({}, error);
                             return;
                         }
                         for (const DataSetInfo &d : readDataSets(response.object())) {
                             if (d.id == id) {
                                 done(d, {});
                                 return;
                             }
                         }
                         done({}, net::Error::make(net::ErrorCategory::Input,
                                                   tr("Adobe Experience Platform has no dataset with the ID %1 in "
                                                      "this sandbox. Pick another dataset or create a new one.")
                                                       .arg(id)));
                     });
}

void CatalogClient::dataSetsByName(const QString &name, QObject *context,
                                   std::function<void(const QList<DataSetInfo> &, const net::Error &)> done)
{
    QUrlQuery q;
    // Catalog's simple filter on a top-level field; the exact match is checked here as well.
    q.addQueryItem(QStringLiteral("name"), name);
    q.addQueryItem(QStringLiteral("limit"), QStringLiteral("100"));
    m_platform->send("GET", kDataSets, q, {}, {}, context,
                     [name, done](const net::HttpResponse &response, const net::Error &error) {
                         QList<DataSetInfo> matching;
                         if (error) {
                             done(matching, error);
                             return;
                         }
                         for (const DataSetInfo &d : readDataSets(response.object())) {
                             if (d.name == name)
                                 matching.append(d);
                         }
                         done(matching, {});
                     });
}

void CatalogClient::dataSets(QObject *context, std::function<void(const QList<DataSetInfo> &, const net::Error &)> done)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("limit"), QStringLiteral("100"));
    q.addQueryItem(QStringLiteral("orderBy"), QStringLiteral("desc:created"));
    m_platform->send("GET", kDataSets, q, {}, {}, context,
                     [done](const net::HttpResponse &response, const net::Error &error) {
                         done(error ? QList<DataSetInfo>() : readDataSets(response.object()), error);
                     });
}

void CatalogClient::deleteDataSet(const QString &id, QObject *context, std::function<void(const net::Error &)> done)
{
    m_platform->send("DELETE", kDataSets + QLatin1Char('/') + PlatformClient::segment(id), {}, {}, {}, context,
                     [done](const net::HttpResponse &, const net::Error &error) { done(error); });
}

} // namespace zaw::adobe

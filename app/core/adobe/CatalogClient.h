// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/Error.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>

namespace zaw::adobe {

class PlatformClient;

struct DataSetInfo
{
    QString id;
    QString name;
    QString schemaId; // schemaRef.id: the XDM schema's $id
    QJsonObject raw;
};

// Catalog (/data/foundation/catalog): the datasets a dataflow writes into.
class CatalogClient : public QObject
{
    Q_OBJECT

public:
    explicit CatalogClient(PlatformClient *platform, QObject *parent = nullptr);

    // POST /dataSets; done gets the new dataset's ID.
    void createDataSet(const QJsonObject &body, QObject *context,
                       std::function<void(const QString &, const net::Error &)> done);
    void dataSet(const QString &id, QObject *context,
                 std::function<void(const DataSetInfo &, const net::Error &)> done);
    // Datasets whose name is exactly name (newest first).
    void dataSetsByName(const QString &name, QObject *context,
                        std::function<void(const QList<DataSetInfo> &, const net::Error &)> done);
    // The sandbox's datasets, newest first (the first 100; the wizard lists them for a choice).
    void dataSets(QObject *context, std::function<void(const QList<DataSetInfo> &, const net::Error &)> done);
    void deleteDataSet(const QString &id, QObject *context, std::function<void(const net::Error &)> done);

    // Below the Platform URL, for the Review page and the exported script.
    static QString dataSetsPath();
    // A create body for a dataset of the given XDM schema.
    static QJsonObject dataSetBody(const QString &name, const QString &schemaId, const QString &description = {});
    // "@/dataSets/ID" → "ID" (the prose of the docs writes "@/datasets/"); empty when no match.
    static QString dataSetIdFromRef(const QString &ref);
    // The datasets of a Catalog answer, which is an object keyed by dataset ID.
    static QList<DataSetInfo> readDataSets(const QJsonObject &answer);

private:
    PlatformClient *m_platform;
};

} // namespace zaw::adobe

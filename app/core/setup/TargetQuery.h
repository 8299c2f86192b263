// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/Error.h"

#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace zaw::adobe {
class PlatformClient;
class CatalogClient;
class SchemaRegistryClient;
} // namespace zaw::adobe

namespace zaw::setup {

// A dataset a dataflow can write into.
struct TargetDataSet
{
    QString id;
    QString name;
    QString schemaId; // the XDM schema's $id

    // "name (id)" (translated pattern).
    QString displayName() const;
};

// What the Target page asks Experience Platform: the tenant (the namespace of the new schema's
// fields), the datasets to choose from, and one dataset's schema.
class TargetQuery : public QObject
{
    Q_OBJECT

public:
    // platform must outlive this object.
    explicit TargetQuery(adobe::PlatformClient *platform, QObject *parent = nullptr);
    ~TargetQuery() override;

    // The Schema Registry tenant ID, without the leading underscore.
    void tenantId(QObject *context, std::function<void(const QString &tenant, const net::Error &error)> done);
    // The sandbox's datasets that have an XDM schema (a dataflow cannot write into one without),
    // newest first.
    void dataSets(QObject *context, std::function<void(const QList<TargetDataSet> &, const net::Error &error)> done);
    // One dataset, with the $id of its schema (empty schemaId: the dataset has none).
    void dataSet(const QString &id, QObject *context,
                 std::function<void(const TargetDataSet &, const net::Error &error)> done);

private:
    std::unique_ptr<adobe::SchemaRegistryClient> m_schemas;
    std::unique_ptr<adobe::CatalogClient> m_catalog;
};

} // namespace zaw::setup

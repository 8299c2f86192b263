// SPDX-License-Identifier: GPL-3.0-or-later
#include "setup/TargetQuery.h"

#include "adobe/CatalogClient.h"
#include "adobe/SchemaRegistryClient.h"

#include <QCoreApplication>

namespace zaw::setup {

namespace {

TargetDataSet fromInfo(const adobe::DataSetInfo &d)
{
    return TargetDataSet{d.id, d.name, d.schemaId};
}

} // namespace

QString TargetDataSet::displayName() const
{
    return QCoreApplication::translate("zaw::setup::TargetQuery", "%1 (%2)").arg(name, id);
}

TargetQuery::TargetQuery(adobe::PlatformClient *platform, QObject *parent)
    : QObject(parent)
    , m_schemas(std::make_unique<adobe::SchemaRegistryClient>(platform))
    , m_catalog(std::make_unique<adobe::CatalogClient>(platform))
{}

TargetQuery::~TargetQuery() = default;

void TargetQuery::tenantId(QObject *context, std::function<void(const QString &, const net::Error &)> done)
{
    m_schemas->tenantId(context, std::move(done));
}

void TargetQuery::dataSets(QObject *context, std::function<void(const QList<TargetDataSet> &, const net::Error &)> done)
{
    m_catalog->dataSets(context, [done](const QList<adobe::DataSetInfo> &list, const net::Error &error) {
        QList<TargetDataSet> out;
        for (const adobe::DataSetInfo &d : list) {
            if (!d.schemaId.isEmpty()) // a dataflow can only write into a dataset with an XDM schema
                out.append(fromInfo(d));
        }
        done(out, error);
    });
}

void TargetQuery::dataSet(const QString &id, QObject *context,
                          std::function<void(const TargetDataSet &, const net::Error &)> done)
{
    m_catalog->dataSet(id, context, [done](const adobe::DataSetInfo &d, const net::Error &error) {
        done(error ? TargetDataSet{} : fromInfo(d), error);
    });
}

} // namespace zaw::setup

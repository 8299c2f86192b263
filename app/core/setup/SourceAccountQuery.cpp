// SPDX-License-Identifier: GPL-3.0-or-later
#include "setup/SourceAccountQuery.h"

#include "adobe/FlowServiceClient.h"

#include <QCoreApplication>

namespace zaw::setup {

using adobe::FlowServiceClient;

QString BaseConnectionInfo::displayName() const
{
    if (name.isEmpty())
        return id;
    return QCoreApplication::translate("zaw::setup::SourceAccountQuery", "%1 (%2)").arg(name, id);
}

SourceAccountQuery::SourceAccountQuery(adobe::PlatformClient *platform, QObject *parent)
    : QObject(parent)
    , m_flows(std::make_unique<FlowServiceClient>(platform))
{}

SourceAccountQuery::~SourceAccountQuery() = default;

void SourceAccountQuery::checkSource(QObject *context, std::function<void(const net::Error &)> done)
{
    // FlowServiceClient turns a missing Zoho spec into the retired-source error.
    m_flows->connectionSpec(QLatin1String(FlowServiceClient::kZohoConnectionSpecId), context,
                            [done](const QJsonObject &, const net::Error &error) { done(error); });
}

void SourceAccountQuery::baseConnections(
    QObject *context, std::function<void(const QList<BaseConnectionInfo> &, const net::Error &)> done)
{
    m_flows->connections({FlowServiceClient::propertyEquals(QStringLiteral("connectionSpec.id"),
                                                            QLatin1String(FlowServiceClient::kZohoConnectionSpecId))},
                         context, [done](const QList<QJsonObject> &items, const net::Error &error) {
                             QList<BaseConnectionInfo> out;
                             for (const QJsonObject &c : items) {
                                 BaseConnectionInfo info;
                                 info.id = c.value(QStringLiteral("id")).toString();
                                 info.name = c.value(QStringLiteral("name")).toString();
                                 info.description = c.value(QStringLiteral("description")).toString();
                                 info.state = c.value(QStringLiteral("state")).toString();
                                 info.etag = c.value(QStringLiteral("etag")).toString();
                                 if (!info.id.isEmpty())
                                     out.append(info);
                             }
                             done(out, error);
                         });
}

bool SourceAccountQuery::isRetiredSource(const net::Error &error)
{
    return FlowServiceClient::isRetiredSourceError(error);
}

} // namespace zaw::setup

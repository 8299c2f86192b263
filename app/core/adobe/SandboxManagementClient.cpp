// SPDX-License-Identifier: GPL-3.0-or-later
#include "adobe/SandboxManagementClient.h"

#include "adobe/PlatformClient.h"

#include <QJsonArray>

namespace zaw::adobe {

SandboxManagementClient::SandboxManagementClient(PlatformClient *platform, QObject *parent)
    : QObject(parent)
    , m_platform(platform)
{}

void SandboxManagementClient::list(QObject *context,
                                   std::function<void(const QList<SandboxInfo> &, const net::Error &)> done)
{
    m_platform->send(
        "GET", QStringLiteral("/data/foundation/sandbox-management/"), {}, {}, {}, context,
        [done](const net::HttpResponse &response, const net::Error &error) {
            QList<SandboxInfo> list;
            if (error) {
                done(list, error);
                return;
            }
            for (const QJsonValue &v : response.object().value(QStringLiteral("sandboxes")).toArray()) {
                const QJsonObject o = v.toObject();
                SandboxInfo s;
                s.name = o.value(QStringLiteral("name")).toString();
                s.title = o.value(QStringLiteral("title")).toString();
                s.type = o.value(QStringLiteral("type")).toString();
                s.state = o.value(QStringLiteral("state")).toString();
                s.region = o.value(QStringLiteral("region")).toString();
                s.isDefault = o.value(QStringLiteral("isDefault")).toBool();
                if (s.title.isEmpty())
                    s.title = s.name;
                if (!s.name.isEmpty())
                    list.append(s);
            }
            done(list, {});
        },
        PlatformClient::Scope::Organisation);
}

} // namespace zaw::adobe

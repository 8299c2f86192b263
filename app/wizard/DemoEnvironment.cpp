// SPDX-License-Identifier: GPL-3.0-or-later
#include "DemoEnvironment.h"

#include "net/HttpClient.h"
#include "sandbox/SandboxServer.h"

#include <QDir>
#include <QFileInfo>

namespace zaw {

DemoEnvironment::DemoEnvironment(QObject *parent)
    : QObject(parent)
{}

DemoEnvironment::~DemoEnvironment() = default;

std::optional<Endpoints> DemoEnvironment::start(const QString &stateFile, QString *error)
{
    auto server = std::make_unique<sandbox::SandboxServer>();
    if (!stateFile.isEmpty()) {
        QDir().mkpath(QFileInfo(stateFile).absolutePath());
        QString detail;
        if (!server->setStateFile(stateFile, &detail)) {
            *error = tr("The demo sandbox could not read its saved state (%1). Delete the file to start afresh.")
                         .arg(detail);
            return std::nullopt;
        }
    }
    QString detail;
    if (!server->start(QHostAddress::LocalHost, 0, &detail)) {
        *error = tr("The demo sandbox could not start: %1").arg(detail);
        return std::nullopt;
    }
    auto endpoints = Endpoints::fromJson(server->endpointsJson(), error);
    if (!endpoints)
        return std::nullopt;
    m_sandbox = std::move(server);
    return endpoints;
}

QUrl DemoEnvironment::url() const
{
    return m_sandbox ? m_sandbox->url() : QUrl();
}

void DemoEnvironment::runFlowNow(net::HttpClient *http, const QString &flowId, QObject *context,
                                 std::function<void()> done)
{
    QUrl target = url();
    target.setPath(QStringLiteral("/_sandbox/adobe/flows/%1/run").arg(flowId));
    net::HttpCall *call = http->send(net::HttpRequest::json("POST", target, QJsonObject{}));
    connect(call, &net::HttpCall::finished, context, [done] { done(); });
}

QJsonObject DemoEnvironment::credentials() const
{
    return m_sandbox ? m_sandbox->credentials() : QJsonObject();
}

} // namespace zaw

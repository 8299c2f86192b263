// SPDX-License-Identifier: GPL-3.0-or-later
#include "DemoEnvironment.h"

#include "net/HttpClient.h"
#include "sandbox/SandboxServer.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>

#include <memory>

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

namespace zaw {

bool DemoEnvironment::setRetiredZohoSource(bool retired)
{
    if (!m_sandbox)
        return false;
    m_sandbox->setRetiredZohoSource(retired);
    return true;
}

bool DemoEnvironment::isRetiredZohoSource() const
{
    // Kept in the sandbox's state: a demo started again acts as it did.
    return m_sandbox && m_sandbox->retiredZohoSource();
}

void DemoEnvironment::changeZohoData(net::HttpClient *http, const QString &login, const QString &editId,
                                     const QString &deleteId, QObject *context,
                                     std::function<void(const QString &error)> done)
{
    // One after the other: 3 new leads, one edited, one deleted.
    const QString leads = QStringLiteral("Leads");
    const QList<QJsonObject> changes{
        {{QStringLiteral("login"), login},
         {QStringLiteral("op"), QStringLiteral("add")},
         {QStringLiteral("module"), leads},
         {QStringLiteral("count"), 3}},
        {{QStringLiteral("login"), login},
         {QStringLiteral("op"), QStringLiteral("edit")},
         {QStringLiteral("module"), leads},
         {QStringLiteral("id"), editId},
         {QStringLiteral("fields"), QJsonObject{{QStringLiteral("Last_Name"), QStringLiteral("Edited in the demo")}}}},
        {{QStringLiteral("login"), login},
         {QStringLiteral("op"), QStringLiteral("delete")},
         {QStringLiteral("module"), leads},
         {QStringLiteral("id"), deleteId}}};
    auto next = std::make_shared<std::function<void(int)>>();
    QUrl target = url();
    target.setPath(QStringLiteral("/_sandbox/zoho/change"));
    *next = [this, http, context, done, changes, target, next](int index) {
        if (index >= changes.size()) {
            done({});
            *next = nullptr; // breaks the cycle
            return;
        }
        net::HttpCall *call = http->send(net::HttpRequest::json("POST", target, changes.at(index)));
        connect(call, &net::HttpCall::finished, context,
                [done, index, next](const net::HttpResponse &response, const net::Error &transportError) {
                    const int status = response.status;
                    if (transportError || status < 200 || status >= 300) {
                        done(tr("The demo sandbox did not change the Zoho data (HTTP %1). Try again.").arg(status));
                        *next = nullptr;
                        return;
                    }
                    (*next)(index + 1);
                });
    };
    (*next)(0);
}

} // namespace zaw

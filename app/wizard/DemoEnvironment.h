// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "endpoints/Endpoints.h"

#include <QJsonObject>
#include <QObject>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

namespace zaw {

namespace sandbox {
class SandboxServer;
}
namespace net {
class HttpClient;
}

// The built-in sandbox of demo mode (DESIGN §4), in this process on a free loopback port.
class DemoEnvironment : public QObject
{
    Q_OBJECT

public:
    explicit DemoEnvironment(QObject *parent = nullptr);
    ~DemoEnvironment() override;

    // Starts the sandbox, keeping its state in stateFile so that re-running the demo finds what
    // the last run created. Returns its service addresses, or nothing with *error (translated).
    std::optional<Endpoints> start(const QString &stateFile, QString *error);
    bool isRunning() const { return m_sandbox != nullptr; }
    QUrl url() const;
    // {"zoho": {...}, "adobe": {...}} of the sandbox; empty when it is not running.
    QJsonObject credentials() const;
    // Starts a run of the dataflow at once instead of at its start time (the sandbox's own
    // control endpoint); done runs once, only while context lives.
    void runFlowNow(net::HttpClient *http, const QString &flowId, QObject *context, std::function<void()> done);

    // "Act like a 2026 organisation": the Platform side answers without the Zoho CRM connection
    // spec (Adobe retired the source at the end of June 2025). Returns false when the sandbox is
    // not running.
    bool setRetiredZohoSource(bool retired);
    bool isRetiredZohoSource() const;
    // The demo's "Change demo data in Zoho": adds 3 leads, edits editId and deletes deleteId
    // (records of the Zoho user login's org) through the sandbox's control endpoint, so the next
    // sync shows them arriving. done gets a translated error message (empty on success); it runs
    // once, only while context lives.
    void changeZohoData(net::HttpClient *http, const QString &login, const QString &editId, const QString &deleteId,
                        QObject *context, std::function<void(const QString &error)> done);

private:
    std::unique_ptr<sandbox::SandboxServer> m_sandbox;
};

} // namespace zaw

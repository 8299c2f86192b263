// SPDX-License-Identifier: GPL-3.0-or-later
// Test helpers: an in-process sandbox on a free loopback port and a small synchronous HTTP
// client over real sockets (QNetworkAccessManager), for QtTest suites.
#pragma once

#include "endpoints/Endpoints.h"
#include "sandbox/SandboxServer.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPair>
#include <QUrl>
#include <QUrlQuery>

#include <memory>

namespace zaw::test {

struct HttpResult
{
    int status = 0; // 0 when no HTTP answer arrived
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QList<QPair<QByteArray, QByteArray>> headers; // as received (raw names)
    QByteArray body;

    QByteArray header(const QByteArray &name) const; // case-insensitive
    QJsonValue json() const;                         // object or array, null when not JSON
    QJsonObject object() const { return json().toObject(); }
};

class Http
{
public:
    Http();
    ~Http();
    // No redirects are followed: tests look at 302 answers themselves.
    HttpResult send(const QByteArray &method, const QUrl &url, const QList<QPair<QByteArray, QByteArray>> &headers = {},
                    const QByteArray &body = {}, int timeoutMs = 15000);
    HttpResult get(const QUrl &url, const QList<QPair<QByteArray, QByteArray>> &headers = {});
    HttpResult postForm(const QUrl &url, const QUrlQuery &form,
                        const QList<QPair<QByteArray, QByteArray>> &headers = {});
    HttpResult postJson(const QUrl &url, const QJsonValue &json,
                        const QList<QPair<QByteArray, QByteArray>> &headers = {});

private:
    std::unique_ptr<QNetworkAccessManager> m_nam;
};

// Starts an in-process sandbox on 127.0.0.1 and a free port.
class SandboxFixture
{
public:
    explicit SandboxFixture(const sandbox::SandboxOptions &options = {});
    ~SandboxFixture();

    sandbox::SandboxServer &server() { return *m_server; }
    QUrl url(const QString &path) const; // the sandbox's base URL + path
    QJsonObject credentials() const { return m_server->credentials(); }
    // The endpoints table describing this sandbox, as the product loads it.
    Endpoints endpoints() const;
    // Adds a fault through the control endpoint, as an external test would.
    void addFault(const QJsonObject &fault);
    // Requests seen by the sandbox whose method matches (empty = any) and whose path matches
    // the regular expression.
    int countRequests(const QByteArray &method, const QString &pathPattern) const;

    Http http;

private:
    std::unique_ptr<sandbox::SandboxServer> m_server;
};

} // namespace zaw::test

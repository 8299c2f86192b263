// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SandboxHttp.h"

#include <QAbstractHttpServer>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonObject>

#include <memory>

namespace zaw::sandbox {

// One injected fault (DESIGN §4). Matches requests by method (empty = any) and a regular
// expression searched in the path.
struct Fault
{
    QByteArray method;
    QRegularExpression route;
    int status = 0;        // answer this status instead of handling the request
    int retryAfter = -1;   // seconds, sent as Retry-After
    int count = -1;        // how many requests it still applies to; -1 = every one
    int delayMs = 0;       // latency before the answer
    QString drop;          // "before" | "after" | empty
    bool truncate = false; // send the headers and half of the body, then close
    int trickleMs = 0;     // send the body in small chunks, this many ms apart
    // "body": answer `status` (200 when not given) with exactly these bytes instead of handling the
    // request: a non-JSON body (an HTML error page of a proxy) or JSON of the wrong shape.
    std::optional<QByteArray> body;
    QByteArray contentType; // of `body`; empty: text/html; charset=utf-8

    static std::optional<Fault> fromJson(const QJsonObject &json, QString *error);
    QJsonObject toJson() const;
};

class ZohoService;
class AdobeService;

// The emulator: Zoho Accounts + CRM for every data centre and Adobe IMS + Platform, on one
// loopback port. Runs in the caller's thread (demo mode embeds it in the wizard).
class SandboxServer : public QAbstractHttpServer
{
    Q_OBJECT

public:
    explicit SandboxServer(const SandboxOptions &options = {}, QObject *parent = nullptr);
    ~SandboxServer() override;

    // Listens on address:port (0 = any free port). Returns false and sets *error on failure.
    bool start(const QHostAddress &address, quint16 port, QString *error);
    QUrl url() const;
    quint16 port() const;

    // --state FILE: loads it when it exists and writes it after every change.
    bool setStateFile(const QString &path, QString *error);
    // The demo's first page switches between a 2026 organisation (Zoho source retired) and an
    // older one at runtime; also POST /_sandbox/options {"retiredZohoSource": bool}.
    void setRetiredZohoSource(bool retired);
    bool retiredZohoSource() const;
    void addFault(const Fault &fault);
    void clearFaults();
    // The endpoints file (DESIGN §3) describing this sandbox.
    QByteArray endpointsJson() const;
    // {"url", "zoho": {...}, "adobe": {...}} as printed by --print-credentials.
    QJsonObject credentials() const;
    // Requests seen so far (secrets masked), oldest first.
    QJsonArray requestLog() const;
    void expireAccessTokens();
    void addRedirectUri(const QString &uri);

    // Dispatch without HTTP (used for the Platform side's calls to the Zoho side).
    Response call(Request request);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace zaw::sandbox

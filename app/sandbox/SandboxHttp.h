// SPDX-License-Identifier: GPL-3.0-or-later
// The sandbox's own small request/response model. QHttpServerRequest cannot be copied or kept,
// and faults (latency, dropped or truncated replies) need the whole answer before anything is
// written, so every handler works on these plain values.
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <optional>

namespace zaw::sandbox {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

struct Request
{
    QByteArray method;  // upper case: GET, POST, PUT, PATCH, DELETE
    QString path;       // decoded path, e.g. "/zoho/eu/accounts/oauth/v2/auth"
    QUrlQuery query;    // the URL's query (fully decoded values via queryItemValue(.., FullyDecoded))
    HeaderList headers; // names in lower case, in arrival order
    QByteArray body;
    QStringList captures;  // capture groups of the matched route; [0] is the whole path
    QString requestId;     // unique per request, also sent back as x-request-id
    bool internal = false; // an in-process call from another part of the sandbox (not over HTTP)

    QByteArray header(const QByteArray &name) const; // case-insensitive; first value or empty
    QList<QByteArray> headerValues(const QByteArray &name) const;
    bool hasHeader(const QByteArray &name) const;
    QString queryValue(const QString &key) const; // fully decoded, empty when absent
    QStringList queryValues(const QString &key) const;
    // The body parsed as JSON; *ok is false for an empty or malformed body.
    QJsonValue json(bool *ok = nullptr) const;
    // Fields of an application/x-www-form-urlencoded or multipart/form-data body.
    QList<QPair<QString, QString>> formFields() const;
    QString capture(int index) const { return index < captures.size() ? captures.at(index) : QString(); }
};

struct Response
{
    int status = 200;
    HeaderList headers;
    QByteArray body;

    static Response json(const QJsonValue &value, int status = 200);
    static Response html(const QString &html, int status = 200);
    static Response text(const QByteArray &text, int status = 200);
    static Response empty(int status = 204);
    static Response redirect(const QUrl &location, int status = 302);

    Response &withHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(const QByteArray &name) const;
    QJsonValue jsonBody() const;
};

using Handler = std::function<Response(const Request &)>;

// Routes on the path with anchored regular expressions; the first match wins. A path that
// matches a route of another method answers 405.
class Router
{
public:
    void add(const QByteArray &method, const QString &pattern, Handler handler);
    std::optional<Response> dispatch(Request &request) const;

private:
    struct Route
    {
        QByteArray method;
        QRegularExpression pattern;
        Handler handler;
    };
    QList<Route> m_routes;
};

// What every service of the sandbox can reach: options, its own base URL, the clock and
// in-process calls to the other services.
struct SandboxOptions
{
    int codeTtlSeconds = 120;         // Zoho grant codes
    int zohoTokenTtlSeconds = 3600;   // Zoho access tokens
    int adobeTokenTtlSeconds = 86399; // Adobe IMS tokens
    bool relaxedLimits = false;       // --limits relaxed: Zoho's token limits off
    // --retired-zoho-source: the Platform side answers like a 2026 organisation, whose catalogue
    // no longer has the Zoho CRM connection spec (Adobe retired the source in June 2025).
    bool retiredZohoSource = false;
    // How long a Zoho Bulk Read job takes: ADDED for the first third, then IN PROGRESS, then
    // COMPLETED (POST /_sandbox/options {"bulkReadMs"}).
    int bulkReadMs = 1000;
};

class SandboxContext
{
public:
    SandboxOptions options;
    QUrl baseUrl; // e.g. http://127.0.0.1:41234 (no trailing slash)
    // The --state file, or empty. Large data (ingested dataset rows) goes into files beside it,
    // <stateFile>.rows/<dataset>.jsonl, written only when they change.
    QString stateFile;

    // Dispatches a request through the router in-process: no faults, no HTTP.
    std::function<Response(Request)> internalCall;
    // Called after every change of persistent state.
    std::function<void()> stateChanged;

    QUrl url(const QString &path) const; // baseUrl + path
    // The path of url below baseUrl, or an empty string when url is not served by this sandbox.
    QString localPath(const QUrl &url) const;
    void changed() const
    {
        if (stateChanged)
            stateChanged();
    }
    static QDateTime now() { return QDateTime::currentDateTimeUtc(); }
    static QString randomHex(int bytes);
    static QString uuid(); // lower-case UUID v4 without braces
};

// A part of the sandbox (Zoho, Adobe) with its routes and its persistent state.
class Service
{
public:
    virtual ~Service() = default;
    virtual void registerRoutes(Router &router) = 0;
    virtual QJsonObject saveState() const = 0;
    virtual void loadState(const QJsonObject &state) = 0;
    // Forced expiry for tests: every access token issued so far stops working now.
    virtual void expireAccessTokens() = 0;
    // The credentials/users part of --print-credentials.
    virtual QJsonObject credentials() const = 0;
};

} // namespace zaw::sandbox

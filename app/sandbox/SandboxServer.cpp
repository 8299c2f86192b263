// SPDX-License-Identifier: GPL-3.0-or-later
#include "SandboxServer.h"

#include "AdobeService.h"
#include "ZohoService.h"
#include "endpoints/Endpoints.h"

#include <QFile>
#include <QFileInfo>
#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QPointer>
#include <QSaveFile>
#include <QSet>
#include <QTcpSocket>
#include <QTimer>

namespace zaw::sandbox {

namespace {

constexpr int kRequestLogLimit = 20000;

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    default:
        return "UNKNOWN";
    }
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 302:
        return "Found";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 406:
        return "Not Acceptable";
    case 409:
        return "Conflict";
    case 412:
        return "Precondition Failed";
    case 415:
        return "Unsupported Media Type";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

// Query parameters whose values are secrets or one-time credentials: never in the request log.
bool isSecretKey(const QString &key)
{
    static const QSet<QString> keys = {
        QStringLiteral("client_secret"), QStringLiteral("code"),         QStringLiteral("refresh_token"),
        QStringLiteral("access_token"),  QStringLiteral("token"),        QStringLiteral("code_verifier"),
        QStringLiteral("password"),      QStringLiteral("clientsecret"), QStringLiteral("assertion")};
    return keys.contains(key.toLower());
}

QString maskedQuery(const QUrlQuery &query)
{
    QUrlQuery masked;
    for (const auto &item : query.queryItems(QUrl::FullyDecoded))
        masked.addQueryItem(item.first, isSecretKey(item.first) ? QStringLiteral("***") : item.second);
    return masked.query(QUrl::FullyDecoded);
}

// The error body an injected status carries, in the shape of the service the path belongs to;
// or the fault's own raw body.
Response faultResponse(const Request &request, const Fault &fault)
{
    const int status = fault.status;
    if (fault.body) {
        Response raw;
        raw.status = status;
        raw.body = *fault.body;
        raw.withHeader("content-type",
                       fault.contentType.isEmpty() ? QByteArray("text/html; charset=utf-8") : fault.contentType);
        if (fault.retryAfter >= 0)
            raw.withHeader("retry-after", QByteArray::number(fault.retryAfter));
        return raw;
    }
    const bool tooMany = status == 429;
    Response r;
    if (request.path.startsWith(QLatin1String("/zoho/")) && request.path.contains(QLatin1String("/crm/"))) {
        r = Response::json(QJsonObject{{QStringLiteral("code"), tooMany ? QStringLiteral("TOO_MANY_REQUESTS")
                                                                        : QStringLiteral("INTERNAL_ERROR")},
                                       {QStringLiteral("details"), QJsonObject()},
                                       {QStringLiteral("message"), tooMany ? QStringLiteral("too many requests")
                                                                           : QStringLiteral("Internal Server Error")},
                                       {QStringLiteral("status"), QStringLiteral("error")}},
                           status);
    } else if (request.path.startsWith(QLatin1String("/adobe/platform/"))) {
        const QString code = QStringLiteral("%1-%2").arg(tooMany ? 1429 : 1000).arg(status);
        r = Response::json(
            QJsonObject{{QStringLiteral("type"), QStringLiteral("https://ns.adobe.com/aep/errors/FLOW-") + code},
                        {QStringLiteral("title"), QString::fromLatin1(reasonPhrase(status))},
                        {QStringLiteral("status"), status},
                        {QStringLiteral("report"),
                         QJsonObject{{QStringLiteral("detailed-message"), QStringLiteral("Injected fault.")},
                                     {QStringLiteral("request-id"), request.requestId}}}},
            status);
    } else {
        r = Response::json(QJsonObject{{QStringLiteral("error"), tooMany ? QStringLiteral("too_many_requests")
                                                                         : QStringLiteral("server_error")}},
                           status);
    }
    if (fault.retryAfter >= 0)
        r.withHeader("retry-after", QByteArray::number(fault.retryAfter));
    return r;
}

QByteArray serialise(const Response &response, const QString &requestId, bool close)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    for (const auto &h : response.headers)
        out += h.first + ": " + h.second + "\r\n";
    if (response.status != 204 && response.status != 304)
        out += "content-length: " + QByteArray::number(response.body.size()) + "\r\n";
    out += "x-request-id: " + requestId.toLatin1() + "\r\n";
    if (close)
        out += "connection: close\r\n";
    out += "\r\n";
    return out;
}

} // namespace

std::optional<Fault> Fault::fromJson(const QJsonObject &json, QString *error)
{
    static const QSet<QString> known = {
        QStringLiteral("method"),  QStringLiteral("route"), QStringLiteral("status"),     QStringLiteral("retryAfter"),
        QStringLiteral("count"),   QStringLiteral("delay"), QStringLiteral("drop"),       QStringLiteral("truncate"),
        QStringLiteral("trickle"), QStringLiteral("body"),  QStringLiteral("contentType")};
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!known.contains(it.key())) {
            *error = QStringLiteral("unknown fault key: %1").arg(it.key());
            return std::nullopt;
        }
    }
    Fault f;
    f.method = json.value(QStringLiteral("method")).toString().toUpper().toLatin1();
    f.route = QRegularExpression(json.value(QStringLiteral("route")).toString());
    if (!f.route.isValid()) {
        *error = QStringLiteral("route is not a valid regular expression: %1").arg(f.route.errorString());
        return std::nullopt;
    }
    f.status = json.value(QStringLiteral("status")).toInt(0);
    if (f.status != 0 && (f.status < 100 || f.status > 599)) {
        *error = QStringLiteral("status must be an HTTP status code");
        return std::nullopt;
    }
    f.retryAfter = json.value(QStringLiteral("retryAfter")).toInt(-1);
    f.count = json.value(QStringLiteral("count")).toInt(-1);
    f.delayMs = json.value(QStringLiteral("delay")).toInt(0);
    f.drop = json.value(QStringLiteral("drop")).toString();
    if (!f.drop.isEmpty() && f.drop != QLatin1String("before") && f.drop != QLatin1String("after")) {
        *error = QStringLiteral("drop must be \"before\" or \"after\"");
        return std::nullopt;
    }
    f.truncate = json.value(QStringLiteral("truncate")).toBool(false);
    f.trickleMs = json.value(QStringLiteral("trickle")).toInt(0);
    const QJsonValue body = json.value(QStringLiteral("body"));
    const QJsonValue contentType = json.value(QStringLiteral("contentType"));
    if ((!body.isUndefined() && !body.isString()) || (!contentType.isUndefined() && !contentType.isString())) {
        *error = QStringLiteral("body and contentType must be strings");
        return std::nullopt;
    }
    if (body.isString()) {
        f.body = body.toString().toUtf8();
        if (f.status == 0)
            f.status = 200;
    } else if (contentType.isString()) {
        *error = QStringLiteral("contentType needs a body");
        return std::nullopt;
    }
    f.contentType = contentType.toString().toLatin1();
    if (f.delayMs < 0 || f.trickleMs < 0 || f.count == 0) {
        *error = QStringLiteral("delay and trickle must be >= 0 and count >= 1");
        return std::nullopt;
    }
    return f;
}

QJsonObject Fault::toJson() const
{
    QJsonObject o{{QStringLiteral("route"), route.pattern()}};
    if (!method.isEmpty())
        o.insert(QStringLiteral("method"), QString::fromLatin1(method));
    if (status)
        o.insert(QStringLiteral("status"), status);
    if (retryAfter >= 0)
        o.insert(QStringLiteral("retryAfter"), retryAfter);
    if (count >= 0)
        o.insert(QStringLiteral("count"), count);
    if (delayMs)
        o.insert(QStringLiteral("delay"), delayMs);
    if (!drop.isEmpty())
        o.insert(QStringLiteral("drop"), drop);
    if (truncate)
        o.insert(QStringLiteral("truncate"), true);
    if (trickleMs)
        o.insert(QStringLiteral("trickle"), trickleMs);
    if (body) {
        o.insert(QStringLiteral("body"), QString::fromUtf8(*body));
        if (!contentType.isEmpty())
            o.insert(QStringLiteral("contentType"), QString::fromLatin1(contentType));
    }
    return o;
}

struct SandboxServer::Private
{
    SandboxContext context;
    Router router;
    std::unique_ptr<ZohoService> zoho;
    std::unique_ptr<AdobeService> adobe;
    QList<Fault> faults;
    QJsonArray log;
    QString stateFile;
    bool savePending = false;
    // Options changed at runtime (POST /_sandbox/options, setRetiredZohoSource): saved in the
    // state file and applied again on load, over the command line's.
    QJsonObject optionOverrides;

    void applyOptions(const QJsonObject &o)
    {
        if (o.contains(QStringLiteral("retiredZohoSource")))
            context.options.retiredZohoSource = o.value(QStringLiteral("retiredZohoSource")).toBool();
        if (o.contains(QStringLiteral("bulkReadMs")))
            context.options.bulkReadMs = o.value(QStringLiteral("bulkReadMs")).toInt();
        for (auto it = o.begin(); it != o.end(); ++it)
            optionOverrides.insert(it.key(), it.value());
    }
    quint16 port = 0;

    void writeState()
    {
        savePending = false;
        QSaveFile file(stateFile);
        if (!file.open(QIODevice::WriteOnly))
            return;
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        const QJsonObject state{{QStringLiteral("zoho"), zoho->saveState()},
                                {QStringLiteral("adobe"), adobe->saveState()},
                                {QStringLiteral("options"), optionOverrides}};
        file.write(QJsonDocument(state).toJson(QJsonDocument::Compact));
        file.commit();
    }

    void log_(const Request &request, int status, const QString &outcome)
    {
        if (log.size() >= kRequestLogLimit)
            log.removeFirst();
        QJsonObject entry{{QStringLiteral("method"), QString::fromLatin1(request.method)},
                          {QStringLiteral("path"), request.path},
                          {QStringLiteral("query"), maskedQuery(request.query)},
                          {QStringLiteral("status"), status},
                          {QStringLiteral("requestId"), request.requestId},
                          {QStringLiteral("time"), SandboxContext::now().toString(Qt::ISODateWithMs)}};
        if (request.internal)
            entry.insert(QStringLiteral("internal"), true);
        if (!outcome.isEmpty())
            entry.insert(QStringLiteral("fault"), outcome);
        log.append(entry);
    }
};

SandboxServer::SandboxServer(const SandboxOptions &options, QObject *parent)
    : QAbstractHttpServer(parent)
    , d(std::make_unique<Private>())
{
    d->context.options = options;
    d->context.internalCall = [this](Request request) { return call(std::move(request)); };
    d->context.stateChanged = [this] {
        if (d->stateFile.isEmpty() || d->savePending)
            return;
        d->savePending = true;
        // Coalesce a burst of changes into one write.
        QTimer::singleShot(0, this, [this] { d->writeState(); });
    };
    d->zoho = std::make_unique<ZohoService>(&d->context);
    d->adobe = std::make_unique<AdobeService>(&d->context);

    Router &r = d->router;
    r.add("GET", QStringLiteral("/_sandbox/health"), [](const Request &) {
        return Response::json(QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")}});
    });
    r.add("POST", QStringLiteral("/_sandbox/clients"), [this](const Request &req) {
        const QString uri = req.json().toObject().value(QStringLiteral("redirectUri")).toString();
        const QUrl url(uri, QUrl::StrictMode);
        if (!url.isValid() || url.scheme() != QLatin1String("http") || !Endpoints::isLoopbackHost(url.host()) ||
            url.port() <= 0 || url.hasQuery() || url.hasFragment()) {
            return Response::json(
                QJsonObject{
                    {QStringLiteral("error"),
                     QStringLiteral("redirectUri must be http://127.0.0.1:PORT/PATH or http://localhost:PORT/PATH")}},
                400);
        }
        addRedirectUri(uri);
        return Response::json(QJsonObject{{QStringLiteral("redirectUri"), uri}}, 201);
    });
    r.add("POST", QStringLiteral("/_sandbox/options"), [this](const Request &req) {
        bool ok = false;
        const QJsonObject body = req.json(&ok).toObject();
        const QJsonValue retired = body.value(QStringLiteral("retiredZohoSource"));
        const QJsonValue bulkReadMs = body.value(QStringLiteral("bulkReadMs"));
        if (!ok || (!retired.isUndefined() && !retired.isBool()) ||
            (!bulkReadMs.isUndefined() && (!bulkReadMs.isDouble() || bulkReadMs.toInt(-1) < 0))) {
            return Response::json(
                QJsonObject{{QStringLiteral("error"),
                             QStringLiteral("the body must be {\"retiredZohoSource\": bool, \"bulkReadMs\": ms}")}},
                400);
        }
        QJsonObject changed;
        if (retired.isBool())
            changed.insert(QStringLiteral("retiredZohoSource"), retired);
        if (bulkReadMs.isDouble())
            changed.insert(QStringLiteral("bulkReadMs"), bulkReadMs.toInt());
        d->applyOptions(changed);
        d->context.changed();
        return Response::json(QJsonObject{{QStringLiteral("retiredZohoSource"), d->context.options.retiredZohoSource},
                                          {QStringLiteral("bulkReadMs"), d->context.options.bulkReadMs}});
    });
    r.add("GET", QStringLiteral("/_sandbox/requests"), [this](const Request &) {
        return Response::json(QJsonObject{{QStringLiteral("requests"), d->log}});
    });
    r.add("DELETE", QStringLiteral("/_sandbox/requests"), [this](const Request &) {
        d->log = QJsonArray();
        return Response::empty(204);
    });
    r.add("GET", QStringLiteral("/_sandbox/faults"), [this](const Request &) {
        QJsonArray list;
        for (const Fault &f : std::as_const(d->faults))
            list.append(f.toJson());
        return Response::json(QJsonObject{{QStringLiteral("faults"), list}});
    });
    r.add("POST", QStringLiteral("/_sandbox/faults"), [this](const Request &req) {
        bool ok = false;
        const QJsonValue body = req.json(&ok);
        QJsonArray items = body.isArray() ? body.toArray() : QJsonArray{body};
        QList<Fault> parsed;
        for (const QJsonValue &item : items) {
            QString error;
            const auto fault = item.isObject() ? Fault::fromJson(item.toObject(), &error) : std::nullopt;
            if (!fault) {
                return Response::json(
                    QJsonObject{{QStringLiteral("error"),
                                 error.isEmpty() ? QStringLiteral("a fault must be a JSON object") : error}},
                    400);
            }
            parsed.append(*fault);
        }
        d->faults.append(parsed);
        return Response::json(QJsonObject{{QStringLiteral("added"), int(parsed.size())}}, 201);
    });
    r.add("DELETE", QStringLiteral("/_sandbox/faults"), [this](const Request &) {
        clearFaults();
        return Response::empty(204);
    });
    r.add("POST", QStringLiteral("/_sandbox/tokens/expire"), [this](const Request &) {
        expireAccessTokens();
        return Response::json(QJsonObject{{QStringLiteral("expired"), true}});
    });

    d->zoho->registerRoutes(d->router);
    d->adobe->registerRoutes(d->router);
}

SandboxServer::~SandboxServer()
{
    // Flush a pending write: the zero timer will not fire any more.
    if (d->savePending)
        d->writeState();
}

bool SandboxServer::start(const QHostAddress &address, quint16 port, QString *error)
{
    const quint16 bound = listen(address, port);
    if (bound == 0) {
        *error = QStringLiteral("cannot listen on %1:%2").arg(address.toString()).arg(port);
        return false;
    }
    d->port = bound;
    QUrl base;
    base.setScheme(QStringLiteral("http"));
    base.setHost(address.toString());
    base.setPort(bound);
    d->context.baseUrl = base;
    return true;
}

QUrl SandboxServer::url() const
{
    return d->context.baseUrl;
}

quint16 SandboxServer::port() const
{
    return d->port;
}

bool SandboxServer::setStateFile(const QString &path, QString *error)
{
    d->stateFile = path;
    d->context.stateFile = path;
    QFile file(path);
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read the state file %1: %2").arg(path, file.errorString());
            return false;
        }
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
        if (!doc.isObject()) {
            *error = QStringLiteral("the state file %1 is not valid JSON: %2").arg(path, parseError.errorString());
            return false;
        }
        d->zoho->loadState(doc.object().value(QStringLiteral("zoho")).toObject());
        d->adobe->loadState(doc.object().value(QStringLiteral("adobe")).toObject());
        d->applyOptions(doc.object().value(QStringLiteral("options")).toObject());
    }
    // Write at once so that the generated credentials survive even an idle run.
    d->context.changed();
    return true;
}

void SandboxServer::setRetiredZohoSource(bool retired)
{
    d->applyOptions(QJsonObject{{QStringLiteral("retiredZohoSource"), retired}});
    d->context.changed();
}

bool SandboxServer::retiredZohoSource() const
{
    return d->context.options.retiredZohoSource;
}

void SandboxServer::addFault(const Fault &fault)
{
    d->faults.append(fault);
}

void SandboxServer::clearFaults()
{
    d->faults.clear();
}

QByteArray SandboxServer::endpointsJson() const
{
    Endpoints e;
    QList<DataCenter> dcs;
    const Endpoints productionTable = Endpoints::production();
    for (const DataCenter &production : productionTable.dataCenters()) {
        const QString prefix = QStringLiteral("/zoho/") + production.code;
        DataCenter dc;
        dc.code = production.code;
        dc.accounts = d->context.url(prefix + QStringLiteral("/accounts"));
        dc.api = d->context.url(prefix + QStringLiteral("/api"));
        dc.sandboxApi = d->context.url(prefix + QStringLiteral("/sandbox-api"));
        dc.developerApi = d->context.url(prefix + QStringLiteral("/developer-api"));
        dcs.append(dc);
    }
    e.setDataCenters(dcs);
    e.setIms(d->context.url(QStringLiteral("/adobe/ims")));
    e.setPlatform(d->context.url(QStringLiteral("/adobe/platform")));
    return e.toJson();
}

QJsonObject SandboxServer::credentials() const
{
    return QJsonObject{{QStringLiteral("url"), d->context.baseUrl.toString()},
                       {QStringLiteral("zoho"), d->zoho->credentials()},
                       {QStringLiteral("adobe"), d->adobe->credentials()}};
}

QJsonArray SandboxServer::requestLog() const
{
    return d->log;
}

void SandboxServer::expireAccessTokens()
{
    d->zoho->expireAccessTokens();
    d->adobe->expireAccessTokens();
    d->context.changed();
}

void SandboxServer::addRedirectUri(const QString &uri)
{
    d->zoho->addRedirectUri(uri);
    d->context.changed();
}

Response SandboxServer::call(Request request)
{
    request.internal = true;
    if (request.requestId.isEmpty())
        request.requestId = SandboxContext::uuid();
    auto response = d->router.dispatch(request);
    Response r =
        response ? *response : Response::json(QJsonObject{{QStringLiteral("error"), QStringLiteral("not found")}}, 404);
    d->log_(request, r.status, {});
    return r;
}

bool SandboxServer::handleRequest(const QHttpServerRequest &httpRequest, QTcpSocket *socket)
{
    Request request;
    request.method = methodName(httpRequest.method());
    const QUrl url = httpRequest.url();
    request.path = url.path(QUrl::FullyDecoded);
    request.query = QUrlQuery(url);
    for (const auto &h : httpRequest.headers())
        request.headers.append({h.first.toLower(), h.second});
    request.body = httpRequest.body();
    request.requestId = SandboxContext::uuid();
    const bool close = request.header("connection").toLower() == "close";

    // Faults never apply to the control endpoints: tests must always be able to clear them.
    std::optional<Fault> fault;
    if (!request.path.startsWith(QLatin1String("/_sandbox/"))) {
        for (auto it = d->faults.begin(); it != d->faults.end(); ++it) {
            if (!it->method.isEmpty() && it->method != request.method)
                continue;
            if (!it->route.match(request.path).hasMatch())
                continue;
            fault = *it;
            if (it->count > 0 && --it->count == 0)
                d->faults.erase(it);
            break;
        }
    }

    QPointer<QTcpSocket> guard(socket);
    auto answer = [this, request, fault, guard, close]() mutable {
        if (!guard)
            return;
        if (fault && fault->drop == QLatin1String("before")) {
            d->log_(request, 0, QStringLiteral("dropped before handling"));
            guard->abort();
            return;
        }
        Response response;
        if (fault && fault->status) {
            response = faultResponse(request, *fault);
        } else {
            auto routed = d->router.dispatch(request);
            response = routed ? *routed
                              : Response::json(QJsonObject{{QStringLiteral("error"), QStringLiteral("not found")},
                                                           {QStringLiteral("path"), request.path}},
                                               404);
        }
        if (fault && fault->drop == QLatin1String("after")) {
            d->log_(request, response.status, QStringLiteral("dropped after handling"));
            guard->abort();
            return;
        }
        d->log_(request, response.status, fault ? QStringLiteral("injected") : QString());
        const QByteArray head = serialise(response, request.requestId, close || (fault && fault->truncate));
        if (fault && fault->truncate) {
            guard->write(head);
            guard->write(response.body.left(response.body.size() / 2));
            guard->flush();
            guard->disconnectFromHost();
            return;
        }
        if (fault && fault->trickleMs > 0 && !response.body.isEmpty()) {
            guard->write(head);
            auto offset = std::make_shared<int>(0);
            auto timer = new QTimer(guard);
            timer->setInterval(fault->trickleMs);
            const QByteArray body = response.body;
            QObject::connect(timer, &QTimer::timeout, guard, [timer, guard, body, offset, close] {
                constexpr int chunk = 64;
                guard->write(body.mid(*offset, chunk));
                *offset += chunk;
                if (*offset >= body.size()) {
                    timer->stop();
                    timer->deleteLater();
                    if (close)
                        guard->disconnectFromHost();
                }
            });
            timer->start();
            return;
        }
        guard->write(head + response.body);
        if (close)
            guard->disconnectFromHost();
    };

    if (fault && fault->delayMs > 0)
        QTimer::singleShot(fault->delayMs, this, answer);
    else
        answer();
    return true;
}

void SandboxServer::missingHandler(const QHttpServerRequest &, QTcpSocket *socket)
{
    // handleRequest() answers every request; this only runs if Qt calls it regardless.
    socket->write("HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n");
}

} // namespace zaw::sandbox

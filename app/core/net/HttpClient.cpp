// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/HttpClient.h"

#include "net/OneShotBody.h"
#include "net/Redaction.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTimer>

namespace zaw::net {

namespace {

QByteArray findHeader(const Headers &headers, const QByteArray &name)
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

// Retry-After is either seconds or an HTTP date (RFC 9110 §10.2.3).
int retryAfterMs(const QByteArray &value)
{
    if (value.isEmpty())
        return -1;
    bool ok = false;
    const int seconds = value.trimmed().toInt(&ok);
    if (ok)
        return seconds < 0 ? -1 : seconds * 1000;
    const QDateTime when = QDateTime::fromString(QString::fromLatin1(value.trimmed()), Qt::RFC2822Date);
    if (!when.isValid())
        return -1;
    return int(qMax<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(when)));
}

bool isConnectionError(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::ContentReSendError: // a dropped connection Qt could not resend (OneShotBody)
        return true;
    default:
        return false;
    }
}

// The answer did not arrive whole: the connection failed, timed out or broke the protocol (as
// opposed to the errors Qt derives from an HTTP status, which arrive as answers).
bool isTransportError(QNetworkReply::NetworkError error)
{
    if (error == QNetworkReply::NoError)
        return false;
    return isConnectionError(error) || int(error) < 200 || error == QNetworkReply::ProtocolFailure;
}

Error networkError(QNetworkReply *reply, const QUrl &url)
{
    Error e;
    e.category = ErrorCategory::Network;
    e.detail = QStringLiteral("%1: %2").arg(redactedUrl(url), reply->errorString());
    const QString host = url.host();
    switch (reply->error()) {
    case QNetworkReply::HostNotFoundError:
        e.message = QCoreApplication::translate(
                        "zaw::net::HttpClient",
                        "The server %1 could not be found. Check your internet connection and, if you use a proxy, "
                        "the network settings.")
                        .arg(host);
        break;
    case QNetworkReply::ConnectionRefusedError:
        e.message = QCoreApplication::translate(
                        "zaw::net::HttpClient",
                        "The server %1 refused the connection. Check your network settings and try again.")
                        .arg(host);
        break;
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
        e.message = QCoreApplication::translate(
                        "zaw::net::HttpClient",
                        "The server %1 did not answer in time. Check your internet connection and try again.")
                        .arg(host);
        break;
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::InsecureRedirectError:
        e.message = QCoreApplication::translate(
                        "zaw::net::HttpClient",
                        "A secure connection to %1 could not be made. If your network inspects encrypted traffic, "
                        "ask your administrator; otherwise try again later.")
                        .arg(host);
        break;
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
        e.message = QCoreApplication::translate(
            "zaw::net::HttpClient", "The proxy server could not be reached. Check the proxy in the network settings.");
        break;
    case QNetworkReply::ProxyAuthenticationRequiredError:
        e.message = QCoreApplication::translate(
            "zaw::net::HttpClient",
            "The proxy server refused the user name or password. Check them in the network settings.");
        break;
    default:
        e.message = QCoreApplication::translate(
                        "zaw::net::HttpClient",
                        "The connection to %1 failed (%2). Check your internet connection and try again.")
                        .arg(host, reply->errorString());
        break;
    }
    return e;
}

} // namespace

HttpRequest HttpRequest::get(const QUrl &url, const Headers &headers)
{
    HttpRequest r;
    r.url = url;
    r.headers = headers;
    return r;
}

HttpRequest HttpRequest::json(const QByteArray &method, const QUrl &url, const QJsonValue &body, const Headers &headers)
{
    HttpRequest r;
    r.method = method;
    r.url = url;
    r.headers = headers;
    if (!body.isUndefined() && !body.isNull()) {
        r.body = body.isArray() ? QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact)
                                : QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
        r.setHeader("Content-Type", "application/json");
    }
    r.idempotent = method != "POST" && method != "PATCH";
    return r;
}

HttpRequest HttpRequest::form(const QUrl &url, const QUrlQuery &fields, const Headers &headers)
{
    HttpRequest r;
    r.method = "POST";
    r.url = url;
    r.headers = headers;
    // QUrlQuery leaves '+' alone; a form decoder reads it as a space, so encode it.
    r.body = fields.query(QUrl::FullyEncoded).toUtf8().replace('+', "%2B");
    r.setHeader("Content-Type", "application/x-www-form-urlencoded");
    r.idempotent = false;
    return r;
}

QByteArray HttpRequest::header(const QByteArray &name) const
{
    return findHeader(headers, name);
}

void HttpRequest::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
            h.second = value;
            return;
        }
    }
    headers.append(qMakePair(name, value));
}

QByteArray HttpResponse::header(const QByteArray &name) const
{
    return findHeader(headers, name);
}

QString HttpResponse::requestId() const
{
    for (const char *name : {"x-request-id", "x-correlation-id", "x-adobe-request-id"}) {
        const QByteArray v = header(name);
        if (!v.isEmpty())
            return QString::fromLatin1(v);
    }
    return {};
}

QJsonValue HttpResponse::json() const
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isObject())
        return doc.object();
    if (doc.isArray())
        return doc.array();
    return QJsonValue(QJsonValue::Undefined);
}

Error HttpResponse::jsonError(const QUrl &url) const
{
    return checkJsonBody(body, header("Content-Type"), url);
}

Error checkJsonBody(const QByteArray &body, const QByteArray &contentType, const QUrl &url, QJsonValue *value)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (doc.isObject() || doc.isArray()) {
        if (value)
            *value = doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
        return {};
    }
    if (value)
        *value = QJsonValue(QJsonValue::Undefined);
    const QString host = url.host();
    const qsizetype semicolon = contentType.indexOf(';');
    const QByteArray type = (semicolon < 0 ? contentType : contentType.left(semicolon)).trimmed().toLower();
    const QByteArray start = body.left(512).trimmed().toLower();
    Error e;
    e.category = ErrorCategory::Server;
    // Never the body itself: it may hold anything. Its type and size help a reader.
    e.detail = QStringLiteral("%1: expected JSON, got %2 bytes of %3 (%4)")
                   .arg(redactedUrl(url))
                   .arg(body.size())
                   .arg(type.isEmpty() ? QStringLiteral("unknown type") : QString::fromLatin1(type))
                   .arg(parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                     : QStringLiteral("not an object or array"));
    if (body.trimmed().isEmpty()) {
        e.message = QCoreApplication::translate("zaw::net::HttpClient",
                                                "%1 gave an empty answer where data was expected. Try again; if "
                                                "it keeps happening, report it with the copied details.")
                        .arg(host);
    } else if (type == "text/html" || start.startsWith("<!doctype html") || start.startsWith("<html")) {
        e.message = QCoreApplication::translate("zaw::net::HttpClient",
                                                "%1 answered with a web page instead of data. A proxy or a sign-in "
                                                "page of your network may be in the way: open any web site in your "
                                                "browser, then try again.")
                        .arg(host);
    } else {
        e.message = QCoreApplication::translate("zaw::net::HttpClient",
                                                "%1 gave an answer that could not be read (not valid JSON). Try "
                                                "again; if it keeps happening, report it with the copied details.")
                        .arg(host);
    }
    return e;
}

HttpCall::HttpCall(HttpClient *client, const HttpRequest &request, const QLoggingCategory &category)
    : QObject(client)
    , m_client(client)
    , m_request(request)
    , m_category(category)
    , m_limits(client->m_limits)
{}

void HttpCall::cancel()
{
    if (m_done)
        return;
    if (m_retryTimer)
        m_retryTimer->stop();
    Error e = Error::make(ErrorCategory::Cancelled, QCoreApplication::translate("zaw::net::HttpClient", "Cancelled."));
    abortReply();
    finish({}, e);
}

void HttpCall::abortReply()
{
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
}

bool HttpCall::streamsFile() const
{
    return !m_request.downloadFile.isEmpty() || !m_request.bodyFile.isEmpty();
}

qint64 HttpCall::maxBodyBytes() const
{
    return m_request.maxBodyBytes > 0 ? m_request.maxBodyBytes : m_limits.maxBodyBytes;
}

int HttpCall::idleTimeoutMs() const
{
    int ms = m_request.timeoutMs;
    if (streamsFile() && m_limits.fileIdleTimeoutMs > 0)
        ms = ms > 0 ? qMin(ms, m_limits.fileIdleTimeoutMs) : m_limits.fileIdleTimeoutMs;
    if (m_limits.idleTimeoutCapMs > 0)
        ms = ms > 0 ? qMin(ms, m_limits.idleTimeoutCapMs) : m_limits.idleTimeoutCapMs;
    return ms;
}

int HttpCall::deadlineMs() const
{
    if (streamsFile())
        return 0; // they stream: a stalled one fails by its idle timeout
    return m_request.deadlineMs > 0 ? m_request.deadlineMs : m_limits.deadlineMs;
}

void HttpCall::startAttempt()
{
    if (m_done)
        return;
    ++m_attempt;
    QNetworkRequest req(m_request.url);
    for (const auto &h : m_request.headers)
        req.setRawHeader(h.first, h.second);
    req.setTransferTimeout(idleTimeoutMs());
    // Redirects are never followed: an OAuth or API redirect is either an error or a trap.
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (m_attempt == 1) {
        m_started = QDateTime::currentMSecsSinceEpoch();
        m_clock.start();
        const int deadline = deadlineMs();
        if (deadline > 0) {
            m_deadlineTimer = new QTimer(this);
            m_deadlineTimer->setSingleShot(true);
            connect(m_deadlineTimer, &QTimer::timeout, this, &HttpCall::onDeadline);
            m_deadlineTimer->start(deadline);
        }
    }
    qCDebug(m_category).noquote() << m_request.method << redactedUrl(m_request.url) << "attempt" << m_attempt
                                  << redactedBody(m_request.body, m_request.header("Content-Type"));
    if (m_download) {
        m_download->close();
        m_download->remove();
        delete m_download;
        m_download = nullptr;
    }
    m_body.clear();
    m_received = 0;
    if (!m_request.bodyFile.isEmpty()) {
        auto *file = new QFile(m_request.bodyFile);
        if (!file->open(QIODevice::ReadOnly)) {
            const QString reason = file->errorString();
            delete file;
            finish({}, Error::make(ErrorCategory::Bug, QCoreApplication::translate("zaw::net::HttpClient",
                                                                                   "The file %1 could not be read: %2.")
                                                           .arg(QDir::toNativeSeparators(m_request.bodyFile), reason)));
            return;
        }
        if (m_limits.maxFileBytes > 0 && file->size() > m_limits.maxFileBytes) {
            const qint64 size = file->size();
            delete file;
            finish({}, Error::make(ErrorCategory::Input,
                                   QCoreApplication::translate("zaw::net::HttpClient",
                                                               "The file %1 is too large to send (%2 MB, at most %3 "
                                                               "MB). Send less data at a time.")
                                       .arg(QDir::toNativeSeparators(m_request.bodyFile))
                                       .arg(size >> 20)
                                       .arg(m_limits.maxFileBytes >> 20)));
            return;
        }
        req.setHeader(QNetworkRequest::ContentLengthHeader, file->size());
        m_reply = m_client->m_nam->sendCustomRequest(req, m_request.method, file);
        file->setParent(m_reply);
    } else if (m_request.idempotent) {
        m_reply = m_request.body.isEmpty() ? m_client->m_nam->sendCustomRequest(req, m_request.method)
                                           : m_client->m_nam->sendCustomRequest(req, m_request.method, m_request.body);
    } else {
        // Qt would silently send it again on a dropped connection; see OneShotBody.
        OneShotBody::prepare(&req, m_request.body.size());
        auto *body = new OneShotBody(m_request.body);
        m_reply = m_client->m_nam->sendCustomRequest(req, m_request.method, body);
        body->setParent(m_reply);
    }
    // Every answer is read as it arrives, so its size is known (and capped) at all times.
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &HttpCall::onReadyRead);
    connect(m_reply, &QNetworkReply::readyRead, this, &HttpCall::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &HttpCall::onReplyFinished);
}

bool HttpCall::toFile() const
{
    if (m_request.downloadFile.isEmpty() || !m_reply)
        return false;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    return status >= 200 && status < 300;
}

void HttpCall::onReadyRead()
{
    if (!m_reply || m_done || !m_reply->isOpen())
        return; // an aborted reply (the idle timeout) has nothing more to read
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0)
        return; // no headers yet
    const bool file = toFile();
    const qint64 cap = file ? m_limits.maxFileBytes : maxBodyBytes();
    bool announcedOk = false;
    const qint64 announced = m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&announcedOk);
    // A HEAD, 204 or 304 answer announces a length but carries no body.
    const bool hasBody = m_request.method != "HEAD" && status != 204 && status != 304;
    if (cap > 0 && announcedOk && hasBody && announced > cap) {
        failTooLarge(announced);
        return;
    }
    if (file) {
        if (!m_download) {
            m_download = new QFile(m_request.downloadFile + QStringLiteral(".part"));
            if (!m_download->open(QIODevice::WriteOnly | QIODevice::Truncate))
                return; // reported by finishDownload()
        }
        if (!m_download->isOpen())
            return;
        const QByteArray chunk = m_reply->readAll();
        m_received += chunk.size();
        if (cap > 0 && m_received > cap) {
            failTooLarge(m_received);
            return;
        }
        m_download->write(chunk);
    } else {
        const QByteArray chunk = m_reply->read(cap > 0 ? cap - m_received + 1 : m_reply->bytesAvailable());
        m_received += chunk.size();
        if (cap > 0 && m_received > cap) {
            failTooLarge(m_received);
            return;
        }
        m_body += chunk;
    }
}

void HttpCall::failTooLarge(qint64 size)
{
    const QUrl url = m_request.url;
    const bool file = toFile();
    const qint64 cap = file ? m_limits.maxFileBytes : maxBodyBytes();
    qCWarning(m_category).noquote() << m_request.method << redactedUrl(url) << "answer too large:" << size
                                    << "bytes, limit" << cap;
    abortReply();
    m_body.clear();
    Error e;
    e.category = ErrorCategory::Server;
    e.detail = QStringLiteral("%1: answer of at least %2 bytes, limit %3").arg(redactedUrl(url)).arg(size).arg(cap);
    e.message = QCoreApplication::translate("zaw::net::HttpClient",
                                            "%1 sent a far larger answer than expected (more than %2 MB), so it "
                                            "was not read. Try again later; if this keeps happening, report it.")
                    .arg(url.host())
                    .arg(qMax<qint64>(1, cap >> 20));
    finish({}, e); // no retry: the same request would bring the same answer
}

void HttpCall::onDeadline()
{
    if (m_done)
        return;
    if (m_retryTimer && m_retryTimer->isActive()) {
        // Waiting for a retry: give back what the last attempt brought.
        m_retryTimer->stop();
        finish(m_lastResponse, m_lastError);
        return;
    }
    qCWarning(m_category).noquote() << m_request.method << redactedUrl(m_request.url) << "deadline passed after"
                                    << m_clock.elapsed() << "ms, attempt" << m_attempt;
    abortReply();
    finish({}, deadlineError());
}

Error HttpCall::deadlineError() const
{
    Error e;
    e.category = ErrorCategory::Network;
    e.detail = QStringLiteral("%1: no complete answer within %2 ms (%3 attempts)")
                   .arg(redactedUrl(m_request.url))
                   .arg(deadlineMs())
                   .arg(m_attempt);
    e.message = QCoreApplication::translate("zaw::net::HttpClient",
                                            "The server %1 did not answer in time (no complete answer within %2 s). "
                                            "Check your internet connection and try again.")
                    .arg(m_request.url.host())
                    .arg(qMax(1, (deadlineMs() + 999) / 1000));
    return e;
}

bool HttpCall::finishDownload(QString *error)
{
    if (!m_download) {
        // An empty 2xx body: no readyRead came.
        m_download = new QFile(m_request.downloadFile + QStringLiteral(".part"));
        m_download->open(QIODevice::WriteOnly | QIODevice::Truncate);
    }
    bool ok = m_download->isOpen();
    if (ok && m_reply && m_reply->isOpen())
        ok = m_download->write(m_reply->readAll()) >= 0;
    if (ok)
        ok = m_download->flush();
    *error = m_download->errorString();
    m_download->close();
    if (ok) {
        QFile::remove(m_request.downloadFile);
        ok = m_download->rename(m_request.downloadFile);
        if (!ok)
            *error = m_download->errorString();
    }
    if (!ok)
        m_download->remove();
    delete m_download;
    m_download = nullptr;
    return ok;
}

void HttpCall::onReplyFinished()
{
    if (!m_reply || m_done)
        return;
    // Whatever is left unread goes through the same size checks.
    onReadyRead();
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    if (!reply || m_done)
        return;
    reply->deleteLater();

    HttpResponse response;
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.headers = reply->rawHeaderPairs();
    response.attempts = m_attempt;
    if (!m_request.downloadFile.isEmpty() && response.isSuccess() && !isTransportError(reply->error())) {
        m_reply = reply; // finishDownload() reads what is left
        QString reason;
        const bool saved = finishDownload(&reason);
        m_reply = nullptr;
        if (!saved) {
            finish({},
                   Error::make(ErrorCategory::Bug, QCoreApplication::translate("zaw::net::HttpClient",
                                                                               "The file %1 could not be written: %2.")
                                                       .arg(QDir::toNativeSeparators(m_request.downloadFile), reason)));
            return;
        }
    } else {
        response.body = m_body + (reply->isOpen() ? reply->readAll() : QByteArray());
        m_body.clear();
    }
    const qint64 elapsed = QDateTime::currentMSecsSinceEpoch() - m_started;
    qCDebug(m_category).noquote() << m_request.method << redactedUrl(m_request.url) << "->" << response.status
                                  << reply->error() << elapsed << "ms" << response.requestId();

    const bool lastAttempt = m_attempt >= m_request.maxAttempts;
    const QNetworkReply::NetworkError netError = reply->error();
    const bool httpAnswered = response.status > 0;

    if (httpAnswered) {
        const int s = response.status;
        const bool serverDidNotAct = s == 429 || s == 503;
        const bool mayRetry = serverDidNotAct || ((s == 502 || s == 504) && m_request.idempotent);
        // A body cut short (truncated reply) is a network failure even though headers arrived.
        // So is one that stalled after the headers (the idle timeout) or broke the protocol.
        const bool cutShort = isTransportError(netError);
        if (cutShort) {
            const Error error = networkError(reply, m_request.url);
            if (!lastAttempt && m_request.idempotent && isConnectionError(netError)) {
                scheduleRetry(-1, QStringLiteral("connection lost"), {}, error);
                return;
            }
            finish({}, error);
            return;
        }
        if (mayRetry && !lastAttempt) {
            int delay = -1;
            if (s == 429 || s == 503) {
                delay = retryAfterMs(response.header("Retry-After"));
                if (delay > m_client->m_maxRetryAfterMs) {
                    // Too long to wait inside one step: give the answer back so the user is told.
                    finish(response, {});
                    return;
                }
            }
            scheduleRetry(delay, QStringLiteral("HTTP %1").arg(s), response, {});
            return;
        }
        if (m_request.expectJson && response.isSuccess() && !response.body.isEmpty()) {
            Error notJson = response.jsonError(m_request.url);
            if (notJson) {
                notJson.httpStatus = s;
                notJson.requestId = response.requestId();
                qCWarning(m_category).noquote() << m_request.method << redactedUrl(m_request.url) << notJson.detail;
                finish({}, notJson);
                return;
            }
        }
        finish(response, {});
        return;
    }

    const Error error = networkError(reply, m_request.url);
    if (isConnectionError(netError) && m_request.idempotent && !lastAttempt) {
        scheduleRetry(-1, reply->errorString(), {}, error);
        return;
    }
    finish({}, error);
}

void HttpCall::scheduleRetry(int delayMs, const QString &reason, const HttpResponse &last, const Error &lastError)
{
    if (delayMs < 0) {
        const int base = m_client->m_baseDelayMs << qMin(m_attempt - 1, 10);
        const double jitter = 0.8 + 0.4 * QRandomGenerator::global()->generateDouble();
        delayMs = qMin(int(base * jitter), m_client->m_maxDelayMs);
    }
    const int deadline = deadlineMs();
    if (deadline > 0 && m_clock.elapsed() + delayMs >= deadline) {
        // The wait would pass the deadline: the caller gets the last answer now.
        qCInfo(m_category).noquote() << "not retrying" << m_request.method << redactedUrl(m_request.url) << "("
                                     << reason << "): a wait of" << delayMs << "ms would pass the deadline";
        finish(last, lastError);
        return;
    }
    m_lastResponse = last;
    m_lastError = lastError;
    qCInfo(m_category).noquote() << "retrying" << m_request.method << redactedUrl(m_request.url) << "in" << delayMs
                                 << "ms:" << reason;
    emit retrying(m_attempt + 1, delayMs, reason);
    if (!m_retryTimer) {
        m_retryTimer = new QTimer(this);
        m_retryTimer->setSingleShot(true);
        connect(m_retryTimer, &QTimer::timeout, this, &HttpCall::startAttempt);
    }
    m_retryTimer->start(delayMs);
}

void HttpCall::finish(const HttpResponse &response, const Error &error)
{
    if (m_done)
        return;
    m_done = true;
    if (m_deadlineTimer)
        m_deadlineTimer->stop();
    if (m_retryTimer)
        m_retryTimer->stop();
    abortReply();
    if (m_download) {
        m_download->close();
        m_download->remove();
        delete m_download;
        m_download = nullptr;
    }
    emit finished(response, error);
    deleteLater();
}

HttpClient::HttpClient(QObject *parent)
    : QObject(parent)
    , m_nam(new QNetworkAccessManager(this))
{
    qRegisterMetaType<zaw::net::HttpResponse>();
    qRegisterMetaType<zaw::net::Error>();
}

HttpClient::~HttpClient() = default;

HttpCall *HttpClient::send(const HttpRequest &request)
{
    return send(request, lcNet());
}

HttpCall *HttpClient::send(const HttpRequest &request, const QLoggingCategory &category)
{
    auto *call = new HttpCall(this, request, category);
    // Start on the next turn of the event loop so callers can connect first.
    QTimer::singleShot(0, call, &HttpCall::startAttempt);
    return call;
}

void HttpClient::setProxy(const QNetworkProxy &proxy)
{
    m_nam->setProxy(proxy);
}

QNetworkProxy HttpClient::proxy() const
{
    return m_nam->proxy();
}

void HttpClient::setBackoff(int baseMs, int maxDelayMs, int maxRetryAfterMs)
{
    m_baseDelayMs = baseMs;
    m_maxDelayMs = maxDelayMs;
    m_maxRetryAfterMs = maxRetryAfterMs;
}

void HttpClient::setLimits(const HttpLimits &limits)
{
    m_limits = limits;
}

HttpLimits HttpClient::limits() const
{
    return m_limits;
}

Error HttpClient::errorForStatus(const HttpResponse &response, const QUrl &url)
{
    Error e;
    e.httpStatus = response.status;
    e.requestId = response.requestId();
    e.detail = redactedUrl(url);
    const int s = response.status;
    const QString host = url.host();
    if (s == 401) {
        e.category = ErrorCategory::SignInNeeded;
        e.message = tr("%1 no longer accepts the sign-in. Sign in again.").arg(host);
    } else if (s == 403) {
        e.category = ErrorCategory::Permission;
        e.message = tr("%1 refused access. Ask your administrator for the needed permission.").arg(host);
    } else if (s == 404) {
        e.category = ErrorCategory::Input;
        e.message = tr("%1 does not know the requested object. It may have been deleted.").arg(host);
    } else if (s == 409 || s == 412) {
        e.category = ErrorCategory::Conflict;
        e.message = tr("The object was changed by someone else meanwhile. Reload and try again.");
    } else if (s == 429) {
        e.category = ErrorCategory::RateLimit;
        e.message = tr("%1 is receiving too many requests. Wait a minute and try again.").arg(host);
    } else if (s >= 500) {
        e.category = ErrorCategory::Server;
        e.message = tr("%1 had a problem (HTTP %2). Try again later.").arg(host).arg(s);
    } else if (s >= 400) {
        e.category = ErrorCategory::Input;
        e.message = tr("%1 refused the request (HTTP %2).").arg(host).arg(s);
    } else {
        e.category = ErrorCategory::Bug;
        e.message = tr("%1 gave an unexpected answer (HTTP %2).").arg(host).arg(s);
    }
    return e;
}

} // namespace zaw::net

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/Error.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QNetworkProxy>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QUrl>
#include <QUrlQuery>

class QFile;
class QLoggingCategory;
class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace zaw::net {

using Headers = QList<QPair<QByteArray, QByteArray>>;

// Limits for one client (tests shorten them; the product uses the defaults).
struct HttpLimits
{
    int idleTimeoutCapMs = 0;         // >0: no attempt waits longer than this for a byte (tests: e.g. 1500)
    int deadlineMs = 120000;          // whole request incl. retries and Retry-After waits, in-memory bodies
    qint64 maxBodyBytes = 32 << 20;   // an in-memory response larger than this fails (clear error, no retry)
    qint64 maxFileBytes = 16LL << 30; // downloadFile/bodyFile: size limit of their own
    int fileIdleTimeoutMs = 120000;   // downloadFile/bodyFile: no total deadline, but no byte for this long fails
};

struct HttpRequest
{
    QByteArray method = "GET";
    QUrl url;
    Headers headers;
    QByteArray body;
    int timeoutMs = 30000; // no byte for this long: the attempt fails
    int maxAttempts = 4;   // 1 = no retry
    // Whether sending it twice is harmless. Only idempotent requests are retried after a
    // connection error or a 502/504 (the first may have reached the server); 429 and 503 say
    // the server did not act, so those are retried for every request.
    bool idempotent = true;
    // Streaming, so memory stays flat whatever the size (spool uploads, Bulk Read downloads):
    // bodyFile: the body is read from this file on every attempt (idempotent requests only, e.g.
    // a PUT; Content-Length is set from the file's size; `body` is ignored).
    QString bodyFile;
    // downloadFile: a 2xx answer's body is written to this file as it arrives (through
    // "<downloadFile>.part", renamed when complete) and HttpResponse::body stays empty; other
    // answers are read into memory as usual (error bodies are small).
    QString downloadFile;
    // 0 = the client's limit (HttpLimits::deadlineMs / maxBodyBytes).
    int deadlineMs = 0;
    qint64 maxBodyBytes = 0;

    static HttpRequest get(const QUrl &url, const Headers &headers = {});
    static HttpRequest json(const QByteArray &method, const QUrl &url, const QJsonValue &body,
                            const Headers &headers = {});
    static HttpRequest form(const QUrl &url, const QUrlQuery &fields, const Headers &headers = {});
    QByteArray header(const QByteArray &name) const;
    void setHeader(const QByteArray &name, const QByteArray &value);
};

struct HttpResponse
{
    int status = 0; // 0: no HTTP answer (see the accompanying Error)
    Headers headers;
    QByteArray body;
    int attempts = 0;

    QByteArray header(const QByteArray &name) const;
    QString requestId() const; // x-request-id and friends
    QJsonValue json() const;   // object or array; undefined when not JSON
    QJsonObject object() const { return json().toObject(); }
    bool isSuccess() const { return status >= 200 && status < 300; }
};

// One request in flight. Emits finished() exactly once, then deletes itself.
class HttpCall : public QObject
{
    Q_OBJECT

public:
    // Stops the request; finished() follows with a Cancelled error.
    void cancel();

signals:
    // transportError is set when no usable HTTP answer arrived (network, timeout, cancel).
    // HTTP error statuses arrive as responses: the service clients read their own error bodies.
    void finished(const zaw::net::HttpResponse &response, const zaw::net::Error &transportError);
    // A retry is scheduled (for progress text: "The service is busy, retrying in 4 s").
    void retrying(int attempt, int delayMs, const QString &reason);

private:
    friend class HttpClient;
    explicit HttpCall(class HttpClient *client, const HttpRequest &request, const QLoggingCategory &category);
    void startAttempt();
    void onReplyFinished();
    void onReadyRead();
    void onDeadline();
    bool finishDownload(QString *error);
    // Retries after delayMs (-1: backoff), or, when the wait would pass the deadline, finishes
    // with the last answer or error instead.
    void scheduleRetry(int delayMs, const QString &reason, const HttpResponse &last, const Error &lastError);
    void abortReply();
    bool streamsFile() const;
    bool toFile() const; // this attempt's answer goes to downloadFile
    qint64 maxBodyBytes() const;
    int idleTimeoutMs() const;
    int deadlineMs() const; // 0: none
    Error deadlineError() const;
    void failTooLarge(qint64 size);
    void finish(const HttpResponse &response, const Error &error);

    HttpClient *m_client;
    HttpRequest m_request;
    const QLoggingCategory &m_category;
    QPointer<QNetworkReply> m_reply;
    QFile *m_download = nullptr;
    QTimer *m_retryTimer = nullptr;
    QTimer *m_deadlineTimer = nullptr;
    HttpLimits m_limits;
    QByteArray m_body;     // the answer read so far (in-memory answers)
    qint64 m_received = 0; // bytes of this attempt's answer so far (memory or file)
    HttpResponse m_lastResponse;
    Error m_lastError;
    int m_attempt = 0;
    bool m_done = false;
    qint64 m_started = 0;
    QElapsedTimer m_clock;
};

// The HTTP helper every core client uses: JSON in/out, timeouts, bounded retries with
// exponential backoff honouring Retry-After, cancellation, the system proxy (or one the user
// set) and redacted logging.
class HttpClient : public QObject
{
    Q_OBJECT

public:
    explicit HttpClient(QObject *parent = nullptr);
    ~HttpClient() override;

    HttpCall *send(const HttpRequest &request);
    HttpCall *send(const HttpRequest &request, const QLoggingCategory &category);

    // An explicit proxy; QNetworkProxy::DefaultProxy returns to the system settings.
    void setProxy(const QNetworkProxy &proxy);
    QNetworkProxy proxy() const;
    // Backoff: base * 2^(attempt-1) (±20 %), at most maxDelay; Retry-After is honoured up to
    // maxRetryAfter — a longer one is not waited for (the caller gets the 429).
    void setBackoff(int baseMs, int maxDelayMs, int maxRetryAfterMs);
    // Size caps, the total deadline and idle timeouts (see HttpLimits).
    void setLimits(const HttpLimits &limits);
    HttpLimits limits() const;
    QNetworkAccessManager *networkAccessManager() const { return m_nam; }

    // Maps an HTTP error status with no better knowledge to a category and a generic message.
    static Error errorForStatus(const HttpResponse &response, const QUrl &url);

private:
    friend class HttpCall;
    QNetworkAccessManager *m_nam;
    int m_baseDelayMs = 500;
    int m_maxDelayMs = 8000;
    int m_maxRetryAfterMs = 60000;
    HttpLimits m_limits;
};

} // namespace zaw::net

Q_DECLARE_METATYPE(zaw::net::HttpResponse)

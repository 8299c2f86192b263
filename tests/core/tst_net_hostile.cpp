// SPDX-License-Identifier: GPL-3.0-or-later
// The HTTP helper against a hostile server (a raw QTcpServer on loopback): answers larger than
// the cap (announced or not), answers that never end, answers that arrive byte by byte, a
// Content-Length that lies, Retry-After waits past the deadline, and the limits of file downloads
// and uploads. What a user notices: a clear message soon, no hang, no memory growth, no resend.
#include "net/HttpClient.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>

using namespace zaw;

namespace {

// One behaviour for every connection: called once the request head (and its body) arrived.
class HostileServer : public QObject
{
public:
    using Behaviour = std::function<void(QTcpSocket *socket)>;

    explicit HostileServer(Behaviour behaviour)
        : m_behaviour(std::move(behaviour))
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                ++connections;
                auto buffer = std::make_shared<QByteArray>();
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
                    *buffer += socket->readAll();
                    const int end = buffer->indexOf("\r\n\r\n");
                    if (end < 0 || buffer->isEmpty())
                        return;
                    qint64 length = 0;
                    for (const QByteArray &line : buffer->left(end).split('\n')) {
                        if (line.toLower().startsWith("content-length:"))
                            length = line.mid(15).trimmed().toLongLong();
                    }
                    if (buffer->size() < end + 4 + length)
                        return;
                    ++requests;
                    buffer->clear();
                    m_behaviour(socket);
                });
                connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                    ++disconnects;
                    socket->deleteLater();
                });
            }
        });
        QVERIFY(m_server.listen(QHostAddress::LocalHost));
    }

    QUrl url(const QString &path = QStringLiteral("/x")) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path));
    }

    int connections = 0;
    int requests = 0;
    int disconnects = 0;

private:
    QTcpServer m_server;
    Behaviour m_behaviour;
};

// Writes chunk every intervalMs until the peer goes away (or count chunks, if count > 0); counts
// what it wrote.
void keepWriting(QTcpSocket *socket, const QByteArray &chunk, int intervalMs, qint64 *written, int count = 0,
                 const QByteArray &tail = {})
{
    auto *timer = new QTimer(socket);
    auto left = std::make_shared<int>(count);
    QObject::connect(timer, &QTimer::timeout, socket, [=] {
        if (socket->state() != QAbstractSocket::ConnectedState) {
            timer->stop();
            return;
        }
        // Do not queue more than the peer reads: a real server only sends what the socket takes.
        if (socket->bytesToWrite() > 4 * chunk.size())
            return;
        socket->write(chunk);
        if (written)
            *written += chunk.size();
        if (count > 0 && --*left == 0) {
            timer->stop();
            if (!tail.isEmpty())
                socket->write(tail);
        }
    });
    timer->start(intervalMs);
}

QByteArray head(int status, const QByteArray &headers)
{
    return "HTTP/1.1 " + QByteArray::number(status) + " X\r\n" + headers + "\r\n";
}

struct Outcome
{
    net::HttpResponse response;
    net::Error error;
    int retries = 0;
    qint64 elapsedMs = 0;
    bool timedOut = false; // then error is Cancelled, which no test expects
};

Outcome run(net::HttpClient &client, const net::HttpRequest &request, int timeoutMs = 15000)
{
    Outcome out;
    QElapsedTimer timer;
    timer.start();
    net::HttpCall *call = client.send(request);
    QObject::connect(call, &net::HttpCall::retrying, [&out](int, int, const QString &) { ++out.retries; });
    bool done = false;
    QObject::connect(call, &net::HttpCall::finished, [&](const net::HttpResponse &r, const net::Error &e) {
        out.response = r;
        out.error = e;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, timeoutMs)) {
        // Loud, but the next tests still run: the call ends (Cancelled) before out goes away.
        qWarning("request did not finish within %d ms", timeoutMs);
        call->cancel();
        out.timedOut = true;
    }
    out.elapsedMs = timer.elapsed();
    return out;
}

net::HttpLimits testLimits()
{
    net::HttpLimits limits;
    limits.idleTimeoutCapMs = 1500;
    limits.deadlineMs = 4000;
    limits.maxBodyBytes = 1 << 20;
    limits.maxFileBytes = 2 << 20;
    limits.fileIdleTimeoutMs = 1500;
    return limits;
}

} // namespace

class TestNetHostile : public QObject
{
    Q_OBJECT

private slots:
    void defaultsAreTheProductLimits()
    {
        net::HttpClient client;
        QCOMPARE(client.limits().maxBodyBytes, qint64(32) << 20);
        QCOMPARE(client.limits().deadlineMs, 120000);
        QCOMPARE(client.limits().idleTimeoutCapMs, 0);
        QCOMPARE(client.limits().maxFileBytes, qint64(16) << 30);
        client.setLimits(testLimits());
        QCOMPARE(client.limits().maxBodyBytes, qint64(1) << 20);
    }

    // 3 MB against a 1 MB cap, no Content-Length (the server closes to end it): the helper stops
    // reading once the cap is passed and says so; no retry, even for a GET.
    void oversizedAnswerFailsClearly()
    {
        qint64 written = 0;
        HostileServer server([&written](QTcpSocket *s) {
            s->write(head(200, "Content-Type: application/json\r\nConnection: close\r\n"));
            keepWriting(s, QByteArray(64 * 1024, 'a'), 1, &written, 48);
        });
        net::HttpClient client;
        client.setLimits(testLimits());
        client.setBackoff(10, 50, 1000);
        const Outcome o = run(client, net::HttpRequest::get(server.url()));
        QCOMPARE(o.error.category, net::ErrorCategory::Server);
        QVERIFY2(o.error.message.contains("larger answer than expected"), qPrintable(o.error.message));
        QVERIFY2(o.error.message.contains("127.0.0.1"), qPrintable(o.error.message));
        QVERIFY(o.response.body.isEmpty());
        QCOMPARE(o.retries, 0);
        QCOMPARE(server.requests, 1);
        QTRY_COMPARE_WITH_TIMEOUT(server.disconnects, 1, 2000); // it hung up
    }

    // The cap of one request overrides the client's.
    void perRequestCap()
    {
        HostileServer server(
            [](QTcpSocket *s) { s->write(head(200, "Content-Length: 2000\r\n") + QByteArray(2000, 'b')); });
        net::HttpClient client;
        client.setLimits(testLimits());
        net::HttpRequest request = net::HttpRequest::get(server.url());
        request.maxBodyBytes = 1000;
        Outcome o = run(client, request);
        QCOMPARE(o.error.category, net::ErrorCategory::Server);
        request.maxBodyBytes = 2000; // exactly the cap is fine
        o = run(client, request);
        QVERIFY2(!o.error, qPrintable(o.error.message));
        QCOMPARE(o.response.body, QByteArray(2000, 'b'));
    }

    // A Content-Length of 40 MB against the 32 MB default: refused at once, before any body byte
    // (the server sends none and keeps the connection open: waiting would hang until a timeout).
    void announcedOversizeFailsAtOnce()
    {
        HostileServer server([](QTcpSocket *s) { s->write(head(200, "Content-Length: 41943040\r\n")); });
        net::HttpClient client;
        net::HttpLimits limits;
        limits.idleTimeoutCapMs = 5000;
        client.setLimits(limits); // the product's 32 MB cap
        const Outcome o = run(client, net::HttpRequest::get(server.url()));
        QCOMPARE(o.error.category, net::ErrorCategory::Server);
        QVERIFY2(o.error.message.contains("32 MB"), qPrintable(o.error.message));
        QVERIFY2(o.elapsedMs < 2000, qPrintable(QString::number(o.elapsedMs)));
        QCOMPARE(server.requests, 1);
    }

    // A 304 answer may announce the size of the unchanged resource, and carries no body: fine
    // (a conditional GET, as the sync's /deleted reads send).
    void notModifiedAnnouncesWithoutBody()
    {
        HostileServer server([](QTcpSocket *s) { s->write(head(304, "Content-Length: 41943040\r\n")); });
        net::HttpClient client;
        client.setLimits(testLimits());
        const Outcome o = run(client, net::HttpRequest::get(server.url()));
        QVERIFY2(!o.error, qPrintable(o.error.message));
        QCOMPARE(o.response.status, 304);
    }

    // A chunked answer that never ends: the cap ends it, memory stays bounded (the server wrote
    // little more than the cap before the helper hung up).
    void endlessChunkedAnswerIsCut()
    {
        qint64 written = 0;
        HostileServer server([&written](QTcpSocket *s) {
            s->write(head(200, "Transfer-Encoding: chunked\r\nContent-Type: application/json\r\n"));
            keepWriting(s, "4000\r\n" + QByteArray(0x4000, '[') + "\r\n", 1, &written);
        });
        net::HttpClient client;
        net::HttpLimits limits = testLimits();
        limits.deadlineMs = 60000;
        client.setLimits(limits);
        const Outcome o = run(client, net::HttpRequest::get(server.url()));
        QCOMPARE(o.error.category, net::ErrorCategory::Server);
        QVERIFY2(o.error.message.contains("larger answer than expected"), qPrintable(o.error.message));
        QTRY_COMPARE_WITH_TIMEOUT(server.disconnects, 1, 2000);
        QVERIFY2(written < 32 * (1 << 20), qPrintable(QString::number(written)));
    }

    // The same endless answer, slower, under a large cap: the total deadline ends it.
    void endlessSlowAnswerMeetsTheDeadline()
    {
        HostileServer server([](QTcpSocket *s) {
            s->write(head(200, "Transfer-Encoding: chunked\r\n"));
            keepWriting(s, "10\r\n" + QByteArray(16, ' ') + "\r\n", 50, nullptr);
        });
        net::HttpClient client;
        net::HttpLimits limits = testLimits();
        limits.deadlineMs = 1000;
        client.setLimits(limits);
        const Outcome o = run(client, net::HttpRequest::get(server.url()));
        QCOMPARE(o.error.category, net::ErrorCategory::Network);
        QVERIFY2(o.error.message.contains("did not answer in time"), qPrintable(o.error.message));
        QVERIFY2(o.elapsedMs >= 900 && o.elapsedMs < 3000, qPrintable(QString::number(o.elapsedMs)));
        QCOMPARE(server.requests, 1); // the deadline is final: no new attempt
    }

    // Byte by byte, each byte well within the idle timeout, the whole longer than the deadline.
    void byteByByteAnswerMeetsTheDeadline()
    {
        HostileServer server([](QTcpSocket *s) {
            s->write(head(200, "Content-Type: application/json\r\nContent-Length: 200\r\n"));
            keepWriting(s, "x", 100, nullptr, 200);
        });
        net::HttpClient client;
        net::HttpLimits limits = testLimits();
        limits.deadlineMs = 1200;
        client.setLimits(limits);
        const Outcome o = run(client, net::HttpRequest::get(server.url()));
        QCOMPARE(o.error.category, net::ErrorCategory::Network);
        QVERIFY2(o.error.message.contains("did not answer in time"), qPrintable(o.error.message));
        QVERIFY2(o.elapsedMs >= 1100 && o.elapsedMs < 4000, qPrintable(QString::number(o.elapsedMs)));
        QCOMPARE(server.requests, 1);

        // A request's own deadline overrides the client's.
        net::HttpRequest request = net::HttpRequest::get(server.url());
        request.deadlineMs = 500;
        const Outcome r = run(client, request);
        QCOMPARE(r.error.category, net::ErrorCategory::Network);
        QVERIFY2(r.elapsedMs < 1100, qPrintable(QString::number(r.elapsedMs)));
    }

    // A stall: no byte within the idle timeout (the cap shortens the request's 30 s).
    void stallMeetsTheIdleTimeout()
    {
        HostileServer server([](QTcpSocket *s) { s->write(head(200, "Content-Length: 10\r\n") + "abc"); });
        net::HttpClient client;
        net::HttpLimits limits = testLimits();
        limits.idleTimeoutCapMs = 400;
        limits.deadlineMs = 10000;
        client.setLimits(limits);
        net::HttpRequest request = net::HttpRequest::get(server.url());
        request.maxAttempts = 1;
        const Outcome o = run(client, request);
        QCOMPARE(o.error.category, net::ErrorCategory::Network);
        QVERIFY2(o.error.message.contains("did not answer in time"), qPrintable(o.error.message));
        QVERIFY2(o.elapsedMs < 2500, qPrintable(QString::number(o.elapsedMs)));
    }

    // Content-Length promises more than comes before the server hangs up: a truncated answer, an
    // error, and a POST is not sent again.
    void contentLengthLargerThanTheBody()
    {
        HostileServer server([](QTcpSocket *s) {
            s->write(head(200, "Content-Type: application/json\r\nContent-Length: 1000\r\n") + "{\"id\":\"1\"}");
            s->flush();
            s->disconnectFromHost();
        });
        net::HttpClient client;
        client.setLimits(testLimits());
        client.setBackoff(10, 50, 1000);
        const Outcome o =
            run(client, net::HttpRequest::json("POST", server.url(), QJsonObject{{"name", "Zoho CRM base"}}));
        QCOMPARE(o.error.category, net::ErrorCategory::Network);
        QVERIFY(!o.error.message.isEmpty());
        QCOMPARE(o.retries, 0);
        QCOMPARE(server.requests, 1);
    }

    // Content-Length promises less than the server sends: only the announced bytes are taken (the
    // rest is not read into memory).
    void contentLengthSmallerThanTheBody()
    {
        HostileServer server([](QTcpSocket *s) {
            s->write(head(200, "Content-Type: application/json\r\nContent-Length: 10\r\nConnection: close\r\n") +
                     "{\"id\":\"1\"}" + QByteArray(3 << 20, ' '));
        });
        net::HttpClient client;
        client.setLimits(testLimits());
        const Outcome o = run(client, net::HttpRequest::get(server.url()));
        QVERIFY2(!o.error, qPrintable(o.error.message));
        QCOMPARE(o.response.body, QByteArray("{\"id\":\"1\"}"));
    }

    // A Retry-After the deadline cannot hold: the 429 comes back at once instead of a wait.
    void retryAfterPastTheDeadlineIsNotWaited()
    {
        HostileServer server(
            [](QTcpSocket *s) { s->write(head(429, "Retry-After: 3\r\nContent-Length: 2\r\n") + "{}"); });
        net::HttpClient client;
        net::HttpLimits limits = testLimits();
        limits.deadlineMs = 2000;
        client.setLimits(limits);
        client.setBackoff(10, 50, 60000);
        const Outcome o = run(client, net::HttpRequest::get(server.url()));
        QVERIFY(!o.error);
        QCOMPARE(o.response.status, 429);
        QCOMPARE(o.retries, 0);
        QVERIFY2(o.elapsedMs < 1000, qPrintable(QString::number(o.elapsedMs)));
        QCOMPARE(server.requests, 1);
    }

    // Backoff retries stop when the next wait would pass the deadline: the last answer is given.
    void backoffStopsAtTheDeadline()
    {
        HostileServer server([](QTcpSocket *s) { s->write(head(503, "Content-Length: 2\r\n") + "{}"); });
        net::HttpClient client;
        net::HttpLimits limits = testLimits();
        limits.deadlineMs = 700;
        client.setLimits(limits);
        // 400 ms ± 20 %: the first wait fits (at most 400 of 700 ms), the second cannot.
        client.setBackoff(400, 400, 60000);
        net::HttpRequest request = net::HttpRequest::get(server.url());
        request.maxAttempts = 10;
        const Outcome o = run(client, request);
        QVERIFY2(!o.error, qPrintable(o.error.message));
        QCOMPARE(o.response.status, 503);
        QCOMPARE(o.retries, 1);
        QVERIFY2(o.elapsedMs < 700, qPrintable(QString::number(o.elapsedMs)));
        QCOMPARE(server.requests, 2);
    }

    // Downloads stream to a file: their own size cap, no .part left behind, a clear message.
    void downloadLargerThanItsCap()
    {
        HostileServer server([](QTcpSocket *s) {
            s->write(head(200, "Connection: close\r\n"));
            keepWriting(s, QByteArray(64 * 1024, 'z'), 1, nullptr);
        });
        QTemporaryDir dir;
        net::HttpClient client;
        client.setLimits(testLimits()); // 2 MB for files
        net::HttpRequest request = net::HttpRequest::get(server.url());
        request.downloadFile = dir.filePath("result.zip");
        const Outcome o = run(client, request);
        QCOMPARE(o.error.category, net::ErrorCategory::Server);
        QVERIFY2(o.error.message.contains("2 MB"), qPrintable(o.error.message));
        QVERIFY(!QFile::exists(request.downloadFile));
        QVERIFY(!QFile::exists(request.downloadFile + ".part"));
    }

    // A download has no total deadline (a big file takes long) but a stalled one fails.
    void downloadHasNoDeadlineButAnIdleTimeout()
    {
        HostileServer slow([](QTcpSocket *s) {
            s->write(head(200, "Content-Length: 12\r\n"));
            keepWriting(s, "y", 100, nullptr, 12);
        });
        QTemporaryDir dir;
        net::HttpClient client;
        net::HttpLimits limits = testLimits();
        limits.deadlineMs = 300;
        limits.fileIdleTimeoutMs = 800;
        client.setLimits(limits);
        net::HttpRequest request = net::HttpRequest::get(slow.url());
        request.downloadFile = dir.filePath("slow.zip");
        Outcome o = run(client, request);
        QVERIFY2(!o.error, qPrintable(o.error.message));
        QVERIFY(o.elapsedMs > 1000);
        QFile file(request.downloadFile);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray(12, 'y'));

        HostileServer stalled([](QTcpSocket *s) { s->write(head(200, "Content-Length: 12\r\n") + "y"); });
        request.url = stalled.url();
        request.downloadFile = dir.filePath("stalled.zip");
        request.maxAttempts = 1;
        o = run(client, request);
        QCOMPARE(o.error.category, net::ErrorCategory::Network);
        QVERIFY2(o.elapsedMs < 2500, qPrintable(QString::number(o.elapsedMs)));
        QVERIFY(!QFile::exists(request.downloadFile));
        QVERIFY(!QFile::exists(request.downloadFile + ".part"));
    }

    // A 200 with an HTML page (a captive portal, a proxy's error page) where JSON is expected: a
    // clear error, not an empty object; the same request without expectJson still gets the body.
    void htmlInsteadOfJson()
    {
        HostileServer server([](QTcpSocket *s) {
            const QByteArray page = "<!DOCTYPE html><html><body>Please sign in to the hotel Wi-Fi</body></html>";
            s->write(
                head(200, "Content-Type: text/html\r\nContent-Length: " + QByteArray::number(page.size()) + "\r\n") +
                page);
        });
        net::HttpClient client;
        client.setLimits(testLimits());
        net::HttpRequest request = net::HttpRequest::json("POST", server.url(), QJsonObject{{"name", "x"}});
        request.expectJson = true;
        Outcome o = run(client, request);
        QCOMPARE(o.error.category, net::ErrorCategory::Server);
        QVERIFY2(o.error.message.contains("web page instead of data"), qPrintable(o.error.message));
        QVERIFY2(o.error.message.contains("127.0.0.1"), qPrintable(o.error.message));
        QCOMPARE(o.error.httpStatus, 200);
        QVERIFY(!o.error.technicalDetails().contains("hotel")); // the body is not copied around
        QCOMPARE(o.retries, 0);
        QCOMPARE(server.requests, 1);

        request.expectJson = false;
        o = run(client, request);
        QVERIFY(!o.error);
        QVERIFY(o.response.body.contains("hotel"));
        QVERIFY(o.response.jsonError(server.url()));
    }

    void checkJsonBody_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QString>("message"); // empty: fine
        QTest::newRow("object") << QByteArray("{\"id\":\"1\"}") << QByteArray("application/json") << QString();
        QTest::newRow("array") << QByteArray("[\"@/dataSets/1\"]") << QByteArray("application/json") << QString();
        QTest::newRow("html by type") << QByteArray("<p>hi</p>") << QByteArray("text/html; charset=utf-8")
                                      << QStringLiteral("web page");
        QTest::newRow("html, no charset")
            << QByteArray("<p>hi</p>") << QByteArray("text/html") << QStringLiteral("web page");
        QTest::newRow("html by look") << QByteArray("  <HTML><body>x") << QByteArray() << QStringLiteral("web page");
        QTest::newRow("cut off") << QByteArray("{\"id\":\"1") << QByteArray("application/json")
                                 << QStringLiteral("could not be read");
        QTest::newRow("scalar") << QByteArray("42") << QByteArray("application/json")
                                << QStringLiteral("could not be read");
        QTest::newRow("empty") << QByteArray() << QByteArray("application/json") << QStringLiteral("empty answer");
        QTest::newRow("binary") << QByteArray("\x00\xff\xfe{", 4) << QByteArray()
                                << QStringLiteral("could not be read");
    }

    void checkJsonBody()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(QString, message);
        QJsonValue value;
        const net::Error e = net::checkJsonBody(body, contentType, QUrl("https://www.zohoapis.eu/crm/v8/org"), &value);
        if (message.isEmpty()) {
            QVERIFY(!e);
            QVERIFY(value.isObject() || value.isArray());
        } else {
            QVERIFY(e);
            QVERIFY2(e.message.contains(message), qPrintable(e.message));
            QVERIFY(e.message.contains("www.zohoapis.eu"));
            QVERIFY(value.isUndefined());
        }
    }

    // An upload larger than the file cap is not sent at all.
    void uploadLargerThanItsCap()
    {
        HostileServer server([](QTcpSocket *s) { s->write(head(200, "Content-Length: 0\r\n")); });
        QTemporaryDir dir;
        QFile upload(dir.filePath("part-00001.json"));
        QVERIFY(upload.open(QIODevice::WriteOnly));
        upload.write(QByteArray(3 << 20, 'u'));
        upload.close();
        net::HttpClient client;
        client.setLimits(testLimits());
        net::HttpRequest put = net::HttpRequest::get(server.url());
        put.method = "PUT";
        put.bodyFile = upload.fileName();
        const Outcome o = run(client, put);
        QCOMPARE(o.error.category, net::ErrorCategory::Input);
        QVERIFY2(o.error.message.contains("part-00001.json"), qPrintable(o.error.message));
        QCOMPARE(server.requests, 0);
    }
};

QTEST_GUILESS_MAIN(TestNetHostile)
#include "tst_net_hostile.moc"

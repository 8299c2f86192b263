// SPDX-License-Identifier: GPL-3.0-or-later
// The HTTP helper against the sandbox over loopback: retries with backoff on 429 (honouring
// Retry-After), 503, 502/504 and dropped connections; no blind resend of requests that may have
// been acted on; timeouts; cancellation; JSON in and out.
#include "TestHttp.h"
#include "net/HttpClient.h"

#include <QElapsedTimer>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace zaw;
using namespace zaw::test;

namespace {

const QString kOrg = QStringLiteral("/zoho/us/api/crm/v8/org");

struct Outcome
{
    net::HttpResponse response;
    net::Error error;
    int retries = 0;
    QList<int> delays;
};

Outcome run(net::HttpClient &client, const net::HttpRequest &request, int timeoutMs = 20000)
{
    Outcome out;
    net::HttpCall *call = client.send(request);
    QObject::connect(call, &net::HttpCall::retrying, [&out](int, int delay, const QString &) {
        ++out.retries;
        out.delays << delay;
    });
    bool done = false;
    QObject::connect(call, &net::HttpCall::finished, [&](const net::HttpResponse &r, const net::Error &e) {
        out.response = r;
        out.error = e;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, timeoutMs))
        qFatal("request did not finish");
    return out;
}

} // namespace

class TestHttpClient : public QObject
{
    Q_OBJECT

private slots:
    void retriesA429AfterRetryAfter()
    {
        SandboxFixture f;
        net::HttpClient client;
        client.setBackoff(10, 100, 5000);
        f.addFault({{"route", "/crm/v8/org$"}, {"status", 429}, {"retryAfter", 1}, {"count", 1}});
        QElapsedTimer timer;
        timer.start();
        const Outcome o = run(client, net::HttpRequest::get(f.url(kOrg)));
        QVERIFY(!o.error);
        QCOMPARE(o.response.status, 401); // the real answer after the retry
        QCOMPARE(o.retries, 1);
        QCOMPARE(o.delays.value(0), 1000);
        QVERIFY(timer.elapsed() >= 950);
        QCOMPARE(f.countRequests("GET", "/crm/v8/org$"), 2);
    }

    void tooLongRetryAfterIsReturnedNotWaited()
    {
        SandboxFixture f;
        net::HttpClient client;
        client.setBackoff(10, 100, 2000);
        f.addFault({{"route", "/crm/v8/org$"}, {"status", 429}, {"retryAfter", 3600}, {"count", 1}});
        const Outcome o = run(client, net::HttpRequest::get(f.url(kOrg)));
        QCOMPARE(o.response.status, 429);
        QCOMPARE(o.retries, 0);
        const net::Error e = net::HttpClient::errorForStatus(o.response, f.url(kOrg));
        QCOMPARE(e.category, net::ErrorCategory::RateLimit);
    }

    void exponentialBackoffIsBounded()
    {
        SandboxFixture f;
        net::HttpClient client;
        client.setBackoff(20, 50, 1000);
        f.addFault({{"route", "/crm/v8/org$"}, {"status", 503}});
        net::HttpRequest request = net::HttpRequest::get(f.url(kOrg));
        request.maxAttempts = 4;
        const Outcome o = run(client, request);
        QCOMPARE(o.response.status, 503); // gave up after four attempts
        QCOMPARE(o.response.attempts, 4);
        QCOMPARE(o.retries, 3);
        QVERIFY(o.delays[0] >= 16 && o.delays[0] <= 24); // 20 ms ± 20 %
        QVERIFY(o.delays[1] >= 32 && o.delays[1] <= 48); // 40 ms ± 20 %
        QVERIFY(o.delays[2] <= 50);                      // capped
        QCOMPARE(f.countRequests("GET", "/crm/v8/org$"), 4);
    }

    void gatewayErrorsRetryOnlyIdempotentRequests()
    {
        SandboxFixture f;
        net::HttpClient client;
        client.setBackoff(10, 50, 1000);
        f.addFault({{"route", "/ims/token/v3$"}, {"status", 502}, {"count", 1}});
        // A POST may have been acted on behind a failing gateway: not repeated.
        net::HttpRequest post = net::HttpRequest::form(f.url("/adobe/ims/ims/token/v3"), {});
        const Outcome o = run(client, post);
        QCOMPARE(o.response.status, 502);
        QCOMPARE(o.retries, 0);
        f.addFault({{"route", "/crm/v8/org$"}, {"status", 504}, {"count", 1}});
        const Outcome g = run(client, net::HttpRequest::get(f.url(kOrg)));
        QCOMPARE(g.response.status, 401);
        QCOMPARE(g.retries, 1);
    }

    void droppedConnectionIsRetriedForGet()
    {
        SandboxFixture f;
        net::HttpClient client;
        client.setBackoff(10, 50, 1000);
        f.addFault({{"route", "/crm/v8/org$"}, {"drop", "before"}, {"count", 1}});
        const Outcome o = run(client, net::HttpRequest::get(f.url(kOrg)));
        QVERIFY2(!o.error, qPrintable(o.error.message));
        QCOMPARE(o.response.status, 401);
    }

    void lostReplyOfAPostIsNotResent()
    {
        SandboxFixture f;
        net::HttpClient client;
        client.setBackoff(10, 50, 1000);
        f.addFault({{"route", "/ims/token/v3$"}, {"drop", "after"}, {"count", 1}});
        const Outcome o = run(client, net::HttpRequest::form(f.url("/adobe/ims/ims/token/v3"), {}));
        QCOMPARE(o.error.category, net::ErrorCategory::Network);
        QVERIFY(!o.error.message.isEmpty());
        // Exactly one request reached the server: no silent resend by Qt or by the helper.
        QCOMPARE(f.countRequests("POST", "/ims/token/v3$"), 1);
    }

    void timeout()
    {
        SandboxFixture f;
        net::HttpClient client;
        f.addFault({{"route", "/crm/v8/org$"}, {"delay", 3000}, {"count", 1}});
        net::HttpRequest request = net::HttpRequest::get(f.url(kOrg));
        request.timeoutMs = 300;
        request.maxAttempts = 1;
        QElapsedTimer timer;
        timer.start();
        const Outcome o = run(client, request);
        QCOMPARE(o.error.category, net::ErrorCategory::Network);
        QVERIFY(o.error.message.contains("did not answer in time"));
        QVERIFY(timer.elapsed() < 2500);
    }

    void truncatedReplyIsAnError()
    {
        SandboxFixture f;
        net::HttpClient client;
        client.setBackoff(10, 50, 1000);
        f.addFault({{"route", "/ims/token/v3$"}, {"truncate", true}});
        const Outcome o = run(client, net::HttpRequest::form(f.url("/adobe/ims/ims/token/v3"), {}));
        QCOMPARE(o.error.category, net::ErrorCategory::Network);
        QVERIFY(!o.error.message.isEmpty());
        QVERIFY2(o.error.message.contains("127.0.0.1"), qPrintable(o.error.message));
        // The server may have acted on it (a grant code is spent, an object created): a POST whose
        // reply was cut short is sent exactly once, never again behind the caller's back.
        QCOMPARE(o.retries, 0);
        QCOMPARE(f.countRequests("POST", "/ims/token/v3$"), 1);
    }

    // The same for a JSON POST (object creation), and a GET is retried: the difference is the
    // idempotency, not the route.
    void truncatedReplyOfJsonPostIsSentOnceAndGetIsRetried()
    {
        SandboxFixture f;
        net::HttpClient client;
        client.setBackoff(10, 50, 1000);
        f.addFault({{"route", "/flowservice/connections$"}, {"truncate", true}});
        const Outcome post =
            run(client, net::HttpRequest::json("POST", f.url("/adobe/platform/data/foundation/flowservice/connections"),
                                               QJsonObject{{"name", "Zoho CRM"}}));
        QCOMPARE(post.error.category, net::ErrorCategory::Network);
        QCOMPARE(post.retries, 0);
        QCOMPARE(f.countRequests("POST", "/flowservice/connections$"), 1);

        f.addFault({{"route", "/crm/v8/org$"}, {"truncate", true}, {"count", 1}});
        const Outcome get = run(client, net::HttpRequest::get(f.url(kOrg)));
        QVERIFY2(!get.error, qPrintable(get.error.message));
        QCOMPARE(get.response.status, 401);
        QCOMPARE(get.retries, 1);
        QCOMPARE(f.countRequests("GET", "/crm/v8/org$"), 2);
    }

    void cancel()
    {
        SandboxFixture f;
        net::HttpClient client;
        f.addFault({{"route", "/crm/v8/org$"}, {"delay", 5000}});
        net::HttpCall *call = client.send(net::HttpRequest::get(f.url(kOrg)));
        net::Error error;
        bool done = false;
        QObject::connect(call, &net::HttpCall::finished, [&](const net::HttpResponse &, const net::Error &e) {
            error = e;
            done = true;
        });
        QTest::qWait(100);
        call->cancel();
        QTRY_VERIFY_WITH_TIMEOUT(done, 1000);
        QVERIFY(error);
        QCOMPARE(error.category, net::ErrorCategory::Cancelled);
    }

    void jsonInAndOut()
    {
        SandboxFixture f;
        net::HttpClient client;
        const net::HttpRequest request = net::HttpRequest::json(
            "POST", f.url("/_sandbox/clients"), QJsonObject{{"redirectUri", "http://127.0.0.1:50999/cb"}});
        QCOMPARE(request.header("content-type"), QByteArray("application/json"));
        QVERIFY(!request.idempotent);
        const Outcome o = run(client, request);
        QCOMPARE(o.response.status, 201);
        QCOMPARE(o.response.object()["redirectUri"].toString(), QStringLiteral("http://127.0.0.1:50999/cb"));
        QVERIFY(!o.response.requestId().isEmpty());
    }

    // Spool uploads and Bulk Read downloads stream through files: the bytes arrive whole, a 2xx
    // answer lands in the file (not in memory), an error answer stays in memory, and a failed
    // download leaves no file behind.
    void bodyFromFileAndAnswerToFile()
    {
        QHttpServer server;
        QByteArray received;
        const QByteArray big(3 * 1024 * 1024 + 17, 'z');
        server.route("/echo", [&received](const QHttpServerRequest &request) {
            received = request.body();
            return QHttpServerResponse("text/plain", QByteArray("got ") + QByteArray::number(received.size()));
        });
        server.route("/big", [&big]() { return QHttpServerResponse("application/octet-stream", big); });
        server.route("/missing", []() {
            return QHttpServerResponse("application/json", QByteArray(R"({"code":"NOPE"})"),
                                       QHttpServerResponse::StatusCode::NotFound);
        });
        const quint16 port = server.listen(QHostAddress::LocalHost);
        QVERIFY(port != 0);
        const QString base = QStringLiteral("http://127.0.0.1:%1").arg(port);
        QTemporaryDir dir;
        QFile upload(dir.filePath("part-00001.json"));
        QVERIFY(upload.open(QIODevice::WriteOnly));
        const QByteArray lines = QByteArray("{\"a\":1}\n").repeated(50000);
        upload.write(lines);
        upload.close();

        net::HttpClient client;
        net::HttpRequest put = net::HttpRequest::get(QUrl(base + "/echo"));
        put.method = "PUT";
        put.bodyFile = upload.fileName();
        Outcome o = run(client, put);
        QVERIFY(!o.error);
        QCOMPARE(received, lines);
        QCOMPARE(o.response.body, QByteArray("got ") + QByteArray::number(lines.size()));

        net::HttpRequest get = net::HttpRequest::get(QUrl(base + "/big"));
        get.downloadFile = dir.filePath("result.zip");
        o = run(client, get);
        QVERIFY(!o.error);
        QCOMPARE(o.response.status, 200);
        QVERIFY(o.response.body.isEmpty());
        QFile result(get.downloadFile);
        QVERIFY(result.open(QIODevice::ReadOnly));
        QCOMPARE(result.readAll(), big);
        QVERIFY(!QFile::exists(get.downloadFile + ".part"));

        net::HttpRequest missing = net::HttpRequest::get(QUrl(base + "/missing"));
        missing.downloadFile = dir.filePath("missing.zip");
        o = run(client, missing);
        QCOMPARE(o.response.status, 404);
        QCOMPARE(o.response.object()["code"].toString(), QStringLiteral("NOPE"));
        QVERIFY(!QFile::exists(missing.downloadFile));
        QVERIFY(!QFile::exists(missing.downloadFile + ".part"));

        net::HttpRequest unreadable = put;
        unreadable.bodyFile = dir.filePath("no-such-file.json");
        o = run(client, unreadable);
        QCOMPARE(o.error.category, net::ErrorCategory::Bug);
    }

    void connectionRefused()
    {
        net::HttpClient client;
        client.setBackoff(10, 20, 100);
        net::HttpRequest request = net::HttpRequest::get(QUrl("http://127.0.0.1:1/nothing"));
        request.maxAttempts = 2;
        const Outcome o = run(client, request);
        QCOMPARE(o.error.category, net::ErrorCategory::Network);
        QCOMPARE(o.retries, 1);
        QVERIFY(o.error.message.contains("127.0.0.1"));
    }
};

QTEST_GUILESS_MAIN(TestHttpClient)
#include "tst_httpclient.moc"

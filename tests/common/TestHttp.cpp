// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestHttp.h"

#include "net/OneShotBody.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

namespace zaw::test {

QByteArray HttpResult::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

QJsonValue HttpResult::json() const
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isArray())
        return doc.array();
    if (doc.isObject())
        return doc.object();
    return {};
}

Http::Http()
    : m_nam(std::make_unique<QNetworkAccessManager>())
{
    m_nam->setProxy(QNetworkProxy::NoProxy);
}

Http::~Http() = default;

HttpResult Http::send(const QByteArray &method, const QUrl &url, const QList<QPair<QByteArray, QByteArray>> &headers,
                      const QByteArray &body, int timeoutMs)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    for (const auto &h : headers)
        request.setRawHeader(h.first, h.second);
    // A body that cannot be rewound: Qt must not resend a request whose connection was dropped,
    // or the sandbox's "drop" faults could not be observed (see OneShotBody).
    QNetworkReply *reply = nullptr;
    if (body.isEmpty()) {
        reply = m_nam->sendCustomRequest(request, method);
    } else {
        net::OneShotBody::prepare(&request, body.size());
        auto *device = new net::OneShotBody(body);
        reply = m_nam->sendCustomRequest(request, method, device);
        device->setParent(reply);
    }
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(timeoutMs);
    HttpResult result;
    if (!reply->isFinished()) {
        reply->abort();
        result.error = QNetworkReply::TimeoutError;
    } else {
        result.error = reply->error();
    }
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.headers = reply->rawHeaderPairs();
    result.body = reply->readAll();
    reply->deleteLater();
    return result;
}

HttpResult Http::get(const QUrl &url, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    return send("GET", url, headers);
}

HttpResult Http::postForm(const QUrl &url, const QUrlQuery &form, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    auto h = headers;
    h.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/x-www-form-urlencoded")));
    return send("POST", url, h, form.query(QUrl::FullyEncoded).toUtf8());
}

HttpResult Http::postJson(const QUrl &url, const QJsonValue &json, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    auto h = headers;
    h.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    const QJsonDocument doc = json.isArray() ? QJsonDocument(json.toArray()) : QJsonDocument(json.toObject());
    return send("POST", url, h, doc.toJson(QJsonDocument::Compact));
}

SandboxFixture::SandboxFixture(const sandbox::SandboxOptions &options)
    : m_server(std::make_unique<sandbox::SandboxServer>(options))
{
    QString error;
    if (!m_server->start(QHostAddress::LocalHost, 0, &error))
        qFatal("sandbox did not start: %s", qPrintable(error));
}

SandboxFixture::~SandboxFixture() = default;

QUrl SandboxFixture::url(const QString &path) const
{
    QUrl u = m_server->url();
    const int q = path.indexOf(QLatin1Char('?'));
    if (q >= 0) {
        u.setPath(path.left(q));
        u.setQuery(path.mid(q + 1));
    } else {
        u.setPath(path);
    }
    return u;
}

Endpoints SandboxFixture::endpoints() const
{
    QString error;
    auto e = Endpoints::fromJson(m_server->endpointsJson(), &error);
    if (!e)
        qFatal("sandbox endpoints: %s", qPrintable(error));
    return *e;
}

void SandboxFixture::addFault(const QJsonObject &fault)
{
    const HttpResult r = http.postJson(url(QStringLiteral("/_sandbox/faults")), fault);
    if (r.status != 200 && r.status != 201)
        qFatal("fault not accepted: %d %s", r.status, r.body.constData());
}

int SandboxFixture::countRequests(const QByteArray &method, const QString &pathPattern) const
{
    const QRegularExpression re(pathPattern);
    int n = 0;
    for (const QJsonValue &v : m_server->requestLog()) {
        const QJsonObject o = v.toObject();
        if (!method.isEmpty() && o.value(QStringLiteral("method")).toString().toLatin1() != method)
            continue;
        if (re.match(o.value(QStringLiteral("path")).toString()).hasMatch())
            ++n;
    }
    return n;
}

} // namespace zaw::test
